// A 360° cycle through the HTTP API on a real database: assignment, forms,
// anonymity of peers, locking of submitted forms, consolidation against
// hand-computed figures, progress, reminders, knowledge tests and the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { eventHandlerModules } from '../../src/modules/events.js';
import { remindOverdueRaters } from '../../src/modules/assessment/progress.service.js';
import { createAssessmentFixture, type AssessmentFixture } from './fixtures.js';
import { startFakeSmtp } from './fake-smtp.js';
import { day } from '../support/waits.js';

let t: TestApp;
let fx: AssessmentFixture;
let hr: Agent;
let cycleId: string;
let lan: string;
const usernameOf = (personId: string) => Object.entries(fx.personIds).find(([, id]) => id === personId)?.[0];

interface Rater {
  id: string;
  source: string;
  status: string;
  raterName: string;
}
async function ratersOf(personId: string): Promise<Rater[]> {
  const response = await hr.get(`/api/assessments/cycles/${cycleId}/subjects?limit=500`);
  expect(response.statusCode).toBe(200);
  return response.json().items.find((s: { personId: string }) => s.personId === personId).raters;
}
async function formOf(agent: Agent, subjectId: string): Promise<string> {
  const forms = (await agent.get('/api/assessments/forms')).json().items as Array<{ id: string; subjectName: string; cycleId: string }>;
  const names = await t.db.selectFrom('people').select('full_name').where('id', '=', subjectId).executeTakeFirstOrThrow();
  return forms.find((f) => f.cycleId === cycleId && f.subjectName === names.full_name)!.id;
}
const allAt = (level: number) => ({ ratings: fx.competencyIds.map((competencyId) => ({ competencyId, level })) });
async function submit(username: string, subjectId: string, level: number) {
  const agent = await t.signIn(username);
  const response = await agent.post(`/api/assessments/forms/${await formOf(agent, subjectId)}/submit`, allAt(level));
  expect(response.statusCode, response.body).toBe(200);
}
async function consolidate() {
  const response = await hr.post(`/api/assessments/cycles/${cycleId}/consolidate`, {});
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
/** Results reach the person and their leader when HR closes the cycle. */
async function setCycleStatus(status: 'open' | 'closed') {
  const response = await hr.patch(`/api/assessments/cycles/${cycleId}`, { status });
  expect(response.statusCode, response.body).toBe(200);
}
async function publish() {
  await consolidate();
  await setCycleStatus('closed');
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await createAssessmentFixture(t.db);
  hr = await t.signIn('hr.hanoi');
  lan = fx.personIds['canbo.hanoi']!;
  const created = await hr.post('/api/assessments/cycles', {
    name: 'Đánh giá năng lực năm 2026',
    nameEn: 'Competency assessment 2026',
    kind: 'periodic',
    year: 2026,
    scope: { agencyIds: [fx.agencyIds['HN-SNV']] },
    opensOn: day(-1),
    closesOn: day(30),
    frameworkVersionId: fx.versionId,
  });
  expect(created.statusCode, created.body).toBe(201);
  cycleId = created.json().id;
});
afterAll(() => t.close());

describe('assessment cycle over HTTP', () => {
  it('assigns a whole agency with self, direct leader and proposed peers', async () => {
    const response = await hr.post(`/api/assessments/cycles/${cycleId}/assign`, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().subjects).toBe(6);
    const raters = await ratersOf(lan);
    expect(raters.filter((r) => r.source === 'self')).toHaveLength(1);
    expect(raters.find((r) => r.source === 'leader')?.raterName).toBe('Lê Văn Minh');
    expect(raters.filter((r) => r.source === 'peer')).toHaveLength(3);
    // Re-running adds nobody twice.
    expect((await hr.post(`/api/assessments/cycles/${cycleId}/assign`, {})).json().subjects).toBe(0);
  });

  it('keeps other agencies and non-HR roles out of cycle management', async () => {
    expect((await (await t.signIn('hr.danang')).get(`/api/assessments/cycles/${cycleId}`)).statusCode).toBe(404);
    expect((await (await t.signIn('leader.hanoi')).get(`/api/assessments/cycles/${cycleId}/subjects`)).statusCode).toBe(403);
    expect((await (await t.signIn('canbo.hanoi')).get(`/api/assessments/cycles/${cycleId}/progress`)).statusCode).toBe(403);
  });

  it('never shows fewer peers than the threshold, to the person rated or their leader', async () => {
    // Leave Lan two peers: below the threshold of three.
    const peers = (await ratersOf(lan)).filter((r) => r.source === 'peer');
    expect((await hr.delete(`/api/assessments/assignments/${peers[2]!.id}`)).statusCode).toBe(204);
    const peerIds = await t.db
      .selectFrom('assessment_assignments')
      .select('rater_person_id')
      .where('cycle_id', '=', cycleId)
      .where('subject_id', '=', lan)
      .where('source', '=', 'peer')
      .execute();
    expect(peerIds).toHaveLength(2);
    await submit('canbo.hanoi', lan, 4);
    await submit('leader.hanoi', lan, 3);
    await submit(usernameOf(peerIds[0]!.rater_person_id!)!, lan, 1);
    await submit(usernameOf(peerIds[1]!.rater_person_id!)!, lan, 5);
    // The person rated cannot open a peer's form.
    const peerForm = await formOf(await t.signIn(usernameOf(peerIds[0]!.rater_person_id!)!), lan);
    expect((await (await t.signIn('canbo.hanoi')).get(`/api/assessments/forms/${peerForm}`)).statusCode).toBe(404);
    expect((await (await t.signIn('leader.hanoi')).get(`/api/assessments/forms/${peerForm}`)).statusCode).toBe(404);
    expect((await hr.get(`/api/assessments/forms/${peerForm}`)).statusCode).toBe(404);

    await consolidate();
    // Still open: the person sees nothing yet, HR already does.
    expect((await (await t.signIn('canbo.hanoi')).get('/api/assessments/reports/me')).json().cycle).toBeNull();
    expect((await hr.get(`/api/assessments/reports/people/${lan}`)).json().cycle.id).toBe(cycleId);
    await setCycleStatus('closed');
    const peerNames = (
      await t.db
        .selectFrom('people')
        .select('full_name')
        .where(
          'id',
          'in',
          peerIds.map((p) => p.rater_person_id!),
        )
        .execute()
    ).map((p) => p.full_name);
    for (const viewer of ['canbo.hanoi', 'leader.hanoi']) {
      const response = await (await t.signIn(viewer)).get(`/api/assessments/reports/people/${lan}`);
      expect(response.statusCode).toBe(200);
      const report = response.json();
      for (const c of report.competencies) {
        // self 4 (20) and leader 3 (40) only: (80 + 120) / 60 = 3.33; the two peers (1 and 5) do not count.
        expect(c.assessedLevel).toBe(3.33);
        expect(c.sources.map((s: { source: string }) => s.source)).toEqual(['self', 'leader']);
      }
      for (const secret of [...peerNames, ...peerIds.map((p) => p.rater_person_id!)]) expect(response.body).not.toContain(secret);
    }
    // A closed cycle takes no more ratings.
    const closed = await (
      await t.signIn('peer.duc')
    ).put(`/api/assessments/forms/${await formOf(await t.signIn('peer.duc'), fx.personIds['peer.duc']!)}`, allAt(3));
    expect(closed.json().error.code).toBe('assessment_cycle_not_open');
    await setCycleStatus('open');
  });

  it('refuses any change to a submitted form by its rater; HR can reopen it', async () => {
    const lanAgent = await t.signIn('canbo.hanoi');
    const formId = await formOf(lanAgent, lan);
    expect((await lanAgent.put(`/api/assessments/forms/${formId}`, allAt(5))).statusCode).toBe(409);
    const again = await lanAgent.post(`/api/assessments/forms/${formId}/submit`, allAt(5));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('assessment_form_submitted');
    const stored = await t.db.selectFrom('assessment_ratings').select('level').where('assignment_id', '=', formId).execute();
    expect(stored.every((r) => r.level === 4)).toBe(true);
    expect((await lanAgent.post(`/api/assessments/forms/${formId}/reopen`)).statusCode).toBe(403);
    expect((await hr.post(`/api/assessments/forms/${formId}/reopen`)).json().status).toBe('draft');
    expect((await lanAgent.put(`/api/assessments/forms/${formId}`, { ratings: [{ competencyId: fx.competencyIds[0], level: 4 }] })).statusCode).toBe(200);
    expect((await lanAgent.post(`/api/assessments/forms/${formId}/submit`, { ratings: [] })).statusCode).toBe(200);
  });

  it('rejects incomplete forms and competencies not on the form', async () => {
    const agent = await t.signIn('peer.duc');
    const form = (await agent.get('/api/assessments/forms')).json().items.find((f: { source: string; status: string }) => f.source === 'self');
    const incomplete = await agent.post(`/api/assessments/forms/${form.id}/submit`, { ratings: [{ competencyId: fx.competencyIds[0], level: 3 }] });
    expect(incomplete.json().error.code).toBe('assessment_form_incomplete');
    const foreign = await agent.put(`/api/assessments/forms/${form.id}`, { ratings: [{ competencyId: crypto.randomUUID(), level: 3 }] });
    expect(foreign.json().error.code).toBe('assessment_form_mismatch');
    const opened = (await agent.get(`/api/assessments/forms/${form.id}`)).json();
    expect(opened.competencies).toHaveLength(fx.competencyIds.length);
    expect(opened.competencies[0].indicators.map((i: { level: number }) => i.level)).toEqual([1, 2, 3, 4, 5]);
    expect(opened.levels).toHaveLength(5);
  });

  it('shows peers as one aggregate from three raters, matching the hand computation', async () => {
    const seen: Array<{ cycleId: string; personIds: string[] }> = [];
    eventHandlerModules.push({
      'assessment.resultsConsolidated': async (trx, event) => {
        const count = await trx
          .selectFrom('assessment_results')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('cycle_id', '=', event.cycleId)
          .executeTakeFirstOrThrow();
        expect(count.n).toBeGreaterThan(0);
        seen.push(event);
      },
    });
    const third = fx.personIds['peer.binh']!;
    const existing = await t.db
      .selectFrom('assessment_assignments')
      .select('rater_person_id')
      .where('cycle_id', '=', cycleId)
      .where('subject_id', '=', lan)
      .execute();
    const candidate =
      ['peer.binh', 'peer.anh', 'peer.duc', 'peer.ngoc'].map((u) => fx.personIds[u]!).find((id) => !existing.some((e) => e.rater_person_id === id)) ?? third;
    expect((await hr.post(`/api/assessments/cycles/${cycleId}/subjects/${lan}/raters`, { source: 'peer', personId: candidate })).statusCode).toBe(201);
    await submit(usernameOf(candidate)!, lan, 3);
    await publish();
    eventHandlerModules.pop();
    expect(seen[0]!.cycleId).toBe(cycleId);
    expect(seen[0]!.personIds).toContain(lan);

    const report = (await (await t.signIn('canbo.hanoi')).get(`/api/assessments/reports/me`)).json();
    const c = report.competencies[0];
    // self 4 (20), leader 3 (40), peers 1,5,3 → 3 (20): (80 + 120 + 60) / 80 = 3.25; others (120 + 60) / 60 = 3.
    expect(c.assessedLevel).toBe(3.25);
    expect(c.othersLevel).toBe(3);
    expect(c.selfLevel).toBe(4);
    expect(c.flag).toBe('blind_spot');
    // levels 4, 3, 3: SD = 0.4714
    expect(c.spread).toBe(0.47);
    expect(c.sources).toEqual([
      { source: 'self', level: 4, raters: 1, weight: 20 },
      { source: 'leader', level: 3, raters: 1, weight: 40 },
      { source: 'peer', level: 3, raters: 3, weight: 20 },
    ]);
    expect(c.requiredLevel).toBe(3);
    expect(c.gap).toBe(-0.25);
    expect(report.cycle.version).toBe(2);

    const rows = await t.db.selectFrom('assessment_results').selectAll().where('cycle_id', '=', cycleId).where('person_id', '=', lan).execute();
    expect(rows).toHaveLength(fx.competencyIds.length);
    expect(rows.every((r) => r.version === 2 && r.source_count === 3 && r.agency_id === fx.agencyIds['HN-SNV'])).toBe(true);
    const history = await t.db
      .selectFrom('assessment_results_history')
      .select(['version', 'assessed_level'])
      .where('cycle_id', '=', cycleId)
      .where('person_id', '=', lan)
      .execute();
    expect(history).toHaveLength(fx.competencyIds.length);
    expect(history.every((h) => h.version === 1 && h.assessed_level === 3.33)).toBe(true);
    await setCycleStatus('open');
  });

  it('reports progress per agency and rater and reminds pending raters in-app', async () => {
    const progress = (await hr.get(`/api/assessments/cycles/${cycleId}/progress`)).json();
    expect(progress.total.subjects).toBe(6);
    expect(progress.total.submitted).toBe(5);
    expect(progress.byAgency[0].agencyName).toBe('Sở Nội vụ thành phố Hà Nội');
    expect(progress.byRater.find((r: { raterName: string }) => r.raterName === 'Nguyễn Thị Lan').submitted).toBe(1);
    // Nothing is overdue yet: the default reminds only after the window closes.
    expect((await hr.post(`/api/assessments/cycles/${cycleId}/reminders`, {})).json().raters).toBe(0);
    const reminded = (await hr.post(`/api/assessments/cycles/${cycleId}/reminders`, { overdueOnly: false })).json();
    expect(reminded.inApp).toBeGreaterThan(0);
    expect(reminded.emailed).toBe(0);
    const notes = (await (await t.signIn('peer.duc')).get('/api/assessments/notifications')).json().items;
    expect(notes[0].kind).toBe('reminder');
    expect(notes[0].payload.pending).toBeGreaterThan(0);
    // Asked again at once: already reminded within the interval.
    expect((await hr.post(`/api/assessments/cycles/${cycleId}/reminders`, { overdueOnly: false })).json().raters).toBe(0);
  });

  it('reminds overdue raters automatically once the window has closed, at most once a day', async () => {
    expect((await remindOverdueRaters(t.db, null)).raters).toBe(0);
    await t.db
      .updateTable('assessment_cycles')
      .set({ opens_on: day(-20), closes_on: day(-1) })
      .where('id', '=', cycleId)
      .execute();
    await t.db.updateTable('assessment_assignments').set({ last_reminded_at: null }).where('cycle_id', '=', cycleId).execute();
    try {
      const progress = (await hr.get(`/api/assessments/cycles/${cycleId}/progress`)).json();
      expect(progress.total.overdue).toBe(progress.total.forms - progress.total.submitted);
      const first = await remindOverdueRaters(t.db, null);
      expect(first.cycles).toBe(1);
      expect(first.raters).toBeGreaterThan(0);
      expect((await remindOverdueRaters(t.db, null)).raters).toBe(0);
      const trail = await t.db
        .selectFrom('audit_log')
        .select(['actor_name'])
        .where('action', '=', 'remind')
        .where('entity_id', '=', cycleId)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(trail.actor_name).toBe('system');
    } finally {
      await t.db
        .updateTable('assessment_cycles')
        .set({ opens_on: day(-1), closes_on: day(30) })
        .where('id', '=', cycleId)
        .execute();
    }
  });

  it('counts a knowledge test as one more source', async () => {
    const competencyId = fx.competencyIds[1]!;
    for (let i = 0; i < 3; i++) {
      const response = await hr.post('/api/assessments/questions', {
        competencyId,
        stem: `Câu hỏi ${i + 1}?`,
        options: [
          { vi: 'Đúng', en: 'Right' },
          { vi: 'Sai', en: 'Wrong' },
        ],
        correctOption: 0,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    // A withdrawn question leaves the bank; only its owners may withdraw it.
    const extra = (
      await hr.post('/api/assessments/questions', {
        competencyId,
        stem: 'Câu hỏi có lỗi?',
        options: [
          { vi: 'A', en: 'A' },
          { vi: 'B', en: 'B' },
        ],
        correctOption: 1,
      })
    ).json().id;
    expect((await (await t.signIn('hr.danang')).delete(`/api/assessments/questions/${extra}`)).statusCode).toBe(404);
    expect((await (await t.signIn('canbo.hanoi')).delete(`/api/assessments/questions/${extra}`)).statusCode).toBe(403);
    expect((await hr.delete(`/api/assessments/questions/${extra}`)).statusCode).toBe(204);
    const bank = (await hr.get(`/api/assessments/questions?competencyId=${competencyId}`)).json().items;
    expect(bank.map((q: { stem: string }) => q.stem)).toEqual(['Câu hỏi 1?', 'Câu hỏi 2?', 'Câu hỏi 3?']);
    const lanAgent = await t.signIn('canbo.hanoi');
    expect((await lanAgent.get(`/api/assessments/cycles/${cycleId}/tests`)).json().items).toHaveLength(1);
    const started = (await lanAgent.post(`/api/assessments/cycles/${cycleId}/tests`, { competencyId })).json();
    expect(started.questions).toHaveLength(3);
    expect(JSON.stringify(started)).not.toContain('correct');
    const answers = Object.fromEntries(started.questions.map((q: { id: string }, i: number) => [q.id, i === 0 ? 1 : 0]));
    const scored = (await lanAgent.post(`/api/assessments/tests/${started.attemptId}/submit`, { answers })).json();
    // 2 of 3 = 0.667 → level 4 on equal bands (0.6 ≤ score < 0.8).
    expect(scored).toMatchObject({ correct: 2, total: 3, level: 4 });
    expect((await lanAgent.post(`/api/assessments/tests/${started.attemptId}/submit`, { answers })).statusCode).toBe(409);
    await publish();
    const c = (await lanAgent.get('/api/assessments/reports/me')).json().competencies[1];
    // + test 4 (10): (80 + 120 + 60 + 40) / 90 = 3.33
    expect(c.assessedLevel).toBe(3.33);
    expect(c.sources.at(-1)).toEqual({ source: 'test', level: 4, raters: 1, weight: 10 });
    await setCycleStatus('open');
  });

  it('prints the report card as a PDF for the person and not for other agencies', async () => {
    await setCycleStatus('closed');
    const response = await (await t.signIn('canbo.hanoi')).get(`/api/assessments/reports/people/${lan}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await (await t.signIn('leader.danang')).get(`/api/assessments/reports/people/${lan}`)).statusCode).toBe(404);
    expect((await (await t.signIn('peer.duc')).get(`/api/assessments/reports/people/${lan}`)).statusCode).toBe(404);
    await setCycleStatus('open');
  });

  it('lets HR assign an expert account, whose rating counts with its weight', async () => {
    const experts = (await hr.get('/api/assessments/experts')).json().items;
    expect(experts.map((e: { displayName: string }) => e.displayName)).toContain('Bùi Thanh Sơn');
    const added = await hr.post(`/api/assessments/cycles/${cycleId}/subjects/${lan}/raters`, { source: 'expert', userId: experts[0].id });
    expect(added.statusCode, added.body).toBe(201);
    const expert = await t.signIn('expert');
    const form = (await expert.get('/api/assessments/forms')).json().items[0];
    expect(form).toMatchObject({ source: 'expert', subjectName: 'Nguyễn Thị Lan' });
    expect((await expert.post(`/api/assessments/forms/${form.id}/submit`, allAt(5))).statusCode).toBe(200);
    await publish();
    const c = (await (await t.signIn('canbo.hanoi')).get('/api/assessments/reports/me')).json().competencies[0];
    // self 4 (20), leader 3 (40), peers 3 (20), expert 5 (10): (80 + 120 + 60 + 50) / 90 = 3.44
    expect(c.assessedLevel).toBe(3.44);
    expect(c.sources.map((g: { source: string }) => g.source)).toEqual(['self', 'leader', 'peer', 'expert']);
  });

  it('e-mails reminders through SMTP when SMTP_URL is set', async () => {
    const smtp = await startFakeSmtp();
    process.env.SMTP_URL = smtp.url;
    try {
      const reminded = (await hr.post(`/api/assessments/cycles/${cycleId}/reminders`, { overdueOnly: false, minHoursBetween: 0 })).json();
      expect(reminded.emailed).toBeGreaterThan(0);
      expect(smtp.mails.length).toBe(reminded.emailed);
      expect(smtp.mails.some((m) => m.to[0]!.includes('@nangluc.demo'))).toBe(true);
    } finally {
      delete process.env.SMTP_URL;
      await smtp.close();
    }
  });

  it('keeps each cycle’s results and shows them side by side across cycles', async () => {
    const first = cycleId;
    const before = await t.db
      .selectFrom('assessment_results')
      .select(['competency_id', 'assessed_level'])
      .where('cycle_id', '=', first)
      .where('person_id', '=', lan)
      .execute();
    const created = await hr.post('/api/assessments/cycles', {
      name: 'Đánh giá đột xuất sau bồi dưỡng',
      kind: 'ad_hoc',
      scope: { personIds: [lan] },
      opensOn: day(-1),
      closesOn: day(40),
      frameworkVersionId: fx.versionId,
    });
    expect(created.statusCode, created.body).toBe(201);
    cycleId = created.json().id;
    try {
      expect((await hr.post(`/api/assessments/cycles/${cycleId}/assign`, {})).json().subjects).toBe(1);
      await submit('canbo.hanoi', lan, 5);
      await submit('leader.hanoi', lan, 5);
      await publish();
      const report = (await (await t.signIn('canbo.hanoi')).get('/api/assessments/reports/me')).json();
      expect(report.cycle.id).toBe(cycleId);
      expect(report.competencies[0].assessedLevel).toBe(5);
      expect(report.cycles.map((c: { id: string }) => c.id).sort()).toEqual([first, cycleId].sort());
      const code = report.competencies[0].code;
      expect(report.history.filter((h: { code: string }) => h.code === code).map((h: { assessedLevel: number }) => h.assessedLevel)).toEqual([3.44, 5]);
      const after = await t.db
        .selectFrom('assessment_results')
        .select(['competency_id', 'assessed_level'])
        .where('cycle_id', '=', first)
        .where('person_id', '=', lan)
        .execute();
      expect(after).toEqual(before);
    } finally {
      cycleId = first;
    }
  });
});
