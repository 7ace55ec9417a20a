import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run bin/relocate.js, which runs the build: make it once, first. The
    // PostgreSQL tests get a throwaway server (or RELOCATE_TEST_POSTGRES_URL's), or are skipped.
    globalSetup: ['test/helpers/build-once.ts', 'test/helpers/postgres-server.ts'],
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
