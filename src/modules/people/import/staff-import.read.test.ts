import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet } from './staff-import.read.js';

async function inlineStringXlsx(rows: string[][]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
  const sheet = writer.addWorksheet('S');
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
  return Buffer.concat(chunks);
}

describe('reading staff files', () => {
  it('keeps every Vietnamese letter of a large xlsx intact (no letter split across read chunks)', async () => {
    const rows = [['Mã cán bộ', 'Họ và tên', 'Trạng thái'], ...Array.from({ length: 20000 }, (_, i) => [`CB-${i}`, 'Nguyễn Thị Ngọc Ánh', 'Đang làm việc'])];
    const sheet = await readSheet(await inlineStringXlsx(rows));
    expect(sheet.rows).toHaveLength(20000);
    const garbled = sheet.rows.filter((r) => r.some((c) => String(c).includes('\ufffd')));
    expect(garbled).toEqual([]);
  });

  it('reads csv with a BOM and semicolons as Excel writes it in Vietnamese locales', async () => {
    const sheet = await readSheet(Buffer.from('\uFEFFMã cán bộ;Họ và tên\r\nCB-1;"Lê, Văn Tám"\r\n', 'utf8'));
    expect(sheet).toMatchObject({ format: 'csv', headers: ['Mã cán bộ', 'Họ và tên'], rows: [['CB-1', 'Lê, Văn Tám']] });
  });
});
