import { describe, expect, it } from 'vitest';
import { unitId } from '../admin-units.model.js';
import { planChangeSet, readDate } from './change-set.plan.js';
import { CROSSWALK_COLUMNS, planCrosswalk, sameUnitName } from './crosswalk.plan.js';
import { nameAndCode, officialCode, type GeographyView, type UnitView } from './unit-changes.model.js';

/** A small geography: two old communes of one district, two new communes, one province each era. */
function geography(): GeographyView {
  const unit = (era: '2025' | 'pre2025', tier: UnitView['tier'], code: string, kind: string, name: string, provinceCode: string): UnitView => ({
    id: unitId(era, tier, code),
    code,
    tier,
    era,
    kind,
    name,
    fullName: `${kind} ${name}`,
    parentId: tier === 'province' ? null : unitId(era, 'province', provinceCode),
    provinceId: unitId(era, 'province', provinceCode),
    validFrom: era === '2025' ? '2025-07-01' : null,
    validTo: era === 'pre2025' ? '2025-07-01' : null,
  });
  const units = [
    unit('pre2025', 'province', '04', 'Tỉnh', 'Cao Bằng', '04'),
    unit('pre2025', 'commune', '01615', 'Xã', 'Hồng Quang', '04'),
    unit('pre2025', 'commune', '01616', 'Xã', 'Phục Hòa', '04'),
    unit('2025', 'province', '04', 'Tỉnh', 'Cao Bằng', '04'),
    unit('2025', 'commune', '01636', 'Xã', 'Bế Văn Đàn', '04'),
    unit('2025', 'commune', '01648', 'Xã', 'Phục Hòa', '04'),
    unit('2025', 'province', '06', 'Tỉnh', 'Bắc Kạn', '06'),
  ];
  return {
    units: new Map(units.map((u) => [u.id, u])),
    successors: new Map([
      ['pre2025-C01615', ['2025-C01636']],
      ['pre2025-C01616', ['2025-C01648']],
    ]),
  };
}

const header = [...CROSSWALK_COLUMNS];
const row = (newName: string, newCode: string, oldName: string, oldCode: string, note: string) => [
  'Tỉnh Cao Bằng (04)',
  newName,
  newCode,
  oldName,
  oldCode,
  note,
  'Huyện Quảng Hòa (049)',
  'Tỉnh Cao Bằng',
];

describe('crosswalk planning (pure)', () => {
  it('reads codes and "Name (code)" cells as a spreadsheet gives them', () => {
    expect(officialCode('1615', 'commune')).toBe('01615');
    expect(officialCode('4', 'province')).toBe('04');
    expect(officialCode('x1', 'commune')).toBeNull();
    expect(nameAndCode('Tỉnh Ninh Bình (37)')).toEqual({ name: 'Tỉnh Ninh Bình', code: '37' });
    expect(sameUnitName('Xã Phục Hoà', 'Xã Phục Hòa')).toBe(true);
    expect(sameUnitName('Phục Hòa', 'Xã Phục Hòa')).toBe(true);
    expect(sameUnitName('Xã Đăk Hà', 'Thị trấn Đắk Hà')).toBe(true);
    expect(sameUnitName('Xã Mỹ Hưng', 'Xã Hồng Quang')).toBe(false);
  });

  it('a partial split gives the old commune every new commune; an agreeing row changes nothing', () => {
    const plan = planCrosswalk(
      [
        header,
        row('Xã Bế Văn Đàn', '01636', 'Xã Hồng Quang', '01615', 'Nhập một phần'),
        row('Xã Phục Hoà', '01648', 'Xã Hồng Quang', '01615', 'Nhập một phần'),
        row('Xã Phục Hòa', '01648', 'Xã Phục Hòa', '01616', 'Giữ nguyên'),
      ],
      geography(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({ kind: 'relink', unitCode: '01615', rows: [2, 3] });
    expect(plan.changes[0]!.after.successors!.map((s) => s.code)).toEqual(['01636', '01648']);
  });

  it('reports every bad row and plans nothing', () => {
    const plan = planCrosswalk(
      [
        header,
        row('Xã Bế Văn Đàn', '01636', 'Xã Hồng Quang', '01615', 'Nhập toàn bộ'),
        row('Xã Phục Hòa', '01648', 'Xã Hồng Quang', '01615', 'Nhập một phần'),
        row('Xã Không Có', '99999', 'Xã Phục Hòa', '01616', 'Nhập toàn bộ'),
        row('Xã Phục Hòa', '01648', 'Xã Phục Hòa', '01616', 'chuyển'),
      ],
      geography(),
    );
    expect(plan.changes).toEqual([]);
    expect(plan.errors.map((e) => e.location)).toEqual(['dòng 4 / row 4', 'dòng 5 / row 5', 'dòng 2 / row 2']);
    expect(plan.errors.every((e) => e.message.vi && e.message.en)).toBe(true);
  });

  it('refuses a sheet without the header', () => {
    expect(planCrosswalk([['a', 'b']], geography()).errors[0]!.message.en).toMatch(/Expected 8 columns/);
  });
});

describe('dated change sets (pure)', () => {
  it('reads both date spellings and refuses impossible dates', () => {
    expect(readDate('01/03/2026')).toBe('2026-03-01');
    expect(readDate('2026-03-01')).toBe('2026-03-01');
    expect(readDate('2026-02-30')).toBeNull();
    expect(readDate('30/02/2026')).toBeNull();
  });

  it('a rename with another tone-mark placement, and a split into a new commune', () => {
    const header = ['Ngày hiệu lực', 'Loại thay đổi', 'Cấp', 'Mã cũ', 'Tên cũ', 'Mã mới', 'Tên mới', 'Loại đơn vị mới', 'Mã tỉnh', 'Căn cứ pháp lý'];
    const plan = planChangeSet(
      [
        header,
        ['2026-01-01', 'Đổi tên', 'Xã', '01648', 'Xã Phục Hoà', '', 'Phục Hoà Mới', '', '', 'NQ 1'],
        ['2026-01-01', 'Chia tách', 'Xã', '01636', 'Xã Bế Văn Đàn', '01636', '', '', '', 'NQ 1'],
        ['2026-01-01', 'Chia tách', 'Xã', '01636', 'Xã Bế Văn Đàn', '99002', 'Đàn Mới', 'Xã', '04', 'NQ 1'],
      ],
      geography(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.effectiveDate).toBe('2026-01-01');
    expect(plan.legalBasis).toBe('NQ 1');
    const [rename, split] = plan.changes;
    expect(rename).toMatchObject({ kind: 'rename', after: { fullName: 'Xã Phục Hoà Mới' } });
    // The commune keeps its code and gives part of its territory to a new one: it stays open.
    expect(split).toMatchObject({ kind: 'split', unitCode: '01636', after: { validTo: null } });
    expect(split!.creates).toEqual([expect.objectContaining({ id: 'later-2026-01-01-C99002', fullName: 'Xã Đàn Mới', provinceId: '2025-P04' })]);
  });

  it('merges a province into another with its communes, and refuses an unknown unit and a merge into no province', () => {
    const header = ['Ngày hiệu lực', 'Loại thay đổi', 'Cấp', 'Mã cũ'];
    const merge = planChangeSet([header, ['2026-01-01', 'Nhập', 'Tỉnh', '04', '', '06']], geography());
    expect(merge.errors).toEqual([]);
    expect(merge.changes).toEqual([
      expect.objectContaining({
        kind: 'merge',
        unitCode: '04',
        after: expect.objectContaining({ validTo: '2026-01-01', successors: [expect.objectContaining({ code: '06' })] }),
        communeMoves: expect.arrayContaining([
          expect.objectContaining({ code: '01636', toProvinceCode: '06' }),
          expect.objectContaining({ code: '01648', toProvinceCode: '06' }),
        ]),
      }),
    ]);
    const refused = planChangeSet([header, ['2026-01-01', 'Nhập', 'Tỉnh', '04', '', '05'], ['2026-01-01', 'Đổi tên', 'Xã', '77777', '', '', 'X']], geography());
    expect(refused.errors.map((e) => e.location)).toEqual(['dòng 3 / row 3']);
    expect(refused.changes).toEqual([]);
    // Rows are read first: only once every row reads does the merge's successor get checked.
    const noSuccessor = planChangeSet([header, ['2026-01-01', 'Nhập', 'Tỉnh', '04', '', '05']], geography());
    expect(noSuccessor.errors).toEqual([
      expect.objectContaining({ location: 'dòng 2 / row 2', message: expect.objectContaining({ en: expect.stringContaining('05 does not exist') }) }),
    ]);
    expect(noSuccessor.changes).toEqual([]);
  });
});
