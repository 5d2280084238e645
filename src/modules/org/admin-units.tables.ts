import type { ColumnType, Generated } from 'kysely';
import type { ChangeKind, UnitState } from './unit-changes/unit-changes.model.js';
import type { SuccessionKind, UnitEra, UnitTier } from './admin-units.model.js';

export interface AdminUnitsTable {
  id: string;
  code: string;
  tier: UnitTier;
  era: UnitEra;
  kind: string;
  name: string;
  full_name: string;
  name_en: string | null;
  full_name_en: string | null;
  search_name: string;
  parent_id: string | null;
  province_id: string;
  valid_from: string | null;
  valid_to: string | null;
  current_unit_id: string | null;
  current_province_id: string | null;
}

export interface AdminUnitEventsTable {
  id: string;
  effective_date: string;
  kind: SuccessionKind;
  legal_basis: string;
}

export interface AdminUnitLinksTable {
  event_id: string;
  predecessor_id: string;
  successor_id: string;
}

/** One imported crosswalk or dated change set (0028). */
export interface AdminUnitChangeSetsTable {
  id: Generated<string>;
  kind: 'crosswalk' | 'changes';
  effective_date: string;
  legal_basis: string;
  file_name: string;
  file_sha256: string;
  rows_read: number;
  changes: number;
  imported_at: ColumnType<Date, never, never>;
  imported_by: string | null;
}

/** One change of a set: the unit's state before and after, kept as history. */
export interface AdminUnitChangesTable {
  change_set_id: string;
  position: number;
  kind: ChangeKind;
  unit_id: string;
  effective_date: string;
  before: ColumnType<UnitState, string, string>;
  after: ColumnType<UnitState, string, string>;
}

export interface AdminUnitTables {
  admin_units: AdminUnitsTable;
  admin_unit_events: AdminUnitEventsTable;
  admin_unit_links: AdminUnitLinksTable;
  admin_unit_change_sets: AdminUnitChangeSetsTable;
  admin_unit_changes: AdminUnitChangesTable;
}
