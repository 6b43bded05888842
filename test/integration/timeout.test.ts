/**
 * A slow query is cut off at the transaction timeout and frees its session: with a pool of two
 * connections, many timed-out queries in a row leave the pool usable and nothing running on the
 * server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import { AppError } from '../../src/errors.js';
import { testRuntime } from '../support/testRuntime.js';

/** Minutes of work for Neo4j: only a timeout stops it. */
const SLOW = cypher('test.slow', 'UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n');
const RUNNING = cypher(
  'test.running',
  "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH '// test.slow' RETURN count(*) AS n",
);

describe('a slow query', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    rt = await testRuntime({ NEO4J_QUERY_TIMEOUT_MS: '500', NEO4J_MAX_POOL_SIZE: '2' });
  });
  afterAll(async () => {
    await rt.close();
  });

  it('is stopped at the timeout with a TIMEOUT error', async () => {
    const started = performance.now();
    const error = await rt.executor.read(SLOW).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TIMEOUT');
    expect((error as AppError).message).toBe('The query took too long and was stopped.');
    expect(elapsed).toBeLessThan(5000);
  });

  it('frees its session: a pool of two survives twelve timeouts, four at a time, and then serves', async () => {
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => rt.executor.read(SLOW)));
      expect(results.every((r) => r.status === 'rejected' && r.reason instanceof AppError && r.reason.code === 'TIMEOUT')).toBe(true);
    }
    const [row] = await rt.executor.read(cypher('test.after', 'RETURN 1 AS one'));
    expect(row?.one).toBe(1);
    const [running] = await rt.executor.read(RUNNING);
    expect(running?.n).toBe(0);
  }, 60_000);
});
