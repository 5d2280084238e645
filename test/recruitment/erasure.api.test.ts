import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import { ERASURE_JOB, recruitmentJobs } from '../../src/modules/recruitment/recruitment.jobs.js';
import { eraseExpiredCandidates } from '../../src/modules/recruitment/erasure.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { applicationBody, newCandidate, publishedCampaign } from './recruitment-fixtures.js';

// Issue 17 item 2 / Decree 13/2023/NĐ-CP: an expired candidate's personal data leaves no trace — no table
// (every text, jsonb and bytea column), no file, no audit before/after value.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t?.close());
afterEach(() => setClock(null));

/**
 * For each needle, every text-like column of every table in the public schema (text, jsonb, bytea, arrays)
 * that holds it: one pass a table for all needles, since the demo database is not small.
 */
async function tablesHolding(needles: ReadonlyArray<string | Buffer>): Promise<string[][]> {
  const { rows: columns } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    SELECT table_name, column_name, data_type FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY')`.execute(t.db);
  const hits: string[][] = needles.map(() => []);
  const tables = [...new Set(columns.map((c) => c.table_name))];
  for (const table of tables) {
    const checks: Array<{ needle: number; column: string; expression: ReturnType<typeof sql> }> = [];
    for (const c of columns.filter((c) => c.table_name === table)) {
      const column = sql.ref(c.column_name);
      needles.forEach((needle, i) => {
        const expression =
          c.data_type === 'bytea'
            ? sql`position(${typeof needle === 'string' ? sql`convert_to(${needle}, 'UTF8')` : needle} IN ${column}) > 0`
            : typeof needle === 'string'
              ? sql`lower(${column}::text) LIKE ${'%' + needle.toLowerCase() + '%'}`
              : null;
        if (expression) checks.push({ needle: i, column: c.column_name, expression });
      });
    }
    if (checks.length === 0) continue;
    const { rows } = await sql<Record<string, boolean | null>>`
      SELECT ${sql.join(checks.map((check, k) => sql`coalesce(bool_or(${check.expression}), false) AS ${sql.ref(`h${k}`)}`))} FROM ${sql.table(table)}`.execute(
      t.db,
    );
    checks.forEach((check, k) => {
      if (rows[0]![`h${k}`]) hits[check.needle]!.push(`${table}.${check.column}`);
    });
  }
  return hits;
}

describe('erasure of expired candidates', () => {
  test('the nightly job is declared, daily and alone', () => {
    expect(recruitmentJobs.find((j) => j.name === ERASURE_JOB)).toMatchObject({ schedule: expect.stringMatching(/^\d+ \d+ \* \* \*$/), singleton: true });
  });

  test('after the retention date nothing of the candidate remains: tables, documents, account, audit trail', async () => {
    const hr = await t.signIn('hr.danang');
    const { id, positions } = await publishedCampaign(t, hr, { applicationsCloseAt: '2027-01-31T10:00:00Z', retentionMonths: 1 });
    const name = 'Hứa Thị Bích Ngọc';
    const email = 'bichngoc.erasure@example.vn';
    const phone = '0912 345 678';
    const secretBytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('CV-BYTES-ONLY-IN-THIS-FILE-7c1f'), Buffer.from('\n%%EOF')]);
    const me = await newCandidate(t, { fullName: name, email, phone });
    const applied = await me.agent.post(
      `/api/recruitment/campaigns/${id}/applications`,
      applicationBody(positions[0]!, [{ fileName: `${name}.pdf`, bytes: secretBytes }]),
    );
    expect(applied.statusCode, applied.body).toBe(201);
    // A panel member declares a conflict naming the candidate; HR completes the campaign.
    const leaderId = (await t.db.selectFrom('users').select('id').where('username', '=', 'leader.danang').executeTakeFirstOrThrow()).id;
    await hr.put(`/api/recruitment/campaigns/${id}/panel`, { members: [{ userId: leaderId, panelRole: 'chair' }] });
    await (
      await t.signIn('leader.danang')
    ).put(`/api/recruitment/campaigns/${id}/declaration`, {
      conflicts: [{ applicationId: applied.json().id, reason: `Em họ của ${name}` }],
    });
    // A staff member applies too: erased as a candidate, kept as a person of the register.
    const staff = await t.signIn('canbo.danang');
    expect((await staff.post(`/api/recruitment/campaigns/${id}/applications`, applicationBody(positions[1]!))).statusCode).toBe(201);
    setClock('2027-02-01T03:00:00Z');
    await hr.post(`/api/recruitment/campaigns/${id}/status/close`);
    await hr.post(`/api/recruitment/campaigns/${id}/status/complete`);
    const [byName, byBytes] = await tablesHolding([name, secretBytes]);
    expect(byName).toEqual(expect.arrayContaining(['recruitment_candidates.full_name', 'users.display_name', 'recruitment_conflicts.reason']));
    expect(byBytes).toEqual(['recruitment_documents.content']);

    // Not yet due: the completion on 1 Feb keeps them a month.
    expect((await eraseExpiredCandidates(t.db, '2027-03-01')).candidates).toBe(0);
    const counts = await eraseExpiredCandidates(t.db, '2027-03-02');
    expect(counts).toMatchObject({ candidates: 2, documents: 2, accounts: 1 });

    const needles = [name, email, phone, me.username, secretBytes, 'CV-BYTES-ONLY-IN-THIS-FILE'];
    const after = await tablesHolding(needles);
    needles.forEach((needle, i) => expect(after[i], String(needle)).toEqual([]));
    // The account is gone: no sign-in, no session.
    expect((await t.anonymous().post('/api/auth/login', { username: me.username, password: me.password })).statusCode).toBe(401);
    expect((await me.agent.get('/api/auth/me')).statusCode).toBe(401);
    // The staff member keeps their register entry and account.
    const person = await t.db.selectFrom('people').select('full_name').where('staff_code', '=', 'DN-0002').executeTakeFirstOrThrow();
    expect(person.full_name).not.toBe('Đã xoá');
    expect((await staff.get('/api/auth/me')).statusCode).toBe(200);
    // The applications stay (counts, results), without anyone behind them; the erasure is audited with counts only.
    const list = (await hr.get(`/api/recruitment/campaigns/${id}/applications`)).json().items;
    expect(list.map((a: { candidateName: string }) => a.candidateName)).toEqual(['Đã xoá', 'Đã xoá']);
    const trail = await t.db.selectFrom('audit_log').select(['after', 'actor_name']).where('action', '=', 'erase_expired').executeTakeFirstOrThrow();
    expect(trail.after).toMatchObject({ candidates: 2, documents: 2, accounts: 1 });
    // Run again: nothing more to do.
    expect((await eraseExpiredCandidates(t.db, '2027-03-02')).candidates).toBe(0);
  }, 180_000);
});
