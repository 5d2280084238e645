// Times a first start of the server on the embedded engine with the demo (docs/PERFORMANCE.md):
// `npx tsx scripts/time-first-start.ts [DATA_DIR]` removes DATA_DIR, starts, prints the seconds to listening, stops.
import fs from 'node:fs';
import { startServer } from '../src/server.js';

const dataDir = process.argv[2] ?? './data-first-start';
fs.rmSync(dataDir, { recursive: true, force: true });
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const server = await startServer({ port: 0, dataDir, seedDemo: true });
const seconds = (performance.now() - t0) / 1000;
// The embedded engine runs in this process: its CPU time is the start's own work, whatever else loads the machine.
const cpu = process.cpuUsage(cpu0);
console.log(
  `first start with the demo on the embedded engine: ${seconds.toFixed(1)} s elapsed, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (${server.url})`,
);
await server.close();
fs.rmSync(dataDir, { recursive: true, force: true });
