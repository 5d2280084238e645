// Builds the web app before `npm start` when the build is missing or older than
// its sources, so a fresh clone serves the app with one command.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const built = 'dist/web/index.html';
const newestSource = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs;
    return Math.max(newest, time);
  }, 0);

const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(newestSource('web'), fs.statSync('vite.config.ts').mtimeMs);
if (builtAt < sourcesAt) {
  console.log('Building the web app (first start or changed sources)…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
