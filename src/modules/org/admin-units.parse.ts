import { foldForSearch, normalizeVietnamese } from '../../platform/text/vietnamese.js';
import { REFORM_2025_DATE, unitId, type AdminUnit, type SuccessionEvent, type UnitEra } from './admin-units.model.js';

// Shapes of the shipped source files (see reference/README.md).
interface RawNamed {
  Code: string;
  Name: string;
  NameEn?: string | null;
  FullName: string;
  FullNameEn?: string | null;
  AdministrativeUnitShortName?: string;
}
export interface RawPre2025Province extends RawNamed {
  District: (RawNamed & { Ward: RawNamed[] | null })[] | null;
}
export interface Raw2025Province extends RawNamed {
  Wards: RawNamed[] | null;
}
export interface RawMapping2025 {
  data: {
    level1_id: string;
    splits: { new_id: string; name: string }[];
    level3s: { level3_id: string; name: string; splits: { new_id: string; name: string }[] }[];
  }[];
}

export interface ParsedAdminUnits {
  units: AdminUnit[];
  events: SuccessionEvent[];
  /** Data-quality notes: what the sources disagree on and how it was resolved. */
  notes: string[];
}

const PROVINCE_BASIS = 'Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh';
const DISTRICT_BASIS = 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15 (bỏ cấp huyện)';
const COMMUNE_BASIS = 'Nghị quyết của UBTVQH về sắp xếp đơn vị hành chính cấp xã năm 2025';

/** "Phường Ba Đình" minus "Ba Đình" → "Phường"; the 2025 file states it directly. */
function kindOf(raw: RawNamed): string {
  if (raw.AdministrativeUnitShortName) return normalizeVietnamese(raw.AdministrativeUnitShortName);
  const full = normalizeVietnamese(raw.FullName);
  const name = normalizeVietnamese(raw.Name);
  return full.endsWith(name) ? full.slice(0, full.length - name.length).trim() : full.split(' ')[0]!;
}

function toUnit(raw: RawNamed, era: UnitEra, tier: AdminUnit['tier'], parentId: string | null, provinceId: string | null): AdminUnit {
  const id = unitId(era, tier, raw.Code);
  return {
    id,
    code: raw.Code,
    tier,
    era,
    kind: kindOf(raw),
    name: normalizeVietnamese(raw.Name),
    fullName: normalizeVietnamese(raw.FullName),
    nameEn: raw.NameEn ?? null,
    fullNameEn: raw.FullNameEn ?? null,
    parentId,
    provinceId: provinceId ?? id,
    validFrom: era === '2025' ? REFORM_2025_DATE : null,
    validTo: era === 'pre2025' ? REFORM_2025_DATE : null,
  };
}

/** Strip the unit kind so "Xã Ba Chẽ" and "Thị trấn Ba Chẽ" compare on "ba che". */
export function bareName(fullName: string, kinds: string[] = KIND_PREFIXES): string {
  let folded = foldForSearch(fullName);
  for (const kind of kinds) if (folded.startsWith(kind + ' ')) folded = folded.slice(kind.length + 1);
  return folded;
}
export const KIND_PREFIXES = ['thanh pho', 'thi tran', 'thi xa', 'dac khu', 'tinh', 'quan', 'huyen', 'phuong', 'xa'];

export function parseAdminUnits(pre: RawPre2025Province[], post: Raw2025Province[], mapping: RawMapping2025): ParsedAdminUnits {
  const units: AdminUnit[] = [];
  const notes: string[] = [];
  for (const p of pre) {
    const province = toUnit(p, 'pre2025', 'province', null, null);
    units.push(province);
    for (const d of p.District ?? []) {
      const district = toUnit(d, 'pre2025', 'district', province.id, province.id);
      units.push(district);
      for (const c of d.Ward ?? []) units.push(toUnit(c, 'pre2025', 'commune', district.id, province.id));
    }
  }
  for (const p of post) {
    const province = toUnit(p, '2025', 'province', null, null);
    units.push(province);
    for (const c of p.Wards ?? []) units.push(toUnit(c, '2025', 'commune', province.id, province.id));
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  const newCommunesByProvinceAndName = new Map<string, AdminUnit>();
  for (const u of units)
    if (u.era === '2025' && u.tier === 'commune') newCommunesByProvinceAndName.set(`${u.provinceId}|${bareName(u.fullName, KIND_PREFIXES)}`, u);

  // Province successions: old province → new province.
  const newProvinceOfOld = new Map<string, string>();
  const provincePreds = new Map<string, string[]>();
  for (const entry of mapping.data) {
    const oldId = unitId('pre2025', 'province', entry.level1_id);
    const newId = unitId('2025', 'province', entry.splits[0]!.new_id);
    if (!byId.has(oldId) || !byId.has(newId)) {
      notes.push(`province mapping ${entry.level1_id} → ${entry.splits[0]!.new_id} names an unknown unit: skipped`);
      continue;
    }
    newProvinceOfOld.set(oldId, newId);
    provincePreds.set(newId, [...(provincePreds.get(newId) ?? []), oldId]);
  }

  // Commune successions, resolving codes the 2025 list does not know by name within the new province.
  const communeSuccessors = new Map<string, string[]>();
  for (const entry of mapping.data) {
    const newProvinceId = newProvinceOfOld.get(unitId('pre2025', 'province', entry.level1_id));
    for (const c of entry.level3s) {
      const oldId = unitId('pre2025', 'commune', c.level3_id);
      if (!byId.has(oldId)) {
        notes.push(`commune ${c.level3_id} (${c.name}) is in the mapping but not in the pre-2025 list: skipped`);
        continue;
      }
      const successors: string[] = [];
      for (const s of c.splits) {
        let newId = unitId('2025', 'commune', s.new_id);
        if (!byId.has(newId)) {
          const byName = newCommunesByProvinceAndName.get(`${newProvinceId}|${bareName(s.name, KIND_PREFIXES)}`);
          if (!byName) {
            notes.push(`commune ${c.level3_id} → ${s.new_id} (${s.name}): successor not found: skipped`);
            continue;
          }
          notes.push(`commune ${c.level3_id} → ${s.new_id} (${s.name}) resolved by name to ${byName.code}`);
          newId = byName.id;
        }
        if (!successors.includes(newId)) successors.push(newId);
      }
      if (successors.length > 0) communeSuccessors.set(oldId, successors);
    }
  }

  const events: SuccessionEvent[] = [];
  for (const [newId, preds] of provincePreds) {
    const successor = byId.get(newId)!;
    const kind = preds.length > 1 ? 'merge' : byId.get(preds[0]!)!.name === successor.name ? 'continue' : 'rename';
    events.push({
      id: `${REFORM_2025_DATE}:${newId}`,
      effectiveDate: REFORM_2025_DATE,
      kind,
      legalBasis: PROVINCE_BASIS,
      links: preds.map((p) => ({ predecessorId: p, successorId: newId })),
    });
  }
  const communePreds = new Map<string, string[]>();
  for (const [oldId, succs] of communeSuccessors) for (const s of succs) communePreds.set(s, [...(communePreds.get(s) ?? []), oldId]);
  for (const [newId, preds] of communePreds) {
    const successor = byId.get(newId)!;
    const kind =
      preds.length > 1
        ? 'merge'
        : communeSuccessors.get(preds[0]!)!.length > 1
          ? 'split'
          : byId.get(preds[0]!)!.name === successor.name
            ? 'continue'
            : 'rename';
    events.push({
      id: `${REFORM_2025_DATE}:${newId}`,
      effectiveDate: REFORM_2025_DATE,
      kind,
      legalBasis: COMMUNE_BASIS,
      links: preds.map((p) => ({ predecessorId: p, successorId: newId })),
    });
  }
  // Districts were abolished; their territory rolls up to the new province. Island
  // districts without communes became special zones (đặc khu) of the same name.
  const parentsWithChildren = new Set(units.map((u) => u.parentId));
  for (const d of units) {
    if (d.era !== 'pre2025' || d.tier !== 'district') continue;
    const newProvinceId = newProvinceOfOld.get(d.provinceId);
    if (!newProvinceId) continue;
    const zone = newCommunesByProvinceAndName.get(`${newProvinceId}|${bareName(d.fullName, KIND_PREFIXES)}`);
    const hasCommunes = parentsWithChildren.has(d.id);
    const successorId = !hasCommunes && zone ? zone.id : newProvinceId;
    if (!hasCommunes && zone) notes.push(`district ${d.code} (${d.fullName}) had no communes: linked to ${zone.fullName}`);
    events.push({
      id: `${REFORM_2025_DATE}:${d.id}`,
      effectiveDate: REFORM_2025_DATE,
      kind: 'abolish',
      legalBasis: DISTRICT_BASIS,
      links: [{ predecessorId: d.id, successorId }],
    });
  }
  return { units, events, notes };
}
