import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import { AppError } from '../../src/errors.js';
import { testRuntime } from '../support/testRuntime.js';

const COMPONENTS = cypher('test.components', 'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');

describe('the real Neo4j server', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    rt = await testRuntime();
  });
  afterAll(async () => {
    await rt.close();
  });

  it('is the pinned version of the community edition', async () => {
    const rows = await rt.executor.read(COMPONENTS);
    expect(rows).toEqual([{ name: 'Neo4j Kernel', versions: [inject('neo4jVersion')], edition: 'community' }]);
  });

  it('converts driver values to plain ones at the edge', async () => {
    const [row] = await rt.executor.read(
      cypher('test.values', 'RETURN 42 AS int, 2^60 AS big, date("2025-03-06") AS day, [1, 2] AS list, {a: 1} AS map'),
    );
    expect(row).toEqual({ int: 42, big: 2 ** 60, day: '2025-03-06', list: [1, 2], map: { a: 1 } });
  });

  it('names the operation in the transaction metadata', async () => {
    const [row] = await rt.executor.read(
      cypher(
        'test.metadata',
        'SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE currentQuery STARTS WITH "// test.metadata" RETURN metaData',
      ),
    );
    expect(row?.metaData).toEqual({ app: 'ukraine-support-graph', operation: 'test.metadata' });
  });

  it('maps a failing query to an AppError without leaking the driver error', async () => {
    const err = await rt.executor.read(cypher('test.broken', 'RETURN 1 +')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INTERNAL_SERVER_ERROR');
    expect((err as AppError).message).toBe('Unexpected error.');
  });

  it('refuses writes in a read transaction', async () => {
    const err = await rt.executor.read(cypher('test.sneakyWrite', 'CREATE (n:ShouldNotExist) RETURN n')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const [row] = await rt.executor.read(cypher('test.countSneaky', 'MATCH (n:ShouldNotExist) RETURN count(n) AS n'));
    expect(row?.n).toBe(0);
  });
});
