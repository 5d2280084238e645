import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.js';

const LOCK_FILE = 'nangluc.lock';

/** What the lock file records about its owner: enough to tell it from a later process that got the same pid. */
interface LockRecord {
  app: 'nangluc';
  pid: number;
  /** Random, per acquisition: this process recognises its own lock by it. */
  token: string;
  hostname: string;
  /** Linux: the kernel's id of this boot; a different one means the machine restarted since. */
  bootId?: string;
  /** Linux: the owner's start time (clock ticks since boot, /proc/<pid>/stat field 22); a reused pid has another. */
  startTime?: string;
  createdAt: string;
}

/** Tokens of the locks this process holds: a lock naming our pid but not one of these is an earlier process's. */
const heldTokens = new Set<string>();

/**
 * Only one process may own a PGlite data directory: two openers silently see
 * different data (DESIGN.md). The lock file names its owner by pid, boot and
 * process start time, so that a lock left by a crash is recognised as stale
 * even when its pid now belongs to another process (pids are reused after a
 * reboot, and a container's first process always has pid 1): it is taken
 * over, with a log line. A live NangLuc owner still refuses a second opener.
 */
export function acquireDataDirLock(dataDir: string, log: (line: string) => void = (line) => console.warn(line)): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const record = ownRecord();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createWithContent(lockPath, JSON.stringify(record))) {
      heldTokens.add(record.token);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldTokens.delete(record.token);
        // Only our own lock: after a takeover by someone else, theirs stays.
        if (readText(lockPath) === JSON.stringify(record)) fs.rmSync(lockPath, { force: true });
      };
    }
    const text = readText(lockPath);
    if (text === undefined) continue; // released meanwhile: try again
    const verdict = judge(text);
    if (verdict.live) throw new AppError('data_dir_locked', 503, { dataDir, ownerPid: verdict.pid, lockPath });
    log(`NangLuc: taking over the stale lock of ${dataDir}: ${verdict.reason}`);
    takeOver(lockPath, text);
  }
  throw new AppError('data_dir_locked', 503, { dataDir, lockPath });
}

function ownRecord(): LockRecord {
  return {
    app: 'nangluc',
    pid: process.pid,
    token: randomBytes(12).toString('hex'),
    hostname: os.hostname(),
    bootId: bootId(),
    startTime: startTimeOf(process.pid),
    createdAt: new Date().toISOString(),
  };
}

/**
 * Creates the lock with its content in one step (a temporary file hard-linked
 * into place; link fails if the name exists), so that no other opener ever
 * reads a half-written lock. False when a lock exists.
 */
function createWithContent(lockPath: string, content: string): boolean {
  const temp = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temp, content, { flag: 'wx' });
  try {
    fs.linkSync(temp, lockPath);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Moves the stale lock aside and removes it. Two openers may judge the same
 * lock stale at once: if what was moved is no longer the lock we judged (the
 * other one has already taken over), it is put back, and ours then loses.
 */
function takeOver(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.stale.${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (readText(aside) !== staleText) {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // A third opener holds the name now; it wins, ours fails on its next attempt.
    }
  }
  fs.rmSync(aside, { force: true });
}

type Verdict = { live: true; pid: number } | { live: false; reason: string };

function judge(text: string): Verdict {
  const trimmed = text.trim();
  // The lock of an older NangLuc: its pid alone.
  if (/^\d+$/.test(trimmed)) {
    const pid = Number(trimmed);
    if (!isProcessAlive(pid)) return { live: false, reason: `process ${pid} no longer exists` };
    const cmdline = commandLineOf(pid);
    if (cmdline !== undefined && !/node|nangluc|tsx/i.test(cmdline))
      return { live: false, reason: `pid ${pid} now belongs to another program (${cmdline.slice(0, 80)})` };
    return { live: true, pid };
  }
  let owner: Partial<LockRecord>;
  try {
    owner = JSON.parse(trimmed) as Partial<LockRecord>;
  } catch {
    return { live: false, reason: 'the lock file is unreadable' };
  }
  const pid = owner.pid;
  if (owner.app !== 'nangluc' || !Number.isInteger(pid) || pid! <= 0) return { live: false, reason: 'the lock file is unreadable' };
  if (owner.token && heldTokens.has(owner.token)) return { live: true, pid: pid! };
  if (pid === process.pid) return { live: false, reason: `it names this process's pid ${pid} but an earlier process (restart of a container or machine)` };
  if (!isProcessAlive(pid!)) return { live: false, reason: `process ${pid} no longer exists` };
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot)
    return { live: false, reason: `it was written before the machine restarted (pid ${pid} is another process now)` };
  const started = startTimeOf(pid!);
  if (owner.startTime && started && owner.startTime !== started)
    return { live: false, reason: `pid ${pid} is another process now (started later than the lock's owner)` };
  return { live: true, pid: pid! };
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux only (undefined elsewhere, where the pid check alone decides). */
function bootId(): string | undefined {
  return readText('/proc/sys/kernel/random/boot_id')?.trim();
}

function startTimeOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ", whose comm may hold spaces and parentheses: field 3 onwards.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function commandLineOf(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return undefined;
  }
}
