import { sql, type Kysely } from 'kysely';

// A result records the role category its person held when consolidated, as it
// already records the agency and position: the training-needs summaries change
// by per-person deltas (subtract the previous result, add the new one), which
// stay exact only if the previous result says where it was counted.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['assessment_results', 'assessment_results_history']) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN role_category text`.execute(db);
    // Results consolidated before this column: their person's category today,
    // which is what the summaries counted them under until now.
    await sql`UPDATE ${sql.table(table)} r SET role_category = p.role_category FROM people p WHERE p.id = r.person_id AND p.role_category IS NOT NULL`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['assessment_results', 'assessment_results_history']) {
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN role_category`.execute(db);
  }
}
