/**
 * The API over real HTTP, against the seeded test Neo4j: search, pagination across pages, a path
 * query, and error cases, as a frontend would see them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { planSeed, prepareGraph } from '../../seed/prepareGraph.js';
import type { PlannedRel } from '../../seed/plan/plan.js';
import { writeGraph } from '../../seed/write/writeGraph.js';
import { NODE_LABELS, REL_TYPES } from '../../src/model/vocabulary.js';
import { testRuntime } from '../support/testRuntime.js';

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('the API over HTTP', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let server: RunningServer;

  async function post<T>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLResponse<T> }> {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as GraphQLResponse<T> };
  }

  beforeAll(async () => {
    rt = await testRuntime();
    const logger = createLogger({ logLevel: 'silent' });
    await prepareGraph(rt.executor, logger);
    server = await startServer(rt.config, rt.executor, logger);
  }, 120_000);
  afterAll(async () => {
    await server.stop();
    await rt.close();
  });

  it('finds people by an alias as written, best match first', async () => {
    const { status, body } = await post<{ search: { score: number; node: { id: string; name: string } }[] }>(
      '{ search(query: "Mr Healey", first: 5) { score node { id name } } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.search[0]?.node.id).toBe('person:john-healey');
    const scores = body.data?.search.map((hit) => hit.score) ?? [];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('pages through every commitment with keyset cursors, each exactly once', async () => {
    const query = `query Page($after: String) {
      commitments(first: 3, after: $after, orderBy: { field: NAME, direction: ASC }, filter: { sourceIds: ["source:uk-france-coalition-ukraine-support"] }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id name } }
      }
    }`;
    type Page = {
      commitments: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { cursor: string; node: { id: string; name: string } }[];
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response: { body: GraphQLResponse<Page> } = await post<Page>(query, { after });
      expect(response.body.errors).toBeUndefined();
      const page: Page['commitments'] | undefined = response.body.data?.commitments;
      if (!page) throw new Error('no page');
      expect(page.totalCount).toBe(11);
      seen.push(...page.edges.map((e) => e.node.id));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(11);
    const { body: all } = await post<Page>(
      '{ commitments(first: 100, orderBy: { field: NAME, direction: ASC }, filter: { sourceIds: ["source:uk-france-coalition-ukraine-support"] }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }',
    );
    expect(seen).toEqual(all.data?.commitments.edges.map((e) => e.node.id));
  });

  it('shows how a minister is connected to Ukraine, as nodes and edges', async () => {
    const { body } = await post<{
      paths: { paths: { length: number; nodes: { id: string }[]; edges: { type: string; fromId: string; toId: string }[] }[] };
    }>(
      '{ paths(fromId: "person:rachel-reeves", toId: "nation:ua", maxHops: 3) { paths { length nodes { id } edges { type fromId toId } } } }',
    );
    expect(body.errors).toBeUndefined();
    const paths = body.data?.paths.paths ?? [];
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path.nodes[0]?.id).toBe('person:rachel-reeves');
      expect(path.nodes.at(-1)?.id).toBe('nation:ua');
      expect(path.edges).toHaveLength(path.length);
    }
    // She approved the loan, which goes to Ukraine.
    expect(paths.map((p) => p.nodes.map((n) => n.id).join(' > '))).toContain(
      'person:rachel-reeves > commitment:uk-ukraine-era-loan-2-26bn > nation:ua',
    );
  });

  it('refuses a page larger than the limit with BAD_USER_INPUT naming it', async () => {
    const { status, body } = await post('{ commitments(first: 1000) { totalCount } }');
    // Refused by the cost check, before execution and before it reserves anything: a 400.
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/first.*100/);
  });

  it('answers NOT_FOUND for a path from a node that does not exist', async () => {
    const { body } = await post('{ paths(fromId: "person:nobody-at-all", toId: "nation:ua") { paths { length } } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(body.errors?.[0]?.message).toMatch(/person:nobody-at-all/);
  });

  it('answers a malformed request plainly, without internals', async () => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.js|node_modules|stack/i);
    const { body } = await post('{ person(id: "person:keir-starmer") { nme } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('is not ready while a batched load has left the graph partially updated, and ready again once a load completes it', async () => {
    const ready = async () => {
      const res = await fetch(new URL('/ready', server.url));
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect(await ready()).toEqual({ status: 200, body: { ready: true, neo4j: 'reachable', graph: 'complete' } });

    // A batched load whose last batch Neo4j refuses (a map is no property value), after the others committed.
    const plan = await planSeed();
    const last = plan.rels[plan.rels.length - 1]!;
    const broken = {
      ...plan,
      rels: [...plan.rels.slice(0, -1), { ...last, props: { nested: { not: 'a property value' } } as unknown as PlannedRel['props'] }],
    };
    const state = {
      status: 'complete' as const,
      inputHash: '-',
      references: [],
      units: [],
      sharedLabels: [],
      counts: { nodes: {}, relationships: {} },
    };
    await expect(
      writeGraph(rt.executor, broken, { labels: NODE_LABELS, relTypes: REL_TYPES }, { mode: 'batched', batchRows: 2000, loadState: state }),
    ).rejects.toThrow(/PARTIALLY UPDATED/);
    const partial = await ready();
    expect(partial.status).toBe(503);
    expect(partial.body).toMatchObject({ ready: false, neo4j: 'reachable', graph: 'partially updated' });
    expect(partial.body.reason).toMatch(/batched load has not completed/);

    const report = await prepareGraph(rt.executor, createLogger({ logLevel: 'silent' }));
    expect(report).toMatchObject({ action: 'full', reason: 'the last load did not complete' });
    expect(await ready()).toEqual({ status: 200, body: { ready: true, neo4j: 'reachable', graph: 'complete' } });
  });
});
