import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

it('the demo shows sessions of the demo courses, past ones with results, open ones, and the civil servant’s training', async () => {
  const hr = await t.signIn('hr.hanoi');
  const sessions = (await hr.get('/api/training/sessions')).json().items as Array<{ status: string; enrolmentOpen: boolean }>;
  expect(sessions.some((s) => s.status === 'completed')).toBe(true);
  expect(sessions.some((s) => s.enrolmentOpen)).toBe(true);
  const canbo = await t.signIn('canbo.hanoi');
  const mine = (await canbo.get('/api/training/me/enrolments')).json().items.map((e: { status: string }) => e.status);
  expect(mine).toEqual(expect.arrayContaining(['enrolled', 'pending_approval']));
  expect(mine.some((s: string) => s === 'completed' || s === 'not_completed')).toBe(true);
  const leader = await t.signIn('leader.hanoi');
  expect((await leader.get('/api/training/enrolments?status=pending_approval')).json().total).toBeGreaterThan(0);
  const trainer = await t.signIn('trainer');
  const managed = (await trainer.get('/api/training/sessions?mine=true')).json().items as Array<{ canManage: boolean }>;
  expect(managed.length).toBeGreaterThan(0);
  expect(managed.every((s) => s.canManage)).toBe(true);
  // Danang's HR sees none of Hanoi's people in the demo enrolments.
  const dn = (await (await t.signIn('hr.danang')).get('/api/training/enrolments')).json().items as Array<{ staffCode: string }>;
  expect(dn.length).toBeGreaterThan(0);
  expect(dn.every((e) => e.staffCode.startsWith('DN-'))).toBe(true);
});
