/**
 * Runs the HiGHS solves of one plan in a worker thread with a watchdog
 * (issue 15: with presolve on, HiGHS was measured ignoring its own time limit
 * for 390 s). Past the limit, or when cancelled, the worker is first asked to
 * stop (HiGHS's interrupt callback), then terminated; the LP relaxation and
 * the last incumbent it posted are kept either way.
 */
import { Worker } from 'node:worker_threads';
import type { MatrixArrays } from './plan-matrix.js';

export interface HighsProgress {
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
}

export interface LpRelaxation {
  status: string;
  /** The relaxation's optimum: an upper bound on every plan. */
  objective: number | null;
  /** Candidate values, for the rounding-and-repair fallback. */
  values: Float64Array | null;
  /** The budget row's dual: benefit per dong of more budget. */
  budgetDual: number | null;
}

export interface MipRun {
  status: string;
  objective: number | null;
  bound: number | null;
  /** Candidate indices set to 1. */
  chosen: number[];
}

export interface HighsRun {
  lp: LpRelaxation | null;
  mip: MipRun | null;
  /** The watchdog or the caller stopped it. */
  stopped: 'time' | 'cancelled' | null;
}

interface RunOptions {
  mip: boolean;
  candidateCount: number;
  timeLimitSeconds: number;
  relGap?: number;
  onProgress?: (progress: HighsProgress & { phase: 'lp' | 'mip' }) => void;
  signal?: AbortSignal;
  /** A feasible column vector to start the MIP from, made from the relaxation (the LP repair). */
  startFrom?: (lp: LpRelaxation) => Float64Array | null;
}

/** After asking HiGHS to stop, how long it may take to answer before the thread is terminated. */
const STOP_GRACE_MS = 2_000;

type WorkerMessage =
  | ({ type: 'lp' } & LpRelaxation)
  | { type: 'incumbent'; objective: number; bound: number; chosen: number[] }
  | { type: 'progress'; incumbent: number; bound: number; gap: number }
  | ({ type: 'mip' } & MipRun)
  | { type: 'done' }
  | { type: 'error'; message: string };

const finite = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 1e30 ? n : null);
const gapOf = (incumbent: number | null, bound: number | null) =>
  incumbent !== null && bound !== null ? Math.abs(bound - incumbent) / Math.max(1e-9, Math.abs(bound)) : null;

export function runHighs(model: MatrixArrays, options: RunOptions): Promise<HighsRun> {
  const stopFlag = new SharedArrayBuffer(4);
  const stop = new Int32Array(stopFlag);
  const worker = new Worker(new URL('./highs-worker.mjs', import.meta.url), {
    workerData: {
      model,
      mip: options.mip,
      timeLimitSeconds: options.timeLimitSeconds,
      relGap: options.relGap ?? 0.01,
      stopFlag,
      count: options.candidateCount,
    },
  });
  const run: HighsRun = { lp: null, mip: null, stopped: null };
  let incumbent: MipRun | null = null;
  return new Promise<HighsRun>((resolve, reject) => {
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (error) reject(error);
      else resolve({ ...run, mip: run.mip ?? incumbent });
    };
    const askToStop = (why: 'time' | 'cancelled') => {
      run.stopped ??= why;
      Atomics.store(stop, 0, 1);
      // HiGHS did not answer its interrupt in time: keep what it posted last.
      killTimer ??= setTimeout(() => finish(), STOP_GRACE_MS);
    };
    const onAbort = () => askToStop('cancelled');
    const watchdog = setTimeout(() => askToStop('time'), options.timeLimitSeconds * 1000 + 1_000);
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'lp': {
          const { type: _type, ...lpRun } = message;
          run.lp = { ...lpRun, objective: finite(lpRun.objective) };
          options.onProgress?.({ phase: 'lp', incumbent: null, bound: run.lp.objective, gap: null });
          if (options.mip) worker.postMessage({ colValue: options.startFrom?.(run.lp) ?? null });
          break;
        }
        case 'incumbent': {
          const bound = finite(message.bound);
          incumbent = { status: 'incumbent', objective: message.objective, bound, chosen: message.chosen };
          options.onProgress?.({ phase: 'mip', incumbent: message.objective, bound, gap: gapOf(message.objective, bound) });
          break;
        }
        case 'progress':
          options.onProgress?.({ phase: 'mip', incumbent: finite(message.incumbent), bound: finite(message.bound), gap: finite(message.gap) });
          break;
        case 'mip': {
          const { type: _type, ...mipRun } = message;
          run.mip = {
            ...mipRun,
            objective: finite(mipRun.objective),
            bound: finite(mipRun.bound),
            chosen: mipRun.chosen.length > 0 || !incumbent ? mipRun.chosen : incumbent.chosen,
          };
          break;
        }
        case 'done':
          finish();
          break;
        case 'error':
          finish(new Error(`HiGHS: ${message.message}`));
      }
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) => finish(new Error(`HiGHS worker exited with code ${code}`)));
  });
}
