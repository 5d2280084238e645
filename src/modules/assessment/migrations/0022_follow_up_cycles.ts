import { sql, type Kysely } from 'kysely';

/** A third kind of cycle: the follow-up some months after a training (evaluation), on the trained competencies only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE assessment_cycles DROP CONSTRAINT assessment_cycles_kind_check`.execute(db);
  await sql`ALTER TABLE assessment_cycles ADD CONSTRAINT assessment_cycles_kind_check CHECK (kind IN ('periodic', 'ad_hoc', 'follow_up'))`.execute(db);
}
