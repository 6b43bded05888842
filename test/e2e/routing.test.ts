/**
 * The API through the routing scheme (`neo4j://`), as it runs against Neo4j Aura or an Enterprise
 * cluster: the driver asks the server for a routing table and sends read transactions to readers.
 * A single Community server answers routing requests too (it is its own only member), so the same
 * configuration is tried here for real: the API starts, serves a nested query and a list, and its
 * request transactions are read transactions (the ones a cluster routes to secondaries).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { connectRuntime, type Runtime } from '../../src/runtime.js';
import { prepareGraph } from '../../seed/prepareGraph.js';
import { testConfig } from '../support/testRuntime.js';

const ROUTING_TABLE = cypher('test.routing.table', 'CALL dbms.routing.getRoutingTable({}, $database) YIELD servers RETURN servers');

describe('the API over the routing scheme (neo4j://)', () => {
  let runtime: Runtime;
  let server: RunningServer;

  beforeAll(async () => {
    const bolt = testConfig();
    const uri = (bolt.neo4j.uri ?? '').replace(/^bolt:/, 'neo4j:');
    expect(uri).toMatch(/^neo4j:\/\//);
    const config = testConfig({ NEO4J_URI: uri });
    runtime = await connectRuntime(
      config,
      { uri, username: config.neo4j.username, password: config.neo4j.password ?? '' },
      createLogger({ logLevel: 'silent' }),
    );
    await prepareGraph(runtime.executor, createLogger({ logLevel: 'silent' }));
    server = await startServer(config, runtime.executor, createLogger({ logLevel: 'silent' }));
  }, 120_000);

  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  it('gets a routing table that names a reader and a writer', async () => {
    const [row] = await runtime.executor.read(ROUTING_TABLE, { database: 'neo4j' });
    const roles = (row?.servers as { role: string }[]).map((s) => s.role).sort();
    expect(roles).toEqual(expect.arrayContaining(['READ', 'ROUTE', 'WRITE']));
  });

  it('serves a nested query and a list through the routing driver', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ nation(id: "nation:gb") { name commitmentsMade(first: 3) { id } commitmentsMadeCount } commitments(first: 2) { totalCount } }',
      }),
    });
    const body = (await res.json()) as { data?: { nation: { name: string; commitmentsMade: unknown[]; commitmentsMadeCount: number } } };
    expect(res.status).toBe(200);
    expect(body.data?.nation.name).toBe('United Kingdom');
    expect(body.data?.nation.commitmentsMade.length).toBe(Math.min(3, body.data?.nation.commitmentsMadeCount ?? 0));
  });

  it('opens its request transactions in read mode, which a cluster routes to readers', async () => {
    const { executor, finish } = runtime.executor.forRequest('test.routing.request');
    const rows = await executor.read(cypher('test.routing.mode', 'RETURN 1 AS one'));
    await finish();
    expect(rows).toEqual([{ one: 1 }]);
    // A write inside the API's read transaction is refused by the server: the mode is real.
    const { executor: again, finish: done } = runtime.executor.forRequest('test.routing.write');
    await expect(again.read(cypher('test.routing.write', 'CREATE (:RoutingProbe) RETURN 1'))).rejects.toThrow();
    await done();
  });
});
