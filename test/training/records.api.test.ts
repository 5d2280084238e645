import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issueAllPending } from '../../src/modules/training/credentials/issue.service.js';
import { complete, course, credentialsWorld, enrol, session } from './credentials-fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof credentialsWorld>>;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await credentialsWorld(t);
  await complete(t, { enrolmentId: w.enrolment.id, score: 91 });
  // A second course, online, whose title a user typed as a formula; the holder did not complete it.
  const online = await course(t, {
    institutionId: w.other.id,
    versionId: w.fw.versionId,
    competencies: [{ id: w.fw.competencyIds[2]!, toLevel: 2 }],
    title: '=HYPERLINK("x")',
    format: 'online',
    hours: 8,
    cost: 400_000,
  });
  const s2 = await session(t, { courseId: online.id, startsOn: '2026-05-04', cost: 400_000 });
  await enrol(t, { sessionId: s2.id, person: w.holder, status: 'not_completed' });
  // The colleague (a leader) completed the same online session; a waiting-list entry used no seat.
  await complete(t, { enrolmentId: (await enrol(t, { sessionId: s2.id, person: w.colleague })).id });
  const s2025 = await session(t, { courseId: w.course.id, startsOn: '2025-10-06' });
  await enrol(t, { sessionId: s2025.id, person: w.colleague, status: 'waitlisted' });
  await issueAllPending(t.db);
});
afterAll(async () => {
  await t?.close();
});

async function workbook(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const isPdf = (body: Buffer) => {
  const text = body.toString('latin1');
  return text.startsWith('%PDF-') && /\/Type \/Page\b/.test(text) && text.trimEnd().endsWith('%%EOF');
};

describe('a person’s learning history', () => {
  test('lists every enrolment with its result, score and certificate id', async () => {
    const res = await (await w.signIn(w.holderAccount)).get(`/api/training/records/people/${w.holder.id}`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as Array<{ courseCode: string; status: string; finalScore: number | null; credentialId: string | null; hours: number }>;
    expect(rows.map((r) => [r.courseCode, r.status, r.finalScore, r.hours])).toEqual([
      [w.course.code, 'completed', 91, 24],
      [expect.any(String), 'not_completed', null, 8],
    ]);
    const credential = await t.db.selectFrom('training_credentials').where('enrolment_id', '=', w.enrolment.id).select('id').executeTakeFirstOrThrow();
    expect(rows[0]!.credentialId).toBe(credential.id);
    expect(rows[1]!.credentialId).toBeNull();
  });

  test('xlsx reads back with exceljs, users’ text neutralised; the PDF is a document with pages', async () => {
    const agent = await w.signIn(w.hr);
    const xlsx = await agent.get(`/api/training/records/people/${w.holder.id}/history.xlsx`, { 'accept-language': 'en' });
    expect(xlsx.statusCode).toBe(200);
    const rows = await workbook(xlsx.rawPayload);
    expect(rows[0]).toEqual(['Trần Thị Chứng', expect.any(String), w.department.name]);
    expect(rows[1]![0]).toBe('Course code');
    expect(rows[2]!.slice(0, 2)).toEqual([w.course.code, w.course.title]);
    expect(rows[2]![6]).toBe(24);
    expect(rows[3]![1]).toBe(`'=HYPERLINK("x")`);
    const pdf = await agent.get(`/api/training/records/people/${w.holder.id}/history.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(isPdf(pdf.rawPayload)).toBe(true);
  });

  test('the person, their HR and leaders read it; a colleague, another agency’s HR and an institution do not', async () => {
    const status = async (a: { username: string; password: string }) =>
      (await (await w.signIn(a)).get(`/api/training/records/people/${w.holder.id}/history.pdf`)).statusCode;
    expect(await status(w.holderAccount)).toBe(200);
    expect(await status(w.leader)).toBe(200);
    expect(await status(w.ministryHr)).toBe(200);
    expect(await status(w.colleagueAccount)).toBe(404);
    expect(await status(w.otherHr)).toBe(404);
    expect(await status(w.issuing.staff)).toBe(404);
  });
});

describe('an agency’s training report for a year', () => {
  test('figures by format, competency group and role category over the agency subtree', async () => {
    const res = await (await w.signIn(w.ministryHr)).get(`/api/training/reports/agencies/${w.ministry.id}?year=2026`);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.total).toEqual({ key: 'total', people: 2, participations: 3, completions: 2, hours: 32, cost: 2_300_000 });
    expect(report.byFormat.map((l: { key: string; completions: number }) => [l.key, l.completions])).toEqual([
      ['blended', 1],
      ['online', 1],
    ]);
    expect(report.byGroup).toEqual([expect.objectContaining({ key: 'G1', people: 2, participations: 3 })]);
    expect(report.byRoleCategory.map((l: { key: string; people: number }) => [l.key, l.people])).toEqual([
      ['leader', 1],
      ['professional', 1],
    ]);
    const year2025 = (await (await w.signIn(w.ministryHr)).get(`/api/training/reports/agencies/${w.ministry.id}?year=2025`)).json();
    expect(year2025.total.participations).toBe(0);
  });

  test('xlsx and PDF in the form sent upward', async () => {
    const agent = await w.signIn(w.hr);
    const xlsx = await agent.get(`/api/training/reports/agencies/${w.department.id}/report.xlsx?year=2026`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await workbook(xlsx.rawPayload);
    expect(rows[0]).toEqual([w.department.name]);
    expect(String(rows[1]![0])).toContain('NĂM 2026');
    expect(rows.find((r) => r[0] === 'Tổng cộng')).toEqual(['Tổng cộng', 2, 3, 2, 32, 2_300_000]);
    expect(rows.find((r) => r[0] === 'Trực tuyến')).toEqual(['Trực tuyến', 2, 2, 1, 8, 800_000]);
    const pdf = await agent.get(`/api/training/reports/agencies/${w.department.id}/report.pdf?year=2026`);
    expect(pdf.statusCode).toBe(200);
    expect(isPdf(pdf.rawPayload)).toBe(true);
  });

  test('HR of the subtree and national administrators only; out of scope is 404, other roles 403', async () => {
    const status = async (a: { username: string; password: string }, agencyId: string) =>
      (await (await w.signIn(a)).get(`/api/training/reports/agencies/${agencyId}/report.xlsx?year=2026`)).statusCode;
    expect(await status(w.admin, w.ministry.id)).toBe(200);
    expect(await status(w.hr, w.ministry.id)).toBe(404);
    expect(await status(w.otherHr, w.department.id)).toBe(404);
    expect(await status(w.leader, w.department.id)).toBe(403);
    expect(await status(w.holderAccount, w.department.id)).toBe(403);
    expect((await (await w.signIn(w.hr)).get(`/api/training/reports/agencies/${w.department.id}?year=1999`)).statusCode).toBe(400);
  });
});
