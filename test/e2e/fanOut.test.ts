/**
 * One request must never take the API down. Over real HTTP, on the seeded graph plus a fixture
 * with two hubs of 10,000 neighbours each (a source with 10,000 evidence spans, a person those
 * spans all support): fan-out chains, alias and fragment multiplication, a nest of fragment
 * spreads the estimator gives up on, `first: null`, an answer that outgrows the estimate (long
 * texts), shedding under concurrent expensive requests, and a client that leaves mid-answer.
 * The graph is the same afterwards.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { prepareGraph } from '../../seed/prepareGraph.js';
import { graphFingerprint, type Fingerprint } from '../../tools/reliability/graphFingerprint.js';
import { testConfig, testRuntime } from '../support/testRuntime.js';

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const HUB = 'source:test-hub';
const HUB_PERSON = 'person:test-hub';
const NEIGHBOURS = 10_000;
/** Long enough that 100 copies of it outgrow MAX_ANSWER_ITEMS (one item per KiB), though the estimate is 201. */
const HUB_TEXT_KIB = 300;

const ADD_FIXTURE = cypher(
  'test.fanOut.add',
  `CREATE (s:Source {id: $hub, name: 'Test hub', title: 'Test hub', titleStated: false, path: 'test/hub.txt',
                     sha256: 'test', length: size($text), text: $text})
   CREATE (p:Person {id: $person, name: 'Test Hub Person', aliases: [], mentionCount: $n})
   WITH s, p
   UNWIND range(1, $n) AS i
   CREATE (e:Evidence {id: $hub + '-' + i, name: 'span ' + i, quote: 'span ' + i, start: i, end: i + 1, method: 'rule', confidence: 1.0})
   CREATE (e)-[:FOUND_IN]->(s)
   CREATE (p)-[:SUPPORTED_BY {surfaceForm: 'Hub'}]->(e)`,
);
const REMOVE_FIXTURE = cypher(
  'test.fanOut.remove',
  `MATCH (n) WHERE n.id IN [$hub, $person] OR n.id STARTS WITH $hub + '-' DETACH DELETE n`,
);
const OUR_TRANSACTIONS = cypher(
  'test.fanOut.transactions',
  `SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery
   WHERE metaData.app = 'ukraine-support-graph' AND metaData.operation = 'graphql.request'
   RETURN count(*) AS open`,
);

describe('one request never takes the API down', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let before: Fingerprint;
  const servers: RunningServer[] = [];
  const logs: Record<string, unknown>[] = [];

  async function serve(overrides: Record<string, string> = {}): Promise<RunningServer> {
    const config = testConfig({ LOG_LEVEL: 'info', ...overrides });
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const server = await startServer(config, rt.executor, createLogger(config, destination));
    servers.push(server);
    return server;
  }

  async function post(server: RunningServer, query: string, variables?: Record<string, unknown>, signal?: AbortSignal) {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as Body, bytes: text.length, headers: res.headers };
  }

  const problems = (): Record<string, unknown>[] => logs.filter((entry) => Number(entry.level) >= 40);

  let defaults: RunningServer;
  beforeAll(async () => {
    rt = await testRuntime();
    await prepareGraph(rt.executor, createLogger({ logLevel: 'silent' }));
    before = await graphFingerprint(rt.executor);
    await rt.executor.write(ADD_FIXTURE, { hub: HUB, person: HUB_PERSON, n: NEIGHBOURS, text: 'x'.repeat(HUB_TEXT_KIB * 1024) });
    defaults = await serve();
  }, 180_000);

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await rt.executor.write(REMOVE_FIXTURE, { hub: HUB, person: HUB_PERSON });
    // The suite wrote nothing through the API: the seeded graph is exactly as it was.
    expect(await graphFingerprint(rt.executor)).toEqual(before);
    await rt.close();
  }, 120_000);

  it('refuses the fan-out chain that used to exhaust the heap, before running any query', async () => {
    const chain = `{ source(id: "${HUB}") { evidence { supports { ... on Person { evidence { source { evidence { id } } } } } } } }`;
    const { status, body } = await post(defaults, chain);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_COST', max: 20_000 });
    expect(Number(body.errors?.[0]?.extensions?.actual)).toBeGreaterThan(20 ** 4);
    expect(body.data).toBeUndefined();
  });

  it('serves the costliest chains it accepts, each list cut to its page, with the totals beside them', async () => {
    const query = `{ source(id: "${HUB}") { evidenceCount evidence(first: 100) { id source { id evidenceCount } supports(first: 20) { id ... on Person { evidenceCount evidence(first: 3) { id } } } } } }`;
    const { status, body, bytes } = await post(defaults, query);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const source = body.data?.source as {
      evidenceCount: number;
      evidence: { supports: { evidenceCount: number; evidence: unknown[] }[] }[];
    };
    expect(source.evidenceCount).toBe(NEIGHBOURS);
    expect(source.evidence).toHaveLength(100);
    expect(source.evidence[0]?.supports[0]?.evidenceCount).toBe(NEIGHBOURS);
    expect(source.evidence[0]?.supports[0]?.evidence).toHaveLength(3);
    // Bounded by the estimate: a few hundred KB, not hundreds of MB.
    expect(bytes).toBeLessThan(200_000);
  });

  it('serves `first: null` as the default page and counts it so', async () => {
    const omitted = await post(defaults, `{ source(id: "${HUB}") { evidence { id } } }`);
    const nulled = await post(defaults, `query Q($n: Int) { source(id: "${HUB}") { evidence(first: $n) { id } } }`, { n: null });
    const literal = await post(defaults, `{ source(id: "${HUB}") { evidence(first: null) { id } } }`);
    for (const answer of [omitted, nulled, literal])
      expect((answer.body.data?.source as { evidence: unknown[] }).evidence).toHaveLength(20);
    // source 1 + evidence (1 + 20 × 1) = 22: a limit of 21 refuses the null page as it does the default one.
    const tight = await serve({ MAX_COST: '21' });
    for (const query of [`{ source(id: "${HUB}") { evidence { id } } }`, `{ source(id: "${HUB}") { evidence(first: null) { id } } }`]) {
      const { body } = await post(tight, query);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_COST', actual: 22 });
    }
  });

  it('multiplies aliases and fragments, so repeating a field cannot hide its cost', async () => {
    const part = `evidence(first: 100) { supports(first: 10) { id } }`;
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: source(id: "${HUB}") { ${part} }`).join(' ');
    const aliased = await post(defaults, `{ ${aliases} }`);
    expect(aliased.body.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'MAX_COST',
      actual: 20 * (1 + 1 + 100 * (1 + 10)),
    });
    const spreads = Array.from({ length: 20 }, (_, i) => `a${i}: source(id: "${HUB}") { ...F }`).join(' ');
    const fragmented = await post(defaults, `{ ${spreads} } fragment F on Source { ${part} }`);
    expect(fragmented.body.errors?.[0]?.extensions?.actual).toBe(aliased.body.errors?.[0]?.extensions?.actual);
  });

  it('refuses, and does not run, an expensive operation that carries a nest of fragment spreads the estimator gives up on', async () => {
    // Four fragments, each spreading the one before 22 times: 22³ > 10⁴ selections to visit,
    // shallow and short enough for every other limit.
    const fragments = Array.from({ length: 4 }, (_, i) =>
      i === 0 ? 'fragment F0 on Source { id }' : `fragment F${i} on Source { ${`...F${i - 1} `.repeat(22)}}`,
    ).join('\n');
    const expensive = `source(id: "${HUB}") { evidence(first: 100) { supports(first: 100) { ... on Person { evidence(first: 100) { id } } } } }`;
    const started = logs.length;
    const { status, body } = await post(defaults, `{ ${expensive} nest: source(id: "${HUB}") { ...F3 } } ${fragments}`);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions, body.errors?.[0]?.message).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_COST' });
    expect(body.errors?.[0]?.message).toMatch(/could not be estimated/);
    const line = logs.slice(started).find((entry) => entry.msg === 'graphql request');
    expect(line?.queryCount).toBe(0);
  });

  it('stops an answer that outgrows its estimate (long texts) at MAX_ANSWER_ITEMS, with one error and no data', async () => {
    const ids = JSON.stringify(Array.from({ length: 100 }, () => HUB));
    const { status, body, bytes } = await post(defaults, `{ nodes(ids: ${ids}) { ... on Source { text } } }`);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'MAX_ANSWER_ITEMS', max: 20_000 });
    expect(bytes).toBeLessThan(1000);
    // A few copies fit.
    const few = await post(defaults, `{ nodes(ids: ${JSON.stringify([HUB, HUB])}) { ... on Source { text } } }`);
    expect(few.status).toBe(200);
    expect(few.bytes).toBeGreaterThan(2 * HUB_TEXT_KIB * 1024);
  });

  it('sheds what the in-flight budget cannot hold with 503 and Retry-After, while /health and a cheap query answer', async () => {
    const small = await serve({ MAX_ANSWER_ITEMS: '3000', MAX_INFLIGHT_ITEMS: '3000' });
    // Estimated at 2 + 100 × (1 + 1 + 21) = 2302: one fits in the pool at a time.
    const query = `{ source(id: "${HUB}") { evidence(first: 100) { id quote supports(first: 10) { id name } } } }`;
    const health: number[] = [];
    let loading = true;
    const probe = (async () => {
      while (loading) {
        const started = performance.now();
        const res = await fetch(small.url.replace('/graphql', '/health'));
        expect(res.status).toBe(200);
        health.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const answers = await Promise.all(Array.from({ length: 32 }, () => post(small, query)));
    loading = false;
    await probe;
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses).toContain(200);
    const shed = answers.filter((a) => a.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    for (const answer of shed) {
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'OVERLOADED', limit: 'MAX_INFLIGHT_ITEMS' });
    }
    expect(health.length).toBeGreaterThan(0);
    const cheap = await post(small, '{ person(id: "person:keir-starmer") { name } }');
    expect(cheap.body.data).toEqual({ person: { name: 'Keir Starmer' } });
    expect(problems()).toEqual([]);
  });

  it('keeps answering /health and cheap queries under concurrent expensive requests on the default limits', async () => {
    // 16 rounds of 16 concurrent requests estimated just under MAX_COST: bounded in count and time.
    const heavy = `{ person(id: "${HUB_PERSON}") { evidence(first: 100) { id quote start end source { id name } supports(first: 90) { id name } } } }`;
    const results: number[] = [];
    const healthStatuses: number[] = [];
    let loading = true;
    const probe = (async () => {
      while (loading) {
        const res = await fetch(defaults.url.replace('/graphql', '/health'), { signal: AbortSignal.timeout(5000) });
        healthStatuses.push(res.status);
        const cheap = await post(defaults, '{ person(id: "person:keir-starmer") { name } }');
        expect(cheap.body.data).toEqual({ person: { name: 'Keir Starmer' } });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    for (let round = 0; round < 16; round += 1) {
      const answers = await Promise.all(Array.from({ length: 16 }, () => post(defaults, heavy)));
      results.push(...answers.map((a) => a.status));
    }
    loading = false;
    await probe;
    expect(results.every((s) => s === 200 || s === 503)).toBe(true);
    expect(results.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(healthStatuses.length).toBeGreaterThan(0);
    expect(healthStatuses.every((s) => s === 200)).toBe(true);
    expect(problems()).toEqual([]);
  }, 120_000);

  it('stops resolving and rolls back its transaction when the client leaves, logging no error', async () => {
    // An answer of a million items (three hops back and forth through the hub): seconds of work in
    // Node, allowed here only so that there is work to abandon.
    const roomy = await serve({ MAX_COST: '10000000', MAX_ANSWER_ITEMS: '5000000', MAX_INFLIGHT_ITEMS: '5000000' });
    const huge = `{ source(id: "${HUB}") { evidence(first: 100) { source { evidence(first: 100) { source { evidence(first: 100) { id quote } } } } } } }`;
    const started = logs.length;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    await expect(post(roomy, huge, undefined, controller.signal)).rejects.toThrow();
    // The request ends soon after the client left: its log line says the client closed it.
    let line: Record<string, unknown> | undefined;
    for (let i = 0; i < 100 && !line; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      line = logs.slice(started).find((entry) => entry.msg === 'graphql request');
    }
    expect(line?.errorCodes, JSON.stringify(line)).toContain('CLIENT_CLOSED_REQUEST');
    expect(Number(line?.durationMs)).toBeLessThan(5000);
    // No transaction of the API is left open in Neo4j (the rollback runs beside the request's end).
    let open = -1;
    for (let i = 0; i < 40 && open !== 0; i += 1) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      const [row] = await rt.executor.read(OUR_TRANSACTIONS);
      open = Number(row?.open);
    }
    expect(open).toBe(0);
    expect(problems()).toEqual([]);
    // And the server still answers.
    const cheap = await post(roomy, '{ person(id: "person:keir-starmer") { name } }');
    expect(cheap.status).toBe(200);
  }, 60_000);
});
