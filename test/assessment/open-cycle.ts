import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/engine.js';

/**
 * A running cycle made from the newest demo cycle (seedDemoAssessments): the
 * same subjects and raters, every form still to fill. `closesOn` in the past
 * makes it a cycle HR should have closed; `agencyId` hands it to that agency's HR.
 */
export async function openCycleFromNewest(db: Db, options: { opensOn: string; closesOn: string; name?: string; agencyId?: string }): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    WITH source AS (SELECT * FROM assessment_cycles WHERE kind <> 'follow_up' ORDER BY opens_on DESC LIMIT 1),
    cycle AS (
      INSERT INTO assessment_cycles (agency_id, name, name_en, kind, year, scope, opens_on, closes_on, framework_version_id, weights,
        min_peers, anonymity_threshold, gap_threshold, status, created_by)
      SELECT coalesce(${options.agencyId ?? null}::uuid, agency_id), ${options.name ?? 'Đợt đánh giá đang chạy'}, 'Running cycle', kind, year + 1, scope, ${options.opensOn}, ${options.closesOn},
        framework_version_id, weights, min_peers, anonymity_threshold, gap_threshold, 'open', created_by
      FROM source RETURNING id)
    SELECT id FROM cycle`.execute(db);
  const cycleId = rows[0]!.id;
  await sql`
    INSERT INTO assessment_subjects (cycle_id, person_id, agency_id, position_id, competency_ids)
    SELECT ${cycleId}, s.person_id, s.agency_id, s.position_id, s.competency_ids FROM assessment_subjects s
    WHERE s.cycle_id = (SELECT id FROM assessment_cycles WHERE kind <> 'follow_up' AND id <> ${cycleId} ORDER BY opens_on DESC LIMIT 1)`.execute(db);
  await sql`
    INSERT INTO assessment_assignments (cycle_id, subject_id, agency_id, source, rater_person_id, rater_user_id, status)
    SELECT ${cycleId}, x.subject_id, x.agency_id, x.source, x.rater_person_id, x.rater_user_id, 'pending' FROM assessment_assignments x
    WHERE x.cycle_id = (SELECT id FROM assessment_cycles WHERE kind <> 'follow_up' AND id <> ${cycleId} ORDER BY opens_on DESC LIMIT 1)`.execute(db);
  return cycleId;
}
