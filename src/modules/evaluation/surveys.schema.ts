import { z } from 'zod';
import { okAnswer, timestamp } from '../../platform/http/response-types.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const point = z.strictObject({ label: text(100), labelEn: z.string().trim().max(100).optional() });

export const questionInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('scale'), text: text(500), textEn: z.string().trim().max(500).optional(), points: z.array(point).min(2).max(10) }),
  z.strictObject({ kind: z.literal('text'), text: text(500), textEn: z.string().trim().max(500).optional() }),
]);

export const setBody = z.strictObject({
  title: text(200),
  courseId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
  questions: z.array(questionInput).min(1).max(30),
});
export const setPatch = z
  .strictObject({ title: text(200).optional(), active: z.boolean().optional(), questions: z.array(questionInput).min(1).max(30).optional() })
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');
export const idParams = z.strictObject({ id: z.uuid() });
export const surveyParams = z.strictObject({ surveyId: z.uuid() });
export const answersBody = z.strictObject({ answers: z.record(z.string().max(20), z.union([z.number(), z.string().max(5000)])) });
export const resultsQuery = z.strictObject({ courseId: z.uuid().optional(), sessionId: z.uuid().optional() });

const pointOut = z.object({ label: z.string(), labelEn: z.string() });
const question = z.union([
  z.object({ id: z.string(), kind: z.literal('scale'), text: z.string(), textEn: z.string(), points: z.array(pointOut) }),
  z.object({ id: z.string(), kind: z.literal('text'), text: z.string(), textEn: z.string() }),
]);

export const setAnswer = z.object({
  id: z.string(),
  institutionId: z.string().nullable(),
  agencyId: z.string().nullable(),
  courseId: z.string().nullable(),
  sessionId: z.string().nullable(),
  title: z.string(),
  questions: z.array(question),
  active: z.boolean(),
  inUse: z.boolean(),
  updatedAt: timestamp,
});
export const setList = z.object({ items: z.array(setAnswer) });

export const mySurveysAnswer = z.object({
  items: z.array(
    z.object({
      surveyId: z.string(),
      title: z.string(),
      sessionCode: z.string(),
      courseTitle: z.string(),
      courseTitleEn: z.string(),
      closesAt: timestamp,
      answeredAt: timestamp.nullable(),
      open: z.boolean(),
      /** Only while the survey is open and unanswered. */
      questions: z.array(question),
    }),
  ),
});
export const answerAnswer = okAnswer;

const questionResult = z.union([
  z.object({
    id: z.string(),
    kind: z.literal('scale'),
    text: z.string(),
    textEn: z.string(),
    points: z.array(pointOut),
    answers: z.number().int(),
    mean: z.number(),
    counts: z.array(z.number().int()),
  }),
  z.object({ id: z.string(), kind: z.literal('text'), text: z.string(), textEn: z.string(), texts: z.array(z.string()) }),
]);
/** Never a count below the threshold: open and too_few carry no number at all. */
const report = z.union([
  z.object({ status: z.literal('open') }),
  z.object({ status: z.literal('too_few') }),
  z.object({ status: z.literal('released'), respondents: z.number().int(), questions: z.array(questionResult) }),
]);

export const resultsAnswer = z.object({
  threshold: z.number().int(),
  surveys: z.array(
    z.object({
      surveyId: z.string(),
      setId: z.string(),
      setTitle: z.string(),
      owner: z.enum(['institution', 'agency']),
      sessionId: z.string(),
      sessionCode: z.string(),
      courseId: z.string(),
      courseTitle: z.string(),
      courseTitleEn: z.string(),
      institutionName: z.string(),
      closesAt: timestamp,
      invited: z.number().int(),
      /** Of them, attended without completing the course. */
      invitedNotCompleted: z.number().int(),
      report,
      /** Completers and non-completers apart: null when none was invited who did not complete; released only when both groups reach the threshold. */
      byCompletion: z.object({ completed: report, notCompleted: report }).nullable(),
    }),
  ),
  courses: z.array(
    z.object({
      courseId: z.string(),
      courseTitle: z.string(),
      courseTitleEn: z.string(),
      setId: z.string(),
      setTitle: z.string(),
      sessions: z.number().int(),
      report,
    }),
  ),
});
