import { z } from 'zod';
import { calendarDate, timestamp } from '../../platform/http/response-types.js';
import { ASSIGNMENT_STATUSES, CYCLE_KINDS, CYCLE_STATUSES, NOTIFICATION_KINDS } from './assessment.tables.js';
import { GAP_FLAGS, RATER_SOURCES, SOURCE_GROUP_NAMES, SOURCES } from './consolidation.js';

/**
 * What /api/assessments answers (issue 13, one API contract). Each schema says
 * what the SQL behind it returns: numeric columns arrive as numbers, date
 * columns as yyyy-mm-dd, timestamptz as dates; nullable where the column is.
 */

const int = z.number().int();
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const cycleStatus = z.enum(CYCLE_STATUSES);
const assignmentStatus = z.enum(ASSIGNMENT_STATUSES);
const raterSource = z.enum(RATER_SOURCES);
/** framework_versions.status (migration 0002's CHECK). */
const versionStatus = z.enum(['draft', 'published', 'retired']);

export const createdId = z.object({ id: z.string() });

// --- HR: framework versions, experts, cycles --------------------------------

export const frameworkVersionList = items(
  z.object({ id: z.string(), code: z.string(), versionNo: int, name: z.string(), nameEn: z.string(), levelCount: int, status: versionStatus }),
);

export const versionCompetencyList = items(z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string() }));

export const expertList = items(z.object({ id: z.string(), displayName: z.string(), agencyName: z.string() }));

export const sourceWeights = z.object(Object.fromEntries(SOURCES.map((s) => [s, z.number()])) as Record<(typeof SOURCES)[number], z.ZodNumber>);

export const cycle = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  agencyPath: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.enum(CYCLE_KINDS),
  year: int.nullable(),
  scope: z.object({ agencyIds: z.array(z.string()), positionIds: z.array(z.string()), personIds: z.array(z.string()) }),
  opensOn: calendarDate,
  closesOn: calendarDate,
  frameworkVersionId: z.string(),
  weights: sourceWeights,
  minPeers: int,
  anonymityThreshold: int,
  gapThreshold: z.number(),
  testCutoffs: z.array(z.number()).nullable(),
  status: cycleStatus,
  createdAt: timestamp,
});
export const cycleList = z.object({
  items: z.array(cycle),
  /** Cycles run above the caller's agency (the national ones) in which its staff were assessed: named, not managed here. */
  participated: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      agencyName: z.string(),
      year: int.nullable(),
      opensOn: calendarDate,
      closesOn: calendarDate,
      status: cycleStatus,
      subjectsInScope: int,
    }),
  ),
});

export const assignmentSummary = z.object({ subjects: int, assignments: int });
export const assignmentPreview = z.object({
  subjects: int,
  forms: int,
  bySource: z.object({ self: int, leader: int, peer: int, subordinate: int }),
  withoutLeader: int,
  cannotSignIn: z.array(z.object({ personId: z.string(), fullName: z.string(), staffCode: z.string(), reason: z.enum(['no_account', 'inactive']) })),
});

export const subjectList = items(
  z.object({
    personId: z.string(),
    fullName: z.string(),
    staffCode: z.string(),
    agencyId: z.string(),
    agencyName: z.string(),
    positionId: z.string().nullable(),
    competencyCount: int,
    raters: z.array(z.object({ id: z.string(), source: raterSource, status: assignmentStatus, raterName: z.string(), canSignIn: z.boolean() })),
  }),
);

export const reopenedForm = z.object({ status: assignmentStatus });

export const cycleProgress = z.object({
  total: z.object({ forms: int, submitted: int, overdue: int, subjects: int }),
  byAgency: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), subjects: int, forms: int, submitted: int, drafts: int, overdue: int })),
  byRater: z.array(
    z.object({
      raterKey: z.string(),
      raterName: z.string(),
      raterAgency: z.string().nullable(),
      forms: int,
      submitted: int,
      overdue: int,
      lastRemindedAt: timestamp.nullable(),
    }),
  ),
});

export const reminderSummary = z.object({ raters: int, inApp: int, emailed: int, withoutAccount: int });

export const consolidationSummary = z.object({ people: int, results: int });

// --- Raters: forms and notifications ------------------------------------------

export const myFormList = items(
  z.object({
    id: z.string(),
    source: raterSource,
    status: assignmentStatus,
    submittedAt: timestamp.nullable(),
    cycleId: z.string(),
    cycleName: z.string(),
    cycleNameEn: z.string().nullable(),
    closesOn: calendarDate,
    cycleStatus,
    subjectName: z.string(),
    subjectAgency: z.string(),
  }),
);

export const scaleLevel = z.object({ level: int, name: z.string(), nameEn: z.string(), description: z.string(), descriptionEn: z.string() });
export type ScaleLevel = z.infer<typeof scaleLevel>;

export const formCompetency = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  groupCode: z.string(),
  groupName: z.string(),
  groupNameEn: z.string(),
  requiredLevel: int.nullable(),
  indicators: z.array(z.object({ level: int, text: z.string(), textEn: z.string() })),
});
export type FormCompetency = z.infer<typeof formCompetency>;

export const ratingForm = z.object({
  id: z.string(),
  source: raterSource,
  status: assignmentStatus,
  submittedAt: timestamp.nullable(),
  cycle: z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable(), opensOn: calendarDate, closesOn: calendarDate, status: cycleStatus }),
  subject: z.object({ id: z.string(), fullName: z.string(), agencyName: z.string() }),
  levels: z.array(scaleLevel),
  competencies: z.array(formCompetency),
  ratings: z.array(z.object({ competencyId: z.string(), level: int.nullable(), comment: z.string().nullable(), evidenceUrl: z.string().nullable() })),
});

export const savedForm = z.object({ status: z.enum(['draft', 'submitted']), savedAt: timestamp });

/** A reminder's payload (progress.service.ts sendReminders); 'assigned' notifications carry the same cycle fields. */
export const notificationPayload = z.object({
  cycleId: z.string().optional(),
  cycleName: z.string().optional(),
  cycleNameEn: z.string().nullable().optional(),
  closesOn: calendarDate.optional(),
  pending: int.optional(),
});
export type NotificationPayload = z.infer<typeof notificationPayload>;

export const notificationList = items(
  z.object({ id: z.string(), kind: z.enum(NOTIFICATION_KINDS), payload: notificationPayload, createdAt: timestamp, readAt: timestamp.nullable() }),
);

// --- Knowledge tests ---------------------------------------------------------

const localizedOption = z.object({ vi: z.string(), en: z.string() });

export const questionList = items(
  z.object({
    id: z.string(),
    stem: z.string(),
    stemEn: z.string().nullable(),
    options: z.array(localizedOption),
    correctOption: int,
    agencyId: z.string().nullable(),
  }),
);

export const testOffer = z.object({
  competencyId: z.string(),
  name: z.string(),
  nameEn: z.string(),
  bank: int,
  attemptId: z.string().nullable(),
  level: int.nullable(),
  score: z.number().nullable(),
  submittedAt: timestamp.nullable(),
});
export type TestOffer = z.infer<typeof testOffer>;
export const testOfferList = items(testOffer);

/** The drawn questions without their answers. */
export const startedTest = z.object({
  attemptId: z.string(),
  competencyId: z.string(),
  questions: z.array(z.object({ id: z.string(), stem: z.string(), stemEn: z.string().nullable(), options: z.array(localizedOption) })),
});

export const testScore = z.object({ correct: int, total: int, score: z.number(), level: int });

// --- Reports -----------------------------------------------------------------

export const reportCompetency = z.object({
  competencyId: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  groupName: z.string(),
  groupNameEn: z.string(),
  requiredLevel: int.nullable(),
  criticality: int.nullable(),
  assessedLevel: z.number(),
  /** Required minus assessed, when there is a requirement; positive = needs development. */
  gap: z.number().nullable(),
  spread: z.number(),
  selfLevel: z.number().nullable(),
  othersLevel: z.number().nullable(),
  flag: z.enum(GAP_FLAGS).nullable(),
  sources: z.array(z.object({ source: z.enum(SOURCE_GROUP_NAMES), level: z.number(), raters: int, weight: z.number() })),
});
export type ReportCompetency = z.infer<typeof reportCompetency>;

const reportCycle = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  closesOn: calendarDate,
  consolidatedAt: timestamp,
  version: int,
});

export const personReport = z.object({
  person: z.object({
    id: z.string(),
    fullName: z.string(),
    staffCode: z.string(),
    agencyName: z.string(),
    position: z.object({ title: z.string(), titleEn: z.string() }).nullable(),
  }),
  cycles: z.array(reportCycle),
  cycle: reportCycle.nullable(),
  competencies: z.array(reportCompetency),
  history: z.array(z.object({ cycleId: z.string(), cycleName: z.string(), closesOn: calendarDate, code: z.string(), assessedLevel: z.number() })),
});

export const reportablePeopleList = items(z.object({ id: z.string(), fullName: z.string(), agencyName: z.string() }));
