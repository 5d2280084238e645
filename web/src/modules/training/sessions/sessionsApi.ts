import { call, client, fileBody } from '../../../api/client';
import type { ApiAnswer, ApiBody, ApiQuery } from '../../../api/types';

export type GroupSelection = ApiBody<'/api/training/sessions/{id}/group-enrolment', 'post'>;
export type GroupEnrolment = ApiAnswer<'/api/training/sessions/{id}/group-enrolment', 'post'>;
export type SessionDetail = ApiAnswer<'/api/training/sessions/{id}', 'get'>;
export type SessionCreate = ApiBody<'/api/training/sessions', 'post'>;
export type SessionChange = ApiBody<'/api/training/sessions/{id}', 'patch'>;
export type SessionListQuery = ApiQuery<'/api/training/sessions', 'get'>;
export type Enrolment = ApiAnswer<'/api/training/enrolments', 'get'>['items'][number];
export type AttendanceGrid = ApiAnswer<'/api/training/sessions/{id}/attendance', 'get'>;
export type AttendanceChange = ApiBody<'/api/training/sessions/{id}/attendance', 'put'>;

/** The sessions part's query keys: invalidate `sessionsKeys.all` after any change. */
export const sessionsKeys = {
  all: ['training-sessions'] as const,
  list: (query: SessionListQuery) => ['training-sessions', 'list', query] as const,
  detail: (id: string) => ['training-sessions', 'detail', id] as const,
  enrolments: (id: string) => ['training-sessions', 'enrolments', id] as const,
  attendance: (id: string) => ['training-sessions', 'attendance', id] as const,
  lecturers: (id: string) => ['training-sessions', 'lecturers', id] as const,
  courses: ['training-sessions', 'courses'] as const,
  candidates: (q: string) => ['training-sessions', 'candidates', q] as const,
  pending: ['training-sessions', 'pending'] as const,
  mine: ['training-sessions', 'mine'] as const,
  feed: ['training-sessions', 'feed'] as const,
};

const session = (id: string) => ({ params: { path: { id } } });

export const sessionsApi = {
  list: (query: SessionListQuery, signal?: AbortSignal) => call(client.GET('/api/training/sessions', { params: { query }, signal })),
  get: (id: string, signal?: AbortSignal) => call(client.GET('/api/training/sessions/{id}', { ...session(id), signal })),
  create: (body: SessionCreate) => call(client.POST('/api/training/sessions', { body })),
  update: (id: string, body: SessionChange) => call(client.PATCH('/api/training/sessions/{id}', { ...session(id), body })),
  courses: (signal?: AbortSignal) => call(client.GET('/api/training/sessions/plannable-courses', { signal })),
  lecturers: (id: string, signal?: AbortSignal) => call(client.GET('/api/training/sessions/{id}/lecturers', { ...session(id), signal })),
  icsUrl: (id: string) => `/api/training/sessions/${encodeURIComponent(id)}/calendar.ics`,
  enrolments: (id: string, signal?: AbortSignal) => call(client.GET('/api/training/sessions/{id}/enrolments', { ...session(id), signal })),
  enrol: (id: string, personIds: string[]) =>
    call(client.POST('/api/training/sessions/{id}/enrolments', { ...session(id), body: { personIds, source: 'hr' } })),
  groupPreview: (id: string, body: GroupSelection) => call(client.POST('/api/training/sessions/{id}/group-enrolment/preview', { ...session(id), body })),
  groupEnrol: (id: string, body: GroupSelection) => call(client.POST('/api/training/sessions/{id}/group-enrolment', { ...session(id), body })),
  candidates: (q: string, signal?: AbortSignal) => call(client.GET('/api/training/enrolments/candidates', { params: { query: { q } }, signal })),
  cancel: (id: string, reason?: string) => call(client.POST('/api/training/enrolments/{id}/cancel', { ...session(id), body: { reason } })),
  replace: (id: string, personId: string) => call(client.POST('/api/training/enrolments/{id}/replace', { ...session(id), body: { personId } })),
  approve: (id: string) => call(client.POST('/api/training/enrolments/{id}/approve', session(id))),
  reject: (id: string) => call(client.POST('/api/training/enrolments/{id}/reject', session(id))),
  pending: (signal?: AbortSignal) => call(client.GET('/api/training/enrolments', { params: { query: { status: 'pending_approval' } }, signal })),
  attendance: (id: string, signal?: AbortSignal) => call(client.GET('/api/training/sessions/{id}/attendance', { ...session(id), signal })),
  saveAttendance: (id: string, body: AttendanceChange) => call(client.PUT('/api/training/sessions/{id}/attendance', { ...session(id), body })),
  importAttendance: (id: string, file: File) => call(client.POST('/api/training/sessions/{id}/attendance/import', { ...session(id), ...fileBody(file) })),
  close: (id: string) => call(client.POST('/api/training/sessions/{id}/close', session(id))),
  mine: (signal?: AbortSignal) => call(client.GET('/api/training/me/enrolments', { signal })),
  request: (sessionId: string) => call(client.POST('/api/training/me/enrolments', { body: { sessionId } })),
  feed: (signal?: AbortSignal) => call(client.GET('/api/training/me/calendar-feed', { signal })),
  renewFeed: () => call(client.POST('/api/training/me/calendar-feed')),
};
