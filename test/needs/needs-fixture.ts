import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/engine.js';
import { archiveResults, insertResults as writeResults, type ResultRow } from '../../src/modules/assessment/results.repository.js';
import { emit } from '../../src/modules/events.js';

export interface FixtureResult {
  personId: string;
  staffCode: string;
  agencyCode: string;
  competencyId: string;
  requiredLevel: number;
  assessedLevel: number;
  criticality: number;
}

/** Competencies of the published national framework (seeded with the demo), first `count` in order. */
export async function nationalCompetencies(db: Db, count: number) {
  const { rows } = await sql<{ id: string; code: string; groupCode: string; versionId: string }>`
    SELECT c.id, c.code, g.code AS "groupCode", c.version_id AS "versionId"
    FROM competencies c
    JOIN competency_groups g ON g.id = c.group_id
    JOIN framework_versions v ON v.id = c.version_id
    JOIN frameworks f ON f.id = v.framework_id
    WHERE f.scope = 'national' AND v.status = 'published'
    ORDER BY g.position, c.position
    LIMIT ${count}`.execute(db);
  return rows;
}

/** A national cycle run by the ministry, opened on `opensOn` (closed unless said). */
export async function insertCycle(db: Db, name: string, opensOn: string, versionId: string, status: 'open' | 'closed' = 'closed'): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO assessment_cycles (agency_id, name, kind, year, scope, opens_on, closes_on, framework_version_id, weights, status)
    SELECT a.id, ${name}, 'periodic', ${Number(opensOn.slice(0, 4))}, '{}'::jsonb, ${opensOn}::date, (${opensOn}::date + 30), ${versionId},
           '{"self":20,"leader":40,"peer":20,"subordinate":10,"expert":10,"test":10}'::jsonb, ${status}
    FROM agencies a WHERE a.code = 'BNV'
    RETURNING id`.execute(db);
  return rows[0]!.id;
}

/**
 * Consolidated results for every demo person on the given competencies, with
 * levels from a fixed formula (reproducible) instead of from forms, written by
 * consolidation's own repository functions (the previous version kept in the
 * history table) and announced with its event, so the needs summaries follow
 * through the real handlers.
 */
export async function insertResults(db: Db, cycleId: string, competencies: Array<{ id: string }>, shift = 0): Promise<FixtureResult[]> {
  const people = await db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.staff_code', 'p.position_id', 'p.role_category', 'a.code as agencyCode', 'a.id as agencyId'])
    .orderBy('p.staff_code')
    .execute();
  const personIds = people.map((p) => p.id);
  const results: FixtureResult[] = [];
  await db.transaction().execute(async (trx) => {
    const previousVersions = await archiveResults(trx, cycleId, personIds);
    const rows: ResultRow[] = [];
    for (const [i, person] of people.entries()) {
      for (const [j, competency] of competencies.entries()) {
        const requiredLevel = 3 + ((i + j) % 2);
        const assessedLevel = Math.min(5, Math.max(1, 1.5 + ((i * 7 + j * 3) % 7) * 0.5 + shift));
        const criticality = 1 + ((i + 2 * j) % 3);
        results.push({
          personId: person.id,
          staffCode: person.staff_code,
          agencyCode: person.agencyCode,
          competencyId: competency.id,
          requiredLevel,
          assessedLevel,
          criticality,
        });
        rows.push({
          person_id: person.id,
          competency_id: competency.id,
          agency_id: person.agencyId,
          position_id: person.position_id,
          role_category: person.role_category,
          assessed_level: assessedLevel,
          required_level: requiredLevel,
          criticality,
          spread: 0.5,
          source_count: 4,
          self_level: null,
          others_level: null,
          flag: null,
          source_groups: '[]',
          version: (previousVersions.get(person.id) ?? 0) + 1,
        });
      }
    }
    // Written and announced as a consolidation writes them: the same repository functions and the same event.
    await writeResults(trx, cycleId, rows, new Date());
    await emit(trx, 'assessment.resultsConsolidated', { cycleId, personIds, previousVersions });
  });
  return results;
}
