import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCycle } from '../../src/modules/assessment/cycles.service.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { FACTORY_PASSWORD, account, agency, consolidatedCycle, person, position, world, type PersonRow } from '../support/factories.js';
import { day } from '../support/waits.js';
import { course, institution, session } from '../training/plans-fixtures.js';

/**
 * A department with a leadership post whose profile is C1 (level 4, criticality 3), C2 (2, 1) and C3, a
 * digital-government competency (group CN: 3, 2). Assessed levels [C1, C2, C3] in one closed full cycle:
 *   A [4, 2, 1]   B [2, 4, 3]   C [4, 2, 3]   D [3, 2, 2]   E [5, 5, 5] holds the post   G [4, 2, 3] in a unit below
 *   F never assessed; X in a sibling agency (out of the subtree).
 * Quality 2024/2025: A excellent/good, B good/good, C good/completed, D excellent/excellent.
 * Completed training: A LD-01 (40 h, this year); B CDS-01 (16 h, last year) and LD-01 years ago; D LD-01 and CDS-01 (56 h).
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;
let hr: Agent;
let leader: Agent;
let servant: Agent;
let outsiderHr: Agent;
let admin: Agent;
let leaderPost: string;
let noDigitalPost: string;
const who: Record<string, PersonRow> = {};
let fullCycleId: string;

const LEVELS: Record<string, [number, number, number]> = { A: [4, 2, 1], B: [2, 4, 3], C: [4, 2, 3], D: [3, 2, 2], E: [5, 5, 5], G: [4, 2, 3] };
const base = '/api/recruitment/promotions';

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await world(t, { people: 6, competencies: 3 });
  const [c1, c2, c3] = w.framework.competencyIds as [string, string, string];
  // C3 belongs to a digital-government group (CN), as in the national framework.
  const cn = await t.db
    .insertInto('competency_groups')
    .values({ version_id: w.framework.versionId, code: 'CN', kind: 'technical', name_vi: 'Công nghệ số', name_en: 'Digital technology', position: 2 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.updateTable('competencies').set({ group_id: cn.id }).where('id', '=', c3).execute();
  leaderPost = await position(t, { agency: w.dept, competencyIds: [c1, c2, c3], title: 'Trưởng phòng', requiredLevel: (i) => [4, 2, 3][i]! });
  for (const [id, criticality] of [
    [c1, 3],
    [c2, 1],
    [c3, 2],
  ] as const)
    await t.db.updateTable('position_requirements').set({ criticality }).where('position_id', '=', leaderPost).where('competency_id', '=', id).execute();
  noDigitalPost = await position(t, { agency: w.dept, competencyIds: [c1, c2], title: 'Phó phòng' });
  await t.db.updateTable('positions').set({ role_category: 'leader' }).where('id', 'in', [leaderPost, noDigitalPost]).execute();

  ['A', 'B', 'C', 'D', 'E', 'F'].forEach((k, i) => (who[k] = w.staff[i]!));
  await t.db.updateTable('people').set({ position_id: leaderPost }).where('id', '=', who.E!.id).execute();
  const unit = await agency(t, { parent: w.dept });
  const g = await person(t, { agency: unit, positionId: w.positionId, fullName: 'Cán Bộ Thử G' });
  await account(t, { agency: unit, person: g });
  who.G = g;
  const sibling = await agency(t, { parent: w.root });
  who.X = await person(t, { agency: sibling, fullName: 'Cán Bộ Ngoài X' });

  const assessed = ['A', 'B', 'C', 'D', 'E', 'G'];
  const full = await consolidatedCycle(t, {
    hr: w.hr,
    framework: w.framework,
    personIds: assessed.map((k) => who[k]!.id),
    levels: (s, c) => LEVELS[assessed[s]!]![c]!,
  });
  fullCycleId = full.id;
  await updateCycle(t.db, w.hr.actor, full.id, { status: 'closed' });
  // A newer follow-up after training rated A at 5 everywhere: not the gap profile's source, so not the fit's.
  const followUp = await consolidatedCycle(t, { hr: w.hr, framework: w.framework, personIds: [who.A!.id], levels: () => 5, input: { opensOn: day(0) } });
  // Through the service, as HR would: the people's current levels (migration 0035) follow the cycle's kind.
  await updateCycle(t.db, w.hr.actor, followUp.id, { status: 'closed', kind: 'follow_up' });

  hr = await t.signIn(w.hr.username, FACTORY_PASSWORD);
  for (const [k, levels] of [
    ['A', ['excellent', 'good']],
    ['B', ['good', 'good']],
    ['C', ['good', 'completed']],
    ['D', ['excellent', 'excellent']],
  ] as const)
    for (const [i, level] of levels.entries())
      expect((await hr.put(`/api/evaluation/quality/people/${who[k]!.id}/${2024 + i}`, { level })).statusCode).toBe(200);

  const inst = await institution(t.db, w.root);
  const ld = await course(t.db, { institutionId: inst, versionId: w.framework.versionId, code: 'LD-01', competencies: [[c1, 3, 4]], hours: 40 });
  const cds = await course(t.db, { institutionId: inst, versionId: w.framework.versionId, code: 'CDS-01', competencies: [[c3, 2, 3]], hours: 16 });
  const sessionOf = async (courseId: string, code: string, endsOn: string) =>
    session(t.db, { courseId, code, startsOn: endsOn, endsOn, opensOn: endsOn, closesOn: endsOn });
  const completed = async (k: string, sessionId: string, at: string) =>
    t.db
      .insertInto('training_enrolments')
      .values({
        session_id: sessionId,
        person_id: who[k]!.id,
        agency_id: w.dept.id,
        status: 'completed',
        source: 'hr',
        completed_at: new Date(`${at}T10:00:00Z`),
      })
      .execute();
  const ldNow = await sessionOf(ld, 'LD-01-A', day(-30));
  const ldOld = await sessionOf(ld, 'LD-01-OLD', '2019-05-10');
  const cdsLast = await sessionOf(cds, 'CDS-01-A', day(-200));
  await completed('A', ldNow, day(-30));
  await completed('B', cdsLast, day(-200));
  await completed('B', ldOld, '2019-05-10');
  await completed('D', ldNow, day(-30));
  await completed('D', cdsLast, day(-200));

  leader = await t.signIn((await account(t, { agency: w.dept, role: 'leader' })).username, FACTORY_PASSWORD);
  servant = await t.signIn(w.staff[0]!.account.username, FACTORY_PASSWORD);
  outsiderHr = await t.signIn((await account(t, { agency: sibling, role: 'hr_officer' })).username, FACTORY_PASSWORD);
  admin = await t.signIn((await account(t, { agency: w.root, role: 'national_admin' })).username, FACTORY_PASSWORD);
});
afterAll(() => t.close());

const RULES = {
  quality: { years: 2, minLevel: 'good' },
  training: { minHours: 20, withinYears: 3, courseCodes: ['LD-01'] },
  digital: { weight: 2 },
};

let roundId: string;
const failed = (s: { checks: Array<{ rule: string; passed: boolean }> }) => s.checks.filter((c) => !c.passed).map((c) => c.rule);
const code = (k: string) => who[k]!.staffCode;

describe('an appointment round for a leadership position', () => {
  it('is created by the agency’s HR with the rules, the quality window ending last year', async () => {
    const res = await hr.post(`${base}/rounds`, { positionId: leaderPost, title: 'Bổ nhiệm Trưởng phòng 2026', rules: RULES });
    expect(res.statusCode).toBe(200);
    const round = res.json();
    roundId = round.id;
    const lastYear = Number(new Date().toISOString().slice(0, 4)) - 1;
    expect(round).toMatchObject({ status: 'draft', position: { id: leaderPost, roleCategory: 'leader' }, canWrite: true });
    expect(round.rules).toEqual({
      quality: { years: 2, toYear: lastYear, minLevel: 'good' },
      training: { minHours: 20, withinYears: 3, courseCodes: ['LD-01'] },
      minFit: null,
      digital: { weight: 2, minLevel: null },
    });
    expect(round.profile.map((p: { code: string; digital: boolean }) => [p.code, p.digital])).toEqual([
      ['C01', false],
      ['C02', false],
      ['C03', true],
    ]);
  });

  it('ranks the eligible by fit with the digital weight and explains each standing (hand-computed)', async () => {
    const res = await hr.get(`${base}/rounds/${roundId}/standings`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.frozen).toBe(false);
    // Weights C1 3, C2 1, C3 2 × 2 = 4 (Σ 8). D: 3×3/4 + 1 + 4×2/3 = 5.917 → 73.96; A: 3 + 1 + 4×1/3 = 5.333 → 66.67.
    expect(
      body.eligible.map((s: { staffCode: string; rank: number; fit: number; digitalFit: number; separatedBy: string | null }) => [
        s.staffCode,
        s.rank,
        s.fit,
        s.digitalFit,
        s.separatedBy,
      ]),
    ).toEqual([
      [code('D'), 1, 73.96, 66.67, null],
      [code('A'), 2, 66.67, 33.33, 'fit'],
    ]);
    const a = body.eligible[1];
    // The follow-up's 5s are not used: the newest full cycle is.
    expect(a.cycle.id).toBe(fullCycleId);
    expect(a.shortfalls).toEqual([{ competencyId: w.framework.competencyIds[2], requiredLevel: 3, assessedLevel: 1, gap: 2, weight: 4 }]);
    expect(a.qualityPoints).toBe(5);
    expect(a.trainingHours).toBe(40);
    expect(a.checks.find((c: { rule: string }) => c.rule === 'quality')).toMatchObject({
      passed: true,
      years: [
        { year: 2024, level: 'excellent', passed: true },
        { year: 2025, level: 'good', passed: true },
      ],
    });
    // The ineligible, by staff code, each with the rules that failed; X (a sibling agency) is not a candidate at all.
    const ineligible = Object.fromEntries(
      body.ineligible.map((s: { staffCode: string; checks: Array<{ rule: string; passed: boolean }> }) => [s.staffCode, s]),
    );
    expect(Object.keys(ineligible).sort()).toEqual([code('B'), code('C'), code('E'), code('F'), code('G')].sort());
    expect(body.counts).toEqual({ eligible: 2, ineligible: 5 });
    expect(failed(ineligible[code('B')])).toEqual(['training_hours']);
    expect(ineligible[code('B')].checks.find((c: { rule: string }) => c.rule === 'training_hours')).toMatchObject({
      hours: 16,
      minHours: 20,
      since: day(0).replace(/^\d{4}/, (y) => String(Number(y) - 3)),
    });
    expect(ineligible[code('B')].checks.find((c: { rule: string }) => c.rule === 'training_courses')).toMatchObject({ passed: true, missing: [] });
    expect(failed(ineligible[code('C')])).toEqual(['quality', 'training_hours', 'training_courses']);
    expect(ineligible[code('C')].checks.find((c: { rule: string }) => c.rule === 'quality').years[1]).toEqual({
      year: 2025,
      level: 'completed',
      passed: false,
    });
    expect(failed(ineligible[code('E')])[0]).toBe('not_holder');
    expect(failed(ineligible[code('F')])).toContain('assessed');
    expect(ineligible[code('F')].fit).toBeNull();
    expect(failed(ineligible[code('G')])).toEqual(['quality', 'training_hours', 'training_courses']);
  });

  it('makes the digital competencies an explicit criterion: without the weight A leads, with a minimum level both fall out', async () => {
    const plain = await hr.patch(`${base}/rounds/${roundId}`, { rules: { ...RULES, digital: { weight: 1 } } });
    expect(plain.statusCode).toBe(200);
    // A: 3 + 1 + 2/3 = 4.667 / 6 = 77.78; D: 2.25 + 1 + 1.333 = 4.583 / 6 = 76.39.
    const s1 = (await hr.get(`${base}/rounds/${roundId}/standings`)).json();
    expect(s1.eligible.map((s: { staffCode: string; fit: number }) => [s.staffCode, s.fit])).toEqual([
      [code('A'), 77.78],
      [code('D'), 76.39],
    ]);
    await hr.patch(`${base}/rounds/${roundId}`, { rules: { ...RULES, digital: { weight: 2, minLevel: 3 } } });
    const s2 = (await hr.get(`${base}/rounds/${roundId}/standings`)).json();
    expect(s2.eligible).toEqual([]);
    expect(
      s2.ineligible.find((s: { staffCode: string }) => s.staffCode === code('D')).checks.find((c: { rule: string }) => c.rule === 'digital_level'),
    ).toEqual({
      rule: 'digital_level',
      passed: false,
      minLevel: 3,
      below: [{ competencyId: w.framework.competencyIds[2], assessedLevel: 2 }],
    });
    expect((await hr.patch(`${base}/rounds/${roundId}`, { rules: RULES })).statusCode).toBe(200);
  });

  it('refuses a decision before the shortlist is frozen, an ineligible choice, and blank reasons, writing nothing', async () => {
    const early = await hr.post(`${base}/rounds/${roundId}/decision`, { personIds: [who.D!.id], reasons: 'Phù hợp nhất' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('promotion_not_shortlisted');
    const preview = (await hr.get(`${base}/rounds/${roundId}/standings`)).json();
    const frozen = await hr.post(`${base}/rounds/${roundId}/shortlist`, {});
    expect(frozen.statusCode).toBe(200);
    expect(frozen.json()).toMatchObject({ frozen: true, round: { status: 'shortlisted' }, counts: { eligible: 2, ineligible: 5 } });
    // Stored as computed: each person's explanation on their own row (the store pairs them by position).
    expect({ eligible: frozen.json().eligible, ineligible: frozen.json().ineligible }).toEqual({ eligible: preview.eligible, ineligible: preview.ineligible });
    const wrong = await hr.post(`${base}/rounds/${roundId}/decision`, { personIds: [who.D!.id, who.B!.id], reasons: 'Hai người' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'promotion_choice_not_eligible', details: { personIds: [who.B!.id] } });
    expect((await hr.post(`${base}/rounds/${roundId}/decision`, { personIds: [who.D!.id], reasons: '   ' })).statusCode).toBe(400);
    const still = (await hr.get(`${base}/rounds/${roundId}/standings`)).json();
    expect(still.round.status).toBe('shortlisted');
    expect(still.eligible.every((s: { chosen: boolean }) => !s.chosen)).toBe(true);
  });

  it('the frozen shortlist does not move when the evidence changes later', async () => {
    // A's 2025 becomes "completed" (below the rule's "good"): a preview would drop A, the frozen standings keep A.
    await hr.put(`/api/evaluation/quality/people/${who.A!.id}/2025`, { level: 'completed' });
    const body = (await hr.get(`${base}/rounds/${roundId}/standings`)).json();
    expect(body.eligible.map((s: { staffCode: string }) => s.staffCode)).toEqual([code('D'), code('A')]);
    await hr.put(`/api/evaluation/quality/people/${who.A!.id}/2025`, { level: 'good' });
  });

  it('records the decision and its reasons, audited before and after; the round is then final', async () => {
    const reasons = 'Mức phù hợp cao nhất, năng lực số đáp ứng yêu cầu chuyển đổi số của Sở; xếp loại xuất sắc hai năm liền.';
    const res = await hr.post(`${base}/rounds/${roundId}/decision`, { personIds: [who.D!.id], reasons });
    expect(res.statusCode).toBe(200);
    expect(res.json().round).toMatchObject({ status: 'decided', decisionReasons: reasons });
    expect(res.json().eligible.map((s: { staffCode: string; chosen: boolean }) => [s.staffCode, s.chosen])).toEqual([
      [code('D'), true],
      [code('A'), false],
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'promotion_round')
      .where('entity_id', '=', roundId)
      .where('action', '=', 'decide')
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ status: 'shortlisted', chosen: [] });
    expect(audit.after).toMatchObject({ status: 'decided', reasons, chosen: [{ personId: who.D!.id, rank: 1, fit: 73.96 }] });
    expect((await hr.patch(`${base}/rounds/${roundId}`, { title: 'Khác' })).json().error.code).toBe('promotion_round_decided');
    expect((await hr.post(`${base}/rounds/${roundId}/shortlist`, {})).statusCode).toBe(409);
    expect((await hr.post(`${base}/rounds/${roundId}/decision`, { personIds: [who.A!.id], reasons: 'x' })).statusCode).toBe(409);
  });

  it('prints the decision as PDF and exports the shortlist as xlsx, ranked, the ineligible on their own sheet', async () => {
    const pdf = await hr.get(`${base}/rounds/${roundId}/decision.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await hr.get(`${base}/rounds/${roundId}/shortlist.xlsx`, { 'accept-language': 'en' });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const [ranked, out] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    const rows = (ranked.getSheetValues() as unknown[]).filter((r): r is unknown[] => Array.isArray(r) && typeof r[1] === 'number');
    expect(rows.map((r) => [r[1], r[2], r[5], r[12]])).toEqual([
      [1, code('D'), 73.96, 'Yes'],
      [2, code('A'), 66.67, ''],
    ]);
    expect(out.rowCount).toBe(1 + 5);
  });
});

describe('who may see and do what', () => {
  it('leaders of the agency read, civil servants see nobody’s standing, another agency’s HR gets 404', async () => {
    expect((await leader.get(`${base}/rounds/${roundId}/standings`)).statusCode).toBe(200);
    expect((await leader.post(`${base}/rounds/${roundId}/shortlist`, {})).statusCode).toBe(403);
    expect((await admin.get(`${base}/rounds/${roundId}/standings`)).statusCode).toBe(200);
    for (const url of [`${base}/rounds`, `${base}/rounds/${roundId}`, `${base}/rounds/${roundId}/standings`, `${base}/rounds/${roundId}/decision.pdf`])
      expect((await servant.get(url)).statusCode).toBe(403);
    for (const url of [`${base}/rounds/${roundId}`, `${base}/rounds/${roundId}/standings`, `${base}/rounds/${roundId}/shortlist.xlsx`])
      expect((await outsiderHr.get(url)).statusCode).toBe(404);
    expect((await outsiderHr.patch(`${base}/rounds/${roundId}`, { title: 'Khác' })).statusCode).toBe(404);
    expect((await outsiderHr.post(`${base}/rounds`, { positionId: leaderPost, title: 'Của người khác' })).statusCode).toBe(404);
    expect((await outsiderHr.get(`${base}/rounds`)).json().items).toEqual([]);
    expect((await hr.get(`${base}/rounds`)).json().items.map((r: { id: string }) => r.id)).toContain(roundId);
    expect(
      (await hr.get(`${base}/positions`))
        .json()
        .items.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual([leaderPost, noDigitalPost].sort());
  });

  it('refuses a non-leadership position, unknown courses and a digital minimum without digital competencies', async () => {
    const professional = await hr.post(`${base}/rounds`, { positionId: w.positionId, title: 'Chuyên viên' });
    expect(professional.json().error).toMatchObject({ code: 'promotion_position_not_leadership', details: { roleCategory: 'professional' } });
    const unknown = await hr.post(`${base}/rounds`, { positionId: leaderPost, title: 'Thử', rules: { training: { courseCodes: ['LD-01', 'NOPE-9'] } } });
    expect(unknown.json().error).toMatchObject({ code: 'promotion_unknown_course', details: { codes: ['NOPE-9'] } });
    const digital = await hr.post(`${base}/rounds`, { positionId: noDigitalPost, title: 'Thử', rules: { digital: { minLevel: 2 } } });
    expect(digital.json().error.code).toBe('promotion_no_digital_in_profile');
    expect((await hr.post(`${base}/rounds`, { positionId: leaderPost, title: 'Thử', rules: { minFit: 120 } })).statusCode).toBe(400);
    const count = await t.db
      .selectFrom('recruitment_promotion_rounds')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
