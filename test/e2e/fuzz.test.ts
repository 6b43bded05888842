/**
 * Thousands of generated and malformed requests over real HTTP, from a seeded PRNG (so every run
 * sends the same ones, and a failure names the request to replay): random operations built from
 * the schema, damaged operation texts, broken JSON, wrong content types, odd GET query strings,
 * other methods and oversized bodies. The server must never crash or answer 5xx, every error must
 * be JSON with a known code and no stack, and the graph must stay exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { prepareGraph } from '../../seed/prepareGraph.js';
import { capturedLogger, summariseLogged } from '../support/capturedLogger.js';
import { graphFingerprint, type Fingerprint } from '../../tools/reliability/graphFingerprint.js';
import { describeRequest, exchange, runPool, type Exchange, type ProbeRequest } from '../support/httpExchange.js';
import { deepBraces, deepNesting, MUTATIONS } from '../support/textFuzzers.js';
import { prng, type Prng } from '../support/prng.js';
import { randomOperation, type RandomOperationOptions } from '../support/randomOperation.js';
import {
  codeSummary,
  documentedErrorCodes,
  failureReport,
  PASS_THROUGH_CODES,
  problemsOf,
  tally,
  undocumentedCodes,
  type ProblemKind,
} from '../support/responseChecks.js';
import { testRuntime } from '../support/testRuntime.js';

/** Change it to explore other requests; a failure report names the seed and the request's index. */
const SEED = 0x5eed_2025;
const REQUESTS = 2400;
const CONCURRENCY = 8;
const JSON_HEADERS = { 'content-type': 'application/json' };

type Kind = 'operation' | 'mutated' | 'json' | 'content-type' | 'get' | 'method' | 'oversized' | 'deep';

/** How often each kind of request is drawn (weights). */
const MIX: readonly [Kind, number][] = [
  ['operation', 44],
  ['mutated', 20],
  ['json', 9],
  ['content-type', 7],
  ['get', 10],
  ['method', 4],
  ['oversized', 2],
  ['deep', 4],
];

describe('fuzzing the API over HTTP', () => {
  const schema = buildSchema();
  const accepted = new Set([...documentedErrorCodes(), ...PASS_THROUGH_CODES]);
  const captured = capturedLogger('error');
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let server: RunningServer;
  let origin: string;
  let before: Fingerprint;
  let maxBodyBytes: number;
  let exchanges: Exchange[] = [];
  let runMs = 0;

  beforeAll(async () => {
    rt = await testRuntime();
    await prepareGraph(rt.executor, createLogger({ logLevel: 'silent' }));
    server = await startServer(rt.config, rt.executor, captured.logger);
    origin = new URL(server.url).origin;
    maxBodyBytes = rt.config.maxBodyBytes;
    before = await graphFingerprint(rt.executor);

    const ids = await existingIds(origin);
    const rng = prng(SEED);
    const options: RandomOperationOptions = { ids, maxDepth: 4, maxFields: 3, wrongTypeRate: 0.08 };
    const requests = [
      ...FIXED_CASES.map((body, i) => fixedRequest(body, i)),
      ...Array.from({ length: REQUESTS }, (_, i) => fuzzRequest(rng, i, { schema, options, maxBodyBytes })),
    ];

    const started = performance.now();
    exchanges = await runPool(requests, CONCURRENCY, (request) => exchange(origin, request));
    runMs = performance.now() - started;
    console.log(
      `fuzz: seed ${SEED}, ${exchanges.length} requests in ${(runMs / 1000).toFixed(1)} s (${CONCURRENCY} in flight); ` +
        `by kind ${JSON.stringify(tally(exchanges, (ex) => ex.request.label.split(' ')[1] ?? ''))}; ` +
        `by status ${JSON.stringify(tally(exchanges, (ex) => String(ex.status)))}; ` +
        `by code ${JSON.stringify(tally(exchanges, codeSummary))}`,
    );
    const undocumented = undocumentedCodes(exchanges);
    if (undocumented.length > 0) console.log(`fuzz: codes returned but not in docs/api.md: ${undocumented.join(', ')}`);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await rt?.close();
  });

  /** The requests with a problem of one of `kinds`, one line each, for a failure message. */
  function failing(kinds: readonly ProblemKind[]): string[] {
    return exchanges.flatMap((ex) =>
      problemsOf(ex, accepted)
        .filter((p) => kinds.includes(p.kind))
        .map((p) => `${p.kind} (${p.detail.slice(0, 160)}) ← ${describeRequest(ex.request, 400)}`),
    );
  }

  it(`sent at least 2000 requests of every kind, within the time budget`, () => {
    expect(exchanges.length).toBeGreaterThanOrEqual(2000);
    for (const [kind] of MIX)
      expect(
        exchanges.some((ex) => ex.request.label.split(' ')[1] === kind),
        kind,
      ).toBe(true);
    expect(runMs).toBeLessThan(60_000);
  });

  it('got an HTTP answer to every request: the server never dropped a connection', () => {
    const lines = failing(['no-answer']);
    expect(lines.length, failureReport(lines, [], `seed ${SEED}: `)).toBe(0);
  });

  it('never answered 5xx or with an unexpected (INTERNAL_SERVER_ERROR) error', () => {
    const lines = failing(['status-5xx', 'internal-error']);
    expect(lines.length, failureReport(lines, summariseLogged(captured.entries), `seed ${SEED}: `)).toBe(0);
  });

  it('answered every error in JSON, each with a code', () => {
    const lines = failing(['not-json', 'no-code']);
    expect(lines.length, failureReport(lines, [], `seed ${SEED}: `)).toBe(0);
  });

  it('used only documented error codes', () => {
    const lines = failing(['unknown-code']);
    expect(lines.length, failureReport(lines, [], `seed ${SEED}: `)).toBe(0);
  });

  it('showed no stack trace, driver error or Cypher in any answer', () => {
    const lines = failing(['leak']);
    expect(lines.length, failureReport(lines, [], `seed ${SEED}: `)).toBe(0);
  });

  it('still serves afterwards: /health, and a normal query', async () => {
    const health = await fetch(`${origin}/health`);
    expect(health.status).toBe(200);
    const res = await fetch(server.url, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query: '{ sources { id } }' }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data?: { sources: { id: string }[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.sources.length).toBeGreaterThan(0);
  });

  it('left the graph exactly as it was', async () => {
    expect(await graphFingerprint(rt.executor)).toEqual(before);
  });
});

/**
 * Small, fixed requests that stand for whole families the generator finds, so a failure report
 * starts with the shortest request that shows each problem.
 */
const FIXED_CASES: readonly unknown[] = [
  { query: 'mutation { __typename }' },
  { query: 'subscription { __typename }' },
  { query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: null } },
  { query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: {} } },
  { query: 'query ($id: ID!) { node(id: $id) { id } }', variables: {} },
  { query: 'query ($first: Int) { people(first: $first) { totalCount } }', variables: { first: 'ten' } },
  { query: 'query ($f: EntityFilter) { people(filter: $f) { totalCount } }', variables: { f: { text: 1, nope: 2 } } },
  { query: '{ people(first: "ten") { totalCount } }' },
];

function fixedRequest(body: unknown, index: number): ProbeRequest {
  return { label: `fixed#${index} fixed`, method: 'POST', path: '/graphql', headers: JSON_HEADERS, body: JSON.stringify(body) };
}

/** Ids of real nodes, so most generated lookups find something and walk relationships. */
async function existingIds(origin: string): Promise<string[]> {
  const lists = ['people', 'nations', 'organizations', 'commitments', 'events', 'statements', 'stances'];
  const query = `{ ${lists.map((l) => `${l}(first: 100) { edges { node { id } } }`).join(' ')} sources { id } }`;
  const res = await fetch(`${origin}/graphql`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data?: Record<string, { edges?: { node: { id: string } }[] } | { id: string }[]> };
  const ids = Object.values(body.data ?? {}).flatMap((v) =>
    Array.isArray(v) ? v.map((s) => s.id) : (v.edges ?? []).map((e) => e.node.id),
  );
  if (ids.length < 20) throw new Error(`Expected the seeded graph, found ${ids.length} ids`);
  return ids;
}

interface FuzzContext {
  schema: ReturnType<typeof buildSchema>;
  options: RandomOperationOptions;
  maxBodyBytes: number;
}

/** Request number `index` of the run: its kind drawn by MIX, its content from `rng`. */
function fuzzRequest(rng: Prng, index: number, ctx: FuzzContext): ProbeRequest {
  const kind = weighted(rng, MIX);
  const label = (what: string) => `#${index} ${kind} ${what}`;
  const post = (what: string, body: string | Uint8Array, headers: Record<string, string> = JSON_HEADERS): ProbeRequest => ({
    label: label(what),
    method: 'POST',
    path: '/graphql',
    headers,
    body,
  });
  const operation = () => randomOperation(ctx.schema, rng, ctx.options);

  switch (kind) {
    case 'operation':
      return post('random operation', JSON.stringify(operation()));
    case 'mutated': {
      const op = operation();
      const mutation = rng.pick(MUTATIONS);
      if (rng.chance(0.2)) {
        // Damage the JSON text itself rather than the operation inside it.
        return post(`${mutation.name} (JSON)`, mutation.apply(JSON.stringify(op), rng));
      }
      return post(mutation.name, JSON.stringify({ ...op, query: mutation.apply(op.query, rng) }));
    }
    case 'json':
      return post('malformed JSON', malformedJson(rng, JSON.stringify(operation())));
    case 'content-type': {
      const type = rng.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/graphql',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/xml',
        'application/json, text/plain',
        '',
      ]);
      const body = rng.chance(0.5) ? JSON.stringify(operation()) : 'query=%7B%20sources%20%7B%20id%20%7D%20%7D';
      return post(`content-type "${type}"`, body, type === '' ? {} : { 'content-type': type });
    }
    case 'get':
      return oddGet(rng, label, operation);
    case 'method': {
      const method = rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
      const path = rng.pick(['/graphql', '/graphql/', '/GRAPHQL', '/health?x=1', '/ready', '/nope', '/graphql/../health', '/%2e%2e/']);
      return {
        label: label(`${method} ${path}`),
        method,
        path,
        headers: JSON_HEADERS,
        ...(method === 'HEAD' || method === 'OPTIONS' ? {} : { body: '{}' }),
      };
    }
    case 'oversized': {
      const size = ctx.maxBodyBytes + rng.int(1, 50_000);
      const filler = rng.chance(0.5) ? 'x'.repeat(size) : ' '.repeat(size);
      return post(`oversized ${size} bytes`, JSON.stringify({ query: `{ sources { id } } #${filler}` }));
    }
    case 'deep': {
      if (rng.chance(0.5)) {
        const levels = rng.int(5, 60);
        return post(`nested ${levels} levels (executable)`, JSON.stringify({ query: deepNesting(levels) }));
      }
      const levels = rng.pick([200, 1000, 5000, 12_000]);
      return post(`nested ${levels} levels (braces)`, JSON.stringify({ query: deepBraces(levels) }));
    }
  }
}

function weighted<T>(rng: Prng, items: readonly [T, number][]): T {
  let roll = rng.next() * items.reduce((sum, [, w]) => sum + w, 0);
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return (items.at(-1) as [T, number])[0];
}

/** Bodies that are not a GraphQL request in JSON: broken JSON, other JSON values, wrong field types, batches. */
function malformedJson(rng: Prng, valid: string): string | Uint8Array {
  const choices: (() => string | Uint8Array)[] = [
    () => valid.slice(0, rng.int(0, valid.length - 1)),
    () => `${valid}}`,
    () => valid.replace(/"/, "'"),
    () => '',
    () => 'null',
    () => '[]',
    () => '"{ sources { id } }"',
    () => '42',
    () => '{}',
    () => '{"query": null}',
    () => '{"query": 5}',
    () => '{"query": ["{ sources { id } }"]}',
    () => '{"query": {"kind": "Document"}}',
    () => '{"query": "{ sources { id } }", "variables": "x"}',
    () => '{"query": "{ sources { id } }", "variables": [1, 2]}',
    () => '{"query": "{ sources { id } }", "operationName": 7}',
    () => '{"query": "{ sources { id } }", "operationName": "Nope"}',
    () => '{"query": "{ sources { id } }", "extensions": "x"}',
    () => '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
    () => '{"query": "{ sources { id } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "00"}}}',
    () => `[${valid}, ${valid}]`,
    () => '{"query": "{ sources { id } }", "__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}',
    () => `{"query": "{ sources { id } }", "variables": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
    () => '{"query": "{ sources { id } }"'.padEnd(200, ' '),
    () => '\uFEFF{"query": "{ sources { id } }"}',
    () => Uint8Array.from({ length: rng.int(1, 200) }, () => rng.int(0, 255)),
    () => Buffer.from([0xff, 0xfe, 0x7b, 0x00]),
    () => '{"query": "{ sources { id } }", "query": "{ nope }"}',
    () => '{"query": "\\ud800"}',
  ];
  return rng.pick(choices)();
}

/** GET requests with query strings a careless or hostile client might send, with or without Apollo's CSRF header. */
function oddGet(
  rng: Prng,
  label: (what: string) => string,
  operation: () => { query: string; variables: Record<string, unknown> },
): ProbeRequest {
  const op = operation();
  const enc = encodeURIComponent;
  const queries = [
    () => `query=${enc(op.query)}&variables=${enc(JSON.stringify(op.variables))}`,
    () => `query=${enc(op.query)}&variables=not-json`,
    () => `query=${enc(op.query)}&query=${enc('{ sources { id } }')}`,
    () => `query[kind]=Document&query[definitions]=1`,
    () => `query=%E0%A4%A`,
    () => `query=${enc('{ sources { id } }')}&extensions=${enc('{"persistedQuery":{"version":1,"sha256Hash":"x"}}')}`,
    () => `query=${enc('mutation { x }')}`,
    () => '',
    () => '?&&==&;',
    () => `query=${enc('{ sources { id } }')}&operationName=`,
    () => `query=${'a'.repeat(rng.pick([1000, 9000, 20_000]))}`,
    () => `variables=${enc('{"a":1}')}`,
  ];
  const preflight: Record<string, string> = rng.chance(0.6) ? { 'apollo-require-preflight': 'true' } : {};
  return { label: label('GET'), method: 'GET', path: `/graphql?${rng.pick(queries)()}`, headers: { ...preflight } };
}
