import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type OpenDatabase } from '../src/platform/db/engine.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { migrations } from '../src/modules/registry.js';
import { buildNationalDataset, NATIONAL_SCALE } from '../src/dataset/national-dataset.js';
import { buildNationalResults } from '../src/dataset/national-results.js';
import type { BenchContext } from './support.js';

export interface BenchDataset extends OpenDatabase {
  people: number;
  ratings: number;
  results: number;
  cycleIds: string[];
  /** "250,000 people, 7.5 M results, 37 M ratings" */
  label: string;
}

/**
 * The synthetic data set the benchmarks run on, built once per size and kept:
 * a database `nangluc_bench_<N>` on the server, or `data/bench-<N>` for the
 * embedded engine. `BENCH_PEOPLE` sets N (default 20,000; the national scale
 * of issue 7 is 250,000: `BENCH_PEOPLE=250000 npm run bench`).
 *
 * `resultsInSql`: the set without ratings, its results generated in SQL
 * (buildNationalResults), kept apart (`nangluc_bench_<N>_sql`,
 * `data/bench-<N>-sql`): only for a benchmark that reads consolidated results
 * and nothing made from the ratings (no needs summaries, no rater data).
 */
export async function openBenchDataset(context: BenchContext, options: { resultsInSql?: boolean } = {}): Promise<BenchDataset> {
  const people = Number(process.env.BENCH_PEOPLE ?? 20_000);
  const suffix = options.resultsInSql ? '_sql' : '';
  let database: OpenDatabase;
  if (context.serverUrl) {
    const name = `nangluc_bench_${people}${suffix}`;
    const admin = new pg.Client({ connectionString: context.serverUrl });
    await admin.connect();
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
    if (!exists) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(context.serverUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: 'postgres', url: url.toString() });
  } else {
    const dataDir = path.resolve('data', `bench-${people}${suffix.replace('_', '-')}`);
    fs.mkdirSync(dataDir, { recursive: true });
    database = await openDatabase({ kind: 'pglite', dataDir });
  }
  await migrateToLatest(database.db, migrations);
  const { rows: built } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM assessment_results`.execute(database.db);
  if (built[0]!.n === 0) {
    const how = options.resultsInSql ? ', results generated in SQL' : '';
    process.stderr.write(`building the benchmark data set (${people.toLocaleString('en')} people${how}) on ${database.engine}; kept for later runs…\n`);
    const build = options.resultsInSql ? buildNationalResults : buildNationalDataset;
    await build(database.db, { ...NATIONAL_SCALE, people, log: (line) => process.stderr.write(`  ${line}\n`) });
  }
  const { rows } = await sql<{ people: number; ratings: number; results: number }>`
    SELECT (SELECT count(*) FROM people)::int AS people, (SELECT count(*) FROM assessment_ratings)::int AS ratings,
           (SELECT count(*) FROM assessment_results)::int AS results`.execute(database.db);
  const { rows: cycles } = await sql<{ id: string }>`
    SELECT id FROM assessment_cycles c
    WHERE ${options.resultsInSql ? sql`EXISTS (SELECT 1 FROM assessment_results r WHERE r.cycle_id = c.id)` : sql`id IN (SELECT DISTINCT cycle_id FROM needs_summary_people)`}
    ORDER BY opens_on`.execute(database.db);
  const counts = rows[0]!;
  const m = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : n.toLocaleString('en'));
  return {
    ...database,
    ...counts,
    cycleIds: cycles.map((c) => c.id),
    label: `${m(counts.people)} people, ${m(counts.results)} results${options.resultsInSql ? ' (generated in SQL)' : ''}, ${m(counts.ratings)} ratings, ${cycles.length} cycles`,
  };
}
