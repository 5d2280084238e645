import { defineConfig } from 'vitest/config';

// Unit and API tests. Each API test file gets its own database (see
// test/support/test-database.ts), so files run in parallel safely.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
