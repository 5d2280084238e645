/** Administrative units as the domain sees them, independent of storage. */

// The values the tables' CHECK constraints allow; the API's enums are these constants (org.schema.ts).
export const UNIT_TIERS = ['province', 'district', 'commune'] as const;
// 'later': units created by a dated change set after the 2025 reform (their id carries the date).
export const UNIT_ERAS = ['pre2025', '2025', 'later'] as const;
export const SUCCESSION_KINDS = ['merge', 'split', 'rename', 'continue', 'abolish'] as const;
export type UnitTier = (typeof UNIT_TIERS)[number];
export type UnitEra = (typeof UNIT_ERAS)[number];
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];

/** The 2025 reorganisation took effect on 1 July 2025 (Resolution 202/2025/QH15, Law 72/2025/QH15). */
export const REFORM_2025_DATE = '2025-07-01';

export interface AdminUnit {
  /** Stable id: era + tier letter + official code. Codes are reused across eras ("00004" was Trúc Bạch, is Ba Đình). */
  id: string;
  code: string;
  tier: UnitTier;
  era: UnitEra;
  /** "Phường", "Xã", "Đặc khu", "Huyện", "Tỉnh", ... */
  kind: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  fullNameEn: string | null;
  parentId: string | null;
  provinceId: string;
  /** Half-open validity [validFrom, validTo); null validFrom = before any record we hold. */
  validFrom: string | null;
  validTo: string | null;
}

export interface SuccessionEvent {
  id: string;
  effectiveDate: string;
  kind: SuccessionKind;
  legalBasis: string;
  /** Predecessor → successor pairs; a split appears as one predecessor in several events. */
  links: { predecessorId: string; successorId: string }[];
}

export function unitId(era: UnitEra, tier: UnitTier, code: string): string {
  return `${era}-${tier[0]!.toUpperCase()}${code}`;
}

/** Whether a unit existed on a date (ISO yyyy-mm-dd compare lexically). */
export function isValidOn(unit: Pick<AdminUnit, 'validFrom' | 'validTo'>, date: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || unit.validTo > date);
}
