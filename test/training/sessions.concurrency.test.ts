import { afterAll, beforeAll, expect, it } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, agency, person } from '../support/factories.js';
import { course, institution, sessionBody } from './sessions-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  setClock('2026-02-15T03:00:00Z');
  t = await createTestApp({ demo: false });
});

afterAll(async () => {
  setClock(null);
  await t.close();
});

// Issue 14's done-when: seats hold under concurrent enrolment. The session row
// is locked in each transaction (FOR UPDATE), so on PostgreSQL, where the
// requests run on several connections at once, the count never races the insert.
it('100 concurrent enrolments for the last 5 seats: exactly 5 enrolled, the rest waitlisted', async () => {
  const inst = await institution(t);
  const c = await course(t, { institution: inst });
  const trainer = await t.signIn(inst.trainer.username, inst.trainer.password);
  const session = (await trainer.post('/api/training/sessions', { ...sessionBody(c.id), seats: 10 })).json();
  const root = await agency(t);
  const hrRow = await account(t, { agency: root, role: 'hr_officer' });
  const hr = await t.signIn(hrRow.username, hrRow.password);
  const people = [];
  for (let i = 0; i < 105; i++) people.push(await person(t, { agency: root, fullName: `Người ${i}` }));
  expect((await hr.post(`/api/training/sessions/${session.id}/enrolments`, { personIds: people.slice(0, 5).map((p) => p.id) })).statusCode).toBe(201);

  const answers = await Promise.all(people.slice(5).map((p) => hr.post(`/api/training/sessions/${session.id}/enrolments`, { personIds: [p.id] })));
  expect(answers.map((a) => a.statusCode)).toEqual(Array(100).fill(201));
  const statuses = answers.map((a) => a.json().items[0].status as string);
  expect(statuses.filter((s) => s === 'enrolled')).toHaveLength(5);
  expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(95);
  const rows = await t.db.selectFrom('training_enrolments').select(['status']).where('session_id', '=', session.id).execute();
  expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(10);
  expect((await hr.get(`/api/training/sessions/${session.id}`)).json()).toMatchObject({ seats: 10, enrolled: 10, waitlisted: 95 });
}, 120_000);
