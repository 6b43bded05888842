import { defineConfig } from 'vitest/config';

/**
 * Three tiers a newcomer can run on their own:
 * - unit: no database, fast, runs in parallel;
 * - integration: a real Neo4j (the dedicated test instance, see test/globalSetup.ts);
 * - e2e: the API over HTTP against that same Neo4j.
 * Database tiers run one file at a time because they share one test database.
 */
export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (`main`) and ESM (`module`). Node, and so Apollo and graphql-tools,
    // load the CommonJS build; Vite would give our sources the ESM one, and graphql refuses types
    // "from another module or realm". One instance for everyone, as in production.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
