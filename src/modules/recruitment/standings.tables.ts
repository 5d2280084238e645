import type { ColumnType } from 'kysely';

/** Migration 0042: an application's standing against its position's profile (standings.service.ts). */
interface RecruitmentStandingsTable {
  application_id: string;
  campaign_id: string;
  basis: string;
  fit: number;
  digital_fit: number;
  /** The stage fits, heaviest stage first (ranking.ts rankedStages), comma-separated. */
  stage_fits: string;
  /** `competency:level` comma-separated in the levels' order; the competency by its index in the profile (else its id). */
  levels: string;
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

// Migration 0043: the citizen identity number on the register and on a candidate (register-match.service.ts).
declare module '../people/people.tables.js' {
  interface PeopleTable {
    identity_number: ColumnType<string | null, string | null | undefined, string | null>;
  }
}
declare module './recruitment.tables.js' {
  interface RecruitmentCandidatesTable {
    identity_number: ColumnType<string | null, string | null | undefined, string | null>;
  }
}
