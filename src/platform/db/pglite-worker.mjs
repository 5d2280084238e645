// Runs the embedded PostgreSQL (PGlite) in its own thread and serves it over a
// Unix socket, so the HTTP thread stays free while a query runs and the app
// talks to it with the same pg driver as to a PostgreSQL server.
// Plain JavaScript on purpose: a worker must start without a TypeScript loader
// (under the test runner as well as under tsx).
import { readFile, writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, loadDataDir, socketPath } = workerData;
let db;
let server;

async function start() {
  // loadDataDir: a tarball of a data directory (dumpDataDir) to start from
  // instead of running initdb, which costs the embedded engine seconds.
  const initial = loadDataDir ? { loadDataDir: new Blob([await readFile(loadDataDir)]) } : {};
  db = await PGlite.create(dataDir ? { dataDir } : initial);
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 });
  await server.start();
  parentPort.postMessage({ type: 'ready' });
}

parentPort.on('message', async (msg) => {
  if (msg?.type === 'dump') return dump(msg.file);
  if (msg?.type !== 'stop') return;
  try {
    await server?.stop();
    await db?.close();
  } finally {
    parentPort.postMessage({ type: 'stopped' });
  }
});

/** Writes the data directory as an uncompressed tarball, for a later start with loadDataDir. */
async function dump(file) {
  try {
    const tarball = await db.dumpDataDir('none');
    await writeFile(file, Buffer.from(await tarball.arrayBuffer()));
    parentPort.postMessage({ type: 'dumped' });
  } catch (err) {
    parentPort.postMessage({ type: 'dump-failed', message: String(err?.stack ?? err) });
  }
}

start().catch((err) => {
  parentPort.postMessage({ type: 'error', message: String(err?.stack ?? err) });
});
