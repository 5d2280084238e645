import { z } from 'zod';
import { isoDate } from '../../platform/http/schema-types.js';
import { calendarDate, timestamp } from '../../platform/http/response-types.js';
import { SUCCESSION_KINDS, UNIT_ERAS, UNIT_TIERS } from './admin-units.model.js';
import { unitChangeHistory } from './unit-changes/unit-changes.schema.js';

/** An ISO calendar date (yyyy-mm-dd) that exists: the platform's one definition. */
export { isoDate };
// The deployment's calendar day (src/platform/clock.ts), not the UTC one.
export { today } from '../../platform/clock.js';
export const unitTier = z.enum(UNIT_TIERS);
export const agencyKind = z.enum(['central', 'ministry', 'province', 'commune', 'department', 'institution']);
export type AgencyKind = z.infer<typeof agencyKind>;
/** The kinds the agency_history CHECK constraint allows. */
export const agencyHistoryKind = z.enum(['created', 'moved', 'merged', 'renamed', 'unit_changed', 'dissolved']);
export type AgencyHistoryKind = z.infer<typeof agencyHistoryKind>;

export const unitListQuery = z.strictObject({
  asOf: isoDate.optional(),
  tier: unitTier.optional(),
  parentId: z.string().max(40).optional(),
  provinceId: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const unitResolveQuery = z.strictObject({
  code: z.string().regex(/^\d{2,5}$/),
  tier: unitTier.default('commune'),
  /** The date the code was recorded (a 2024 record: any 2024 date). */
  recordedOn: isoDate.default('2025-06-30'),
  asOf: isoDate.optional(),
});

export const agencyListQuery = z.strictObject({
  parentId: z.uuid().optional(),
  q: z.string().max(100).optional(),
  asOf: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

export const agencyCreateBody = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/),
  name: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().max(300).nullish(),
  kind: agencyKind,
  parentId: z.uuid().nullable(),
  adminUnitId: z.string().max(40).nullish(),
  validFrom: isoDate.optional(),
});

export const agencyMoveBody = z.strictObject({ parentId: z.uuid(), effectiveDate: isoDate });
export const agencyMergeBody = z.strictObject({ intoId: z.uuid(), effectiveDate: isoDate });
export const agencyRenameBody = z.strictObject({
  name: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().max(300).nullish(),
  effectiveDate: isoDate,
});
export const agencyDissolveBody = z.strictObject({ effectiveDate: isoDate });
export const agencyUnitBody = z.strictObject({ adminUnitId: z.string().max(40), effectiveDate: isoDate });

export const staffByProvinceQuery = z.strictObject({
  on: isoDate.optional(),
  /** 'historical': the province of the unit on that date; 'current': today's province it became. */
  geography: z.enum(['historical', 'current']).default('current'),
});

// ---- Answers (issue 13: one API contract). Each mirrors the columns its query selects. ----

/** An administrative unit as `unitColumns` (admin-units.repository.ts) reads it. */
export const adminUnit = z.object({
  id: z.string(),
  code: z.string(),
  tier: unitTier,
  era: z.enum(UNIT_ERAS),
  /** "Phường", "Xã", "Tỉnh", ...: free text from the official lists. */
  kind: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string().nullable(),
  parentId: z.string().nullable(),
  provinceId: z.string(),
  validFrom: calendarDate.nullable(),
  validTo: calendarDate.nullable(),
  currentUnitId: z.string().nullable(),
  currentProvinceId: z.string().nullable(),
});

export const unitList = z.object({ asOf: calendarDate, items: z.array(adminUnit), total: z.number().int() });

export const unitResolution = z.object({ unit: adminUnit, asOf: calendarDate, successors: z.array(adminUnit), primaryId: z.string().nullable() });

/** A unit on the other side of a succession link, with the event that made the link. */
const linkedUnit = adminUnit.extend({ eventKind: z.enum(SUCCESSION_KINDS), effectiveDate: calendarDate, legalBasis: z.string() });

export const unitDetail = adminUnit.extend({
  /** Nearest first, province last. */
  ancestors: z.array(z.object({ id: z.string(), code: z.string(), tier: unitTier, name: z.string(), fullName: z.string(), depth: z.number().int() })),
  predecessors: z.array(linkedUnit),
  successors: z.array(linkedUnit),
  /** Imported corrections and dated changes of this unit, oldest first: its former names and successions. */
  changes: z.array(unitChangeHistory),
});

/** The columns of `agencyColumns` (agencies.repository.ts). */
const agencyFields = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: agencyKind,
  parentId: z.string().nullable(),
  path: z.string(),
  adminUnitId: z.string().nullable(),
  validFrom: calendarDate.nullable(),
  validTo: calendarDate.nullable(),
  successorId: z.string().nullable(),
  adminUnitName: z.string().nullable(),
};

export const agencyListItem = z.object({ ...agencyFields, childCount: z.number().int() });
export const agencyList = z.object({ items: z.array(agencyListItem) });

/** One agency as findAgency reads it. */
export const agency = z.object({ ...agencyFields, adminUnitTier: unitTier.nullable() });

export const agencyHistoryEntry = z.object({
  id: z.number().int(),
  kind: agencyHistoryKind,
  effectiveDate: calendarDate,
  fromName: z.string().nullable(),
  toName: z.string().nullable(),
  fromParentName: z.string().nullable(),
  toParentName: z.string().nullable(),
  mergedIntoName: z.string().nullable(),
  fromUnitName: z.string().nullable(),
  toUnitName: z.string().nullable(),
  recordedAt: timestamp,
});

export const agencyDetail = agency.extend({ history: z.array(agencyHistoryEntry) });

export const agencyMerge = z.object({ agency, peopleTransferred: z.number().int(), childrenMoved: z.number().int() });

export const staffByProvinceReport = z.object({
  on: calendarDate,
  geography: staffByProvinceQuery.shape.geography.unwrap(),
  /** A null province: people whose agency has no administrative unit. */
  items: z.array(z.object({ provinceId: z.string().nullable(), provinceName: z.string().nullable(), staff: z.number().int() })),
});
