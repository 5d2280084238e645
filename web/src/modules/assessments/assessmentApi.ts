import { call, client, withQuery } from '../../api/client';
import type { ApiAnswer, ApiBody, ApiPath } from '../../api/types';
import { currentLanguage } from '../../i18n';

/** Shapes of /api/assessments, as the server declares them (src/modules/assessment/assessment.responses.ts). */

export type Cycle = ApiAnswer<'/api/assessments/cycles/{id}', 'get'>;
export type NewCycle = ApiBody<'/api/assessments/cycles', 'post'>;
export type CycleChange = ApiBody<'/api/assessments/cycles/{id}', 'patch'>;
export type Weights = Cycle['weights'];
export type Source = keyof Weights;
export type Subject = ApiAnswer<'/api/assessments/cycles/{id}/subjects', 'get'>['items'][number];
export type NewRater = ApiBody<'/api/assessments/cycles/{id}/subjects/{personId}/raters', 'post'>;
export type AssignmentPreviewAnswer = ApiAnswer<'/api/assessments/cycles/{id}/assign/preview', 'post'>;
export type Expert = ApiAnswer<'/api/assessments/experts', 'get'>['items'][number];
export type RatingForm = ApiAnswer<'/api/assessments/forms/{id}', 'get'>;
export type FormCompetency = RatingForm['competencies'][number];
export type RatingInput = ApiBody<'/api/assessments/forms/{id}', 'put'>['ratings'][number];
export type NewQuestion = ApiBody<'/api/assessments/questions', 'post'>;
export type PersonReport = ApiAnswer<'/api/assessments/reports/people/{id}', 'get'>;

/** Vietnamese text, or its English counterpart when the UI is in English and one exists. */
export const loc = (vi: string, en: string | null | undefined) => (currentLanguage() === 'en' && en ? en : vi);

/** The assessment module's query keys: invalidate `assessmentKeys.all` after a change that touches several views. */
export const assessmentKeys = {
  all: ['assessment'] as const,
  cycles: ['assessment', 'cycles'] as const,
  cycle: (id: string) => ['assessment', 'cycle', id] as const,
  progress: (cycleId: string) => ['assessment', 'progress', cycleId] as const,
  subjects: (cycleId: string) => ['assessment', 'subjects', cycleId] as const,
  experts: ['assessment', 'experts'] as const,
  frameworkVersions: ['assessment', 'framework-versions'] as const,
  versionCompetencies: (versionId: string) => ['assessment', 'version-competencies', versionId] as const,
  questions: (competencyId: string) => ['assessment', 'questions', competencyId] as const,
  notifications: ['assessment', 'notifications'] as const,
  myForms: ['assessment', 'my-forms'] as const,
  form: (id: string) => ['assessment', 'form', id] as const,
  /** Every cycle's test offers (invalidated when a test is submitted). */
  tests: ['assessment', 'tests'] as const,
  testsOf: (cycleIds: string[]) => ['assessment', 'tests', cycleIds.join()] as const,
  test: (cycleId: string, competencyId: string) => ['assessment', 'test', cycleId, competencyId] as const,
  report: (personId: string, cycleId: string | undefined) => ['assessment', 'report', personId, cycleId ?? ''] as const,
  reportable: ['assessment', 'reportable'] as const,
  // Reads of other modules for a cycle's scope (org, positions, people): here until those modules have their own keys.
  scopePositions: ['assessment', 'scope-positions'] as const,
};

const id = (value: string) => ({ path: { id: value } });

export const assessmentApi = {
  cycles: () => call(client.GET('/api/assessments/cycles')).then((r) => r.items),
  cycle: (cycleId: string) => call(client.GET('/api/assessments/cycles/{id}', { params: id(cycleId) })),
  frameworkVersions: () => call(client.GET('/api/assessments/framework-versions')).then((r) => r.items),
  createCycle: (body: NewCycle) => call(client.POST('/api/assessments/cycles', { body })),
  updateCycle: (cycleId: string, body: CycleChange) => call(client.PATCH('/api/assessments/cycles/{id}', { params: id(cycleId), body })),
  assign: (cycleId: string) => call(client.POST('/api/assessments/cycles/{id}/assign', { params: id(cycleId), body: {} })),
  assignPreview: (cycleId: string) => call(client.POST('/api/assessments/cycles/{id}/assign/preview', { params: id(cycleId), body: {} })),
  participatedCycles: () => call(client.GET('/api/assessments/cycles')).then((r) => r.participated),
  subjects: (cycleId: string) =>
    call(client.GET('/api/assessments/cycles/{id}/subjects', { params: { ...id(cycleId), query: { limit: 500 } } })).then((r) => r.items),
  addRater: (cycleId: string, personId: string, body: NewRater) =>
    call(client.POST('/api/assessments/cycles/{id}/subjects/{personId}/raters', { params: { path: { id: cycleId, personId } }, body })),
  removeRater: (assignmentId: string) => call(client.DELETE('/api/assessments/assignments/{id}', { params: id(assignmentId) })),
  reopen: (formId: string) => call(client.POST('/api/assessments/forms/{id}/reopen', { params: id(formId) })),
  progress: (cycleId: string) => call(client.GET('/api/assessments/cycles/{id}/progress', { params: id(cycleId) })),
  remind: (cycleId: string, overdueOnly: boolean) =>
    call(client.POST('/api/assessments/cycles/{id}/reminders', { params: id(cycleId), body: { overdueOnly } })),
  consolidate: (cycleId: string) => call(client.POST('/api/assessments/cycles/{id}/consolidate', { params: id(cycleId), body: {} })),
  versionCompetencies: (versionId: string) =>
    call(client.GET('/api/assessments/framework-versions/{id}/competencies', { params: id(versionId) })).then((r) => r.items),
  questions: (competencyId: string) => call(client.GET('/api/assessments/questions', { params: { query: { competencyId } } })).then((r) => r.items),
  addQuestion: (body: NewQuestion) => call(client.POST('/api/assessments/questions', { body })),
  withdrawQuestion: (questionId: string) => call(client.DELETE('/api/assessments/questions/{id}', { params: id(questionId) })),
  experts: () => call(client.GET('/api/assessments/experts')).then((r) => r.items),
  myForms: () => call(client.GET('/api/assessments/forms')).then((r) => r.items),
  form: (formId: string) => call(client.GET('/api/assessments/forms/{id}', { params: id(formId) })),
  saveDraft: (formId: string, ratings: RatingInput[]) => call(client.PUT('/api/assessments/forms/{id}', { params: id(formId), body: { ratings } })),
  submit: (formId: string, ratings: RatingInput[]) => call(client.POST('/api/assessments/forms/{id}/submit', { params: id(formId), body: { ratings } })),
  notifications: () => call(client.GET('/api/assessments/notifications')).then((r) => r.items),
  markRead: (notificationId: string) => call(client.POST('/api/assessments/notifications/{id}/read', { params: id(notificationId) })),
  myTests: (cycleId: string) => call(client.GET('/api/assessments/cycles/{id}/tests', { params: id(cycleId) })).then((r) => r.items),
  startTest: (cycleId: string, competencyId: string) =>
    call(client.POST('/api/assessments/cycles/{id}/tests', { params: id(cycleId), body: { competencyId } })),
  submitTest: (attemptId: string, answers: Record<string, number>) =>
    call(client.POST('/api/assessments/tests/{id}/submit', { params: id(attemptId), body: { answers } })),
  myReport: (cycleId?: string) => call(client.GET('/api/assessments/reports/me', { params: { query: { cycleId } } })),
  personReport: (personId: string, cycleId?: string) =>
    call(client.GET('/api/assessments/reports/people/{id}', { params: { ...id(personId), query: { cycleId } } })),
  reportablePeople: () => call(client.GET('/api/assessments/reports/people')).then((r) => r.items),
};

const REPORT_PDF = '/api/assessments/reports/people/{id}/pdf' satisfies ApiPath;

/** The printable report card: a plain link (the browser opens the PDF itself). */
export const reportPdfUrl = (personId: string, cycleId?: string) => withQuery(REPORT_PDF.replace('{id}', encodeURIComponent(personId)), { cycleId });
