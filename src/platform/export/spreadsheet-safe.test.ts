import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { FORMULA_START, contentDisposition, csvLine, neutraliseText, reviveSpreadsheetText, safeCell } from './spreadsheet-safe.js';

describe('spreadsheet cells', () => {
  it('neutralises every formula start and leaves other text alone', () => {
    for (const hostile of ['=1+2', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', "=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")']) {
      expect(neutraliseText(hostile)).toBe(`'${hostile}`);
    }
    for (const plain of ['Nguyễn Văn An', '', "l'eau", '1-2', 'a=b']) expect(neutraliseText(plain)).toBe(plain);
  });

  it('keeps numbers as numbers', () => {
    expect(safeCell(-3)).toBe(-3);
    expect(safeCell(null)).toBe(null);
    expect(csvLine([-3, 1.5, '-3'])).toBe("-3,1.5,'-3");
  });

  it('revives exactly what was neutralised, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ') }), (text) => {
        expect(reviveSpreadsheetText(neutraliseText(text))).toBe(text);
        expect(FORMULA_START.test(neutraliseText(text))).toBe(false);
      }),
    );
  });

  it('writes CSV a parser reads back cell for cell, none starting a formula', () => {
    const cells = ['=1+2', 'a,"b"', 'line\r\nbreak', 'x;y', 7];
    const [parsed] = parse(csvLine(cells));
    expect(parsed).toEqual(["'=1+2", 'a,"b"', 'line\r\nbreak', 'x;y', '7']);
  });
});

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('attachment', 'nhu-cau.xlsx')).toBe('attachment; filename="nhu-cau.xlsx"');
    expect(contentDisposition('attachment', 'Khung năng lực Đà Nẵng.xlsx')).toBe(
      `attachment; filename="Khung_nang_luc_Da_Nang.xlsx"; filename*=UTF-8''${encodeURIComponent('Khung năng lực Đà Nẵng.xlsx')}`,
    );
  });

  it('drops quotes, line breaks, path separators and leading formula characters', () => {
    for (const hostile of ["=cmd|' /C calc'!A0.csv", '"evil"\r\nSet-Cookie: x=1', '../../etc/passwd', '+@-=.csv', '']) {
      const header = contentDisposition('attachment', hostile);
      expect(header).not.toMatch(/[\r\n]/);
      const ascii = /filename="([^"]*)"/.exec(header)![1]!;
      expect(ascii).not.toMatch(/["/\\]|^[=+\-@.]/);
      const star = /filename\*=UTF-8''(.*)$/.exec(header)?.[1];
      if (star) expect(decodeURIComponent(star)).not.toMatch(/["/\\\r\n]|^[=+\-@.]/);
      expect(header.match(/"/g)!.length).toBe(2);
    }
  });
});
