import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** Rows a statement: the unnest insert takes one array parameter a column, whatever the count. */
export const CHUNK = 5000;

/** One consolidated result, as assessment_results stores it (without the cycle and time, set by insertResults). */
export interface ResultRow {
  person_id: string;
  competency_id: string;
  agency_id: string;
  position_id: string | null;
  role_category: string | null;
  assessed_level: number;
  required_level: number | null;
  criticality: number | null;
  spread: number;
  source_count: number;
  self_level: number | null;
  others_level: number | null;
  flag: string | null;
  source_groups: string;
  version: number;
}

/**
 * Before a new version of some people's results: their current results move to
 * the history table (the needs summaries subtract them from there) and each
 * person's version number so far is returned (none: first consolidation).
 */
export async function archiveResults(trx: Kysely<Database>, cycleId: string, personIds: readonly string[]): Promise<Map<string, number>> {
  const { rows: versions } = await sql<{ person_id: string; version: number }>`
    SELECT person_id, max(version)::int AS version FROM assessment_results
    WHERE cycle_id = ${cycleId} AND person_id = ANY(${personIds}::uuid[]) GROUP BY person_id`.execute(trx);
  await sql`
    INSERT INTO assessment_results_history (cycle_id, person_id, competency_id, agency_id, position_id, role_category, assessed_level, required_level,
      criticality, spread, source_count, self_level, others_level, flag, source_groups, version, consolidated_at)
    SELECT cycle_id, person_id, competency_id, agency_id, position_id, role_category, assessed_level, required_level,
      criticality, spread, source_count, self_level, others_level, flag, source_groups, version, consolidated_at
    FROM assessment_results WHERE cycle_id = ${cycleId} AND person_id = ANY(${personIds}::uuid[])`.execute(trx);
  await sql`DELETE FROM assessment_results WHERE cycle_id = ${cycleId} AND person_id = ANY(${personIds}::uuid[])`.execute(trx);
  return new Map(versions.map((v) => [v.person_id, v.version]));
}

/** The new version's results, in chunks. */
export async function insertResults(trx: Kysely<Database>, cycleId: string, rows: readonly ResultRow[], at: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const column = <K extends keyof ResultRow>(key: K) => chunk.map((r) => r[key]);
    // Column arrays through unnest: 17 parameters a chunk instead of 17 per row.
    await sql`
      INSERT INTO assessment_results (cycle_id, person_id, competency_id, agency_id, position_id, role_category, assessed_level, required_level,
        criticality, spread, source_count, self_level, others_level, flag, source_groups, version, consolidated_at)
      SELECT ${cycleId}, * , ${at} FROM unnest(
        ${column('person_id')}::uuid[], ${column('competency_id')}::uuid[], ${column('agency_id')}::uuid[], ${column('position_id')}::uuid[],
        ${column('role_category')}::text[], ${column('assessed_level')}::numeric[], ${column('required_level')}::smallint[], ${column('criticality')}::smallint[],
        ${column('spread')}::numeric[], ${column('source_count')}::int[], ${column('self_level')}::numeric[], ${column('others_level')}::numeric[],
        ${column('flag')}::text[], ${column('source_groups')}::jsonb[], ${column('version')}::int[])`.execute(trx);
  }
}
