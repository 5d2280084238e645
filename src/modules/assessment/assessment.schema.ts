import { z } from 'zod';
import { isoDate } from '../../platform/http/schema-types.js';
import { CREATED_CYCLE_KINDS, CYCLE_STATUSES } from './assessment.tables.js';

const weight = z.number().int().min(0).max(100);

export const weightsSchema = z.strictObject({ self: weight, leader: weight, peer: weight, subordinate: weight, expert: weight, test: weight });

export const cycleBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(200).nullish(),
  kind: z.enum(CREATED_CYCLE_KINDS),
  year: z.number().int().min(2000).max(2100).nullish(),
  agencyId: z.uuid().optional(),
  scope: z
    .strictObject({
      agencyIds: z.array(z.uuid()).max(500).default([]),
      positionIds: z.array(z.uuid()).max(500).default([]),
      personIds: z.array(z.uuid()).max(5000).default([]),
    })
    .optional(),
  opensOn: isoDate,
  closesOn: isoDate,
  frameworkVersionId: z.uuid(),
  weights: weightsSchema.optional(),
  minPeers: z.number().int().min(0).max(20).optional(),
  // Anonymity needs at least three raters: with two, each would know the other's rating.
  anonymityThreshold: z.number().int().min(3).max(20).optional(),
  gapThreshold: z.number().min(0.25).max(5).optional(),
  testCutoffs: z.array(z.number().gt(0).max(1)).max(7).nullish(),
  status: z.enum(CYCLE_STATUSES).optional(),
});

export const cyclePatch = cycleBody.partial().omit({ agencyId: true });

export const ratingSchema = z.strictObject({
  competencyId: z.uuid(),
  level: z.number().int().min(1).max(8).nullable(),
  comment: z.string().max(2000).nullish(),
  evidenceUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullish()
    .or(z.literal('')),
});

export const formBody = z.strictObject({ ratings: z.array(ratingSchema).max(200) });

export const raterBody = z.strictObject({
  source: z.enum(['leader', 'peer', 'subordinate', 'expert']),
  personId: z.uuid().optional(),
  userId: z.uuid().optional(),
  /** A person has one direct leader: a second is added only when HR confirms it (acting leader, two posts). */
  allowSecondLeader: z.boolean().optional(),
});

export const questionBody = z.strictObject({
  competencyId: z.uuid(),
  stem: z.string().trim().min(1).max(2000),
  stemEn: z.string().trim().max(2000).nullish(),
  options: z
    .array(z.strictObject({ vi: z.string().trim().min(1).max(500), en: z.string().trim().max(500).default('') }))
    .min(2)
    .max(6),
  correctOption: z.number().int().min(0).max(5),
});

export const idParams = z.strictObject({ id: z.uuid() });
