import { z } from 'zod';

export const sessionPhaseParams = z.strictObject({ sessionId: z.uuid(), phase: z.enum(['pre', 'post']) });
export const sessionParams = z.strictObject({ sessionId: z.uuid() });
// The range is the rule's to check per row (learning-tests.rules.ts), so each refused row is named with its field.
export const paperScoresBody = z.strictObject({
  rows: z
    .array(
      z.strictObject({
        enrolmentId: z.uuid(),
        scores: z
          .array(z.strictObject({ competencyId: z.uuid(), score: z.number() }))
          .min(1)
          .max(50),
      }),
    )
    .min(1)
    .max(500),
});

const score = z.object({ competencyId: z.string(), score: z.number(), level: z.number().int() });
const phaseScores = z.object({ source: z.enum(['online', 'recorded']), submitted: z.boolean(), scores: z.array(score) }).nullable();

export const paperScoresSheet = z.object({
  sessionId: z.string(),
  sessionCode: z.string(),
  courseTitle: z.string(),
  courseTitleEn: z.string(),
  competencies: z.array(z.object({ competencyId: z.string(), code: z.string(), name: z.string(), nameEn: z.string() })),
  rows: z.array(
    z.object({
      enrolmentId: z.string(),
      personId: z.string(),
      fullName: z.string(),
      staffCode: z.string(),
      status: z.string(),
      pre: phaseScores,
      post: phaseScores,
    }),
  ),
});
export const paperScoresSaved = z.object({ phase: z.enum(['pre', 'post']), recorded: z.number().int() });
