import { z } from 'zod';
import { calendarDate, timestamp } from '../../../platform/http/response-types.js';
import { QUALITY_LEVELS } from '../../evaluation/quality-classification.js';
import { RANK_CRITERIA } from './ranking.js';
import { ROUND_STATUSES } from './promotion.tables.js';

const minimumQuality = z.enum(['excellent', 'good', 'completed']);

/** The rules an HR officer sets; `quality.toYear` left out means the last completed year. */
export const rulesInput = z.strictObject({
  quality: z
    .strictObject({ years: z.number().int().min(1).max(10), toYear: z.number().int().min(2000).max(2100).optional(), minLevel: minimumQuality })
    .nullable()
    .default(null),
  training: z
    .strictObject({
      minHours: z.number().min(0).max(10_000).default(0),
      withinYears: z.number().int().min(1).max(20).default(5),
      courseCodes: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
    })
    .nullable()
    .default(null),
  minFit: z.number().min(0).max(100).nullable().default(null),
  digital: z
    .strictObject({ weight: z.number().min(1).max(5).default(1), minLevel: z.number().int().min(1).max(10).nullable().default(null) })
    .default({ weight: 1, minLevel: null }),
});

export const createRoundBody = z.strictObject({
  positionId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  rules: rulesInput.default({ quality: null, training: null, minFit: null, digital: { weight: 1, minLevel: null } }),
});

export const updateRoundBody = z.strictObject({ title: z.string().trim().min(1).max(200).optional(), rules: rulesInput.optional() });

export const decisionBody = z.strictObject({
  personIds: z.array(z.uuid()).min(1).max(50),
  reasons: z.string().trim().min(1).max(5000),
});

export const roundParams = z.strictObject({ id: z.uuid() });
export const standingsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

const rules = z.object({
  quality: z.object({ years: z.number().int(), toYear: z.number().int(), minLevel: minimumQuality }).nullable(),
  training: z.object({ minHours: z.number(), withinYears: z.number().int(), courseCodes: z.array(z.string()) }).nullable(),
  minFit: z.number().nullable(),
  digital: z.object({ weight: z.number(), minLevel: z.number().int().nullable() }),
});

const profileEntry = z.object({
  competencyId: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  groupCode: z.string(),
  requiredLevel: z.number().int(),
  criticality: z.number().int().nullable(),
  digital: z.boolean(),
});

export const roundAnswer = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(ROUND_STATUSES),
  position: z.object({ id: z.string(), code: z.string(), titleVi: z.string(), titleEn: z.string(), roleCategory: z.string() }),
  agency: z.object({ id: z.string(), name: z.string() }),
  rules,
  profile: z.array(profileEntry),
  asOf: calendarDate.nullable(),
  shortlistedAt: timestamp.nullable(),
  decidedAt: timestamp.nullable(),
  decisionReasons: z.string().nullable(),
  canWrite: z.boolean(),
  createdAt: timestamp,
});

export const roundList = z.object({
  items: z.array(
    roundAnswer.pick({ id: true, title: true, status: true, position: true, agency: true, shortlistedAt: true, decidedAt: true, createdAt: true }),
  ),
});

const check = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('assessed'), passed: z.boolean() }),
  z.object({ rule: z.literal('not_holder'), passed: z.boolean() }),
  z.object({
    rule: z.literal('quality'),
    passed: z.boolean(),
    minLevel: minimumQuality,
    years: z.array(z.object({ year: z.number().int(), level: z.enum(QUALITY_LEVELS).nullable(), passed: z.boolean() })),
  }),
  z.object({ rule: z.literal('training_hours'), passed: z.boolean(), hours: z.number(), minHours: z.number(), since: calendarDate }),
  z.object({ rule: z.literal('training_courses'), passed: z.boolean(), required: z.array(z.string()), missing: z.array(z.string()) }),
  z.object({ rule: z.literal('min_fit'), passed: z.boolean(), fit: z.number().nullable(), minFit: z.number() }),
  z.object({
    rule: z.literal('digital_level'),
    passed: z.boolean(),
    minLevel: z.number().int(),
    below: z.array(z.object({ competencyId: z.string(), assessedLevel: z.number().nullable() })),
  }),
]);

const standing = z.object({
  personId: z.string(),
  staffCode: z.string(),
  fullName: z.string(),
  agencyName: z.string(),
  eligible: z.boolean(),
  rank: z.number().int().nullable(),
  chosen: z.boolean(),
  cycle: z.object({ id: z.string(), name: z.string() }).nullable(),
  fit: z.number().nullable(),
  digitalFit: z.number().nullable(),
  shortfalls: z.array(
    z.object({ competencyId: z.string(), requiredLevel: z.number(), assessedLevel: z.number().nullable(), gap: z.number(), weight: z.number() }),
  ),
  checks: z.array(check),
  qualityPoints: z.number(),
  trainingHours: z.number(),
  separatedBy: z.enum(RANK_CRITERIA).nullable(),
});

export const standingsAnswer = z.object({
  round: roundAnswer,
  /** Draft: computed now from the current rules (a preview); after shortlisting: the frozen standings. */
  frozen: z.boolean(),
  asOf: calendarDate,
  counts: z.object({ eligible: z.number().int(), ineligible: z.number().int() }),
  eligible: z.array(standing),
  ineligible: z.array(standing),
});

export const leadershipPositions = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      titleVi: z.string(),
      titleEn: z.string(),
      roleCategory: z.string(),
      agencyId: z.string(),
      agencyName: z.string(),
      requirements: z.number().int(),
    }),
  ),
});
