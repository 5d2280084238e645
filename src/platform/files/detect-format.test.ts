import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectBySignature, detectFileFormat } from './detect-format.js';

describe('a file’s format from its bytes', () => {
  it('tells the kinds apart', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Một');
    book.addWorksheet('Hai');
    const xlsx = await detectFileFormat(Buffer.from(await book.xlsx.writeBuffer()));
    expect(xlsx).toMatchObject({ kind: 'xlsx', sheets: ['Một', 'Hai'] });
    expect((await detectFileFormat(Buffer.from('%PDF-1.4 ...'))).kind).toBe('pdf');
    expect((await detectFileFormat(Buffer.from('{"CFDocument":{},"CFItems":[]}'))).kind).toBe('case-json');
    expect((await detectFileFormat(Buffer.from('{"@context":{},"@graph":[]}'))).kind).toBe('digcomp-jsonld');
    expect((await detectFileFormat(Buffer.from('{"a":'))).kind).not.toBe('json');
    expect((await detectFileFormat(Buffer.from('{"a": 1,}'))).kind).toBe('broken-json');
    expect((await detectFileFormat(Buffer.from('   \n'))).kind).toBe('empty');
    expect((await detectFileFormat(Buffer.from([1, 0, 2, 0]))).kind).toBe('binary');
    expect((await detectFileFormat(Buffer.from('just words here\nand more'))).kind).toBe('text');
  });

  it('tells PNG and JPEG images by their signature, not by a look-alike start', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
    expect(await detectFileFormat(png)).toMatchObject({ kind: 'png', description: { vi: 'ảnh PNG', en: 'a PNG image' } });
    expect(await detectFileFormat(jpeg)).toMatchObject({ kind: 'jpeg', description: { vi: 'ảnh JPEG', en: 'a JPEG image' } });
    expect(detectBySignature(png)?.kind).toBe('png');
    expect(detectBySignature(jpeg)?.kind).toBe('jpeg');
    expect(detectBySignature(Buffer.from('%PDF-1.7'))?.kind).toBe('pdf');
    // A truncated signature, the text "PNG", a lone start-of-image marker and a GIF are none of them.
    expect(detectBySignature(png.subarray(0, 7))).toBeNull();
    expect(detectBySignature(Buffer.from('PNG image'))).toBeNull();
    expect(detectBySignature(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(detectBySignature(Buffer.from('GIF89a'))).toBeNull();
    expect((await detectFileFormat(Buffer.from([0xff, 0xd8]))).kind).toBe('binary');
  });

  it('finds a CSV’s delimiter and header, quotes aside', async () => {
    const semicolons = await detectFileFormat(Buffer.from('\uFEFFMã;"Tên; đầy đủ";Mức\n1;"A; B";2\n'));
    expect(semicolons).toMatchObject({ kind: 'csv', delimiter: ';', header: ['Mã', 'Tên; đầy đủ', 'Mức'] });
    expect(semicolons.description.en).toBe('a CSV file separated by semicolons, 3 columns: Mã, Tên; đầy đủ, Mức');
    expect((await detectFileFormat(Buffer.from('a\tb\tc\n1\t2\t3\n'))).delimiter).toBe('\t');
    expect((await detectFileFormat(Buffer.from('"a,1",b,c\n1,2,3\n'))).delimiter).toBe(',');
  });
});
