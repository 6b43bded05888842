/**
 * A request's reads share one transaction (Executor.forRequest): one transaction on the server
 * for all of them, released by `finish`, bounded as a whole by the transaction timeout, and a
 * failed query fails the rest of the request cleanly without leaking the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import { AppError } from '../../src/errors.js';
import { testRuntime } from '../support/testRuntime.js';

const OPERATION = 'test.requestScope';
const OPEN = cypher(
  'test.openRequestTransactions',
  'SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.operation = $operation RETURN collect(transactionId) AS ids',
);
const ONE = cypher('test.one', 'RETURN 1 AS one');
const SLOW = cypher('test.slowInScope', 'UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n');

describe('the reads of one request', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    rt = await testRuntime({ NEO4J_QUERY_TIMEOUT_MS: '700', NEO4J_MAX_POOL_SIZE: '2' });
  });
  afterAll(async () => {
    await rt.close();
  });

  const openIds = async (): Promise<string[]> => {
    const [row] = await rt.executor.read(OPEN, { operation: OPERATION });
    return (row?.ids ?? []) as string[];
  };

  it('run in one server transaction, which finish releases', async () => {
    const { executor, finish } = rt.executor.forRequest(OPERATION);
    expect(await openIds()).toEqual([]); // nothing is begun before the first read
    await executor.read(ONE);
    const afterFirst = await openIds();
    expect(afterFirst).toHaveLength(1);
    await Promise.all([executor.read(ONE), executor.readTransaction('test.two', (run) => run(ONE))]);
    expect(await openIds()).toEqual(afterFirst);
    await finish();
    await finish(); // twice is harmless
    expect(await openIds()).toEqual([]);
    await expect(executor.read(ONE)).rejects.toThrow(/request has ended/);
  });

  it('are bounded as a whole by the transaction timeout, and a failure leaks nothing', async () => {
    // A pool of two: if a failed scope kept its connection, the third round would wait and fail.
    for (let round = 0; round < 3; round++) {
      const { executor, finish } = rt.executor.forRequest(OPERATION);
      const error = await executor.read(SLOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('TIMEOUT');
      // The transaction is over: the request's next read fails too, with an error, not a hang.
      await expect(executor.read(ONE)).rejects.toBeInstanceOf(Error);
      await finish();
    }
    expect(await openIds()).toEqual([]);
    const [row] = await rt.executor.read(ONE);
    expect(row?.one).toBe(1);
  }, 30_000);
});
