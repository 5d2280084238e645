import { sql, type Kysely } from 'kysely';

// Issue 16, item 5 (performance): every completion and consolidation moves roll-up rows by UPDATE. With full
// pages each new row version went to another page, so after the bench's year of training the country's 1,920
// rows lay on 4,019 pages behind 23,188 index entries (EXPLAIN: 4,082 buffers read, 164 ms, where 90 buffers
// and 1–23 ms do). Half-empty pages let PostgreSQL keep each update on its page (a HOT update: no new index
// entry, dead versions pruned in place), and the table is rewritten in key order so each scope's rows
// (the country's first) are on neighbouring pages from the start. Vacuumed sooner than the default 20 %
// churn, which a table updated on every close reaches often.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE evaluation_effect_rollups SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05)`.execute(
    db,
  );
  await sql`CLUSTER evaluation_effect_rollups USING evaluation_effect_rollups_pkey`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE evaluation_effect_rollups RESET (fillfactor, autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor)`.execute(db);
}
