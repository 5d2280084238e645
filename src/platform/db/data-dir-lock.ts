import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

const LOCK_FILE = 'nangluc.lock';

/**
 * Only one process may own a PGlite data directory: two openers silently see
 * different data (DESIGN.md). The lock file holds the owner's pid; a lock whose
 * process is gone is stale and taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const ownerPid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(ownerPid) && ownerPid > 0 && isProcessAlive(ownerPid)) {
        throw new AppError('data_dir_locked', 503, { dataDir, ownerPid, lockPath });
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('data_dir_locked', 503, { dataDir, lockPath });
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
