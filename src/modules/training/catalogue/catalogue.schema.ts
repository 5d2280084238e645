import { z } from 'zod';
import { timestamp } from '../../../platform/http/response-types.js';
import { COURSE_FORMATS } from './course-rules.js';

export const INSTITUTION_KINDS = ['school_of_politics', 'academy', 'university', 'agency_trainer', 'other'] as const;
const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/);
const text = (max: number) => z.string().trim().max(max);
const localised = z.object({ vi: z.string(), en: z.string() });

export const idParams = z.strictObject({ id: z.uuid() });
export const courseFormat = z.enum(COURSE_FORMATS);

// ---- institutions ----
export const institutionBody = z.strictObject({
  code,
  name: text(300).min(1),
  nameEn: text(300).default(''),
  kind: z.enum(INSTITUTION_KINDS),
  agencyId: z.uuid(),
});
export const institutionPatch = institutionBody.partial();
export const staffBody = z.strictObject({ userIds: z.array(z.uuid()).max(200) });
export const clientsBody = z.strictObject({ agencyIds: z.array(z.uuid()).max(2000) });

export const institutionSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(INSTITUTION_KINDS),
  agencyId: z.string(),
  agencyName: z.string(),
  courses: z.number().int(),
});
export const institutionList = z.object({ items: z.array(institutionSummary), mine: z.string().nullable(), canManage: z.boolean() });
export const institutionDetail = institutionSummary.extend({
  clients: z.array(z.object({ id: z.string(), name: z.string(), code: z.string() })),
  /** Only for those who may keep the institution's catalogue. */
  staff: z.array(z.object({ userId: z.string(), username: z.string(), displayName: z.string() })),
  canManage: z.boolean(),
  canManageInstitution: z.boolean(),
});

// ---- courses ----
const hours = z
  .number()
  .positive()
  .max(9999)
  .refine((h) => Math.abs(Math.round(h * 10) - h * 10) < 1e-9, 'at most one decimal');
export const competencyTargetBody = z.strictObject({
  competencyId: z.uuid(),
  fromLevel: z.number().int().min(0).max(8),
  toLevel: z.number().int().min(1).max(8),
});
export const courseContentBody = z.strictObject({
  title: text(300).min(1),
  titleEn: text(300).default(''),
  description: text(5000).default(''),
  format: courseFormat,
  hours,
  /** Integer dong per seat. */
  costPerSeat: z.number().int().min(0).max(1_000_000_000_000),
  frameworkVersionId: z.uuid(),
  minAttendance: z.number().min(0).max(1).default(0.8),
  passScore: z.number().min(0).max(100).nullable().default(null),
  competencies: z.array(competencyTargetBody).min(1).max(50),
  prerequisiteIds: z.array(z.uuid()).max(20).default([]),
});
export const courseCreateBody = courseContentBody.extend({ code, draft: z.boolean().default(false) });

const listLimit = z.coerce.number().int().min(1).max(200).default(50);
export const courseListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  institutionId: z.uuid().optional(),
  format: courseFormat.optional(),
  competencyId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  limit: listLimit,
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const institutionCoursesQuery = z.strictObject({ status: z.enum(['draft', 'active', 'retired', 'all']).default('all') });

export const courseCompetency = z.object({
  competencyId: z.string(),
  code: z.string(),
  name: localised,
  groupId: z.string(),
  fromLevel: z.number().int(),
  toLevel: z.number().int(),
});
export const courseSummary = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'active', 'retired']),
  title: z.string(),
  titleEn: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  format: courseFormat,
  hours: z.number(),
  costPerSeat: z.number().int(),
  competencies: z.array(courseCompetency),
});
export const courseList = z.object({ items: z.array(courseSummary), total: z.number().int() });
export const courseDetail = courseSummary.extend({
  description: z.string(),
  frameworkVersionId: z.string(),
  frameworkName: localised,
  levels: z.array(z.object({ level: z.number().int(), name: localised })),
  minAttendance: z.number(),
  passScore: z.number().nullable(),
  supersedesId: z.string().nullable(),
  prerequisites: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), institutionName: z.string(), status: z.string() })),
  versions: z.array(z.object({ id: z.string(), version: z.number().int(), status: z.string(), createdAt: timestamp })),
  canEdit: z.boolean(),
});

// ---- the framework a catalogue maps to (filters and editing forms) ----
export const frameworkQuery = z.strictObject({ versionId: z.uuid().optional() });
export const catalogueFramework = z.object({
  versions: z.array(z.object({ id: z.string(), name: localised, code: z.string(), versionNo: z.number().int() })),
  version: z
    .object({
      id: z.string(),
      name: localised,
      levels: z.array(z.object({ level: z.number().int(), name: localised })),
      groups: z.array(z.object({ id: z.string(), code: z.string(), name: localised })),
      competencies: z.array(z.object({ id: z.string(), code: z.string(), name: localised, groupId: z.string() })),
    })
    .nullable(),
});

// ---- lecturers ----
export const lecturerBody = z.strictObject({
  fullName: text(200).min(1),
  title: text(200).default(''),
  email: z.email().max(200).nullable().default(null),
  userId: z.uuid().nullable().default(null),
  competencies: z
    .array(z.strictObject({ competencyId: z.uuid(), maxLevel: z.number().int().min(1).max(8) }))
    .max(100)
    .default([]),
});
export const lecturer = z.object({
  id: z.string(),
  institutionId: z.string(),
  fullName: z.string(),
  title: z.string(),
  email: z.string().nullable(),
  userId: z.string().nullable(),
  competencies: z.array(z.object({ competencyId: z.string(), code: z.string(), name: localised, maxLevel: z.number().int() })),
});
export const lecturerList = z.object({ items: z.array(lecturer) });

// ---- xlsx ----
export const importOutcome = z.object({ created: z.number().int(), versioned: z.number().int(), unchanged: z.number().int() });

// ---- clients' aggregated needs ----
export const clientNeedsQuery = z.strictObject({ cycleId: z.uuid().optional() });
const figures = z.object({
  people: z.number(),
  needs: z.number(),
  needShare: z.number(),
  meanGap: z.number(),
  meanWeightedNeed: z.number(),
  meanAssessed: z.number(),
  meanRequired: z.number(),
});
export const clientNeeds = z.object({
  cycles: z.array(z.object({ id: z.string(), name: z.string(), year: z.number().nullable(), agencyName: z.string() })),
  cycleId: z.string().nullable(),
  columns: z.array(z.object({ key: z.string(), code: z.string(), name: localised })),
  rows: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), total: figures, cells: z.record(z.string(), figures) })),
});
