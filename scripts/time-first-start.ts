// Times a first start of the server on the embedded engine with the demo (docs/PERFORMANCE.md):
// `npx tsx scripts/time-first-start.ts [DATA_DIR]` removes DATA_DIR, starts, prints the seconds to listening, stops.
import fs from 'node:fs';
import { startServer } from '../src/server.js';

const dataDir = process.argv[2] ?? './data-first-start';
fs.rmSync(dataDir, { recursive: true, force: true });
const t0 = performance.now();
const server = await startServer({ port: 0, dataDir, seedDemo: true });
const seconds = (performance.now() - t0) / 1000;
console.log(`first start with the demo on the embedded engine: ${seconds.toFixed(1)} s (${server.url})`);
await server.close();
fs.rmSync(dataDir, { recursive: true, force: true });
