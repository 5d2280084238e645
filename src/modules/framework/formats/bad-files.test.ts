import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseFramework, serializeFramework } from './index.js';
import { MOODLE_HEADERS } from './moodle-csv.js';
import { sampleFramework } from '../testing/sample-framework.js';

const csv = (...rows: string[][]) => Buffer.from([MOODLE_HEADERS as readonly string[], ...rows].map((r) => r.join(',')).join('\n'));
const empty = (n: number) => Array.from({ length: n }, () => '');

describe('malformed files are rejected with a report that names every bad row or path', () => {
  it('Moodle CSV: wrong header', async () => {
    const result = await parseFramework('moodle-csv', Buffer.from('a,b,c\n1,2,3\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.location).toMatch(/row 1/);
  });

  it('Moodle CSV: every bad row is reported, nothing is returned', async () => {
    const fw = ['', 'FW', 'Khung', '', '1', '"Một,Hai,Ba"', '', ...empty(5), '1', ''];
    const result = await parseFramework(
      'moodle-csv',
      csv(
        fw,
        ['', 'G1', 'Nhóm', '', '1', ...empty(7), '', ''],
        ['G1', '', 'Không mã', '', '1', ...empty(9)],
        ['NOPE', 'C2', 'Cha không có', '', '1', ...empty(9)],
        ['G1', 'G1', 'Trùng', '', '1', ...empty(9)],
        ['G1', 'C 5', 'Mã có dấu cách', '', '1', ...empty(9)],
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const locations = result.issues.map((i) => i.location);
    expect(locations).toEqual(expect.arrayContaining([expect.stringMatching(/row 4$/), expect.stringMatching(/row 5$/), expect.stringMatching(/row 6$/)]));
    expect(result.issues.every((i) => i.message.vi && i.message.en)).toBe(true);
  });

  it('Moodle CSV: indicator for a level the scale does not have; unterminated quote', async () => {
    const fw = ['', 'FW', 'Khung', '', '1', '"Một,Hai"', '', ...empty(5), '1', ''];
    const bad = await parseFramework(
      'moodle-csv',
      csv(fw, ['', 'G1', 'Nhóm', '', '1', ...empty(9)], ['G1', 'C1', 'NL', '"<dl><dd data-level=""7"">x</dd></dl>"', '1', ...empty(9)]),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ location: expect.stringMatching(/row 4$/), message: { en: expect.stringMatching(/level 7/) } });
    const broken = await parseFramework('moodle-csv', Buffer.from(`${MOODLE_HEADERS.join(',')}\n"unterminated,1\n`));
    expect(broken.ok).toBe(false);
  });

  it('CASE: not JSON; missing required fields are reported path by path', async () => {
    expect((await parseFramework('case', Buffer.from('{ nope'))).ok).toBe(false);
    const pkg = JSON.parse((await serializeFramework('case', sampleFramework())).body.toString());
    delete pkg.CFItems[2].fullStatement;
    pkg.CFItems[3].identifier = 'not-a-uuid';
    delete pkg.CFDocument.title;
    const result = await parseFramework('case', Buffer.from(JSON.stringify(pkg)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const locations = result.issues.map((i) => i.location);
    expect(locations).toEqual(expect.arrayContaining(['CFDocument', 'CFItems[2]', 'CFItems[3].identifier']));
  });

  it('CASE: an isChildOf to an unknown node', async () => {
    const pkg = JSON.parse((await serializeFramework('case', sampleFramework())).body.toString());
    pkg.CFAssociations[1].destinationNodeURI.identifier = '00000000-0000-4000-8000-000000000000';
    pkg.CFAssociations[1].destinationNodeURI.uri = 'urn:uuid:00000000-0000-4000-8000-000000000000';
    const result = await parseFramework('case', Buffer.from(JSON.stringify(pkg)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.location).toBe('CFAssociations[1].destinationNodeURI');
  });

  it('DigComp: no @graph; a statement for an unknown competence', async () => {
    expect((await parseFramework('digcomp', Buffer.from('{"a":1}'))).ok).toBe(false);
    const doc = JSON.parse((await serializeFramework('digcomp', sampleFramework())).body.toString());
    const statement = doc['@graph'].findIndex((n: { '@type': string }) => n['@type'] === 'CompetenceStatement');
    doc['@graph'][statement].competence_id = 'Competence/ZZZ';
    const result = await parseFramework('digcomp', Buffer.from(JSON.stringify(doc)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.location).toBe(`@graph[${statement}].competence_id`);
  });

  it('xlsx: not a workbook; a missing sheet; bad rows named by sheet and row', async () => {
    expect((await parseFramework('xlsx', Buffer.from('plain text'))).ok).toBe(false);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await serializeFramework('xlsx', sampleFramework())).body as unknown as ArrayBuffer);
    book.getWorksheet('Năng lực')!.getCell('B3').value = 'KHONG-CO';
    book.getWorksheet('Chỉ báo hành vi')!.getCell('B2').value = 'mười';
    book.getWorksheet('Nhóm năng lực')!.getCell('B2').value = 'Khác';
    const result = await parseFramework('xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const locations = result.issues.map((i) => i.location);
      expect(locations).toEqual(expect.arrayContaining(['Năng lực, dòng 3 / row 3', 'Nhóm năng lực, dòng 2 / row 2', 'Chỉ báo hành vi, dòng 2 / row 2']));
    }
    book.removeWorksheet(book.getWorksheet('Thang đo')!.id);
    const missing = await parseFramework('xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues[0]!.location).toBe('Thang đo');
  });
});
