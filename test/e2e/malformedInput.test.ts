/**
 * Malformed input stays a 400, over real HTTP: variables nested thousands of levels deep, huge
 * argument values and huge operation names get a short client error, never a 500, and neither the
 * answer nor the log repeats more than a short prefix of what was sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { prepareGraph } from '../../seed/prepareGraph.js';
import { capturedLogger, summariseLogged, type CapturedLogger } from '../support/capturedLogger.js';
import { testRuntime } from '../support/testRuntime.js';

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** JSON text of a value nested `levels` deep: `{"a":{"a":…1…}}`, built as text (JSON.stringify would recurse). */
const nestedObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const nestedArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** The longest answer we accept for a refused request: a short message, not the input. */
const SHORT = 600;

describe('malformed input stays a 400', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let server: RunningServer;
  let origin: string;
  // Every line at info and above: the request log is info, a crash would be error.
  let log: CapturedLogger;

  async function postText(text: string) {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    const raw = await res.text();
    return { status: res.status, raw, body: JSON.parse(raw) as Body };
  }

  async function get(search: string) {
    const res = await fetch(`${server.url}?${search}`, { headers: { 'apollo-require-preflight': 'true' } });
    const raw = await res.text();
    return { status: res.status, raw, body: JSON.parse(raw) as Body };
  }

  const errorLines = () => log.entries.filter((e) => typeof e.level === 'number' && e.level >= 50);

  beforeAll(async () => {
    rt = await testRuntime();
    await prepareGraph(rt.executor, createLogger({ logLevel: 'silent' }));
    log = capturedLogger('info');
    server = await startServer(rt.config, rt.executor, log.logger);
    origin = new URL(server.url).origin;
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await rt?.close();
  });

  describe('deeply nested variables', () => {
    for (const [what, query] of [
      ['undeclared', '{ sources { id } }'],
      ['declared', 'query ($f: EntityFilter) { people(filter: $f) { totalCount } }'],
    ] as const) {
      it(`refuses ${what} variables 10,000 levels deep with a short 400, and logs no error`, async () => {
        const before = log.entries.length;
        for (const nested of [nestedObject(10_000), nestedArray(10_000)]) {
          const { status, raw, body } = await postText(`{"query": ${JSON.stringify(query)}, "variables": {"f": ${nested}}}`);
          expect(status).toBe(400);
          expect(raw.length).toBeLessThan(SHORT);
          expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST', limit: 'MAX_INPUT_DEPTH', max: 32 });
          expect(body.errors?.[0]?.message).toMatch(/nested deeper than 32/);
        }
        expect(errorLines(), summariseLogged(errorLines()).join('\n')).toEqual([]);
        expect(log.entries.slice(before).every((e) => JSON.stringify(e).length < SHORT)).toBe(true);
      });
    }

    it('refuses deeply nested extensions too', async () => {
      const { status, body } = await postText(`{"query": "{ sources { id } }", "extensions": {"x": ${nestedArray(5000)}}}`);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.limit).toBe('MAX_INPUT_DEPTH');
    });

    it('refuses nested variables in a GET query string', async () => {
      // `[` and `]` need no escaping in a query string: 5,000 levels fit in Node's 16 KB header limit.
      const { status, raw, body } = await get(`query=${encodeURIComponent('{ sources { id } }')}&variables={"f":${nestedArray(5000)}}`);
      expect(status).toBe(400);
      expect(raw.length).toBeLessThan(SHORT);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST', limit: 'MAX_INPUT_DEPTH', max: 32 });
      expect(errorLines()).toEqual([]);
    });

    it('accepts variables nested up to the limit', async () => {
      // 32 levels counted from the variables object: {"f": {"text": …}} is 2.
      const ok = await postText(
        JSON.stringify({ query: 'query ($f: EntityFilter) { people(filter: $f) { totalCount } }', variables: { f: { text: 'Healey' } } }),
      );
      expect(ok.status).toBe(200);
      expect(ok.body.errors).toBeUndefined();
      const atLimit = await postText(`{"query": "{ sources { id } }", "variables": {"unused": ${nestedArray(31)}}}`);
      expect(atLimit.status).toBe(200);
      expect(atLimit.body.errors).toBeUndefined();
      const overLimit = await postText(`{"query": "{ sources { id } }", "variables": {"unused": ${nestedArray(32)}}}`);
      expect(overLimit.status).toBe(400);
    });
  });

  describe('huge values are not echoed', () => {
    const huge = 'A'.repeat(99_000);

    it('a 99 KB variable value of the wrong type: a short message', async () => {
      const { status, raw, body } = await postText(
        JSON.stringify({ query: 'query ($n: Int) { people(first: $n) { totalCount } }', variables: { n: huge } }),
      );
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message.length).toBeLessThan(400);
      expect(body.errors?.[0]?.message).toMatch(/^Variable "\$n" got invalid value "AAAA.*… \(truncated\)$/);
      expect(raw.length).toBeLessThan(SHORT);
    });

    it('a 99 KB inline argument: a short message', async () => {
      const { status, raw, body } = await postText(JSON.stringify({ query: `{ people(first: "${huge}") { totalCount } }` }));
      expect(status).toBe(400);
      expect(body.errors?.[0]?.message.length).toBeLessThan(400);
      expect(raw.length).toBeLessThan(SHORT + 200);
    });

    it('a 99 KB field name: a short message', async () => {
      const { status, raw, body } = await postText(JSON.stringify({ query: `{ ${'f'.repeat(99_000)} }` }));
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors?.[0]?.message).toMatch(/^Cannot query field "ffff.*… \(truncated\)$/);
      expect(body.errors?.[0]?.message.length).toBeLessThan(400);
      expect(raw.length).toBeLessThan(SHORT + 200);
    });
  });

  describe('huge operation names', () => {
    const name = `Op${'x'.repeat(90_000)}`;

    it('refuses a 90 KB operationName with a short 400, logging only a short line', async () => {
      const before = log.entries.length;
      const { status, raw, body } = await postText(JSON.stringify({ query: '{ sources { id } }', operationName: name }));
      expect(status).toBe(400);
      expect(raw.length).toBeLessThan(SHORT);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST', limit: 'MAX_OPERATION_NAME_LENGTH', max: 256 });
      const logged = log.entries.slice(before);
      expect(logged.every((e) => JSON.stringify(e).length < SHORT)).toBe(true);
      expect(errorLines()).toEqual([]);
    });

    it('refuses a 90 KB operationName in a GET query string', async () => {
      const { status, body } = await get(`query=${encodeURIComponent('{ sources { id } }')}&operationName=${'x'.repeat(9000)}`);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.limit).toBe('MAX_OPERATION_NAME_LENGTH');
    });

    it('runs an operation whose name in the document is 90 KB, logging a short prefix of it', async () => {
      const before = log.entries.length;
      const { status, body } = await postText(JSON.stringify({ query: `query ${name} { sources { id } }` }));
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const entry = log.entries.slice(before).find((e) => e.msg === 'graphql request');
      expect(String(entry?.operationName)).toMatch(/^Opxxx.*… \(truncated\)$/);
      expect(JSON.stringify(entry).length).toBeLessThan(SHORT);
    });

    it('a 90 KB operationName that names no operation: a short message', async () => {
      const { status, raw } = await postText(
        JSON.stringify({ query: `query A { sources { id } } query B { sources { id } }`, operationName: 'C'.repeat(250) }),
      );
      expect(status).toBe(400);
      expect(raw.length).toBeLessThan(SHORT);
    });
  });

  describe('the body parser', () => {
    it('answers invalid JSON with a short 400 that does not quote the body', async () => {
      const { status, raw, body } = await postText(`{"query": "${'B'.repeat(50_000)}`);
      expect(status).toBe(400);
      expect(body).toEqual({ errors: [{ message: 'Bad request.', extensions: { code: 'BAD_REQUEST' } }] });
      expect(raw).not.toContain('BBBB');
    });

    it('parses JSON nested 40,000 levels deep without overflowing, then refuses it', async () => {
      const { status, body } = await postText(`{"query": "{ sources { id } }", "variables": {"f": ${nestedArray(40_000)}}}`);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.limit).toBe('MAX_INPUT_DEPTH');
    });
  });

  it('serves normal requests as before, over POST and GET', async () => {
    const post = await postText(
      JSON.stringify({
        query: 'query WhoIs($id: ID!) { person(id: $id) { name } }',
        operationName: 'WhoIs',
        variables: { id: 'person:keir-starmer' },
      }),
    );
    expect(post.status).toBe(200);
    expect(post.body).toEqual({ data: { person: { name: 'Keir Starmer' } } });
    const viaGet = await get(
      `query=${encodeURIComponent('query WhoIs($id: ID!) { person(id: $id) { name } }')}&operationName=WhoIs&variables=${encodeURIComponent('{"id":"person:keir-starmer"}')}`,
    );
    expect(viaGet.status).toBe(200);
    expect(viaGet.body).toEqual({ data: { person: { name: 'Keir Starmer' } } });
    const health = await fetch(`${origin}/health`);
    expect(health.status).toBe(200);
    expect(errorLines()).toEqual([]);
  });
});
