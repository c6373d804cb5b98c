import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          // Integration tests open databases and write folders: on a busy 2-core machine a few
          // take seconds. A limit against hangs, not a speed check (benchmarks are in bench/).
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        // End-to-end: Chromium against the built app, one file at a time on a 2-core machine.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
