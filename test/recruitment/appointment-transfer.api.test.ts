// Appointing a civil servant of another agency (issue 17, item 4; r17p): their one record in the register moves
// to the appointing agency and the post (its history of dated assignments kept, the move audited as a transfer)
// instead of a second person being created; HR of the old agency no longer reads them; a failure at any step
// leaves them where they were.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, person, type PersonRow } from '../support/factories.js';
import { applicant, paperScores, rate, recruitmentWorld, type Candidate, type RecruitmentWorld } from './fixtures.js';

let t: TestApp;
let w: RecruitmentWorld;
let staff: PersonRow;
let staffUserId: string;
let x: Candidate;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await recruitmentWorld(t, { posts: 2 });
  // A civil servant of agency B, with a post there since 2020 and their own account, applies to agency A's campaign.
  staff = await person(t, { agency: w.agencyB, fullName: 'Trần Văn Chuyển', staffCode: 'B-0042' });
  await sql`
    INSERT INTO person_assignments (person_id, agency_id, position_id, role_category, status, valid_from, reason)
    VALUES (${staff.id}, ${w.agencyB.id}, NULL, 'professional', 'active', DATE '2020-01-01', 'hired')`.execute(t.db);
  staffUserId = (await account(t, { agency: w.agencyB, role: 'civil_servant', person: staff })).userId;
  x = await applicant(t, w, { fullName: staff.fullName, personId: staff.id });
  for (const m of w.members) expect((await rate(w, m, x.applicationId, 4, 2)).statusCode).toBe(200);
  expect((await paperScores(w, x.applicationId, 80, 40)).statusCode).toBe(200);
});

afterAll(async () => {
  await t.close();
});

const appoint = (applicationId: string) =>
  w.hrA.post(`/api/recruitment/applications/${applicationId}/appoint`, { staffCode: 'TD-NEW-1', reason: 'Phù hợp nhất với vị trí', startDate: '2026-04-01' });

const snapshot = async () => ({
  people: await t.db.selectFrom('people').select(['id', 'agency_id', 'position_id', 'staff_code']).orderBy('id').execute(),
  assignments: await t.db
    .selectFrom('person_assignments')
    .select(['agency_id', 'valid_from', 'valid_to', 'reason'])
    .where('person_id', '=', staff.id)
    .orderBy('valid_from')
    .execute(),
  user: await t.db.selectFrom('users').select('agency_id').where('id', '=', staffUserId).executeTakeFirstOrThrow(),
  audit: await t.db.selectFrom('audit_log').select('id').where('entity_id', 'in', [staff.id, x.applicationId]).execute(),
  appointments: await t.db.selectFrom('recruitment_appointments').select('application_id').execute(),
  results: await t.db.selectFrom('assessment_results').select(['cycle_id', 'competency_id']).where('person_id', '=', staff.id).execute(),
  status: (await t.db.selectFrom('recruitment_applications').select('status').where('id', '=', x.applicationId).executeTakeFirstOrThrow()).status,
});

describe('appointing a civil servant of another agency', () => {
  it('before: HR of agency B reads them, HR of agency A does not', async () => {
    expect((await w.hrB.get(`/api/people/${staff.id}`)).statusCode).toBe(200);
    expect((await w.hrA.get(`/api/people/${staff.id}`)).statusCode).toBe(404);
  });

  it('writes nothing when a later step fails (the appointment row refused by the database)', async () => {
    const before = await snapshot();
    // A real failure of the last insert, after the transfer: the database refuses the appointment row.
    await sql`CREATE FUNCTION r17p_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`.execute(t.db);
    await sql`CREATE TRIGGER r17p_refuse BEFORE INSERT ON recruitment_appointments FOR EACH ROW EXECUTE FUNCTION r17p_refuse()`.execute(t.db);
    try {
      const failed = await appoint(x.applicationId);
      expect(failed.statusCode).toBe(500);
    } finally {
      await sql`DROP TRIGGER r17p_refuse ON recruitment_appointments`.execute(t.db);
      await sql`DROP FUNCTION r17p_refuse()`.execute(t.db);
    }
    expect(await snapshot()).toEqual(before);
    expect((await w.hrB.get(`/api/people/${staff.id}`)).statusCode).toBe(200);
  });

  it('transfers their record to the appointing agency and the post instead of creating a second person', async () => {
    const peopleBefore = await t.db.selectFrom('people').select('id').execute();
    const answer = await appoint(x.applicationId);
    expect(answer.statusCode, answer.body).toBe(200);
    const body = answer.json();
    // The same person, their own staff code kept (the one HR typed is for a newcomer).
    expect(body).toMatchObject({ status: 'appointed', personId: staff.id, staffCode: 'B-0042' });
    expect(await t.db.selectFrom('people').select('id').execute()).toHaveLength(peopleBefore.length);
    const row = await t.db.selectFrom('people').select(['agency_id', 'position_id', 'status']).where('id', '=', staff.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ agency_id: w.agencyA.id, position_id: w.positionId, status: 'active' });

    // HR of agency A reads them, with their history: the post in B closed on the start date, the new one open.
    const record = await w.hrA.get(`/api/people/${staff.id}`);
    expect(record.statusCode, record.body).toBe(200);
    const history = (record.json().assignments as { agencyId: string; positionId: string | null; validFrom: string; validTo: string | null; reason: string }[])
      .map((a) => ({ agencyId: a.agencyId, positionId: a.positionId, validFrom: a.validFrom, validTo: a.validTo, reason: a.reason }))
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    expect(history).toEqual([
      { agencyId: w.agencyB.id, positionId: null, validFrom: '2020-01-01', validTo: '2026-04-01', reason: 'hired' },
      { agencyId: w.agencyA.id, positionId: w.positionId, validFrom: '2026-04-01', validTo: null, reason: 'transfer' },
    ]);

    // HR of the old agency no longer reads them, nor finds them in their list.
    expect((await w.hrB.get(`/api/people/${staff.id}`)).statusCode).toBe(404);
    const list = await w.hrB.get('/api/people?limit=500');
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json().items as { id: string }[]).map((p) => p.id)).not.toContain(staff.id);

    // Their own account follows them to the new agency.
    expect((await t.db.selectFrom('users').select('agency_id').where('id', '=', staffUserId).executeTakeFirstOrThrow()).agency_id).toBe(w.agencyA.id);

    // Audited: a transfer naming both agencies, and the appointment; no person created.
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'before', 'after', 'agency_path'])
      .where('entity_id', 'in', [x.applicationId, staff.id])
      .execute();
    expect(audit.map((a) => `${a.entity}:${a.action}`).sort()).toEqual(['person:transfer', 'recruitment_application:appoint']);
    const transfer = audit.find((a) => a.action === 'transfer')!;
    expect(transfer.agency_path).toBe(w.agencyA.path);
    expect(transfer.before).toMatchObject({ agencyId: w.agencyB.id, agencyPath: w.agencyB.path });
    expect(transfer.after).toMatchObject({ agency_id: w.agencyA.id, position_id: w.positionId, effectiveDate: '2026-04-01', applicationId: x.applicationId });

    // Their assessed levels start the gap profile in the new post.
    const profile = await w.hrA.get(`/api/needs/people/${staff.id}`);
    expect(profile.statusCode, profile.body).toBe(200);
    expect(profile.json().cycle).toMatchObject({ id: body.cycleId });
  });
});
