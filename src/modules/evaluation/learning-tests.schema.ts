import { z } from 'zod';
import { timestamp } from '../../platform/http/response-types.js';

const phase = z.enum(['pre', 'post']);
export const phaseParams = z.strictObject({ enrolmentId: z.uuid(), phase });
export const attemptParams = z.strictObject({ attemptId: z.uuid() });
export const learningAnswersBody = z.strictObject({ answers: z.record(z.string().max(40), z.number().int().min(0).max(20)) });
// The score's range is the rule's to check (learning-tests.rules.ts), so the error names the limit, not only the field.
export const recordScoresBody = z.strictObject({
  scores: z
    .array(z.strictObject({ competencyId: z.uuid(), score: z.number() }))
    .min(1)
    .max(50),
});
export const gainsQuery = z.strictObject({ courseId: z.uuid().optional() });

const score = z.object({ competencyId: z.string(), score: z.number(), level: z.number().int() });
const option = z.object({ vi: z.string(), en: z.string() });

export const testPaper = z.object({
  attemptId: z.string(),
  phase,
  questions: z.array(z.object({ id: z.string(), stem: z.string(), stemEn: z.string().nullable(), options: z.array(option) })),
});
export const testResult = z.object({ attemptId: z.string(), phase, scores: z.array(score) });

const phaseState = z.object({ state: z.enum(['todo', 'started', 'submitted']), submittedAt: timestamp.nullable(), scores: z.array(score) });
export const myTestsAnswer = z.object({
  items: z.array(
    z.object({
      enrolmentId: z.string(),
      sessionCode: z.string(),
      courseTitle: z.string(),
      courseTitleEn: z.string(),
      status: z.string(),
      pre: phaseState,
      post: phaseState,
    }),
  ),
});

const named = { competencyId: z.string(), name: z.string(), nameEn: z.string() };
export const gainsAnswer = z.object({
  courses: z.array(
    z.object({
      courseId: z.string(),
      courseTitle: z.string(),
      courseTitleEn: z.string(),
      people: z.number().int(),
      competencies: z.array(
        z.object({ ...named, people: z.number().int(), meanPre: z.number(), meanPost: z.number(), meanScoreGain: z.number(), meanLevelGain: z.number() }),
      ),
    }),
  ),
  people: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      staffCode: z.string(),
      courseId: z.string(),
      sessionCode: z.string(),
      meanScoreGain: z.number(),
      gains: z.array(
        z.object({
          ...named,
          preScore: z.number(),
          postScore: z.number(),
          preLevel: z.number().int(),
          postLevel: z.number().int(),
          scoreGain: z.number(),
          levelGain: z.number().int(),
        }),
      ),
    }),
  ),
});
