// What the evaluation tests need from training: trainees with accounts, and a
// session run through the training API — planned by the institution, enrolled
// by HR, attendance marked, closed (which emits `training.completed`).
import { expect } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import type { Agent, TestApp } from '../support/test-app.js';
import { account, agency, person, type AgencyRow, type PersonRow } from '../support/factories.js';
import { course, institution, sessionBody } from '../training/sessions-fixtures.js';

export interface Trainee extends PersonRow {
  agent: Agent;
}

export async function trainees(t: TestApp, agencyRow: AgencyRow, n: number, prefix = 'Học Viên'): Promise<Trainee[]> {
  const out: Trainee[] = [];
  for (let i = 0; i < n; i++) {
    const p = await person(t, { agency: agencyRow, fullName: `${prefix} ${String.fromCharCode(65 + i)}` });
    const a = await account(t, { agency: agencyRow, person: p });
    out.push({ ...p, agent: await t.signIn(a.username, a.password) });
  }
  return out;
}

/** Before the session: the clock where enrolment is open. */
export const PLANNING = '2026-02-15T03:00:00Z';
/** The one-day session of `sessionOn`, closed the day after at 10:00 UTC. */
export const closingTime = (day: string) => `${new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)}T10:00:00Z`;

/**
 * A one-day session of the course on `day`: HR enrols everyone, the trainer
 * marks `present` present and the rest absent, and (unless `close: false`) closes it.
 */
export async function runSession(
  o: { trainer: Agent; hr: Agent; courseId: string; day: string; present: readonly PersonRow[]; absent?: readonly PersonRow[] },
  close = true,
) {
  setClock(PLANNING);
  const created = await o.trainer.post('/api/training/sessions', sessionBody(o.courseId, { startsOn: o.day, days: 1 }));
  expect(created.statusCode, created.body).toBe(201);
  const session = created.json<{ id: string; meetings: Array<{ id: string }> }>();
  const everyone = [...o.present, ...(o.absent ?? [])];
  const enrolled = await o.hr.post(`/api/training/sessions/${session.id}/enrolments`, { personIds: everyone.map((p) => p.id) });
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  const byPerson = new Map(enrolled.json<{ items: Array<{ id: string; personId: string }> }>().items.map((e) => [e.personId, e.id]));
  const present = new Set(o.present.map((p) => p.id));
  const marks = everyone.map((p) => ({ enrolmentId: byPerson.get(p.id)!, meetingId: session.meetings[0]!.id, present: present.has(p.id) }));
  const saved = await o.trainer.put(`/api/training/sessions/${session.id}/attendance`, { marks });
  expect(saved.statusCode, saved.body).toBe(200);
  if (close) {
    setClock(closingTime(o.day));
    const closed = await o.trainer.post(`/api/training/sessions/${session.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
  }
  return { sessionId: session.id, enrolments: byPerson };
}

/**
 * Two institutions with a trainer each, an agency with a department and its HR
 * officer, another agency's HR officer (the attacker), and a course of the first institution.
 */
export async function evaluationWorld(t: TestApp) {
  const instA = await institution(t);
  const instB = await institution(t);
  const rootA = await agency(t);
  const deptA = await agency(t, { parent: rootA });
  const rootB = await agency(t);
  const hrARow = await account(t, { agency: rootA, role: 'hr_officer' });
  const hrBRow = await account(t, { agency: rootB, role: 'hr_officer' });
  return {
    instA,
    instB,
    deptA,
    trainerA: await t.signIn(instA.trainer.username, instA.trainer.password),
    trainerB: await t.signIn(instB.trainer.username, instB.trainer.password),
    hrA: await t.signIn(hrARow.username, hrARow.password),
    hrB: await t.signIn(hrBRow.username, hrBRow.password),
    courseId: (await course(t, { institution: instA })).id,
  };
}
