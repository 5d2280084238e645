import { createScratchDatabase as createScratch } from '../test/support/test-database.js';
import autocannon from 'autocannon';

/** One measured figure, with the data size it ran on. */
export interface BenchResult {
  name: string;
  engine: 'pglite' | 'postgres';
  dataSize: string;
  medianMs?: number;
  p95Ms?: number;
  p99Ms?: number;
  throughputPerS?: number;
  target?: string;
  note?: string;
}

export interface BenchContext {
  engine: 'pglite' | 'postgres';
  /** The server chosen by DATABASE_URL, or undefined for the embedded engine. */
  serverUrl: string | undefined;
}

export interface Benchmark {
  name: string;
  run(context: BenchContext): Promise<BenchResult[]>;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

/** Run `work` n times (after one warm-up) and return the sorted durations in ms. */
export async function timeRuns(n: number, work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** A fresh database on the bench's server, dropped by the returned function. */
export const createScratchDatabase = (serverUrl: string) => createScratch(serverUrl, 'nangluc_bench');

/** Sustained HTTP load on loopback with autocannon; latencies in ms. */
export async function loadTest(options: autocannon.Options): Promise<{ p50: number; p99: number; perSecond: number; errors: number; non2xx: number }> {
  const result = await autocannon({ duration: 5, connections: 10, ...options });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    perSecond: result.requests.average,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
