import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/platform/db/engine.js';

/** Bytes of WAL written since the last checkpoint's redo point: what a crash would replay and what cannot be recycled yet. */
const walSinceCheckpoint = async (db: Db) =>
  (await sql<{ bytes: number }>`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::float8 AS bytes FROM pg_control_checkpoint()`.execute(db)).rows[0]!
    .bytes;

describe('the embedded engine recycles its write-ahead log', () => {
  it('checkpoints by itself, between transactions, so the WAL since the last checkpoint stays small', async () => {
    const database = await openDatabase({ kind: 'pglite', checkpointEveryMs: 300 });
    try {
      await database.db.transaction().execute(async (trx) => {
        await sql`CREATE TABLE filler (id int, pad text)`.execute(trx);
        await sql`INSERT INTO filler SELECT g, repeat('x', 900) FROM generate_series(1, 50000) g`.execute(trx);
        // Checkpoints wait for the connection: none lands inside this transaction.
        await new Promise((resolve) => setTimeout(resolve, 700));
        expect(await walSinceCheckpoint(trx)).toBeGreaterThan(40_000_000);
      });
      await expect.poll(() => walSinceCheckpoint(database.db), { timeout: 10_000, interval: 200 }).toBeLessThan(1_000_000);
    } finally {
      await database.close();
    }
    // Writing 45 MB through WebAssembly PostgreSQL: seconds when idle, more than the default 30 s on a loaded machine.
  }, 120_000);
});
