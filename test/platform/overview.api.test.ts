// The overview's to-do list for each role and the database details, through the HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seedDemoAssessments } from '../../src/dataset/demo-assessments.js';
import { openCycleFromNewest } from '../assessment/open-cycle.js';
import { today } from '../../src/platform/clock.js';

let t: TestApp;
let cycleId: string;
interface Item {
  key: string;
  count: number;
  link: string;
  dueOn: string | null;
}
const todo = async (username: string): Promise<Item[]> => {
  const response = await (await t.signIn(username)).get('/api/overview/todo');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
};
const shift = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoAssessments(t.db);
  // Opened a month ago, closing date yesterday: every form still open, the cycle overdue for closing.
  cycleId = await openCycleFromNewest(t.db, { opensOn: shift(-30), closesOn: shift(-1), agencyId: await t.agencyId('HN') });
}, 240_000);
afterAll(async () => t?.close());

describe('GET /api/overview/todo', () => {
  it('lists a civil servant’s forms to fill with the deadline, linking to the forms page', async () => {
    const items = await todo('canbo.hanoi');
    const forms = items.find((i) => i.key === 'assessment.formsToFill');
    const own = await t.db
      .selectFrom('assessment_assignments as x')
      .innerJoin('users as u', 'u.person_id', 'x.rater_person_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('u.username', '=', 'canbo.hanoi')
      .where('x.cycle_id', '=', cycleId)
      .executeTakeFirstOrThrow();
    expect(Number(own.n)).toBeGreaterThan(0);
    expect(forms).toMatchObject({ count: Number(own.n), dueOn: shift(-1) });
    expect(forms!.link).toMatch(/^\/assessments(\/forms\/[0-9a-f-]{36})?$/);
    // Nothing of HR's: a civil servant closes no cycle.
    expect(items.map((i) => i.key)).not.toContain('assessment.cyclesToClose');
  });

  it('lists for HR the cycle past its closing date and the raters who cannot sign in', async () => {
    const items = await todo('hr.hanoi');
    expect(items.find((i) => i.key === 'assessment.cyclesToClose')).toMatchObject({ count: 1, link: `/assessments/cycles/${cycleId}` });
    const locked = items.find((i) => i.key === 'assessment.ratersCannotSignIn');
    // The demo raters are staff of the register; only the demo accounts' people can sign in.
    expect(locked?.count).toBeGreaterThan(0);
    expect(locked?.link).toBe('/accounts');
  });

  it('does not show a cycle of another province to its HR, and counts a failed staff import', async () => {
    const hrDanang = await t.signIn('hr.danang');
    const before = (await todo('hr.danang')).find((i) => i.key === 'assessment.cyclesToClose');
    // The running cycle is Hà Nội's.
    expect(before).toBeUndefined();
    const owner = await t.db.selectFrom('users').select(['id']).where('username', '=', 'hr.danang').executeTakeFirstOrThrow();
    const dn = await t.db.selectFrom('agencies').select('path').where('code', '=', 'DN').executeTakeFirstOrThrow();
    await t.db
      .insertInto('staff_import_jobs')
      .values({
        id: crypto.randomUUID(),
        owner_user_id: owner.id,
        agency_path: dn.path,
        file_name: 'can-bo.xlsx',
        format: 'xlsx',
        file: null,
        file_size: 10,
        phase: 'failed',
        valid_data: null,
        updated_at: new Date(),
        created_at: new Date(),
        expires_at: new Date(Date.now() + 86_400_000),
        finished_at: new Date(),
        runner: null,
      })
      .execute();
    expect((await todo('hr.danang')).find((i) => i.key === 'people.importsFailed')).toMatchObject({ count: 1, link: '/people/import' });
    // Hà Nội's HR does not see Đà Nẵng's import.
    expect((await todo('hr.hanoi')).find((i) => i.key === 'people.importsFailed')).toBeUndefined();
    expect(hrDanang).toBeDefined();
  });

  it('answers every role, the candidate included, with a list (empty when nothing is due)', async () => {
    for (const username of ['admin', 'leader.hanoi', 'expert', 'trainer', 'ungvien']) {
      const items = await todo(username);
      expect(Array.isArray(items)).toBe(true);
      for (const item of items) expect(item.count).toBeGreaterThan(0);
    }
    expect(await todo('ungvien')).toEqual([]);
  });

  it('is for signed-in users only', async () => {
    expect((await t.anonymous().get('/api/overview/todo')).statusCode).toBe(401);
  });
});

describe('GET /api/overview/database', () => {
  it('gives the national administrator the engine, size and migrations', async () => {
    const response = await (await t.signIn('admin')).get('/api/overview/database');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.engine).toMatch(/^(pglite|postgres)$/);
    expect(body.sizeBytes).toBeGreaterThan(0);
    expect(body.migrationCount).toBeGreaterThan(10);
    expect(body.latestMigration).toMatch(/^\d{4}_/);
  });

  it('is refused to every other role', async () => {
    for (const username of ['hr.hanoi', 'leader.hanoi', 'canbo.hanoi', 'expert', 'trainer', 'ungvien']) {
      const response = await (await t.signIn(username)).get('/api/overview/database');
      expect(response.statusCode, username).toBe(403);
      expect(response.body).not.toContain('migration');
    }
  });
});
