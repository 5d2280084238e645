// Matching a self-registered outsider to their record in the register at appointment (issue 17, item 4): the same
// citizen identity number, or the same date of birth and name, proposes the existing person instead of a second
// one; HR confirms the record (which moves to the post) or states it is someone else. Nothing is written while
// HR has not chosen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { applicant, paperScores, rate, recruitmentWorld, type Candidate, type Member, type RecruitmentWorld } from './fixtures.js';

let t: TestApp;
let w: RecruitmentWorld;
let x: Candidate;
let z: Candidate;
let known: { id: string; staffCode: string };
let namesake: { id: string; staffCode: string };

const appoint = (applicationId: string, extra: Record<string, unknown> = {}) =>
  w.hrA.post(`/api/recruitment/applications/${applicationId}/appoint`, {
    staffCode: `TD-${applicationId.slice(0, 6)}`,
    reason: 'Đứng đầu danh sách',
    ...extra,
  });
const peopleCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await recruitmentWorld(t, { posts: 2 });
  // X signed up with their identity number; in the register (another agency) under a spelling without diacritics.
  x = await applicant(t, w, { fullName: 'Lê Văn Xuân' });
  await t.db.updateTable('recruitment_candidates').set({ identity_number: '001098012345' }).where('id', '=', x.candidateId).execute();
  const k = await person(t, { agency: w.agencyB, fullName: 'Le Van Xuan' });
  await t.db.updateTable('people').set({ identity_number: '001098012345', date_of_birth: '1990-01-01' }).where('id', '=', k.id).execute();
  known = k;
  // Z gave no identity number; the register has someone of the same name and date of birth (the fixture's 1998-04-12).
  z = await applicant(t, w, { fullName: 'Trần Thị Mai' });
  const n = await person(t, { agency: w.agencyA, fullName: 'Tran Thi Mai' });
  await t.db.updateTable('people').set({ date_of_birth: '1998-04-12' }).where('id', '=', n.id).execute();
  namesake = n;
  // Someone else of that name and birthday but another identity number is not proposed for X.
  const other = await person(t, { agency: w.agencyA, fullName: 'Lê Văn Xuân' });
  await t.db.updateTable('people').set({ identity_number: '001098099999', date_of_birth: '1998-04-12' }).where('id', '=', other.id).execute();
  for (const c of [x, z]) {
    for (const m of w.members) expect((await rate(w, m, c.applicationId, 4, 2)).statusCode).toBe(200);
    expect((await paperScores(w, c.applicationId, 80, 60)).statusCode).toBe(200);
  }
});

afterAll(async () => {
  await t.close();
});

describe('matching a candidate to the register', () => {
  it('proposes the record with the same identity number, or the same name and date of birth, to HR of the campaign only', async () => {
    const forX = await w.hrA.get(`/api/recruitment/applications/${x.applicationId}/register-matches`);
    expect(forX.statusCode, forX.body).toBe(200);
    expect(forX.json()).toEqual({
      linkedPersonId: null,
      items: [expect.objectContaining({ personId: known.id, staffCode: known.staffCode, matchedOn: 'identity_number', agencyName: w.agencyB.name })],
    });
    const forZ = (await w.hrA.get(`/api/recruitment/applications/${z.applicationId}/register-matches`)).json();
    expect(forZ.items.map((m: { personId: string; matchedOn: string }) => [m.personId, m.matchedOn])).toEqual([[namesake.id, 'name_and_birth']]);
    expect((await w.hrB.get(`/api/recruitment/applications/${x.applicationId}/register-matches`)).statusCode).toBe(404);
    expect((await (w.members[0] as Member).agent.get(`/api/recruitment/applications/${x.applicationId}/register-matches`)).statusCode).toBe(403);
  });

  it('refuses to appoint while HR has not chosen, and writes nothing', async () => {
    const before = await peopleCount();
    const refused = await appoint(x.applicationId);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'recruitment_register_match', details: { field: 'personId', matches: [{ personId: known.id }] } });
    const wrong = await appoint(x.applicationId, { personId: namesake.id });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'recruitment_register_match_invalid', details: { field: 'personId' } });
    expect(await peopleCount()).toBe(before);
    expect(await t.db.selectFrom('recruitment_appointments').selectAll().execute()).toEqual([]);
  });

  it('appoints the confirmed record: no second person, the record moves to the post, audited', async () => {
    const before = await peopleCount();
    const answer = await appoint(x.applicationId, { personId: known.id });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ personId: known.id, staffCode: known.staffCode, status: 'appointed' });
    expect(await peopleCount()).toBe(before);
    const moved = await t.db.selectFrom('people').select(['agency_id', 'position_id']).where('id', '=', known.id).executeTakeFirstOrThrow();
    expect(moved).toEqual({ agency_id: w.agencyA.id, position_id: w.positionId });
    const candidate = await t.db.selectFrom('recruitment_candidates').select('person_id').where('id', '=', x.candidateId).executeTakeFirstOrThrow();
    expect(candidate.person_id).toBe(known.id);
    const audit = await t.db.selectFrom('audit_log').select(['after']).where('action', '=', 'match_register').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ personId: known.id, matchedOn: 'identity_number' });
  });

  it('creates a new person when HR states the candidate is someone else', async () => {
    const before = await peopleCount();
    const answer = await appoint(z.applicationId, { newPerson: true });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().personId).not.toBe(namesake.id);
    expect(await peopleCount()).toBe(before + 1);
  });
});
