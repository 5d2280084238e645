import type { ColumnType } from 'kysely';
import type { Shortfall } from './fit-score.js';

type Json<T> = ColumnType<T, string, string>;

/** Migration 0042: an application's standing against its position's profile (standings.service.ts). */
interface RecruitmentStandingsTable {
  application_id: string;
  campaign_id: string;
  basis: string;
  fit: number;
  digital_fit: number;
  /** Heaviest stage first (ranking.ts rankedStages). */
  stage_fits: Json<Array<{ stageId: string; fit: number }>>;
  /** [competencyId, combined level] in the profile's order. */
  levels: Json<Array<[string, number]>>;
  shortfalls: Json<Shortfall[]>;
  disagreements: number;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

interface RecruitmentStandingsTables {
  recruitment_standings: RecruitmentStandingsTable;
}

declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends RecruitmentStandingsTables {}
}
