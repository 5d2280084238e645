// The embedded data directory's lock (defect 13 of issue 12): a lock whose pid
// now belongs to another process (pids are reused after a reboot; a
// container's process is pid 1 every time) is stale and taken over with a log
// line; a live NangLuc owner in another process still refuses a second opener.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../src/platform/db/data-dir-lock.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nangluc-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});
const lockFile = (dir: string) => path.join(dir, 'nangluc.lock');
const linux = fs.existsSync('/proc/self/stat');

/** A live process that is not NangLuc, whose pid a stale lock can name. */
async function otherProgram(): Promise<number> {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  await once(child, 'spawn');
  return child.pid!;
}

function takesOver(dir: string): string[] {
  const lines: string[] = [];
  const release = acquireDataDirLock(dir, (line) => lines.push(line));
  expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ app: 'nangluc', pid: process.pid });
  release();
  expect(fs.existsSync(lockFile(dir))).toBe(false);
  return lines;
}

describe('data directory lock: stale owners and live ones', () => {
  it.skipIf(!linux)('takes over an old-format lock whose pid is now another program', async () => {
    const dir = tempDir();
    const pid = await otherProgram();
    fs.writeFileSync(lockFile(dir), String(pid));
    const lines = takesOver(dir);
    expect(lines.join('\n')).toMatch(new RegExp(`taking over the stale lock .*pid ${pid} now belongs to another program \\(sleep`));
  });

  it.skipIf(!linux)('takes over a lock whose pid was reused by a process started later', async () => {
    const dir = tempDir();
    const pid = await otherProgram();
    const bootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ app: 'nangluc', pid, token: 'earlier', hostname: os.hostname(), bootId, startTime: '1', createdAt: new Date().toISOString() }),
    );
    expect(takesOver(dir).join('\n')).toContain(`pid ${pid} is another process now`);
  });

  it.skipIf(!linux)('takes over a lock written before the machine restarted', async () => {
    const dir = tempDir();
    const pid = await otherProgram();
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({
        app: 'nangluc',
        pid,
        token: 'before-reboot',
        hostname: os.hostname(),
        bootId: 'another-boot',
        startTime: '1',
        createdAt: '2026-01-01T00:00:00Z',
      }),
    );
    expect(takesOver(dir).join('\n')).toContain('before the machine restarted');
  });

  it('takes over a lock naming this process’s own pid from an earlier run (a restarted container)', () => {
    const dir = tempDir();
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ app: 'nangluc', pid: process.pid, token: 'previous-container', hostname: 'old-container', createdAt: '2026-01-01T00:00:00Z' }),
    );
    expect(takesOver(dir).join('\n')).toContain(`this process's pid ${process.pid} but an earlier process`);
  });

  it('takes over an unreadable lock file', () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), '');
    expect(takesOver(dir).join('\n')).toContain('unreadable');
  });

  it('refuses while a live NangLuc process in another process holds it, and takes over once that one was killed', async () => {
    const dir = tempDir();
    const owner = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('./src/platform/db/data-dir-lock.ts').then((m) => { m.acquireDataDirLock(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000); })`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(owner);
    await new Promise<void>((resolve, reject) => {
      owner.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
      owner.once('exit', (code) => reject(new Error(`lock owner exited with ${code}`)));
    });
    expect(() => acquireDataDirLock(dir, () => undefined)).toThrow(
      expect.objectContaining({ code: 'data_dir_locked', details: expect.objectContaining({ ownerPid: owner.pid }) }),
    );
    // Killed without releasing (a crash): the lock stays behind and is stale.
    owner.kill('SIGKILL');
    await once(owner, 'exit');
    expect(fs.existsSync(lockFile(dir))).toBe(true);
    expect(takesOver(dir).join('\n')).toContain(`process ${owner.pid} no longer exists`);
    console.log('data-dir-lock: 5 stale kinds taken over, a live owner refused');
  }, 60_000);
});
