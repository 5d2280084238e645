import type { ColumnType, Generated } from 'kysely';

export const ROLE_CATEGORIES = ['leader', 'manager', 'professional', 'support'] as const;
export type RoleCategory = (typeof ROLE_CATEGORIES)[number];
/** District still exists in history (abolished in the 2025 reform) and in other administrations. */
export const ADMIN_TIERS = ['central', 'province', 'commune', 'district'] as const;
export type AdminTier = (typeof ADMIN_TIERS)[number];

export interface PositionsTable {
  id: Generated<string>;
  agency_id: string;
  code: string;
  title_vi: string;
  title_en: string;
  search_title: string;
  role_category: RoleCategory;
  tier: AdminTier;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface PositionRequirementsTable {
  position_id: string;
  competency_id: string;
  required_level: number;
  criticality: number;
}

export interface ProfileTemplatesTable {
  role_category: RoleCategory;
  tier: AdminTier;
  competency_id: string;
  required_level: number;
  criticality: number;
}

export interface PositionsTables {
  positions: PositionsTable;
  position_requirements: PositionRequirementsTable;
  profile_templates: ProfileTemplatesTable;
}

// The module adds its tables to the one Kysely schema itself (declaration
// merging), so the platform, which owns `Database`, names no module.
declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends PositionsTables {}
}
