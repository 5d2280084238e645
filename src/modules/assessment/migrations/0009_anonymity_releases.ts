import { sql, type Kysely } from 'kysely';

// Issue 12, defect 4: every anonymous aggregate (peers, subordinates, pooled
// colleagues) a consolidation released, with its raters and a fingerprint of
// their ratings, so that a later version shows that group again only when it
// is exactly the same (see docs/ANONYMITY.md and releasableGroups()).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE assessment_anonymity_releases (
      cycle_id uuid NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES people(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      source text NOT NULL CHECK (source IN ('peer', 'subordinate', 'colleagues')),
      -- Assignment ids of the raters in the aggregate.
      members jsonb NOT NULL,
      -- md5 of the sorted "assignmentId:competencyId:level" strings; 'legacy:…' never matches.
      fingerprint text NOT NULL,
      version int NOT NULL,
      released_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (cycle_id, person_id, fingerprint)
    )`.execute(db);

  // Results consolidated before this table showed anonymous groups whose exact
  // raters were not recorded. Record, for every person with such a group, every
  // rater assigned to its sources with a fingerprint that matches nothing: a
  // later version hides those groups rather than risk being differenced
  // against the earlier ones.
  await sql`
    INSERT INTO assessment_anonymity_releases (cycle_id, person_id, agency_id, source, members, fingerprint, version)
    SELECT g.cycle_id, g.person_id, g.agency_id, g.source,
      (SELECT COALESCE(jsonb_agg(x.id::text), '[]'::jsonb) FROM assessment_assignments x
       WHERE x.cycle_id = g.cycle_id AND x.subject_id = g.person_id
         AND x.source = ANY(CASE g.source WHEN 'colleagues' THEN ARRAY['peer', 'subordinate'] ELSE ARRAY[g.source] END)),
      'legacy:' || g.source, g.version
    FROM (
      SELECT r.cycle_id, r.person_id, max(r.agency_id::text)::uuid AS agency_id, e.value->>'source' AS source, max(r.version) AS version
      FROM (SELECT cycle_id, person_id, agency_id, version, source_groups FROM assessment_results
            UNION ALL SELECT cycle_id, person_id, agency_id, version, source_groups FROM assessment_results_history) r
        CROSS JOIN LATERAL jsonb_array_elements(r.source_groups) e
      WHERE e.value->>'source' IN ('peer', 'subordinate', 'colleagues')
      GROUP BY r.cycle_id, r.person_id, e.value->>'source'
    ) g`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE assessment_anonymity_releases`.execute(db);
}
