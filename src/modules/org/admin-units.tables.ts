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

export interface AdminUnitTables {
  admin_units: AdminUnitsTable;
  admin_unit_events: AdminUnitEventsTable;
  admin_unit_links: AdminUnitLinksTable;
}
