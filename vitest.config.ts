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
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
