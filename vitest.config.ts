import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run bin/relocate.js, which runs the build: make it once, first. The
    // PostgreSQL tests get a throwaway server (or RELOCATE_TEST_POSTGRES_URL's), or are skipped.
    globalSetup: ['test/helpers/build-once.ts', 'test/helpers/postgres-server.ts'],
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine, where the
    // whole run then took 430 s; with a worker a core (the spawned CLIs, servers and browsers
    // wait on each other often enough) it takes 280 s.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
