import { CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { Db } from '../src/platform/db/engine.js';

/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of the one statement `work` sends, on `db`
 * (either engine). The statement is caught by running `work` first against a
 * database that only compiles (Kysely's DummyDriver answers no rows), so the
 * repository function is explained exactly as it queries.
 */
export async function explainAnalyze(db: Db, work: (db: Db) => Promise<unknown>): Promise<string> {
  let caught: CompiledQuery | undefined;
  const compiling = new Kysely<never>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      caught = event.query;
    },
  });
  await work(compiling as unknown as Db);
  if (!caught) throw new Error('explainAnalyze: the work sent no statement');
  const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${caught.sql}`, [...caught.parameters]));
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}
