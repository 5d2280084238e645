import { call, client } from '../../../api/client';
import { formatDong as formatMoney } from '../../../format/format';
import { currentLanguage } from '../../../i18n';
import type { ApiAnswer, ApiBody, ApiQuery } from '../../../api/types';

export type CourseList = ApiAnswer<'/api/training/courses', 'get'>;
export type CourseSummary = CourseList['items'][number];
export type CourseQuery = ApiQuery<'/api/training/courses', 'get'>;
export type CourseDetail = ApiAnswer<'/api/training/courses/{id}', 'get'>;
export type NewCourse = ApiBody<'/api/training/institutions/{id}/courses', 'post'>;
export type CourseContent = ApiBody<'/api/training/courses/{id}', 'put'>;
export type CourseFormat = CourseSummary['format'];
export type Lecturer = ApiAnswer<'/api/training/institutions/{id}/lecturers', 'get'>['items'][number];
export type LecturerInput = ApiBody<'/api/training/lecturers/{id}', 'put'>;
export type InstitutionDetail = ApiAnswer<'/api/training/institutions/{id}', 'get'>;
export type InstitutionInput = ApiBody<'/api/training/institutions', 'post'>;
export type InstitutionKind = InstitutionInput['kind'];

export const INSTITUTION_KINDS: InstitutionKind[] = ['school_of_politics', 'academy', 'university', 'agency_trainer', 'other'];

export const COURSE_FORMATS: CourseFormat[] = ['online', 'classroom', 'blended', 'simulation', 'on_the_job', 'job_rotation'];

/** The catalogue's query keys: invalidate `catalogueKeys.all` after any change. */
export const catalogueKeys = {
  all: ['catalogue'] as const,
  courses: (query: CourseQuery) => ['catalogue', 'courses', query] as const,
  course: (id: string) => ['catalogue', 'course', id] as const,
  institutions: ['catalogue', 'institutions'] as const,
  institution: (id: string) => ['catalogue', 'institution', id] as const,
  institutionCourses: (id: string) => ['catalogue', 'institution', id, 'courses'] as const,
  lecturers: (id: string) => ['catalogue', 'institution', id, 'lecturers'] as const,
  clientNeeds: (id: string, cycleId: string | undefined) => ['catalogue', 'institution', id, 'client-needs', cycleId ?? ''] as const,
  trainerAccounts: ['catalogue', 'trainer-accounts'] as const,
  framework: (versionId: string | undefined) => ['catalogue', 'framework', versionId ?? ''] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export const catalogueApi = {
  courses: (query: CourseQuery, signal?: AbortSignal) => call(client.GET('/api/training/courses', { params: { query }, signal })),
  course: (id: string, signal?: AbortSignal) => call(client.GET('/api/training/courses/{id}', { ...path(id), signal })),
  createCourse: (institutionId: string, body: NewCourse) => call(client.POST('/api/training/institutions/{id}/courses', { ...path(institutionId), body })),
  updateCourse: (id: string, body: CourseContent) => call(client.PUT('/api/training/courses/{id}', { ...path(id), body })),
  publishCourse: (id: string) => call(client.POST('/api/training/courses/{id}/publish', path(id))),
  retireCourse: (id: string) => call(client.POST('/api/training/courses/{id}/retire', path(id))),
  institutions: (signal?: AbortSignal) => call(client.GET('/api/training/institutions', { signal })),
  institution: (id: string, signal?: AbortSignal) => call(client.GET('/api/training/institutions/{id}', { ...path(id), signal })),
  createInstitution: (body: InstitutionInput) => call(client.POST('/api/training/institutions', { body })),
  updateInstitution: (id: string, body: Partial<InstitutionInput>) => call(client.PATCH('/api/training/institutions/{id}', { ...path(id), body })),
  setInstitutionStaff: (id: string, userIds: string[]) => call(client.PUT('/api/training/institutions/{id}/staff', { ...path(id), body: { userIds } })),
  setInstitutionClients: (id: string, agencyIds: string[]) => call(client.PUT('/api/training/institutions/{id}/clients', { ...path(id), body: { agencyIds } })),
  /** Trainer accounts, to choose an institution's staff from (national administrators only). */
  trainerAccounts: (signal?: AbortSignal) => call(client.GET('/api/accounts/', { params: { query: { role: 'trainer', limit: 500 } }, signal })),
  institutionCourses: (id: string, signal?: AbortSignal) =>
    call(client.GET('/api/training/institutions/{id}/courses', { params: { path: { id }, query: { status: 'all' } }, signal })),
  lecturers: (id: string, signal?: AbortSignal) => call(client.GET('/api/training/institutions/{id}/lecturers', { ...path(id), signal })),
  createLecturer: (institutionId: string, body: LecturerInput) =>
    call(client.POST('/api/training/institutions/{id}/lecturers', { ...path(institutionId), body })),
  updateLecturer: (id: string, body: LecturerInput) => call(client.PUT('/api/training/lecturers/{id}', { ...path(id), body })),
  deleteLecturer: (id: string) => call(client.DELETE('/api/training/lecturers/{id}', path(id))),
  framework: (versionId: string | undefined, signal?: AbortSignal) =>
    call(client.GET('/api/training/catalogue/framework', { params: { query: { versionId } }, signal })),
  clientNeeds: (id: string, cycleId: string | undefined, signal?: AbortSignal) =>
    call(client.GET('/api/training/institutions/{id}/client-needs', { params: { path: { id }, query: { cycleId } }, signal })),
  /** The file goes as raw bytes, as the server reads application/octet-stream. */
  importCatalogue: (id: string, file: File) =>
    call(
      client.POST('/api/training/institutions/{id}/catalogue/import', {
        ...path(id),
        body: file as never,
        bodySerializer: (body: unknown) => new Blob([body as File], { type: 'application/octet-stream' }),
        headers: { 'Content-Type': 'application/octet-stream' },
      }),
    ),
  exportUrl: (id: string) => `/api/training/institutions/${encodeURIComponent(id)}/catalogue.xlsx`,
};

/** Money in integer dong, shown the Vietnamese way (2.500.000 ₫) in both languages. */
/** Money in the page's language (1.500.000 ₫ in Vietnamese), the shared format. */
export const formatDong = (amount: number) => formatMoney(amount, currentLanguage());
