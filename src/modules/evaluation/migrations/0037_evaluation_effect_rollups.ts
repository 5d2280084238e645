import { sql, type Kysely } from 'kysely';

// Issue 16, item 5 (performance): the effect cells summed per scope a ranking is read for — the whole country
// (the zero uuid), each top agency and each agency one level below it (ministries, provinces) — moved by the
// same deltas as the cells in the same transaction, so a national ranking reads a few thousand rows instead
// of summing every agency's cells per request. Filled here from the cells already kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evaluation_effect_rollups (
      scope_id uuid NOT NULL,
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
      PRIMARY KEY (scope_id, competency_id, gap_band, role_category, tier, course_id)
    )`.execute(db);
  await sql`
    INSERT INTO evaluation_effect_rollups (scope_id, competency_id, gap_band, role_category, tier, course_id,
                                           n, sum_before, sum_after, sum_change, sum_change_sq)
    SELECT s.scope_id, x.competency_id, x.gap_band, x.role_category, x.tier, x.course_id,
           sum(x.n), sum(x.sum_before), sum(x.sum_after), sum(x.sum_change), sum(x.sum_change_sq)
    FROM evaluation_effect_cells x
    JOIN agencies a ON a.id = x.agency_id
    CROSS JOIN LATERAL (VALUES ('00000000-0000-0000-0000-000000000000'::uuid),
                               (nullif(split_part(a.path, '/', 2), '')::uuid),
                               (nullif(split_part(a.path, '/', 3), '')::uuid)) s(scope_id)
    WHERE s.scope_id IS NOT NULL
    GROUP BY s.scope_id, x.competency_id, x.gap_band, x.role_category, x.tier, x.course_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS evaluation_effect_rollups`.execute(db);
}
