import { execSync } from 'node:child_process';

/** The browser tests run against the built web app: build it when missing or stale. */
export default function setup(): void {
  execSync('node scripts/ensure-web-build.mjs', { stdio: 'inherit' });
}
