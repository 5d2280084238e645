import { sql, type Kysely } from 'kysely';

// Issue 17, item 5 (r17d): each person's current levels packed on their row of recruitment_current_cycles — the
// list of competencies (`<id>,…`, by id), the levels in that order (`3.50,…`) and the list's md5 as its key
// (promotion/packed-levels.ts) — instead of a row a competency in recruitment_current_levels: the shortlist of a
// province read 569,580 rows and folded them with json_object_agg, 80 % of its time; it now reads one short row a
// person and each distinct list once. recruitment_current_levels had no other reader: dropped.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Emptied and filled again rather than updated in place: no dead row a person left for the shortlist's scan.
  await sql`TRUNCATE recruitment_current_cycles`.execute(db);
  await sql`
    ALTER TABLE recruitment_current_cycles
      ADD COLUMN competency_ids text NOT NULL,
      ADD COLUMN levels text NOT NULL,
      ADD COLUMN competency_key uuid NOT NULL`.execute(db);
  await sql`DROP TABLE recruitment_current_levels`.execute(db);
  // The rule of promotion/current-levels.ts, written out (a migration keeps its own copy).
  await sql`
    INSERT INTO recruitment_current_cycles (person_id, cycle_id, competency_ids, levels, competency_key)
    SELECT person_id, cycle_id, ids, levels, md5(ids)::uuid FROM (
      SELECT l.person_id, l.cycle_id, string_agg(r.competency_id::text, ',' ORDER BY r.competency_id) AS ids,
             string_agg(r.assessed_level::text, ',' ORDER BY r.competency_id) AS levels
      FROM (
        SELECT DISTINCT ON (s.person_id) s.person_id, s.cycle_id
        FROM assessment_subjects s JOIN assessment_cycles c ON c.id = s.cycle_id
        WHERE c.status = 'closed' AND c.kind <> 'follow_up'
          AND EXISTS (SELECT 1 FROM assessment_results r WHERE r.cycle_id = s.cycle_id AND r.person_id = s.person_id)
        ORDER BY s.person_id, c.opens_on DESC, c.id) l
      JOIN assessment_results r ON r.person_id = l.person_id AND r.cycle_id = l.cycle_id
      GROUP BY l.person_id, l.cycle_id) packed`.execute(db);
  // Statistics now: the table was emptied and filled again, and the shortlist's plan depends on its size.
  await sql`ANALYZE recruitment_current_cycles`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE recruitment_current_levels (
      person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      competency_id uuid NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
      cycle_id uuid NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
      assessed_level numeric NOT NULL,
      PRIMARY KEY (competency_id, person_id)
    )`.execute(db);
  await sql`CREATE INDEX recruitment_current_levels_person ON recruitment_current_levels (person_id)`.execute(db);
  await sql`
    INSERT INTO recruitment_current_levels (person_id, competency_id, cycle_id, assessed_level)
    SELECT r.person_id, r.competency_id, r.cycle_id, r.assessed_level
    FROM assessment_results r JOIN recruitment_current_cycles l ON l.person_id = r.person_id AND l.cycle_id = r.cycle_id`.execute(db);
  await sql`ALTER TABLE recruitment_current_cycles DROP COLUMN competency_ids, DROP COLUMN levels, DROP COLUMN competency_key`.execute(db);
}
