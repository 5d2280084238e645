import { defineConfig } from 'vitest/config';

// Unit and API tests. Each API test file gets its own database (see
// test/support/test-database.ts), so files run in parallel safely; each starts
// as a copy of the run's template, built once by the global setup.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
