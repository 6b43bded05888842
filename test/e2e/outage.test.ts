/**
 * Stopping Neo4j under a running API: /ready turns false, GraphQL requests fail fast with
 * UNAVAILABLE (no hang, no crash), and the API recovers by itself once Neo4j is back.
 * Uses its own throwaway Neo4j instance, since it stops the server under the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { connectRuntime, type Runtime } from '../../src/runtime.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { prepareGraph } from '../../seed/prepareGraph.js';
import { OUTAGE_INSTANCE, start, stop } from '../../ops/localNeo4j/localNeo4j.js';
const quiet = (): void => {};

describe('an API whose Neo4j goes away', () => {
  let runtime: Runtime;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    const conn = await start(OUTAGE_INSTANCE, quiet);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', NEO4J_URI: conn.uri, NEO4J_PASSWORD: conn.password });
    const logger = createLogger(config);
    runtime = await connectRuntime(config, conn, logger);
    await prepareGraph(runtime.executor, logger);
    server = await startServer(config, runtime.executor, logger);
    base = server.url.replace(/\/graphql$/, '');
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await runtime?.close();
    await stop(OUTAGE_INSTANCE, quiet);
  }, 120_000);

  const ask = async (): Promise<{
    status: number;
    body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    ms: number;
  }> => {
    const t0 = performance.now();
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sources { id } }' }),
    });
    return { status: res.status, body: (await res.json()) as never, ms: performance.now() - t0 };
  };

  it('serves, fails fast while Neo4j is down, and recovers by itself', async () => {
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const before = await ask();
    expect(before.body.errors).toBeUndefined();

    await stop(OUTAGE_INSTANCE, quiet);

    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, neo4j: 'unreachable' });
    const during = await ask();
    expect(during.status).toBe(200);
    expect(during.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(during.body.errors?.[0]?.message).toMatch(/unavailable/i);
    expect(JSON.stringify(during.body)).not.toMatch(/ECONNREFUSED|stack|Neo4jError/);
    expect(during.ms).toBeLessThan(5000);
    // Under concurrent load every request still fails fast: the circuit breaker answers at once
    // instead of letting each one wait for a connection attempt.
    const burst = await Promise.all(Array.from({ length: 30 }, () => ask()));
    expect(burst.every((r) => r.body.errors?.[0]?.extensions?.code === 'UNAVAILABLE')).toBe(true);
    expect(Math.max(...burst.map((r) => r.ms))).toBeLessThan(1500);
    expect((await fetch(`${base}/health`)).status).toBe(200);

    await start(OUTAGE_INSTANCE, quiet);

    let after = await ask();
    for (let i = 0; i < 20 && after.body.errors; i++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await ask();
    }
    expect(after.body).toEqual(before.body);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  }, 180_000);
});
