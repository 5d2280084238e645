import type { UnitTier } from '../admin-units.model.js';

/** Pure shapes shared by the planners, the service and the routes of unit change sets. */

export interface Bilingual {
  vi: string;
  en: string;
}

/** A problem of one row (or of the file), located as the user sees the sheet. */
export interface RowIssue {
  location: string;
  message: Bilingual;
}

export const rowAt = (row: number) => `dòng ${row} / row ${row}`;
export const rowIssue = (row: number | null, vi: string, en: string): RowIssue => ({
  location: row === null ? 'tệp / file' : rowAt(row),
  message: { vi, en },
});

/** The part of a unit the planners read. */
export interface UnitView {
  id: string;
  code: string;
  tier: UnitTier;
  era: string;
  kind: string;
  name: string;
  fullName: string;
  parentId: string | null;
  provinceId: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface GeographyView {
  units: Map<string, UnitView>;
  /** Predecessor id → successor ids, as the succession links stand. */
  successors: Map<string, string[]>;
}

export const CHANGE_KINDS = ['relink', 'rename', 'upgrade', 'merge', 'split'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change of a set, as the preview shows it and the history keeps it. */
export interface PlannedChange {
  kind: ChangeKind;
  /** The unit changed (the old commune whose successors change; the unit renamed; a merged or split predecessor). */
  unitId: string;
  unitCode: string;
  unitName: string;
  /** Successors (relink, merge, split) or names (rename, upgrade), before and after. */
  before: UnitState;
  after: UnitState;
  /** The file's rows behind it. */
  rows: number[];
  /** New units this change creates (a merge or split into a unit that did not exist). */
  creates?: NewUnit[];
  /** A merged or split province: where each of its communes goes in today's geography. */
  communeMoves?: CommuneMove[];
}

export interface CommuneMove {
  unitId: string;
  code: string;
  toProvinceId: string;
  toProvinceCode: string;
}

export interface UnitState {
  successors?: { id: string; code: string; name: string }[];
  kind?: string;
  name?: string;
  fullName?: string;
  validTo?: string | null;
  /** A merged or split province: how many of its communes each successor takes. */
  communes?: { provinceCode: string; provinceName: string; communes: number }[];
}

export interface NewUnit {
  id: string;
  code: string;
  tier: UnitTier;
  kind: string;
  name: string;
  fullName: string;
  parentId: string | null;
  provinceId: string;
  validFrom: string;
}

export interface ChangePlan {
  effectiveDate: string;
  rowsRead: number;
  changes: PlannedChange[];
  /** Rows that agree with what is recorded already. */
  unchanged: number;
  errors: RowIssue[];
  warnings: RowIssue[];
}

/** "Tỉnh Ninh Bình (37)" → name and code. */
export function nameAndCode(cell: string): { name: string; code: string | null } {
  const m = /^(.*?)\s*\((\d+)\)\s*$/.exec(cell.trim());
  return m ? { name: m[1]!, code: m[2]! } : { name: cell.trim(), code: null };
}

/** Official codes: provinces 2 digits, districts 3, communes 5 (a spreadsheet drops the leading zeros). */
export function officialCode(value: string, tier: UnitTier): string | null {
  const digits = value.trim();
  if (!/^\d{1,5}$/.test(digits)) return null;
  return digits.padStart(tier === 'province' ? 2 : tier === 'district' ? 3 : 5, '0');
}
