import { foldForSearch, normalizeVietnamese } from '../../../platform/text/vietnamese.js';
import { isValidOn, type UnitTier } from '../admin-units.model.js';
import { sameUnitName } from './crosswalk.plan.js';
import {
  officialCode,
  rowIssue,
  type ChangePlan,
  type CommuneMove,
  type GeographyView,
  type NewUnit,
  type PlannedChange,
  type UnitState,
  type UnitView,
} from './unit-changes.model.js';

/**
 * A dated change set: one row per change (rename, upgrade) or per predecessor →
 * successor pair (merge, split), in this column order. Resolutions after 2025 keep
 * renaming units and turning provinces into cities; this layout carries them.
 * A province split also needs to know which communes go where: one "Chuyển tỉnh"
 * (move) row per commune, its new province in "Mã tỉnh" (the crosswalk's
 * new-province column, commune by commune).
 */
export const CHANGE_SET_COLUMNS = [
  'Ngày hiệu lực',
  'Loại thay đổi',
  'Cấp',
  'Mã cũ',
  'Tên cũ',
  'Mã mới',
  'Tên mới',
  'Loại đơn vị mới',
  'Mã tỉnh',
  'Căn cứ pháp lý',
] as const;

const KIND_WORDS: Array<[PlannedChange['kind'], string[]]> = [
  ['rename', ['rename', 'doi ten']],
  ['upgrade', ['upgrade', 'nang cap', 'nang hang', 'thanh lap thanh pho']],
  ['merge', ['merge', 'nhap', 'sap nhap', 'hop nhat']],
  ['split', ['split', 'chia', 'chia tach', 'tach']],
];
const MOVE_WORDS = ['move', 'chuyen tinh', 'chuyen'];
const TIER_WORDS: Array<[UnitTier, string[]]> = [
  ['province', ['province', 'tinh', 'cap tinh', 'tinh/thanh pho']],
  ['commune', ['commune', 'xa', 'cap xa', 'xa/phuong']],
];

/** yyyy-mm-dd or dd/mm/yyyy, checked against the calendar. */
export function readDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : vn ? [vn[3]!, vn[2]!.padStart(2, '0'), vn[1]!.padStart(2, '0')] : [];
  if (!y) return null;
  const date = `${y}-${m}-${d}`;
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date ? date : null;
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const pick = <T extends string>(words: Array<[T, string[]]>, cell: string): T | null => {
  const folded = foldForSearch(cell);
  return words.find(([, ws]) => ws.includes(folded))?.[0] ?? null;
};

interface Row {
  row: number;
  date: string;
  kind: PlannedChange['kind'] | 'move';
  tier: UnitTier;
  oldUnit: UnitView;
  newCode: string | null;
  newName: string;
  newKind: string;
  provinceCode: string | null;
  basis: string;
}

export function planChangeSet(rows: string[][], geo: GeographyView): ChangePlan & { legalBasis: string } {
  const plan: ChangePlan & { legalBasis: string } = { effectiveDate: '', rowsRead: 0, changes: [], unchanged: 0, errors: [], warnings: [], legalBasis: '' };
  const headerAt = rows.findIndex((r) => foldForSearch(r[0] ?? '').includes('ngay hieu luc') || foldForSearch(r[0] ?? '') === 'effective date');
  if (headerAt < 0) {
    plan.errors.push(
      rowIssue(
        null,
        `Không thấy dòng tiêu đề. Cần ${CHANGE_SET_COLUMNS.length} cột theo thứ tự: ${CHANGE_SET_COLUMNS.join(', ')}.`,
        `No header row was found. Expected ${CHANGE_SET_COLUMNS.length} columns in this order: ${CHANGE_SET_COLUMNS.join(', ')}.`,
      ),
    );
    return plan;
  }
  const read: Row[] = [];
  for (let i = headerAt + 1; i < rows.length; i++) {
    const row = i + 1;
    const cell = (k: number) => normalizeVietnamese(rows[i]![k] ?? '');
    if (CHANGE_SET_COLUMNS.every((_c, k) => cell(k) === '')) continue;
    plan.rowsRead++;
    const date = readDate(cell(0));
    const kind = MOVE_WORDS.includes(foldForSearch(cell(1))) ? 'move' : pick(KIND_WORDS, cell(1));
    const tier = pick(TIER_WORDS, cell(2));
    const before = plan.errors.length;
    if (!date)
      plan.errors.push(
        rowIssue(
          row,
          `Ngày hiệu lực "${cell(0)}" không hợp lệ (cần yyyy-mm-dd hoặc dd/mm/yyyy).`,
          `The effective date "${cell(0)}" is not a date (yyyy-mm-dd or dd/mm/yyyy).`,
        ),
      );
    if (!kind)
      plan.errors.push(
        rowIssue(
          row,
          `Loại thay đổi "${cell(1)}" không rõ: Đổi tên, Nâng cấp, Nhập, Chia tách hoặc Chuyển tỉnh.`,
          `The change "${cell(1)}" is not one of rename, upgrade, merge, split, move.`,
        ),
      );
    if (!tier) plan.errors.push(rowIssue(row, `Cấp "${cell(2)}" không rõ: Tỉnh hoặc Xã.`, `The tier "${cell(2)}" is not province or commune.`));
    if (!date || !kind || !tier || plan.errors.length > before) continue;
    if (kind === 'move' && (tier !== 'commune' || !officialCode(cell(8), 'province'))) {
      plan.errors.push(
        rowIssue(
          row,
          'Chuyển tỉnh là dòng của một xã, với mã tỉnh mới ở cột "Mã tỉnh".',
          'A move is a commune row with its new province code in the "Mã tỉnh" column.',
        ),
      );
      continue;
    }
    const oldCode = officialCode(cell(3), tier);
    const oldUnit = oldCode ? [...geo.units.values()].find((u) => u.code === oldCode && u.tier === tier && isValidOn(u, dayBefore(date))) : undefined;
    if (!oldUnit) {
      plan.errors.push(
        rowIssue(
          row,
          `Không có đơn vị cấp ${cell(2)} mã "${cell(3)}" còn hiệu lực ngày ${dayBefore(date)}.`,
          `No ${tier} has the code "${cell(3)}" on ${dayBefore(date)}.`,
        ),
      );
      continue;
    }
    if (cell(4) && !sameUnitName(cell(4), oldUnit.fullName))
      plan.warnings.push(
        rowIssue(
          row,
          `Tên cũ "${cell(4)}" khác tên trong danh mục ("${oldUnit.fullName}"): theo mã ${oldUnit.code}.`,
          `The old name "${cell(4)}" differs from the catalogue ("${oldUnit.fullName}"): the code ${oldUnit.code} is followed.`,
        ),
      );
    const newCode = cell(5) ? officialCode(cell(5), tier) : null;
    if (cell(5) && !newCode) plan.errors.push(rowIssue(row, `Mã mới "${cell(5)}" không hợp lệ.`, `The new code "${cell(5)}" is not an official code.`));
    if ((kind === 'rename' || kind === 'upgrade') && newCode && newCode !== oldUnit.code)
      plan.errors.push(
        rowIssue(row, 'Đổi tên hoặc nâng cấp giữ nguyên mã; mã mới khác mã cũ là một lần nhập.', 'A rename or upgrade keeps the code; a new code is a merge.'),
      );
    if ((kind === 'rename' || kind === 'upgrade') && !cell(6)) plan.errors.push(rowIssue(row, 'Thiếu tên mới.', 'The new name is missing.'));
    if (kind === 'upgrade' && !cell(7))
      plan.errors.push(rowIssue(row, 'Nâng cấp cần loại đơn vị mới (ví dụ "Thành phố").', 'An upgrade needs the new kind of unit (e.g. "Thành phố").'));
    if ((kind === 'merge' || kind === 'split') && !newCode)
      plan.errors.push(rowIssue(row, 'Nhập hoặc chia tách cần mã đơn vị mới.', 'A merge or split needs the new unit’s code.'));
    if (plan.errors.length > before) continue;
    read.push({
      row,
      date,
      kind,
      tier,
      oldUnit,
      newCode,
      newName: cell(6),
      newKind: cell(7),
      provinceCode: cell(8) ? officialCode(cell(8), 'province') : null,
      basis: cell(9),
    });
  }
  if (plan.errors.length > 0) return plan;
  plan.effectiveDate = read.map((r) => r.date).sort()[0] ?? '';
  plan.legalBasis = [...new Set(read.map((r) => r.basis).filter(Boolean))].join('; ');
  for (const r of read.filter((x) => x.kind === 'rename' || x.kind === 'upgrade')) {
    const kind = r.newKind || r.oldUnit.kind;
    const fullName = `${kind} ${r.newName}`;
    if (fullName === r.oldUnit.fullName) {
      plan.unchanged++;
      continue;
    }
    plan.changes.push({
      kind: r.kind as 'rename' | 'upgrade',
      unitId: r.oldUnit.id,
      unitCode: r.oldUnit.code,
      unitName: r.oldUnit.fullName,
      before: { kind: r.oldUnit.kind, name: r.oldUnit.name, fullName: r.oldUnit.fullName },
      after: { kind, name: r.newName, fullName },
      rows: [r.row],
    });
  }
  planStructural(plan, read, geo);
  return plan;
}

/** Merges and splits: each predecessor closes on the date (unless it keeps its code) and passes to its successors. */
function planStructural(plan: ChangePlan, read: Row[], geo: GeographyView) {
  const created = new Map<string, NewUnit>();
  const successorOf = (r: Row): { id: string; code: string; name: string; creates?: NewUnit } | null => {
    const existing = [...geo.units.values()].find((u) => u.code === r.newCode && u.tier === r.tier && isValidOn(u, r.date));
    if (existing) return { id: existing.id, code: existing.code, name: existing.fullName };
    const id = `later-${r.date}-${r.tier === 'province' ? 'P' : 'C'}${r.newCode}`;
    const known = created.get(id);
    if (known) return { id, code: known.code, name: known.fullName };
    // A new province is its own province; a new commune sits in the province named (or its predecessor's).
    const provinceId =
      r.tier === 'province'
        ? id
        : r.provinceCode
          ? [...geo.units.values()].find((u) => u.tier === 'province' && u.code === r.provinceCode && isValidOn(u, r.date))?.id
          : r.oldUnit.provinceId;
    if (!r.newName || !r.newKind || !provinceId) {
      plan.errors.push(
        rowIssue(
          r.row,
          `Đơn vị mới mã ${r.newCode} chưa có: cần tên mới, loại đơn vị mới và mã tỉnh còn hiệu lực.`,
          `The new unit ${r.newCode} does not exist yet: its name, kind and a valid province code are needed.`,
        ),
      );
      return null;
    }
    const unit: NewUnit = {
      id,
      code: r.newCode!,
      tier: r.tier,
      kind: r.newKind,
      name: r.newName,
      fullName: `${r.newKind} ${r.newName}`,
      parentId: r.tier === 'province' ? null : provinceId,
      provinceId,
      validFrom: r.date,
    };
    created.set(id, unit);
    return { id, code: unit.code, name: unit.fullName, creates: unit };
  };
  const byPredecessor = new Map<string, Row[]>();
  for (const r of read.filter((x) => x.kind === 'merge' || x.kind === 'split'))
    byPredecessor.set(r.oldUnit.id, [...(byPredecessor.get(r.oldUnit.id) ?? []), r]);
  const moves = read.filter((x) => x.kind === 'move');
  const movesUsed = new Set<number>();
  for (const [predecessorId, group] of byPredecessor) {
    const pred = geo.units.get(predecessorId)!;
    const successors = group.map(successorOf);
    if (successors.some((s) => s === null)) continue;
    const keeps = successors.some((s) => s!.id === predecessorId);
    const next = successors.filter((s) => s!.id !== predecessorId).map((s) => ({ id: s!.id, code: s!.code, name: s!.name }));
    // A province merged into itself (the one that keeps its name and code in a merge) changes nothing.
    if (keeps && next.length === 0) {
      plan.unchanged += group.length;
      continue;
    }
    const recorded = (geo.successors.get(predecessorId) ?? []).map((id) => ({
      id,
      code: geo.units.get(id)?.code ?? '',
      name: geo.units.get(id)?.fullName ?? '',
    }));
    const change: PlannedChange = {
      kind: group.length > 1 || group[0]!.kind === 'split' ? 'split' : 'merge',
      unitId: predecessorId,
      unitCode: pred.code,
      unitName: pred.fullName,
      before: { validTo: pred.validTo, successors: recorded },
      after: { validTo: keeps ? pred.validTo : group[0]!.date, successors: [...recorded, ...next] },
      rows: group.map((g) => g.row),
      creates: successors.flatMap((s) => (s!.creates ? [s!.creates] : [])),
    };
    if (pred.tier === 'province') {
      const communes = provinceCommunes(plan, change, pred, group[0]!.date, next, keeps, moves, geo);
      if (!communes) continue;
      for (const m of communes.rows) movesUsed.add(m);
      change.communeMoves = communes.moves;
      change.after.communes = summarise(communes.moves, next);
    }
    plan.changes.push(change);
  }
  for (const m of moves.filter((x) => !movesUsed.has(x.row)))
    plan.errors.push(
      rowIssue(
        m.row,
        `Xã ${m.oldUnit.code} chuyển sang tỉnh mã ${m.provinceCode}, nhưng tệp không chia tách tỉnh nào thành tỉnh đó.`,
        `Commune ${m.oldUnit.code} moves to province ${m.provinceCode}, but the file splits no province into it.`,
      ),
    );
}

/**
 * Which province each commune of a merged or split province goes to. A merge
 * into one province takes them all; a split takes each from its move row, and
 * every commune of the province must have one (a split that leaves a commune
 * nowhere is refused); a province that keeps its code keeps what is not moved.
 */
function provinceCommunes(
  plan: ChangePlan,
  change: PlannedChange,
  pred: UnitView,
  date: string,
  next: { id: string; code: string; name: string }[],
  keeps: boolean,
  moves: Row[],
  geo: GeographyView,
): { moves: CommuneMove[]; rows: number[] } | null {
  const communes = [...geo.units.values()].filter((u) => u.tier === 'commune' && u.provinceId === pred.id && isValidOn(u, dayBefore(date)));
  const rowsOf = moves.filter((m) => m.oldUnit.provinceId === pred.id);
  const byCode = new Map(next.map((s) => [s.code, s]));
  const found: CommuneMove[] = [];
  const before = plan.errors.length;
  for (const m of rowsOf) {
    const to = byCode.get(m.provinceCode ?? '');
    if (!to) {
      plan.errors.push(
        rowIssue(
          m.row,
          `Mã tỉnh ${m.provinceCode} không phải tỉnh kế thừa của ${pred.fullName} trong tệp (${next.map((s) => s.code).join(', ')}).`,
          `Province ${m.provinceCode} is not a successor of ${pred.fullName} in the file (${next.map((s) => s.code).join(', ')}).`,
        ),
      );
      continue;
    }
    found.push({ unitId: m.oldUnit.id, code: m.oldUnit.code, toProvinceId: to.id, toProvinceCode: to.code });
  }
  const assigned = new Set(found.map((f) => f.unitId));
  const left = communes.filter((c) => !assigned.has(c.id));
  if (next.length === 1 && !keeps) {
    for (const c of left) found.push({ unitId: c.id, code: c.code, toProvinceId: next[0]!.id, toProvinceCode: next[0]!.code });
  } else if (!keeps && left.length > 0) {
    plan.errors.push(
      rowIssue(
        change.rows[0]!,
        `${pred.fullName} chia tách nhưng ${left.length} xã chưa có dòng "Chuyển tỉnh" (ví dụ ${left
          .slice(0, 5)
          .map((c) => c.code)
          .join(', ')}): cần biết mỗi xã về tỉnh nào.`,
        `${pred.fullName} is split but ${left.length} communes have no "move" row (e.g. ${left
          .slice(0, 5)
          .map((c) => c.code)
          .join(', ')}): each commune's new province is needed.`,
      ),
    );
  }
  return plan.errors.length > before ? null : { moves: found, rows: rowsOf.map((m) => m.row) };
}

function summarise(moves: CommuneMove[], next: { id: string; code: string; name: string }[]): UnitState['communes'] {
  return next.map((s) => ({ provinceCode: s.code, provinceName: s.name, communes: moves.filter((m) => m.toProvinceId === s.id).length }));
}
