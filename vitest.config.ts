import { defineConfig } from 'vitest/config';

// Unit and API tests. Each API test file gets its own database (see
// test/support/test-database.ts), so files run in parallel safely; each starts
// as a copy of the run's template, built once by the global setup.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    pool: 'forks',
    // One process runs the files one after another instead of a new process a file: importing the app once
    // instead of two hundred times saves minutes of CI. test/support/shared-process.ts puts back what a file
    // changes in the process (clock, time zone, environment); every API file still has its own database.
    isolate: false,
    setupFiles: ['test/support/shared-process.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
