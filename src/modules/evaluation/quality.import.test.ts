import { describe, expect, it } from 'vitest';
import { parseLevel, readQualityRows } from './quality.import.js';

describe('earlier years’ classifications from a sheet', () => {
  it('reads the decree’s level names with or without diacritics, and our codes', () => {
    expect(
      ['Hoàn thành xuất sắc nhiệm vụ', 'hoan thanh tot', 'HOÀN THÀNH NHIỆM VỤ', 'Không hoàn thành nhiệm vụ', 'good', ' Hoàn  thành  tốt  nhiệm vụ '].map(
        parseLevel,
      ),
    ).toEqual(['excellent', 'good', 'completed', 'not_completed', 'good', 'good']);
    expect(parseLevel('Xuất sắc')).toBeNull();
  });

  it('reports every problem of every row in one pass, and duplicates of a person’s year', () => {
    const { rows, problems } = readQualityRows({
      format: 'csv',
      headers: ['Mã cán bộ', 'Năm', 'Xếp loại'],
      rows: [
        ['HN-001', '2024', 'Hoàn thành tốt nhiệm vụ'],
        ['', '20x4', 'Giỏi'],
        ['HN-002', '2026', 'Hoàn thành nhiệm vụ'],
        ['HN-001', 2024, 'Hoàn thành nhiệm vụ'],
        ['', '', ''],
        ['HN-003', 2023, 'Hoàn thành xuất sắc nhiệm vụ'],
      ],
    });
    expect(rows).toEqual([
      { row: 2, staffCode: 'HN-001', year: 2024, level: 'good' },
      { row: 7, staffCode: 'HN-003', year: 2023, level: 'excellent' },
    ]);
    expect(problems).toEqual([
      { row: 3, field: 'staffCode', code: 'required' },
      { row: 3, field: 'year', code: 'invalid_year', value: '20x4' },
      { row: 3, field: 'level', code: 'invalid_level', value: 'Giỏi' },
      { row: 4, field: 'year', code: 'scored_year', value: '2026' },
      { row: 5, field: 'staffCode', code: 'duplicate', value: 'HN-001 2024' },
    ]);
  });

  it('names a missing column', () => {
    expect(readQualityRows({ format: 'csv', headers: ['Mã cán bộ', 'Năm'], rows: [] }).problems).toEqual([{ row: 1, field: 'level', code: 'missing_column' }]);
  });
});
