import { sql, type Kysely } from 'kysely';

// Issue 16, item 5: effectiveness kept current as results arrive. Each person's level changes (trained in a
// course, or of the comparison group) are derived from the consolidated results when they are written, and
// summed into cells (agency x competency x stratum x course) that the ranking reads: no request scans ratings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evaluation_effect_observations (
      person_id uuid NOT NULL REFERENCES people(id),
      competency_id uuid NOT NULL,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      -- The course that trained the competency; the zero uuid for a comparison observation (not trained in it).
      course_id uuid NOT NULL,
      before_cycle_id uuid NOT NULL,
      after_cycle_id uuid NOT NULL,
      gap_band smallint NOT NULL,
      role_category text NOT NULL,
      tier text NOT NULL,
      before_level double precision NOT NULL,
      after_level double precision NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX evaluation_effect_observations_person ON evaluation_effect_observations (person_id)`.execute(db);
  await sql`
    CREATE TABLE evaluation_effect_cells (
      agency_id uuid NOT NULL REFERENCES agencies(id),
      competency_id uuid NOT NULL,
      gap_band smallint NOT NULL,
      role_category text NOT NULL,
      tier text NOT NULL,
      course_id uuid NOT NULL,
      n int NOT NULL,
      sum_before double precision NOT NULL,
      sum_after double precision NOT NULL,
      sum_change double precision NOT NULL,
      sum_change_sq double precision NOT NULL,
      PRIMARY KEY (agency_id, competency_id, gap_band, role_category, tier, course_id)
    )`.execute(db);
  await sql`CREATE INDEX evaluation_effect_cells_course ON evaluation_effect_cells (course_id)`.execute(db);
}
