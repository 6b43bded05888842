/**
 * Limits on what one request may cost, and the security switches, over real HTTP: each refusal is
 * a clear error naming the limit and its value; production hides introspection and the landing
 * page; CSRF prevention, CORS and the persisted-operation allow-list do what they say; the request
 * log names the operation and its Cypher queries without leaking variables.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { prepareGraph } from '../../seed/prepareGraph.js';
import { testConfig, testRuntime } from '../support/testRuntime.js';

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

describe('limits and security', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const servers: RunningServer[] = [];

  /** A server with some settings changed, on its own port. */
  async function serve(overrides: Record<string, string>, logLines?: string[]): Promise<RunningServer> {
    const config = testConfig(overrides);
    const destination = logLines
      ? new Writable({
          write(chunk: Buffer, _enc, done) {
            logLines.push(...chunk.toString('utf8').trim().split('\n'));
            done();
          },
        })
      : undefined;
    const server = await startServer(config, rt.executor, createLogger(config, destination));
    servers.push(server);
    return server;
  }

  async function post(server: RunningServer, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as Body, headers: res.headers };
  }

  beforeAll(async () => {
    rt = await testRuntime();
    await prepareGraph(rt.executor, createLogger({ logLevel: 'silent' }));
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await rt.close();
  });

  describe('limits, each named with its value', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await serve({
        MAX_DEPTH: '6',
        MAX_ALIASES: '3',
        MAX_COST: '500',
        MAX_TOKENS: '300',
        MAX_PAGE_SIZE: '20',
        MAX_BODY_BYTES: '10000',
      });
    });

    it('refuses an operation deeper than MAX_DEPTH', async () => {
      const deep = '{ person(id: "person:keir-starmer") { tenures { office { tenures { person { tenures { office { name } } } } } } } }';
      const { status, body } = await post(server, deep);
      expect(status).toBe(400);
      // GraphQL Armor counts the leaf field as a level: eight here.
      expect(body.errors?.[0]?.message).toMatch(/depth limit of 6 exceeded, found 8/);
      const ok = await post(server, '{ person(id: "person:keir-starmer") { tenures { office { tenures { status } } } } }');
      expect(ok.body.errors, JSON.stringify(ok.body.errors)).toBeUndefined();
    });

    it('refuses more aliases than MAX_ALIASES', async () => {
      const { status, body } = await post(server, '{ a: sources { id } b: sources { id } c: sources { id } d: sources { id } }');
      expect(status).toBe(400);
      expect(body.errors?.[0]?.message).toMatch(/Aliases limit of 3 exceeded, found 4/);
    });

    it('refuses an operation whose estimated cost exceeds MAX_COST, counting lists by page size', async () => {
      const big = await post(server, '{ commitments(first: 5) { edges { node { evidence { supports { id } } } } } }');
      expect(big.status).toBe(400);
      // 5 commitments × (evidence at its default page of 20 × (supports at 20 …)): 2116 by the
      // estimator's rules (1 per field, a list's subtree times the items it returns).
      expect(big.body.errors?.[0]?.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'MAX_COST', max: 500, actual: 2116 });
      expect(big.body.errors?.[0]?.message).toMatch(/cost 2116 exceeds the limit of 500 \(MAX_COST\)/);
      const small = await post(server, '{ commitments(first: 2) { edges { node { name } } } }');
      expect(small.body.errors).toBeUndefined();
    });

    it('estimates the cost per variables: the same document is refused or served by its page size, in any order', async () => {
      const query = 'query Q($n: Int!) { commitments(first: $n) { edges { node { evidence { supports { id } } } } } }';
      for (const [n, refused] of [
        [5, true],
        [1, false],
        [5, true],
        [1, false],
      ] as const) {
        const { status, body } = await post(server, query, { n });
        expect(status).toBe(refused ? 400 : 200);
        expect(body.errors?.[0]?.extensions?.actual).toBe(refused ? 2116 : undefined);
      }
    });

    it('refuses a document with more tokens than MAX_TOKENS before parsing it', async () => {
      const { status, body } = await post(server, `{ ${'__typename '.repeat(400)} }`);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.message).toMatch(/300 tokens/);
    });

    it('refuses a page larger than MAX_PAGE_SIZE', async () => {
      const { body } = await post(server, '{ people(first: 21) { totalCount } }');
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/between 0 and 20/);
    });

    it('refuses a body larger than MAX_BODY_BYTES with 413', async () => {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(12000)}` }),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({
        errors: [{ message: 'Request body larger than the limit of 10000 bytes.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
      });
    });
  });

  describe('production defaults', () => {
    it('hides introspection and the landing page in production, unless enabled', async () => {
      const prod = await serve({ NODE_ENV: 'production' });
      const intro = await post(prod, '{ __schema { queryType { name } } }');
      expect(intro.body.errors?.[0]?.message).toMatch(/introspection/i);
      const page = await fetch(prod.url, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/sandbox|embeddable|graphiql/i);

      const open = await serve({ NODE_ENV: 'production', ENABLE_INTROSPECTION: 'true' });
      const allowed = await post(open, '{ __schema { queryType { name } } }');
      expect(allowed.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('serves GraphiQL in development, whole: the page loads nothing from another host', async () => {
      const dev = await serve({ NODE_ENV: 'development' });
      const page = await fetch(dev.url, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain('renderYogaGraphiQL');
      expect(html).toContain('"endpoint":"/graphql"');
      // No script, style sheet, icon, font or import from anywhere but the page itself.
      expect(html.match(/\s(?:src|href)\s*=\s*["']?(?:https?:)?\/\/[^\s"'>]+/gi)).toBeNull();
      expect(html.match(/url\(\s*["']?(?:https?:)?\/\/[^)]+\)/gi)).toBeNull();
      expect(html.match(/@import\s+[^;]*(?:https?:)?\/\//gi)).toBeNull();
      expect(html).not.toMatch(/apollographql|embeddable-sandbox/i);
      // A client asking for JSON still reaches GraphQL at the same URL.
      const json = await fetch(`${dev.url}?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      });
      expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
    });
  });

  describe('browsers and CSRF', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await serve({ CORS_ORIGINS: 'http://app.example' });
    });

    it('refuses GET and simple POSTs without a preflight (CSRF prevention)', async () => {
      const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
      expect(get.status).toBe(400);
      const form = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{"query":"{ __typename }"}',
      });
      expect(form.status).toBe(400);
      const withHeader = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(withHeader.status).toBe(200);
    });

    it('allows only the configured origins', async () => {
      const preflight = (origin: string) =>
        fetch(server.url, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        });
      expect((await preflight('http://app.example')).headers.get('access-control-allow-origin')).toBe('http://app.example');
      expect((await preflight('http://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('persisted operations', () => {
    const allowed = 'query Sources { sources { id } }';
    const id = createHash('sha256').update(allowed).digest('hex');
    let server: RunningServer;
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pq-'));
      const file = join(dir, 'manifest.json');
      writeFileSync(
        file,
        JSON.stringify({
          format: 'apollo-persisted-query-manifest',
          version: 1,
          operations: [{ id, name: 'Sources', type: 'query', body: allowed }],
        }),
      );
      server = await serve({ PERSISTED_OPERATIONS_FILE: file });
    });

    it('runs a listed operation, sent in full or by hash alone', async () => {
      const SOURCES = [
        'source:kiel-ust-r29-data-explorer',
        'source:kiel-ust-r29-eu-aid-shares',
        'source:kiel-ust-r29-procurement-trends',
        'source:kiel-ust-r29-release-info',
        'source:kiel-ust-r29-total-allocations',
        'source:kiel-ust-r29-weapons',
        'source:uk-france-coalition-ukraine-support',
      ].map((id) => ({ id }));
      expect((await post(server, allowed)).body.data).toEqual({ sources: SOURCES });
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
      });
      expect(((await res.json()) as Body).data).toEqual({ sources: SOURCES });
    });

    it('refuses anything else', async () => {
      const { status, body } = await post(server, '{ sources { id name } }');
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    });
  });

  describe('the request log', () => {
    it('names the request id, operation, duration and Cypher queries, and no variables', async () => {
      const lines: string[] = [];
      const server = await serve({ LOG_LEVEL: 'info' }, lines);
      await post(
        server,
        'query WhoIs($id: ID!) { person(id: $id) { name tenures { status } } }',
        { id: 'person:keir-starmer' },
        { 'x-request-id': 'req-123' },
      );
      const entry = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((e) => e.msg === 'graphql request');
      expect(entry).toMatchObject({
        requestId: 'req-123',
        operationName: 'WhoIs',
        // A lookup and the fields below it are one Cypher query (src/graphql/translate/).
        queries: ['lookup.Person'],
        queryCount: 1,
      });
      expect(typeof entry?.durationMs).toBe('number');
      expect(lines.join('\n')).not.toContain('person:keir-starmer');
      expect(lines.join('\n')).not.toContain(testConfig().neo4j.password ?? 'no password');
    });
  });
});
