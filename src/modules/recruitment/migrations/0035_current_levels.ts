import { sql, type Kysely } from 'kysely';

// Issue 17, item 5 (r17p): each person's current assessed levels — the newest closed full cycle they have results
// in, as the gap profile reads them — kept by the consolidation event, so the promotion shortlist of a province
// (20,000 people, ≤ 500 ms) reads two indexed tables instead of choosing every person's cycle from the subjects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE recruitment_current_cycles (
      person_id uuid PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
      cycle_id uuid NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE
    )`.execute(db);
  await sql`
    CREATE TABLE recruitment_current_levels (
      person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      competency_id uuid NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
      cycle_id uuid NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
      assessed_level numeric NOT NULL,
      PRIMARY KEY (competency_id, person_id)
    )`.execute(db);
  await sql`CREATE INDEX recruitment_current_levels_person ON recruitment_current_levels (person_id)`.execute(db);
  // What is there already (the rule of promotion/current-levels.ts, written out: a migration keeps its own copy).
  await sql`
    INSERT INTO recruitment_current_cycles (person_id, cycle_id)
    SELECT DISTINCT ON (s.person_id) s.person_id, s.cycle_id
    FROM assessment_subjects s JOIN assessment_cycles c ON c.id = s.cycle_id
    WHERE c.status = 'closed' AND c.kind <> 'follow_up'
      AND EXISTS (SELECT 1 FROM assessment_results r WHERE r.cycle_id = s.cycle_id AND r.person_id = s.person_id)
    ORDER BY s.person_id, c.opens_on DESC, c.id`.execute(db);
  await sql`
    INSERT INTO recruitment_current_levels (person_id, competency_id, cycle_id, assessed_level)
    SELECT r.person_id, r.competency_id, r.cycle_id, r.assessed_level
    FROM assessment_results r JOIN recruitment_current_cycles l ON l.person_id = r.person_id AND l.cycle_id = r.cycle_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE recruitment_current_levels`.execute(db);
  await sql`DROP TABLE recruitment_current_cycles`.execute(db);
}
