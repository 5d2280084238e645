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

describe('a file of another kind is named, with what was expected and the importer that fits', () => {
  const workbook = async (sheets: string[]) => {
    const book = new ExcelJS.Workbook();
    for (const name of sheets) book.addWorksheet(name).addRow(['Mã', 'Tên']);
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const rejected = async (format: Parameters<typeof parseFramework>[0], bytes: Buffer) => {
    const result = await parseFramework(format, bytes);
    if (result.ok) throw new Error('accepted');
    expect(result.issues).toHaveLength(1);
    const { vi, en } = result.issues[0]!.message;
    // Never a library's own words.
    for (const text of [vi, en]) expect(text).not.toMatch(/central directory|Invalid Opening Quote|Quote Not Closed|Unexpected token|in JSON at position/);
    return { vi, en };
  };

  it('names every kind in Vietnamese and English', async () => {
    const moodle = (await serializeFramework('moodle-csv', sampleFramework())).body;
    const casePackage = (await serializeFramework('case', sampleFramework())).body;
    const digcomp = (await serializeFramework('digcomp', sampleFramework())).body;
    const xlsx = (await serializeFramework('xlsx', sampleFramework())).body;
    const cases: Array<[Parameters<typeof parseFramework>[0], Buffer, RegExp, RegExp]> = [
      ['xlsx', Buffer.from('%PDF-1.7\n1 0 obj'), /tài liệu PDF/, /This file is a PDF document, not an Excel workbook/],
      [
        'xlsx',
        moodle,
        /tệp CSV phân cách bằng dấu phẩy, 14 cột.*Moodle CSV/,
        /a CSV file separated by commas, 14 columns: Parent ID number.*Choose the "Moodle CSV" format/,
      ],
      [
        'moodle-csv',
        xlsx,
        /bảng tính Excel \(xlsx\) có các trang: Khung năng lực/,
        /an Excel workbook \(xlsx\) with the sheets: Khung năng lực.*Choose the "xlsx" format/,
      ],
      ['digcomp', casePackage, /gói CASE 1\.1/, /a CASE 1\.1 package \(JSON\), not a DigComp JSON-LD file.*"CASE 1\.1"/],
      ['case', digcomp, /JSON-LD/, /a JSON-LD file \(DigComp style\), not a CASE 1\.1 package.*"DigComp JSON-LD"/],
      ['case', Buffer.from('{\n  "CFDocument": {\n    "title": "x",\n  }\n}'), /JSON bị lỗi cú pháp gần dòng/, /a JSON file with a syntax error near line \d/],
      ['xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 1)]), /tệp nén ZIP/, /a ZIP archive/],
      ['xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /Excel\/Word đời cũ/, /an old-style Excel or Word file \(\.xls, \.doc\)/],
      ['case', Buffer.from(''), /tệp rỗng/, /an empty file/],
      ['moodle-csv', Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]), /nhị phân/, /binary data/],
      [
        'moodle-csv',
        Buffer.from('Mã;Tên;Mức\nA;B;1\n'),
        /dấu chấm phẩy.*cần dấu phẩy/,
        /separated by semicolons, 3 columns: Mã, Tên, Mức; Moodle needs commas/,
      ],
      [
        'xlsx',
        await workbook(['Bảng chuyển đổi']),
        /trang: Bảng chuyển đổi, không có trang nào của mẫu/,
        /with the sheets: Bảng chuyển đổi, and none of the framework workbook's sheets/,
      ],
    ];
    for (const [format, bytes, vi, en] of cases) {
      const message = await rejected(format, bytes);
      expect(message.vi, `${format}: ${message.vi}`).toMatch(vi);
      expect(message.en, `${format}: ${message.en}`).toMatch(en);
    }
  });

  it('a CSV that is not Moodle’s says what it found; a broken quote says where, in its own words', async () => {
    const header = await parseFramework('moodle-csv', Buffer.from('Mã,Tên,Mức\nA,B,1\n'));
    if (header.ok) throw new Error('accepted');
    expect(header.issues[0]!.message.en).toMatch(/it has 3 columns \("Mã", "Tên", "Mức"\); expected 14 columns/);
    expect(header.issues[0]!.message.vi).toMatch(/có 3 cột/);
    const quote = await parseFramework('moodle-csv', Buffer.from(`${MOODLE_HEADERS.join(',')}\nab"c,1\n`));
    if (quote.ok) throw new Error('accepted');
    expect(quote.issues[0]!.location).toMatch(/row 2/);
    expect(quote.issues[0]!.message.en).toMatch(/double quote/);
    expect(quote.issues[0]!.message.en).not.toMatch(/Invalid Opening Quote/);
  });
});
