import { api, withQuery } from '../../api/client';
import { currentLanguage } from '../../i18n';

/** Shapes of /api/assessments (src/modules/assessment on the server). */

export type Source = 'self' | 'leader' | 'peer' | 'subordinate' | 'expert' | 'test';
export type SourceGroupName = Source | 'colleagues';
export type Weights = Record<Source, number>;

export interface Cycle {
  id: string;
  agencyId: string;
  agencyName: string;
  name: string;
  nameEn: string | null;
  kind: 'periodic' | 'ad_hoc';
  year: number | null;
  scope: { agencyIds: string[]; positionIds: string[]; personIds: string[] };
  opensOn: string;
  closesOn: string;
  frameworkVersionId: string;
  weights: Weights;
  minPeers: number;
  anonymityThreshold: number;
  gapThreshold: number;
  status: 'draft' | 'open' | 'closed';
}

export interface FrameworkVersionOption {
  id: string;
  code: string;
  versionNo: number;
  name: string;
  nameEn: string;
  levelCount: number;
}

export interface MyForm {
  id: string;
  source: Source;
  status: 'pending' | 'draft' | 'submitted';
  cycleId: string;
  cycleName: string;
  cycleNameEn: string | null;
  closesOn: string;
  cycleStatus: 'draft' | 'open' | 'closed';
  subjectName: string;
  subjectAgency: string;
}

export interface FormCompetency {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  groupName: string;
  groupNameEn: string;
  requiredLevel: number | null;
  indicators: Array<{ level: number; text: string; textEn: string }>;
}

export interface RatingForm {
  id: string;
  source: Source;
  status: MyForm['status'];
  cycle: { id: string; name: string; nameEn: string | null; closesOn: string; status: string };
  subject: { id: string; fullName: string; agencyName: string };
  levels: Array<{ level: number; name: string; nameEn: string; description: string; descriptionEn: string }>;
  competencies: FormCompetency[];
  ratings: Array<{ competencyId: string; level: number | null; comment: string | null; evidenceUrl: string | null }>;
}

export interface RatingInput {
  competencyId: string;
  level: number | null;
  comment?: string | null;
  evidenceUrl?: string | null;
}

export interface Progress {
  total: { forms: number; submitted: number; overdue: number; subjects: number };
  byAgency: Array<{ agencyId: string; agencyName: string; subjects: number; forms: number; submitted: number; drafts: number; overdue: number }>;
  byRater: Array<{ raterKey: string; raterName: string; raterAgency: string | null; forms: number; submitted: number; overdue: number; lastRemindedAt: string | null }>;
}

export interface Subject {
  personId: string;
  fullName: string;
  agencyName: string;
  competencyCount: number;
  raters: Array<{ id: string; source: Source; status: MyForm['status']; raterName: string }>;
}

export interface SourceGroup {
  source: SourceGroupName;
  level: number;
  raters: number;
  weight: number;
}

export interface ReportCompetency {
  competencyId: string;
  code: string;
  name: string;
  nameEn: string;
  groupName: string;
  groupNameEn: string;
  requiredLevel: number | null;
  criticality: number | null;
  assessedLevel: number;
  gap: number | null;
  spread: number;
  selfLevel: number | null;
  othersLevel: number | null;
  flag: 'blind_spot' | 'hidden_strength' | null;
  sources: SourceGroup[];
}

export interface PersonReport {
  person: { id: string; fullName: string; staffCode: string; agencyName: string; position: { title: string; titleEn: string } | null };
  cycles: Array<{ id: string; name: string; nameEn: string | null; closesOn: string; version: number }>;
  cycle: { id: string; name: string; nameEn: string | null; closesOn: string; version: number } | null;
  competencies: ReportCompetency[];
  history: Array<{ cycleId: string; cycleName: string; closesOn: string; code: string; assessedLevel: number }>;
}

export interface Notification {
  id: string;
  kind: 'reminder' | 'assigned';
  payload: { cycleName?: string; cycleNameEn?: string | null; pending?: number; closesOn?: string };
  createdAt: string;
  readAt: string | null;
}

export interface TestOffer {
  competencyId: string;
  name: string;
  nameEn: string;
  bank: number;
  attemptId: string | null;
  level: number | null;
  submittedAt: string | null;
}

export interface TestQuestion {
  id: string;
  stem: string;
  stemEn: string | null;
  options: Array<{ vi: string; en: string }>;
}

/** Vietnamese text, or its English counterpart when the UI is in English and one exists. */
export const loc = (vi: string, en: string | null | undefined) => (currentLanguage() === 'en' && en ? en : vi);

const base = '/api/assessments';
export const assessmentApi = {
  cycles: () => api.get<{ items: Cycle[] }>(`${base}/cycles`).then((r) => r.items),
  cycle: (id: string) => api.get<Cycle>(`${base}/cycles/${id}`),
  frameworkVersions: () => api.get<{ items: FrameworkVersionOption[] }>(`${base}/framework-versions`).then((r) => r.items),
  createCycle: (body: unknown) => api.post<{ id: string }>(`${base}/cycles`, body),
  updateCycle: (id: string, body: unknown) => api.patch<Cycle>(`${base}/cycles/${id}`, body),
  assign: (id: string) => api.post<{ subjects: number; assignments: number }>(`${base}/cycles/${id}/assign`, {}),
  subjects: (id: string) => api.get<{ items: Subject[] }>(withQuery(`${base}/cycles/${id}/subjects`, { limit: 500 })).then((r) => r.items),
  addRater: (cycleId: string, personId: string, body: unknown) => api.post<{ id: string }>(`${base}/cycles/${cycleId}/subjects/${personId}/raters`, body),
  removeRater: (assignmentId: string) => api.delete(`${base}/assignments/${assignmentId}`),
  reopen: (formId: string) => api.post<{ status: string }>(`${base}/forms/${formId}/reopen`),
  progress: (id: string) => api.get<Progress>(`${base}/cycles/${id}/progress`),
  remind: (id: string, overdueOnly: boolean) => api.post<{ raters: number; inApp: number; emailed: number; withoutAccount: number }>(`${base}/cycles/${id}/reminders`, { overdueOnly }),
  consolidate: (id: string) => api.post<{ people: number; results: number }>(`${base}/cycles/${id}/consolidate`, {}),
  versionCompetencies: (versionId: string) =>
    api.get<{ items: Array<{ id: string; code: string; name: string; nameEn: string }> }>(`${base}/framework-versions/${versionId}/competencies`).then((r) => r.items),
  questions: (competencyId: string) =>
    api.get<{ items: Array<TestQuestion & { correctOption: number }> }>(withQuery(`${base}/questions`, { competencyId })).then((r) => r.items),
  addQuestion: (body: unknown) => api.post<{ id: string }>(`${base}/questions`, body),
  withdrawQuestion: (id: string) => api.delete(`${base}/questions/${id}`),
  experts: () => api.get<{ items: Array<{ id: string; displayName: string; agencyName: string }> }>(`${base}/experts`).then((r) => r.items),
  myForms: () => api.get<{ items: MyForm[] }>(`${base}/forms`).then((r) => r.items),
  form: (id: string) => api.get<RatingForm>(`${base}/forms/${id}`),
  saveDraft: (id: string, ratings: RatingInput[]) => api.put<{ status: string }>(`${base}/forms/${id}`, { ratings }),
  submit: (id: string, ratings: RatingInput[]) => api.post<{ status: string }>(`${base}/forms/${id}/submit`, { ratings }),
  notifications: () => api.get<{ items: Notification[] }>(`${base}/notifications`).then((r) => r.items),
  markRead: (id: string) => api.post(`${base}/notifications/${id}/read`),
  myTests: (cycleId: string) => api.get<{ items: TestOffer[] }>(`${base}/cycles/${cycleId}/tests`).then((r) => r.items),
  startTest: (cycleId: string, competencyId: string) => api.post<{ attemptId: string; questions: TestQuestion[] }>(`${base}/cycles/${cycleId}/tests`, { competencyId }),
  submitTest: (attemptId: string, answers: Record<string, number>) => api.post<{ correct: number; total: number; level: number }>(`${base}/tests/${attemptId}/submit`, { answers }),
  myReport: (cycleId?: string) => api.get<PersonReport>(withQuery(`${base}/reports/me`, { cycleId })),
  personReport: (personId: string, cycleId?: string) => api.get<PersonReport>(withQuery(`${base}/reports/people/${personId}`, { cycleId })),
  reportablePeople: () => api.get<{ items: Array<{ id: string; fullName: string; agencyName: string }> }>(`${base}/reports/people`).then((r) => r.items),
  pdfUrl: (personId: string, cycleId?: string) => withQuery(`${base}/reports/people/${personId}/pdf`, { cycleId }),
};
