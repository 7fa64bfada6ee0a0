import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build and browser tests run real production builds in child processes.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    globalSetup: ['./tests/support/temp-root.ts'],
    reporters: ['default', './tests/support/count-reporter.ts'],
  },
});
