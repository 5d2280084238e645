import { z } from 'zod';
import { EFFECT_DIMENSIONS } from './effectiveness.repository.js';

const means = z.object({ n: z.number().int(), before: z.number().nullable(), after: z.number().nullable() });

export const effectEstimate = z.object({
  key: z.string(),
  treatedN: z.number().int(),
  comparisonN: z.number().int(),
  treatedChange: z.number().nullable(),
  comparisonChange: z.number().nullable(),
  effect: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  verdict: z.enum(['raised', 'no_difference', 'lowered', 'too_small']),
  treated: means,
  comparison: means,
});

const labelled = effectEstimate.extend({ label: z.string(), labelEn: z.string(), code: z.string().nullable(), institutionName: z.string().nullable() });

export const rankingQuery = z.strictObject({ by: z.enum(EFFECT_DIMENSIONS).default('course'), agencyId: z.uuid().optional() });
export const rankingAnswer = z.object({ by: z.enum(EFFECT_DIMENSIONS), minGroupSize: z.number().int(), items: z.array(labelled) });

export const courseParams = z.strictObject({ courseId: z.uuid() });
export const courseQuery = z.strictObject({ agencyId: z.uuid().optional() });
// A download link sends the browser's Accept-Language, not the app's: the page names its language.
export const courseReportQuery = courseQuery.extend({ language: z.enum(['vi', 'en']).optional() });
export const courseAnswer = z.object({
  course: z.object({ id: z.string(), code: z.string(), title: z.string(), titleEn: z.string(), format: z.string(), institutionName: z.string() }),
  overall: effectEstimate,
  byCompetency: z.array(labelled),
});
