import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectFileFormat } from './detect-format.js';

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

  it('finds a CSV’s delimiter and header, quotes aside', async () => {
    const semicolons = await detectFileFormat(Buffer.from('\uFEFFMã;"Tên; đầy đủ";Mức\n1;"A; B";2\n'));
    expect(semicolons).toMatchObject({ kind: 'csv', delimiter: ';', header: ['Mã', 'Tên; đầy đủ', 'Mức'] });
    expect(semicolons.description.en).toBe('a CSV file separated by semicolons, 3 columns: Mã, Tên; đầy đủ, Mức');
    expect((await detectFileFormat(Buffer.from('a\tb\tc\n1\t2\t3\n'))).delimiter).toBe('\t');
    expect((await detectFileFormat(Buffer.from('"a,1",b,c\n1,2,3\n'))).delimiter).toBe(',');
  });
});
