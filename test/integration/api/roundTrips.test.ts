/**
 * Execution without N+1: a request's database round trips are bounded by the depth of its
 * selection, not by how many items it returns. Root fields answered whole in Cypher (paths,
 * commitmentTotals) send exactly one query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/apiHarness.js';

/** Five levels of relationship fields under each root node. */
const NESTED = `query Nested($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
    ... on Commitment {
      donors {
        ... on Nation { name commitmentsMade { name recipients { ... on Nation { name } } evidence { quote source { id } } } }
      }
      evidence { quote supports { id } }
    }
  }
}`;

describe('round trips per request', () => {
  let api: ApiHarness;
  let commitmentIds: string[];

  beforeAll(async () => {
    // The nested query over every commitment may hold more than MAX_COST allows by default (the
    // estimate bounds it at ~290 000 values with every list at its default page of 20): this
    // test is about batching, so it raises the limit.
    api = await apiHarness({ MAX_COST: '1000000', MAX_ANSWER_ITEMS: '1000000', MAX_INFLIGHT_ITEMS: '1000000' });
    const { data } = await api.execute<{ commitments: { edges: { node: { id: string } }[] } }>(
      // The article's commitments: each walks a different shape (the tracker's are all alike).
      '{ commitments(filter: {sourceIds: ["source:uk-france-coalition-ukraine-support"]}, first: 100) { edges { node { id } } } }',
    );
    commitmentIds = (data?.commitments.edges.map((e) => e.node.id) ?? []).sort();
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  it('does not grow with the number of items returned', async () => {
    expect(commitmentIds.length).toBe(11);
    // One commitment that walks every field of the selection (its donor is a nation) …
    const one = await api.execute(NESTED, { ids: ['commitment:uk-ukraine-era-loan-2-26bn'] });
    const all = await api.execute(NESTED, { ids: commitmentIds });
    expect(one.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    // … against all of them: many more items …
    expect(JSON.stringify(all.data).length).toBeGreaterThan(5 * JSON.stringify(one.data).length);
    // … and no more queries: at most one per depth of the selection — the root lookup, then one
    // query for all the relationship fields of each of the four levels below it = 5. A larger
    // request may need fewer, when the per-request cache already holds what a level asks for.
    const bound = 5;
    expect(one.queries.length).toBeLessThanOrEqual(bound);
    expect(all.queries.length).toBeLessThanOrEqual(one.queries.length);
  });

  it('fetches all the relationship fields of one level in one query', async () => {
    const { queries } = await api.execute(NESTED, { ids: commitmentIds });
    const names = queries.map((q) => q.name);
    // Level by level: the root nodes; donors and evidence; commitmentsMade and supports; recipients,
    // evidence and source. A field appears once per level it is asked at, inside that level's query.
    expect(names[0]).toBe('node.byId.Commitment');
    expect(names[1]).toBe('relation.Commitment.donors+Commitment.evidence');
    expect(names[2]).toMatch(/^relation\..*Nation\.commitmentsMade/);
    expect(names[3]).toMatch(/^relation\..*Commitment\.recipients/);
    for (const name of names.slice(1)) expect(name).toMatch(/^relation\./);
    expect(names.length).toBeLessThanOrEqual(5);
  });

  it('answers a whole source with every evidence span and what each supports in a handful of queries', async () => {
    const { data, queries, errors } = await api.execute<{ source: { evidenceCount: number; evidence: { supports: unknown[] }[] } }>(
      '{ source(id: "source:uk-france-coalition-ukraine-support") { evidenceCount evidence(first: 100) { quote supports { id name ... on Commitment { donors { ... on Nation { name } } } } } } }',
    );
    expect(errors).toBeUndefined();
    const evidence = data?.source.evidence ?? [];
    expect(data?.source.evidenceCount).toBe(213);
    expect(evidence.length).toBe(100);
    expect(queries.length).toBeLessThanOrEqual(4);
  });

  it.each([
    ['paths found', { fromId: 'person:rachel-reeves', toId: 'nation:ua', maxHops: 3 }, false],
    ['paths from a node to itself', { fromId: 'person:rachel-reeves', toId: 'person:rachel-reeves' }, false],
    ['paths with none found', { fromId: 'person:rachel-reeves', toId: 'nation:ua', maxHops: 1 }, false],
    ['paths to an id that names nothing', { fromId: 'person:rachel-reeves', toId: 'nation:zz' }, true],
  ])('answers %s with exactly one Cypher query: endpoints and paths together', async (_name, variables, notFound) => {
    const { errors, queries } = await api.execute(
      `query ($fromId: ID!, $toId: ID!, $maxHops: Int) {
        paths(fromId: $fromId, toId: $toId, maxHops: $maxHops) { from { id name } to { id name } paths { length nodes { id name } edges { id type } } }
      }`,
      variables,
    );
    expect(errors?.[0]?.extensions?.code).toBe(notFound ? 'NOT_FOUND' : undefined);
    expect(queries.map((q) => q.name)).toEqual(['graph.paths']);
  });

  it.each(['DONOR', 'RECIPIENT', 'KIND', 'STATUS', 'YEAR', 'MONTH', 'SOURCE'])(
    'answers commitmentTotals by %s with exactly one Cypher query: sums, pages, sources and titles together',
    async (groupBy) => {
      const { data, errors, queries } = await api.execute<{ commitmentTotals: { groupCount: number; sources: unknown[] } }>(
        `query ($groupBy: TotalsGroupBy!) {
          commitmentTotals(groupBy: $groupBy, currency: "GBP", filter: { donorId: "nation:gb" }) {
            groups(first: 100) { actor { ... on Node { id name } } label total count approximate source { id name } sources { id } sourceCount commitments { id name } }
            groupCount conversions { rate exchangeRate { id name } } conversionCount unconverted { id name } unconvertedCount
            partsSkipped withoutAmount sources { id name } sourceCount
          }
        }`,
        { groupBy },
      );
      expect(errors).toBeUndefined();
      expect(data?.commitmentTotals.groupCount).toBeGreaterThan(0);
      expect(data?.commitmentTotals.sources.length).toBeGreaterThan(0);
      expect(queries.map((q) => q.name)).toEqual(['totals.commitments']);
    },
  );
});
