import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Build and browser tests run real production builds in child processes, several at once
    // (below): the slowest takes about a minute on 2 cores, so a hang still fails in minutes.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Most test files spend much of their time waiting for a child process (a build, nginx,
    // Chromium, git) or for a real clock; one file per core left a core idle half the time.
    // Two per core: `npm test` on 2 cores went from 468 s to 310 s (docs/performance.md).
    maxWorkers: availableParallelism() * 2,
    globalSetup: ['./tests/support/temp-root.ts'],
    reporters: ['default', './tests/support/count-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // The unit tests are pure functions and in-process commands that keep no state
          // between files (no mocks, fake timers or changed environment), so their files
          // share worker processes and the modules already loaded: a fresh process per file
          // was about a quarter of their CPU time (docs/performance.md).
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'build and browser', include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'] },
      },
    ],
  },
});
