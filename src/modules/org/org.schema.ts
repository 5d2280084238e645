import { z } from 'zod';
import { isoDate } from '../../platform/http/schema-types.js';

/** An ISO calendar date (yyyy-mm-dd) that exists: the platform's one definition. */
export { isoDate };
// The deployment's calendar day (src/platform/clock.ts), not the UTC one.
export { today } from '../../platform/clock.js';
export const unitTier = z.enum(['province', 'district', 'commune']);
export const agencyKind = z.enum(['central', 'ministry', 'province', 'commune', 'department', 'institution']);

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
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/),
  name: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().max(300).nullish(),
  kind: agencyKind,
  parentId: z.uuid().nullable(),
  adminUnitId: z.string().max(40).nullish(),
  validFrom: isoDate.optional(),
});

export const agencyMoveBody = z.strictObject({ parentId: z.uuid(), effectiveDate: isoDate });
export const agencyMergeBody = z.strictObject({ intoId: z.uuid(), effectiveDate: isoDate });
export const agencyRenameBody = z.strictObject({ name: z.string().trim().min(1).max(300), nameEn: z.string().trim().max(300).nullish(), effectiveDate: isoDate });
export const agencyDissolveBody = z.strictObject({ effectiveDate: isoDate });
export const agencyUnitBody = z.strictObject({ adminUnitId: z.string().max(40), effectiveDate: isoDate });

export const staffByProvinceQuery = z.strictObject({
  on: isoDate.optional(),
  /** 'historical': the province of the unit on that date; 'current': today's province it became. */
  geography: z.enum(['historical', 'current']).default('current'),
});
