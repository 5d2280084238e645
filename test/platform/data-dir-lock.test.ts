import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/engine.js';
import { acquireDataDirLock } from '../../src/platform/db/data-dir-lock.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nangluc-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('one owner per embedded data directory', () => {
  it('refuses a second opener while the first holds the directory, and frees it on close', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toMatchObject({ code: 'data_dir_locked' });
    await first.close();
    const again = await openDatabase({ kind: 'pglite', dataDir });
    await again.close();
    // Two fresh embedded clusters (initdb each): seconds when idle, more than the default 30 s on a loaded machine.
  }, 120_000);

  it('takes over a lock left by a process that no longer exists', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'nangluc.lock'), '999999999');
    const release = acquireDataDirLock(dataDir);
    // The lock now names this process (a JSON record with pid, boot and start time since issue 12).
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'nangluc.lock'), 'utf8'))).toMatchObject({ app: 'nangluc', pid: process.pid });
    release();
  });

  it('a second server on the same data directory refuses to start with a clear message', () => {
    const dataDir = tempDir();
    const release = acquireDataDirLock(dataDir); // this test process plays the running server
    try {
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('The data directory is in use by another NangLuc process');
      expect(second.stderr).toContain(`pid ${process.pid}`);
    } finally {
      release();
    }
  });
});
