import { z } from 'zod';
import { calendarDate, fileResponse } from '../../platform/http/response-types.js';
import { CYCLE_KINDS, type CycleStatus } from '../assessment/assessment.tables.js';

export const breakdownQuery = z.strictObject({
  cycleId: z.uuid(),
  /** country: provinces; province: agencies of one province (id = province unit); agency: children of one agency. */
  level: z.enum(['country', 'province', 'agency']).optional(),
  id: z.string().max(64).optional(),
  columns: z.enum(['group', 'competency']).default('group'),
  geography: z.enum(['current', 'historical']).default('current'),
});

/** A subtree (the caller's by default) by role category or position. */
export const dimensionQuery = z.strictObject({
  cycleId: z.uuid(),
  dimension: z.enum(['role_category', 'position']),
  agencyId: z.uuid().optional(),
  columns: z.enum(['group', 'competency']).default('group'),
});

export const agencyPeopleQuery = z.strictObject({ cycleId: z.uuid(), q: z.string().max(100).optional() });
export const personQuery = z.strictObject({ cycleId: z.uuid().optional() });
export const trendQuery = z.strictObject({ agencyId: z.uuid().optional() });
export const targetGroupQuery = z.strictObject({
  cycleId: z.uuid(),
  agencyId: z.uuid().optional(),
  minSize: z.coerce.number().int().min(1).max(100).default(5),
  maxSize: z.coerce.number().int().min(2).max(200).default(30),
  sharedShare: z.coerce.number().min(0.1).max(1).default(0.6),
});
export const reportQuery = z.strictObject({ cycleId: z.uuid(), agencyId: z.uuid().optional() });
/** The newest full cycle when none is named. */
// A download link sends the browser's Accept-Language, not the app's: the page may name its language.
export const nationalReportQuery = z.strictObject({ cycleId: z.uuid().optional(), language: z.enum(['vi', 'en']).optional() });
export const idParams = z.strictObject({ id: z.uuid() });

// ---- Answers (issue 13: one API contract). The server's types below are inferred from these, so they are written once.

/** Cycle statuses, as the assessment_cycles CHECK constraint allows them. */
const CYCLE_STATUSES = ['draft', 'open', 'closed'] as const satisfies readonly CycleStatus[];
const localName = z.object({ vi: z.string(), en: z.string() });

export const needsCycle = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  year: z.number().int().nullable(),
  opensOn: calendarDate,
  closesOn: calendarDate,
  status: z.enum(CYCLE_STATUSES),
  kind: z.enum(CYCLE_KINDS),
  agencyName: z.string(),
});
export const cycleList = z.object({ items: z.array(needsCycle) });

/** What one cell (or row, or the whole table) shows; shares are 0–1, gaps in levels (see needs.figures.ts). */
export const needFigures = z.object({
  people: z.number().int(),
  needs: z.number().int(),
  /** Share of assessed people with a positive gap (0–1). */
  needShare: z.number(),
  /** Mean positive gap per assessed person (levels). */
  meanGap: z.number(),
  /** Mean criticality-weighted need per assessed person. */
  meanWeightedNeed: z.number(),
  meanAssessed: z.number(),
  meanRequired: z.number(),
});

export const BREAKDOWN_LEVELS = ['country', 'province', 'agency', 'role_category', 'position'] as const;
/** Where a row leads: a province's or an agency's table, or the people of an agency; null for no further table. */
export const drill = z.object({ kind: z.enum(['province', 'agency', 'people']), id: z.string() }).nullable();
export const breakdownColumn = z.object({ key: z.string(), code: z.string(), name: localName });
export const breakdownRow = z.object({ key: z.string(), name: z.string(), drill, total: needFigures, cells: z.record(z.string(), needFigures) });
export const breakdown = z.object({
  level: z.enum(BREAKDOWN_LEVELS),
  title: z.object({ id: z.string().nullable(), name: z.string() }),
  columns: z.array(breakdownColumn),
  rows: z.array(breakdownRow),
  total: needFigures,
});

export const agencyPeople = z.object({
  agency: z.object({ id: z.string(), name: z.string() }),
  people: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      staffCode: z.string(),
      competencies: z.number().int(),
      needs: z.number().int(),
      sumWeightedNeed: z.number(),
      sumGap: z.number(),
    }),
  ),
});

/** A competency as a needs table names it (competency-catalogue.ts). */
export const competencyInfo = z.object({
  id: z.string(),
  code: z.string(),
  name: localName,
  /** Groups first, then competencies within a group, as the framework orders them. */
  order: z.number().int(),
  groupCode: z.string(),
  groupName: localName,
  groupOrder: z.number().int(),
});

export const personGap = z.object({
  competencyId: z.string(),
  requiredLevel: z.number(),
  assessedLevel: z.number(),
  /** required − assessed, rounded to 2 decimals; negative when the person exceeds the profile. */
  gap: z.number(),
  weightedNeed: z.number(),
  isNeed: z.boolean(),
  /** null if the competency is no longer found (never for results of a published framework). */
  competency: competencyInfo.nullable(),
});

export const personProfile = z.object({
  person: z.object({ id: z.string(), fullName: z.string(), staffCode: z.string(), agencyName: z.string() }),
  /** null (and no gaps) when the person has no results the caller may see. */
  cycle: z.object({ id: z.string(), name: z.string(), opensOn: calendarDate }).nullable(),
  gaps: z.array(personGap),
  meetsProfile: z.boolean().nullable(),
});

export const trendPoint = z.object({
  cycle: z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable(), opensOn: calendarDate }),
  people: z.number().int(),
  meetingProfile: z.number().int(),
  meetingShare: z.number(),
  needShare: z.number(),
  meanGap: z.number(),
});
export const trend = z.object({ items: z.array(trendPoint) });

export const targetGroup = z.object({
  key: z.string(),
  size: z.number().int(),
  /** Codes of the competencies that define the group (its members' largest needs). */
  signature: z.array(z.string()),
  sharedGaps: z.array(z.object({ competencyId: z.string(), code: z.string(), name: localName.nullable(), share: z.number(), meanGap: z.number() })),
  agencies: z.array(z.object({ agencyId: z.string(), name: z.string(), people: z.number().int() })),
  personIds: z.array(z.string()),
  /** The members by name (all within the caller's scope), in the staff register's order. */
  members: z.array(z.object({ personId: z.string(), fullName: z.string(), staffCode: z.string(), agencyName: z.string() })),
});
export const targetGroupList = z.object({ items: z.array(targetGroup) });

export const breakdownWorkbookFile = fileResponse(
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'The breakdown table as an Excel workbook',
);
export const targetGroupsWorkbookFile = fileResponse(
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'The target groups and their members as an Excel workbook',
);
export const reportPdfFile = fileResponse('application/pdf', 'The annual training-needs submission (PDF)');
