import { describe, expect, it } from 'vitest';
import { answerProblems, pooledReport, surveyReport, SURVEY_ANONYMITY_THRESHOLD, type SurveyQuestion } from './surveys.rules.js';

const points = ['Rất kém', 'Kém', 'Được', 'Tốt', 'Rất tốt'].map((label) => ({ label, labelEn: label }));
const questions: SurveyQuestion[] = [
  { id: 'q1', kind: 'scale', text: 'Nội dung', textEn: 'Content', points },
  { id: 'q2', kind: 'text', text: 'Góp ý', textEn: 'Comments' },
];

describe('answer sheets', () => {
  it('accepts a point of each scale and an optional text', () => {
    expect(answerProblems(questions, { q1: 5 })).toEqual([]);
    expect(answerProblems(questions, { q1: 1, q2: 'Tốt' })).toEqual([]);
  });
  it('reports every problem at once, naming the field and the limit', () => {
    expect(answerProblems(questions, { q2: 'x'.repeat(2001), q9: 1 })).toEqual([
      { field: 'answers.q9', code: 'survey_answer_invalid' },
      { field: 'answers.q1', code: 'survey_answer_missing' },
      { field: 'answers.q2', code: 'survey_answer_invalid', max: 2000 },
    ]);
    expect(answerProblems(questions, { q1: 6 })).toEqual([{ field: 'answers.q1', code: 'survey_answer_invalid', max: 5 }]);
    expect(answerProblems(questions, { q1: 2.5 })).toHaveLength(1);
    expect(answerProblems(questions, { q1: '3' })).toHaveLength(1);
  });
});

describe('what a survey group shows', () => {
  const three = [
    { q1: 5, q2: 'Ổn' },
    { q1: 3, q2: '  ' },
    { q1: 4, q2: 'Ấn tượng' },
  ];
  it('nothing while the survey is open, however many answered', () => {
    expect(surveyReport(questions, three, { closed: false })).toEqual({ status: 'open' });
  });
  it('below the threshold (the 360° one, 3): only that they are too few, not how many', () => {
    expect(SURVEY_ANONYMITY_THRESHOLD).toBe(3);
    expect(surveyReport(questions, three.slice(0, 2), { closed: true })).toEqual({ status: 'too_few' });
  });
  it('at the threshold: means, counts per point, and free texts sorted as Vietnamese, blanks dropped', () => {
    const report = surveyReport(questions, three, { closed: true });
    expect(report).toMatchObject({ status: 'released', respondents: 3 });
    if (report.status !== 'released') throw new Error('not released');
    expect(report.questions[0]).toMatchObject({ mean: 4, counts: [0, 0, 1, 1, 1], answers: 3 });
    // Written Ổn then Ấn tượng: shown in Vietnamese order, not the order written.
    expect(report.questions[1]).toMatchObject({ texts: ['Ấn tượng', 'Ổn'] });
  });
});

describe('a course pooled over sessions', () => {
  const group = (levels: number[], closed = true) => ({ closed, responses: levels.map((l) => ({ q1: l })) });
  it('leaves out a group below the threshold, so closing it changes nothing shown', () => {
    const before = pooledReport(questions, [group([5, 5, 4])]);
    const after = pooledReport(questions, [group([5, 5, 4]), group([1, 1])]);
    expect(after).toEqual(before);
    expect(before.sessions).toBe(1);
  });
  it('leaves out an open group and pools the released ones', () => {
    const pooled = pooledReport(questions, [group([5, 5, 4]), group([1, 1, 1]), group([2, 2, 2, 2], false)]);
    expect(pooled.sessions).toBe(2);
    expect(pooled.report).toMatchObject({ status: 'released', respondents: 6 });
  });
  it('says too few when no group is released', () => {
    expect(pooledReport(questions, [group([1, 2])]).report.status).toBe('too_few');
  });
});
