import type { ColumnType, Generated } from 'kysely';
import type { PromotionRules } from './eligibility.js';
import type { StandingExplanation } from './standing.js';

export const ROUND_STATUSES = ['draft', 'shortlisted', 'decided'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export interface PromotionRoundsTable {
  id: Generated<string>;
  agency_id: string;
  position_id: string;
  title: string;
  status: Generated<RoundStatus>;
  rules: ColumnType<PromotionRules, string, string>;
  as_of: ColumnType<string | null, string | null | undefined, string | null>;
  shortlisted_at: Date | null;
  decision_reasons: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface PromotionStandingsTable {
  round_id: string;
  person_id: string;
  eligible: boolean;
  rank: number | null;
  fit: ColumnType<number | null, number | null, number | null>;
  explanation: ColumnType<StandingExplanation, string, string>;
  chosen: Generated<boolean>;
}

export interface PromotionTables {
  recruitment_promotion_rounds: PromotionRoundsTable;
  recruitment_promotion_standings: PromotionStandingsTable;
}

declare module '../../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends PromotionTables {}
}
