/**
 * Runs GraphQL operations against the real schema, resolvers and error formatting, on the
 * seeded test Neo4j, without HTTP. Counts the Cypher round trips each operation makes.
 */
import type { GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll } from 'vitest';
import type { QueryEvent } from '../../src/db/Executor.js';
import { createContext, type ContextOptions } from '../../src/graphql/context.js';
import { createApolloServer } from '../../src/graphql/createApolloServer.js';
import { createLogger } from '../../src/logger.js';
import { prepareGraph } from '../../seed/prepareGraph.js';
import { testRuntime } from './testRuntime.js';

export interface OperationResult<T = Record<string, unknown>> {
  data: T | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  /** Cypher queries the operation ran, by name, in order. */
  queries: QueryEvent[];
}

export interface ApiHarness {
  /** Runs an operation; `options` as the request context takes them (`translate: false`: every field through the loaders). */
  execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: ContextOptions,
  ): Promise<OperationResult<T>>;
  close(): Promise<void>;
}

/** Seeds the test database with the project's seed data and returns an executor of operations (settings as in production, unless overridden). */
export async function apiHarness(overrides: Record<string, string> = {}): Promise<ApiHarness> {
  const rt = await testRuntime(overrides);
  const logger = createLogger({ logLevel: 'silent' });
  await prepareGraph(rt.executor, logger);
  const server = createApolloServer(rt.config, logger);
  await server.start();
  return {
    async execute<T>(query: string, variables?: Record<string, unknown>, options?: ContextOptions): Promise<OperationResult<T>> {
      const queries: QueryEvent[] = [];
      // As the HTTP server does: the request's reads share one transaction, finished after the answer.
      const { executor: scoped, finish } = rt.executor.forRequest();
      const executor = scoped.withListener((event) => queries.push(event));
      const response = await server
        .executeOperation({ query, variables }, { contextValue: createContext(executor, 'test', rt.config.limits, undefined, options) })
        .finally(finish);
      if (response.body.kind !== 'single') throw new Error('Expected a single result');
      const { data, errors } = response.body.singleResult;
      return { data: data as T | null | undefined, errors, queries };
    },
    async close() {
      await server.stop();
      await rt.close();
    },
  };
}

/**
 * The block every integration file of the API would repeat: a harness set up before the file's
 * tests (the graph seeded) and closed after them. Call it in a `describe` body; the returned
 * harness may be used in tests once `beforeAll` has run.
 */
export function useApiHarness(overrides: Record<string, string> = {}): ApiHarness {
  let current: ApiHarness | undefined;
  beforeAll(async () => {
    current = await apiHarness(overrides);
  }, 120_000);
  afterAll(async () => {
    await current?.close();
  });
  const ready = (): ApiHarness => {
    if (!current) throw new Error('useApiHarness: the harness is used before beforeAll ran');
    return current;
  };
  return {
    execute: (query, variables, options) => ready().execute(query, variables, options),
    close: () => ready().close(),
  };
}
