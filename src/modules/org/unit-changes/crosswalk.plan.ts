import { foldForSearch } from '../../../platform/text/vietnamese.js';
import { bareName } from '../admin-units.parse.js';
import { REFORM_2025_DATE, unitId } from '../admin-units.model.js';
import { nameAndCode, officialCode, rowIssue, type ChangePlan, type GeographyView, type PlannedChange, type UnitView } from './unit-changes.model.js';

/**
 * The statistics office's crosswalk "Bảng chuyển đổi ĐVHC mới – cũ": one row per
 * (new commune, old commune) pair, columns in this order. An old commune on several
 * rows ("Nhập một phần") was split between those new communes.
 */
export const CROSSWALK_COLUMNS = [
  'Tỉnh/thành phố mới (mã)',
  'Tên xã/phường mới',
  'Mã xã/phường mới',
  'Tên xã/phường cũ',
  'Mã xã/phường cũ',
  'Ghi chú',
  'Quận/huyện cũ (mã)',
  'Tỉnh/thành phố cũ',
] as const;

const NOTES = { whole: 'nhap toan bo', part: 'nhap mot phan', kept: 'giu nguyen' } as const;

/** Names match after NFC, accent folding (so "Hoà" and "Hòa", "Đăk" and "Đắk" agree) and without the unit kind. */
export const sameUnitName = (a: string, b: string) => bareName(foldForSearch(a)) === bareName(foldForSearch(b));

/** The header row: the first of the first 20 rows that names both the new and the old commune. */
export function findHeaderRow(rows: string[][]): number {
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const folded = rows[i]!.map((c) => foldForSearch(c));
    if (folded.filter((c) => c).length >= 6 && folded.some((c) => c.includes('moi')) && folded.some((c) => c.includes('cu'))) return i;
  }
  return -1;
}

export function planCrosswalk(rows: string[][], geo: GeographyView): ChangePlan {
  const plan: ChangePlan = { effectiveDate: REFORM_2025_DATE, rowsRead: 0, changes: [], unchanged: 0, errors: [], warnings: [] };
  const headerAt = findHeaderRow(rows);
  if (headerAt < 0) {
    plan.errors.push(
      rowIssue(
        null,
        `Không thấy dòng tiêu đề của bảng chuyển đổi. Cần ${CROSSWALK_COLUMNS.length} cột theo thứ tự: ${CROSSWALK_COLUMNS.join(', ')}.`,
        `No header row of the crosswalk was found. Expected ${CROSSWALK_COLUMNS.length} columns in this order: ${CROSSWALK_COLUMNS.join(', ')}.`,
      ),
    );
    return plan;
  }
  const start = rows[headerAt]!.findIndex((c) => c.trim() !== '');
  // Old commune → its new communes in file order, with the rows and notes behind them.
  const official = new Map<string, { successors: string[]; rows: number[]; notes: string[] }>();
  const seenPair = new Map<string, number>();
  for (let i = headerAt + 1; i < rows.length; i++) {
    const row = i + 1;
    const cell = (k: number) => (rows[i]![start + k] ?? '').trim();
    if (CROSSWALK_COLUMNS.every((_c, k) => cell(k) === '')) continue;
    plan.rowsRead++;
    const errorsBefore = plan.errors.length;
    const newCode = officialCode(cell(2), 'commune');
    const oldCode = officialCode(cell(4), 'commune');
    if (!newCode) plan.errors.push(rowIssue(row, `Mã xã mới "${cell(2)}" không phải mã 5 chữ số.`, `The new commune code "${cell(2)}" is not a 5-digit code.`));
    if (!oldCode) plan.errors.push(rowIssue(row, `Mã xã cũ "${cell(4)}" không phải mã 5 chữ số.`, `The old commune code "${cell(4)}" is not a 5-digit code.`));
    const note = foldForSearch(cell(5));
    const noteKind = note.includes(NOTES.whole) ? 'whole' : note.includes(NOTES.part) ? 'part' : note.includes(NOTES.kept) ? 'kept' : null;
    if (!noteKind)
      plan.errors.push(
        rowIssue(
          row,
          `Ghi chú "${cell(5)}" không rõ: cần "Nhập toàn bộ", "Nhập một phần" hoặc "Giữ nguyên".`,
          `The note "${cell(5)}" is not one of "Nhập toàn bộ" (whole), "Nhập một phần" (part) or "Giữ nguyên" (unchanged).`,
        ),
      );
    if (!newCode || !oldCode || !noteKind) continue;
    const newUnit = geo.units.get(unitId('2025', 'commune', newCode));
    const oldUnit = geo.units.get(unitId('pre2025', 'commune', oldCode));
    if (!newUnit)
      plan.errors.push(
        rowIssue(row, `Không có xã/phường mới mã ${newCode} trong danh mục từ 01/7/2025.`, `No new commune has the code ${newCode} (units from 1 July 2025).`),
      );
    if (!oldUnit)
      plan.errors.push(
        rowIssue(row, `Không có xã/phường cũ mã ${oldCode} trong danh mục trước 2025.`, `No old commune has the code ${oldCode} (units before 2025).`),
      );
    const province = nameAndCode(cell(0));
    const provinceCode = province.code ? officialCode(province.code, 'province') : null;
    if (newUnit && provinceCode && newUnit.provinceId !== unitId('2025', 'province', provinceCode))
      plan.errors.push(
        rowIssue(
          row,
          `Xã mới ${newCode} thuộc tỉnh mã ${newUnit.provinceId.slice(-2)}, không phải ${provinceCode} như cột tỉnh mới ghi.`,
          `New commune ${newCode} belongs to province ${newUnit.provinceId.slice(-2)}, not ${provinceCode} as the new province column says.`,
        ),
      );
    const pair = `${oldCode}>${newCode}`;
    if (seenPair.has(pair))
      plan.errors.push(
        rowIssue(
          row,
          `Cặp xã cũ ${oldCode} → xã mới ${newCode} lặp lại dòng ${seenPair.get(pair)}.`,
          `The pair ${oldCode} → ${newCode} repeats row ${seenPair.get(pair)}.`,
        ),
      );
    seenPair.set(pair, row);
    if (plan.errors.length > errorsBefore || !newUnit || !oldUnit) continue;
    nameWarnings(plan, row, oldUnit, cell(3), 'cũ', 'old');
    nameWarnings(plan, row, newUnit, cell(1), 'mới', 'new');
    const entry = official.get(oldUnit.id) ?? { successors: [], rows: [], notes: [] };
    entry.successors.push(newUnit.id);
    entry.rows.push(row);
    entry.notes.push(noteKind);
    official.set(oldUnit.id, entry);
  }
  for (const [oldId, entry] of official) {
    if (entry.successors.length > 1 && entry.notes.some((n) => n !== 'part'))
      plan.errors.push(
        rowIssue(
          entry.rows[0]!,
          `Xã cũ ${geo.units.get(oldId)!.code} có ${entry.successors.length} xã mới (dòng ${entry.rows.join(', ')}) nhưng không phải mọi dòng đều ghi "Nhập một phần".`,
          `Old commune ${geo.units.get(oldId)!.code} goes to ${entry.successors.length} new communes (rows ${entry.rows.join(', ')}) but not every row says "Nhập một phần" (part).`,
        ),
      );
  }
  if (plan.errors.length > 0) return plan;
  for (const [oldId, entry] of official) {
    const oldUnit = geo.units.get(oldId)!;
    const recorded = (geo.successors.get(oldId) ?? []).filter((id) => geo.units.get(id)?.era === '2025' && geo.units.get(id)?.tier === 'commune');
    const same = recorded.length === entry.successors.length && recorded.every((id) => entry.successors.includes(id));
    if (same) {
      plan.unchanged++;
      continue;
    }
    const view = (ids: string[]) => ids.map((id) => ({ id, code: geo.units.get(id)!.code, name: geo.units.get(id)!.fullName }));
    const change: PlannedChange = {
      kind: 'relink',
      unitId: oldId,
      unitCode: oldUnit.code,
      unitName: oldUnit.fullName,
      before: { successors: view(recorded) },
      after: { successors: view(entry.successors) },
      rows: entry.rows,
    };
    plan.changes.push(change);
  }
  return plan;
}

function nameWarnings(plan: ChangePlan, row: number, unit: UnitView, written: string, vi: string, en: string) {
  if (written && !sameUnitName(written, unit.fullName))
    plan.warnings.push(
      rowIssue(
        row,
        `Tên xã ${vi} "${written}" khác tên trong danh mục của mã ${unit.code} ("${unit.fullName}"): theo mã.`,
        `The ${en} commune name "${written}" differs from the catalogue's name for code ${unit.code} ("${unit.fullName}"): the code is followed.`,
      ),
    );
}
