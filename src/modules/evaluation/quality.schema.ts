import { z } from 'zod';
import { timestamp } from '../../platform/http/response-types.js';
import { QUALITY_LEVELS } from './quality-classification.js';

/** The first year classified by score (Decree 335/2025/NĐ-CP applies from 1 January 2026). */
export const FIRST_SCORED_YEAR = 2026;

const level = z.enum(QUALITY_LEVELS);
const year = z.coerce.number().int().min(2000).max(2100);

export const qualityYearParams = z.strictObject({ personId: z.uuid(), year });
export const qualityAgencyParams = z.strictObject({ agencyId: z.uuid(), year });
export const qualityPersonParams = z.strictObject({ personId: z.uuid() });

export const qualityRecordBody = z.union([
  // From 2026: the periods' scores, a disqualifying condition, and optionally a level below what the score allows.
  z.strictObject({
    periods: z
      .array(z.strictObject({ period: z.string().max(10), general: z.number(), tasks: z.number() }))
      .min(1)
      .max(12),
    disqualified: z.boolean().default(false),
    disqualifyingReason: z.string().trim().max(500).default(''),
    level: level.optional(),
  }),
  // Earlier years: the level only.
  z.strictObject({ level }),
]);

const record = z.object({
  personId: z.string(),
  fullName: z.string(),
  staffCode: z.string(),
  year: z.number().int(),
  basis: z.enum(['decree_335_2025', 'decree_90_2020']).nullable(),
  periods: z.array(z.object({ period: z.string(), general: z.number(), tasks: z.number() })),
  score: z.number().nullable(),
  /** What the score allows (null without a score). */
  eligibleLevel: level.nullable(),
  level: level.nullable(),
  disqualified: z.boolean(),
  disqualifyingReason: z.string(),
  updatedAt: timestamp.nullable(),
});

export const qualityRecordAnswer = record;

export const agencyQualityAnswer = z.object({
  agency: z.object({ id: z.string(), name: z.string() }),
  year: z.number().int(),
  finalizedAt: timestamp.nullable(),
  quota: z.object({ ok: z.boolean(), excellent: z.number().int(), good: z.number().int(), quota: z.number().int(), excess: z.number().int() }),
  items: z.array(record),
});

export const personQualityAnswer = z.object({ items: z.array(record) });
