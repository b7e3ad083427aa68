import { defineConfig } from 'vitest/config';

// Projects run one after another (groupOrder), which suits a 2-core machine.
// Store tests run twice: on PGlite and on a throw-away PostgreSQL cluster.
const storeTests = ['packages/*/src/**/*.store.test.ts', 'packages/*/test/**/*.store.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/timing-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'tools/**/*.test.ts'],
          exclude: [...storeTests, '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          sequence: { groupOrder: 1 },
          include: storeTests,
          env: { HARBOUR_TEST_STORE: 'pglite' },
          globalSetup: ['test/pglite-template.ts'],
          fileParallelism: true,
          maxWorkers: 2,
          // Each worker loads Harbour's modules once for all its files, not once a file: a third
          // off the store tests' time. Every file opens and closes stores of its own.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          sequence: { groupOrder: 2 },
          include: storeTests,
          env: { HARBOUR_TEST_STORE: 'postgres' },
          globalSetup: ['test/postgres-cluster.ts'],
          maxWorkers: 2,
          // Each worker loads Harbour's modules once for all its files, not once a file: a third
          // off the store tests' time. Every file opens and closes stores of its own.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          // Two files at a time, each worker on its own Harbour (e2e/support/global-setup.ts).
          fileParallelism: true,
          maxWorkers: 2,
          testTimeout: 120_000,
          // A page answers within seconds on a busy machine, not within Vitest's default second.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
    ],
  },
});
