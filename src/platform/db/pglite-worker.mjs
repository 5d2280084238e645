// Runs the embedded PostgreSQL (PGlite) in its own thread and serves it over a
// Unix socket, so the HTTP thread stays free while a query runs and the app
// talks to it with the same pg driver as to a PostgreSQL server.
// Plain JavaScript on purpose: a worker must start without a TypeScript loader
// (under the test runner as well as under tsx).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, socketPath } = workerData;
let db;
let server;

async function start() {
  db = await PGlite.create(dataDir ? { dataDir } : {});
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 });
  await server.start();
  parentPort.postMessage({ type: 'ready' });
}

parentPort.on('message', async (msg) => {
  if (msg?.type !== 'stop') return;
  try {
    await server?.stop();
    await db?.close();
  } finally {
    parentPort.postMessage({ type: 'stopped' });
  }
});

start().catch((err) => {
  parentPort.postMessage({ type: 'error', message: String(err?.stack ?? err) });
});
