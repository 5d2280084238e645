import type { ColumnType } from 'kysely';
import type { QualityLevel } from './quality-classification.js';

export interface EvaluationQualityRecordsTable {
  person_id: string;
  year: number;
  agency_id: string;
  basis: 'decree_335_2025' | 'decree_90_2020';
  /** [{ period, general, tasks }] as JSON. */
  periods: ColumnType<unknown, string | undefined, string>;
  score: ColumnType<number | null, number | null | undefined, number | null>;
  disqualified: ColumnType<boolean, boolean | undefined, boolean>;
  disqualifying_reason: ColumnType<string, string | undefined, string>;
  level: QualityLevel;
  recorded_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface EvaluationQualityYearsTable {
  agency_id: string;
  year: number;
  finalized_by: string | null;
  finalized_at: ColumnType<Date, Date | undefined, never>;
}

export interface EvaluationTables {
  evaluation_quality_records: EvaluationQualityRecordsTable;
  evaluation_quality_years: EvaluationQualityYearsTable;
}

declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends EvaluationTables {}
}
