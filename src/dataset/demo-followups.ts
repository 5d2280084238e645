import { sql } from 'kysely';
import type { Db } from '../platform/db/engine.js';
import { consolidateCycle } from '../modules/assessment/consolidate.service.js';
import { runFollowups } from '../modules/evaluation/followups.service.js';
import { nationalAdmin } from './national-dataset.js';

/**
 * The demo's follow-ups after its 2026 sessions (issue 16, item 7): the job's
 * own pass opens every follow-up already due as an ad hoc cycle; each is then
 * dated at its due day, answered and consolidated as if its raters had
 * answered in time. Trainees of the first course (alphabetically by code) are
 * rated one level above their 2025 result, those of the others at their 2025
 * level: one course shows a rise, the others none. With ten demo staff the
 * groups stay under the size needed for a conclusion, and the page says so.
 */
export async function seedDemoFollowups(db: Db): Promise<void> {
  const { opened } = await runFollowups(db);
  if (opened === 0) return;
  const { rows: cycles } = await sql<{ cycle_id: string; due_on: string; rank: number }>`
    SELECT f.cycle_id, min(f.due_on)::text AS due_on,
           (dense_rank() OVER (ORDER BY co.code) - 1)::int AS rank
    FROM evaluation_followups f JOIN training_courses co ON co.id = f.course_id
    WHERE f.status = 'open' GROUP BY f.cycle_id, co.code`.execute(db);
  const admin = await nationalAdmin(db);
  for (const c of cycles) {
    await sql`UPDATE assessment_cycles SET opens_on = ${c.due_on}::date, closes_on = ${c.due_on}::date + 30, status = 'closed' WHERE id = ${c.cycle_id}`.execute(
      db,
    );
    await sql`
      INSERT INTO assessment_ratings (assignment_id, competency_id, agency_id, level)
      SELECT x.id, comp.id::uuid, x.agency_id,
             LEAST(5, GREATEST(1, round(COALESCE(r.assessed_level, 2) + ${c.rank === 0 ? 1 : 0})))::smallint
      FROM assessment_assignments x
      JOIN assessment_subjects s ON s.cycle_id = x.cycle_id AND s.person_id = x.subject_id
      CROSS JOIN LATERAL jsonb_array_elements_text(s.competency_ids) AS comp(id)
      LEFT JOIN LATERAL (
        SELECT ar.assessed_level FROM assessment_results ar JOIN assessment_cycles ac ON ac.id = ar.cycle_id
        WHERE ar.person_id = s.person_id AND ar.competency_id = comp.id::uuid AND ac.year = 2025 LIMIT 1) r ON true
      WHERE x.cycle_id = ${c.cycle_id}`.execute(db);
    await sql`UPDATE assessment_assignments SET status = 'submitted', submitted_at = (${c.due_on}::date + 10)::timestamptz WHERE cycle_id = ${c.cycle_id}`.execute(
      db,
    );
    await consolidateCycle(db, admin, c.cycle_id);
    await db.updateTable('evaluation_followups').set({ status: 'closed' }).where('cycle_id', '=', c.cycle_id).execute();
  }
}
