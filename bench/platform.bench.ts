import { startServer } from '../src/server.js';
import { createScratchDatabase, loadTest, timeRuns, type Benchmark } from './support.js';

/** Start-up (open, migrate, seed demo, listen) and a health call under load. */
export const platformBenchmark: Benchmark = {
  name: 'platform',
  async run({ engine, serverUrl }) {
    const startOnce = async () => {
      const scratch = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
      const server = await startServer({ databaseUrl: scratch?.url, port: 0, seedDemo: true, webRoot: '/nonexistent' });
      await server.close();
      await scratch?.drop();
    };
    const startup = await timeRuns(3, startOnce);

    const scratch = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
    const server = await startServer({ databaseUrl: scratch?.url, port: 0, seedDemo: true, webRoot: '/nonexistent' });
    try {
      const health = await loadTest({ url: `${server.url}/api/health` });
      return [
        {
          name: 'start-up (migrate + demo + listen)',
          engine,
          dataSize: 'empty database + demo (9 accounts)',
          medianMs: startup[1],
          note: `3 runs: ${startup.map((t) => t.toFixed(0)).join(', ')} ms`,
        },
        {
          name: 'GET /api/health (10 connections, 5 s)',
          engine,
          dataSize: 'demo',
          medianMs: health.p50,
          p99Ms: health.p99,
          throughputPerS: health.perSecond,
          note: health.errors + health.non2xx > 0 ? `${health.errors} errors, ${health.non2xx} non-2xx` : undefined,
        },
      ];
    } finally {
      await server.close();
      await scratch?.drop();
    }
  },
};
