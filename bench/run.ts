// `npm run bench`: every benchmark on the engine chosen by DATABASE_URL; prints
// a table and writes JSON to bench/results/. `npm run bench -- platform` runs one.
import fs from 'node:fs';
import os from 'node:os';
import type { Benchmark, BenchResult } from './support.js';
import { platformBenchmark } from './platform.bench.js';
import { needsBenchmark } from './needs.bench.js';
import { assessmentBenchmark } from './assessment.bench.js';
import { staffImportBenchmark } from './staff-import.bench.js';
import { trainingBenchmark } from './training.bench.js';
import { credentialsBenchmark } from './credentials.bench.js';
import { planningBenchmark } from './planning.bench.js';
import { evaluationBenchmark } from './evaluation.bench.js';
import { recruitmentBenchmark } from './recruitment.bench.js';
import { promotionBenchmark } from './promotion.bench.js';

/** Every benchmark named in the issues; a module adds its own here. */
const benchmarks: Benchmark[] = [
  platformBenchmark,
  staffImportBenchmark,
  assessmentBenchmark,
  needsBenchmark,
  trainingBenchmark,
  credentialsBenchmark,
  planningBenchmark,
  evaluationBenchmark,
  recruitmentBenchmark,
  promotionBenchmark,
];

const serverUrl = process.env.DATABASE_URL || undefined;
const engine = serverUrl ? 'postgres' : 'pglite';
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = only.length ? benchmarks.filter((b) => only.includes(b.name)) : benchmarks;

const results: BenchResult[] = [];
for (const benchmark of selected) {
  process.stderr.write(`running ${benchmark.name} on ${engine}…\n`);
  results.push(...(await benchmark.run({ engine, serverUrl })));
}

const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '' : n.toFixed(digits));
console.log(`\nNangLuc benchmarks — engine ${engine}, ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}\n`);
console.log('| benchmark | data size | median ms | p95 ms | p99 ms | per second | target | note |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.dataSize} | ${fmt(r.medianMs)} | ${fmt(r.p95Ms)} | ${fmt(r.p99Ms)} | ${fmt(r.throughputPerS, 0)} | ${r.target ?? ''} | ${r.note ?? ''} |`,
  );
}
fs.mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}-${engine}.json`;
fs.writeFileSync(file, JSON.stringify({ engine, at: new Date().toISOString(), node: process.version, cores: os.cpus().length, results }, null, 2));
console.log(`\nwritten ${file}`);
process.exit(0);
