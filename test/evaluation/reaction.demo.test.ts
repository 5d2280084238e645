// The demo shows evaluation levels 1–2: closed surveys with aggregates, an open
// one for canbo.hanoi, and pre/post tests with a clear gain for one course only.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

it('the demo’s closed sessions show survey aggregates, an open survey awaits canbo.hanoi, and the tests show gains', async () => {
  const hr = await t.signIn('hr.hanoi');
  const results = (await hr.get('/api/evaluation/surveys/results')).json();
  const released = results.surveys.filter((s: { report: { status: string } }) => s.report.status === 'released');
  expect(released.length).toBeGreaterThan(0);
  expect(results.surveys.some((s: { owner: string; report: { status: string } }) => s.owner === 'agency' && s.report.status === 'open')).toBe(true);
  const trainer = await t.signIn('trainer');
  expect(
    (await trainer.get('/api/evaluation/surveys/results')).json().courses.some((c: { report: { status: string } }) => c.report.status === 'released'),
  ).toBe(true);
  const mine = (await (await t.signIn('canbo.hanoi')).get('/api/evaluation/surveys/mine')).json().items;
  expect(mine.filter((s: { open: boolean }) => s.open)).toHaveLength(1);
  const gains = (await hr.get('/api/evaluation/learning/gains')).json().courses;
  expect(gains.length).toBeGreaterThan(1);
  const byGain = gains.map((c: { competencies: Array<{ meanScoreGain: number }> }) => c.competencies[0]!.meanScoreGain).sort((a: number, b: number) => b - a);
  expect(byGain[0]).toBeGreaterThan(15);
  expect(byGain.at(-1)).toBeLessThan(8);
});
