/**
 * Reaction surveys (level 1), without I/O: which answers a sheet may hold, and
 * what a report may show. The anonymity rule is the 360° one (docs/ANONYMITY.md):
 * an aggregate of fewer than the threshold of respondents is never shown, and an
 * aggregate, once shown, never changes — a survey's results appear only after it
 * has closed (its membership is final, nobody may answer after), so no two
 * versions of a report differ by one answer. A course's figures pool only
 * sessions that are themselves released: two versions of them differ by whole
 * released groups, never by a group below the threshold.
 */
import { vietnameseCollator } from '../../platform/text/vietnamese.js';
import { DEFAULT_ANONYMITY_THRESHOLD } from '../assessment/consolidation.js';

/** The 360° threshold, reused: a reaction group is as small as a peer group may be. */
export const SURVEY_ANONYMITY_THRESHOLD = DEFAULT_ANONYMITY_THRESHOLD;
/** Days a survey stays open after the session closed. */
export const SURVEY_OPEN_DAYS = 14;
/** Days without an answer before the one reminder. */
export const SURVEY_REMINDER_AFTER_DAYS = 3;
export const MAX_TEXT_ANSWER = 2000;

export interface ScalePoint {
  label: string;
  labelEn: string;
}
export type SurveyQuestion =
  { id: string; kind: 'scale'; text: string; textEn: string; points: ScalePoint[] } | { id: string; kind: 'text'; text: string; textEn: string };

export type SurveyAnswers = Record<string, number | string>;

export interface AnswerProblem {
  field: string;
  code: 'survey_answer_missing' | 'survey_answer_invalid';
  max?: number;
}

/**
 * Every problem of an answer sheet at once: each scale question answered with
 * one of its points (1..n), text at most MAX_TEXT_ANSWER characters (optional),
 * nothing for a question the survey does not ask.
 */
export function answerProblems(questions: readonly SurveyQuestion[], answers: SurveyAnswers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const asked = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(answers)) if (!asked.has(key)) problems.push({ field: `answers.${key}`, code: 'survey_answer_invalid' });
  for (const q of questions) {
    const a = answers[q.id];
    const field = `answers.${q.id}`;
    if (q.kind === 'scale') {
      if (a === undefined) problems.push({ field, code: 'survey_answer_missing' });
      else if (typeof a !== 'number' || !Number.isInteger(a) || a < 1 || a > q.points.length)
        problems.push({ field, code: 'survey_answer_invalid', max: q.points.length });
    } else if (a !== undefined && (typeof a !== 'string' || a.length > MAX_TEXT_ANSWER)) {
      problems.push({ field, code: 'survey_answer_invalid', max: MAX_TEXT_ANSWER });
    }
  }
  return problems;
}

export type QuestionResult =
  | { id: string; kind: 'scale'; text: string; textEn: string; points: ScalePoint[]; answers: number; mean: number; counts: number[] }
  | { id: string; kind: 'text'; text: string; textEn: string; texts: string[] };

export type SurveyReport = { status: 'open' } | { status: 'too_few' } | { status: 'released'; respondents: number; questions: QuestionResult[] };

/**
 * What a survey group shows. While open: nothing but that it is open. Closed
 * with fewer respondents than the threshold: only that they are too few — not
 * even how many (a count of 1 or 2 next to a released course figure helps
 * nobody but an attacker). Closed and large enough: per scale question the
 * mean and the count of each point; the free texts, trimmed and non-empty,
 * sorted as Vietnamese text — never in the order they were written, and never
 * with who wrote them.
 */
export function surveyReport(
  questions: readonly SurveyQuestion[],
  responses: readonly SurveyAnswers[],
  o: { closed: boolean; threshold?: number },
): SurveyReport {
  const threshold = o.threshold ?? SURVEY_ANONYMITY_THRESHOLD;
  if (!o.closed) return { status: 'open' };
  if (responses.length < threshold) return { status: 'too_few' };
  return { status: 'released', respondents: responses.length, questions: questions.map((q) => questionResult(q, responses)) };
}

function questionResult(q: SurveyQuestion, responses: readonly SurveyAnswers[]): QuestionResult {
  if (q.kind === 'text') {
    const texts = responses
      .map((r) => r[q.id])
      .filter((a): a is string => typeof a === 'string')
      .map((a) => a.trim())
      .filter((a) => a.length > 0)
      .sort(vietnameseCollator.compare);
    return { id: q.id, kind: 'text', text: q.text, textEn: q.textEn, texts };
  }
  const counts = q.points.map(() => 0);
  let sum = 0;
  let n = 0;
  for (const r of responses) {
    const a = r[q.id];
    if (typeof a !== 'number' || a < 1 || a > counts.length) continue;
    counts[a - 1]! += 1;
    sum += a;
    n += 1;
  }
  return {
    id: q.id,
    kind: 'scale',
    text: q.text,
    textEn: q.textEn,
    points: q.points,
    answers: n,
    mean: n === 0 ? 0 : Math.round((sum / n) * 100) / 100,
    counts,
  };
}

/**
 * The same survey with the respondents who completed the course and those who
 * attended without completing it apart. Released only when both groups reach
 * the threshold on their own: with one group too small, its figures would be
 * the whole survey's minus the other's. Otherwise both say only open or too few.
 */
export function completionSplit(
  questions: readonly SurveyQuestion[],
  sheets: ReadonlyArray<{ answers: SurveyAnswers; completed: boolean }>,
  o: { closed: boolean; threshold?: number },
): { completed: SurveyReport; notCompleted: SurveyReport } {
  const threshold = o.threshold ?? SURVEY_ANONYMITY_THRESHOLD;
  const completed = sheets.filter((s) => s.completed).map((s) => s.answers);
  const notCompleted = sheets.filter((s) => !s.completed).map((s) => s.answers);
  if (!o.closed) return { completed: { status: 'open' }, notCompleted: { status: 'open' } };
  if (completed.length < threshold || notCompleted.length < threshold) return { completed: { status: 'too_few' }, notCompleted: { status: 'too_few' } };
  return { completed: surveyReport(questions, completed, { ...o, threshold }), notCompleted: surveyReport(questions, notCompleted, { ...o, threshold }) };
}

/**
 * A course's figures for one question set over its sessions: only the groups
 * each released on their own are pooled (a group below the threshold is left
 * out, so the pooled figure before and after it closed are the same).
 */
export function pooledReport(
  questions: readonly SurveyQuestion[],
  groups: ReadonlyArray<{ closed: boolean; responses: readonly SurveyAnswers[] }>,
  threshold = SURVEY_ANONYMITY_THRESHOLD,
): { sessions: number; report: SurveyReport } {
  const released = groups.filter((g) => surveyReport(questions, g.responses, { closed: g.closed, threshold }).status === 'released');
  if (released.length === 0) return { sessions: 0, report: { status: 'too_few' } };
  return {
    sessions: released.length,
    report: surveyReport(
      questions,
      released.flatMap((g) => g.responses),
      { closed: true, threshold },
    ),
  };
}
