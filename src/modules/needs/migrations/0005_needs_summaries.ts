import { sql, type Kysely } from 'kysely';

// Pre-aggregated training-needs summaries (DESIGN.md: reports never scan raw
// ratings), updated in the consolidation's transaction (since 0007 by
// per-person deltas; see docs/TRAINING-NEEDS.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  // Finest grain: agency x position x role category x competency.
  await sql`
    CREATE TABLE needs_summary (
      cycle_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      -- Agency path at aggregation time: subtree filters are one prefix match.
      agency_path text NOT NULL,
      position_id uuid,
      role_category text NOT NULL,
      competency_id uuid NOT NULL,
      people int NOT NULL,
      needs int NOT NULL,
      sum_gap numeric NOT NULL,
      sum_weighted_need numeric NOT NULL,
      sum_assessed numeric NOT NULL,
      sum_required numeric NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX needs_summary_cycle_agency ON needs_summary (cycle_id, agency_id)`.execute(db);
  await sql`CREATE INDEX needs_summary_scope ON needs_summary (cycle_id, agency_path text_pattern_ops)`.execute(db);

  // Coarse grain for the national and provincial tables: agency x competency.
  await sql`
    CREATE TABLE needs_summary_agency (
      cycle_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      agency_path text NOT NULL,
      -- The agency's administrative unit when the cycle opened: a 2024 cycle
      -- stays under its 2024 unit and is rolled up into today's through the unit.
      admin_unit_id text,
      -- The unit's province in its own era and in today's geography, copied here
      -- so the national tables need no join with the units.
      province_id text,
      current_province_id text,
      competency_id uuid NOT NULL,
      people int NOT NULL,
      needs int NOT NULL,
      sum_gap numeric NOT NULL,
      sum_weighted_need numeric NOT NULL,
      sum_assessed numeric NOT NULL,
      sum_required numeric NOT NULL,
      PRIMARY KEY (cycle_id, agency_id, competency_id)
    )`.execute(db);
  await sql`CREATE INDEX needs_summary_agency_scope ON needs_summary_agency (cycle_id, agency_path text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX needs_summary_agency_province ON needs_summary_agency (cycle_id, current_province_id)`.execute(db);
  await sql`CREATE INDEX needs_summary_agency_old_province ON needs_summary_agency (cycle_id, province_id)`.execute(db);

  // Coarsest grain, for the national table: province x competency, in both geographies.
  await sql`
    CREATE TABLE needs_summary_province (
      cycle_id uuid NOT NULL,
      geography text NOT NULL CHECK (geography IN ('current', 'historical')),
      province_id text NOT NULL,
      competency_id uuid NOT NULL,
      people int NOT NULL,
      needs int NOT NULL,
      sum_gap numeric NOT NULL,
      sum_weighted_need numeric NOT NULL,
      sum_assessed numeric NOT NULL,
      sum_required numeric NOT NULL,
      PRIMARY KEY (cycle_id, geography, province_id, competency_id)
    )`.execute(db);

  // People-level: how many assessed people meet every requirement of their profile.
  await sql`
    CREATE TABLE needs_summary_people (
      cycle_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      agency_path text NOT NULL,
      people int NOT NULL,
      meeting_profile int NOT NULL,
      PRIMARY KEY (cycle_id, agency_id)
    )`.execute(db);
  await sql`CREATE INDEX needs_summary_people_scope ON needs_summary_people (cycle_id, agency_path text_pattern_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['needs_summary_province', 'needs_summary_people', 'needs_summary_agency', 'needs_summary']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
