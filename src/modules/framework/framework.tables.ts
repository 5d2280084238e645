import type { ColumnType, Generated } from 'kysely';
import type { CaseCriterion, CaseNodeLink, CaseRubric, GroupKind, MoodleExtras } from './document.js';

/** The constants the API's response schemas use too (framework.schema.ts). */
export const VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const FRAMEWORK_SCOPES = ['national', 'agency'] as const;
export type FrameworkScope = (typeof FRAMEWORK_SCOPES)[number];

export interface FrameworksTable {
  id: Generated<string>;
  code: string;
  scope: FrameworkScope;
  agency_id: string;
  base_framework_id: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface FrameworkVersionsTable {
  id: Generated<string>;
  framework_id: string;
  version_no: number;
  status: VersionStatus;
  base_version_id: string | null;
  name_vi: string;
  name_en: string;
  /** Defaults to '' in SQL, so optional on insert. */
  description_vi: Generated<string>;
  description_en: Generated<string>;
  attribution: Generated<string>;
  level_count: number;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
  published_at: Date | null;
  published_by: string | null;
  retired_at: Date | null;
  /** CASE names of the CFDocument (0027); null on rows stored before, named by case-identity.ts's mint. */
  case_identifier: ColumnType<string | null, string | null | undefined, string | null>;
  case_uri: ColumnType<string | null, string | null | undefined, string | null>;
  case_language: ColumnType<string | null, string | null | undefined, string | null>;
  case_creator: ColumnType<string | null, string | null | undefined, string | null>;
  case_base: ColumnType<CaseNodeLink | null, string | null | undefined, string | null>;
  /** What a Moodle CSV carried beyond the model (0030); null when it came from elsewhere. */
  moodle_extras: ColumnType<MoodleExtras | null, string | null | undefined, string | null>;
  /** An imported package's CFRubrics when not NangLuc's own (0030). */
  case_rubrics: ColumnType<CaseRubric[] | null, string | null | undefined, string | null>;
}

export interface FrameworkLevelsTable {
  version_id: string;
  level: number;
  name_vi: string;
  name_en: string;
  description_vi: Generated<string>;
  description_en: Generated<string>;
}

export interface CompetencyGroupsTable {
  id: Generated<string>;
  version_id: string;
  code: string;
  kind: GroupKind;
  name_vi: string;
  name_en: string;
  description_vi: Generated<string>;
  description_en: Generated<string>;
  position: number;
  case_identifier: ColumnType<string | null, string | null | undefined, string | null>;
  case_uri: ColumnType<string | null, string | null | undefined, string | null>;
  case_item_type: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CompetenciesTable {
  id: Generated<string>;
  version_id: string;
  group_id: string;
  parent_id: string | null;
  code: string;
  name_vi: string;
  name_en: string;
  description_vi: Generated<string>;
  description_en: Generated<string>;
  search_text: string;
  position: number;
  case_identifier: ColumnType<string | null, string | null | undefined, string | null>;
  case_uri: ColumnType<string | null, string | null | undefined, string | null>;
  case_item_type: ColumnType<string | null, string | null | undefined, string | null>;
  /** Its CFRubricCriterion's names when imported with other than NangLuc's (0030). */
  case_criterion: ColumnType<CaseCriterion | null, string | null | undefined, string | null>;
}

/** Every CASE association of a version, in the package's order (0027). */
export interface FrameworkAssociationsTable {
  version_id: string;
  position: number;
  case_identifier: string;
  case_uri: string;
  association_type: string;
  origin_identifier: string;
  origin_uri: string;
  origin_title: string;
  destination_identifier: string;
  destination_uri: string;
  destination_title: string;
  sequence_number: number | null;
}

export interface CompetencyIndicatorsTable {
  competency_id: string;
  level: number;
  position: number;
  text_vi: string;
  text_en: string;
}

export interface FrameworkTables {
  frameworks: FrameworksTable;
  framework_versions: FrameworkVersionsTable;
  framework_levels: FrameworkLevelsTable;
  competency_groups: CompetencyGroupsTable;
  competencies: CompetenciesTable;
  competency_indicators: CompetencyIndicatorsTable;
  framework_associations: FrameworkAssociationsTable;
}

// The module adds its tables to the one Kysely schema itself (declaration
// merging), so the platform, which owns `Database`, names no module.
declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends FrameworkTables {}
}
