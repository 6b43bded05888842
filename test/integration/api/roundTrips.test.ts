/**
 * Execution without N+1: a request's database round trips are bounded by the depth of its
 * selection, not by how many items it returns. Root fields answered whole in Cypher (paths,
 * commitmentTotals, the lookups by id) send exactly one query; a lookup answers as the loaders
 * answer it field by field (`translate: false`), on every field of every node type.
 */
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../../src/db/cypher.js';
import { buildSchema } from '../../../src/graphql/schema.js';
import { fieldKind } from '../../../src/graphql/translate/planSelection.js';
import {
  MAX_TRANSLATED_DEPTH,
  ONE_QUERY_OF_THEIR_OWN,
  TRANSLATED_LOOKUPS,
  UNTRANSLATED_ROOT_FIELDS,
} from '../../../src/graphql/translate/untranslated.js';
import { NODE_LABELS } from '../../../src/model/vocabulary.js';
import { apiHarness, type ApiHarness } from '../../support/apiHarness.js';
import { testRuntime } from '../../support/testRuntime.js';

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

/** The example (`recipients` is a union of actors in the SDL, so their fields come through `Node`). */
const NATION_NESTED = `query Nested($id: ID!) {
  nation(id: $id) {
    id name
    commitmentsMade(first: 100) {
      id name amount { value currency }
      recipients(first: 20) { ... on Node { id name } }
      evidence(first: 20) { id quote }
    }
  }
}`;

/** Four levels below the root, through a union, an interface, a single neighbour and a fact's source. */
const FOUR_LEVELS = `query Four($id: ID!) {
  person(id: $id) {
    name statementsCount
    statements(first: 10) {
      text kind occasion { name time { stated precision } }
      about(first: 5) {
        __typename
        ... on Node { id name }
        ... on Evidenced { evidenceCount evidence(first: 2) { quote source { title } supports(first: 3) { __typename ... on Node { id } } } }
      }
      source { title }
    }
  }
}`;

/** Fragments, aliases of one field with different pages, directives and variables together. */
const SHAPES = `query Shapes($id: ID!, $few: Int!, $withEvidence: Boolean!, $terse: Boolean!) {
  commitment(id: $id) {
    ...Basics
    few: evidence(first: $few) { quote }
    many: evidence(first: 50) { ...Span }
    evidence @include(if: $withEvidence) { start }
    description @skip(if: $terse)
    donors { __typename ... on Nation { iso2 ...Made } ... on Organization { kind } }
    parts { ...Basics amount { stated } }
  }
}
fragment Basics on Commitment { name status ... on Evidenced { flags notes } time { precision stated date } }
fragment Span on Evidence { start end source { id } }
fragment Made on ActorFields { commitmentsMadeCount firstTwo: commitmentsMade(first: 2) { name } }`;

/** A node's whole selection, one level deep: every field of the type, each neighbour with its own scalar fields. */
function everyField(type: GraphQLObjectType): string {
  const leaves = (object: GraphQLObjectType): string =>
    Object.values(object.getFields())
      .filter((field) => isLeafType(getNamedType(field.type)))
      .map((field) => field.name)
      .join(' ');
  const neighbour = (field: GraphQLField<unknown, unknown>): string => {
    const named = getNamedType(field.type);
    switch (named.name) {
      case 'Mention':
        return '{ surfaceForm honorific evidence { id quote start } }';
      case 'Participation':
        return '{ role inferred actor { __typename ... on Node { id name } } event { id name } }';
      case 'SystemCount':
        return '{ count stated system { id name aliases } }';
      default:
        return isAbstractType(named) ? '{ __typename ... on Node { id name } }' : isObjectType(named) ? `{ ${leaves(named)} }` : '';
    }
  };
  return Object.values(type.getFields())
    .map((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return field.name;
      if (isObjectType(named) && fieldKind(type, field.name) === 'valueObject') return `${field.name} { ${leaves(named)} }`;
      const page = isListType(getNullableType(field.type)) ? '(first: 3)' : '';
      return `${field.name}${page} ${neighbour(field)}`;
    })
    .join('\n');
}

describe('one Cypher query per lookup, answering as the loaders do', () => {
  let api: ApiHarness;
  /** The two nodes of each label with the most relationships. */
  const busiest = new Map<string, string[]>();
  const schema = buildSchema();

  beforeAll(async () => {
    api = await apiHarness({ MAX_COST: '1000000', MAX_ANSWER_ITEMS: '1000000', MAX_INFLIGHT_ITEMS: '1000000' });
    const rt = await testRuntime();
    try {
      for (const label of NODE_LABELS) {
        const rows = await rt.executor.read(
          cypher('test.busiest', `MATCH (n:${label}) WITH n ORDER BY COUNT { (n)--() } DESC, n.id LIMIT 2 RETURN n.id AS id`),
        );
        busiest.set(
          label,
          rows.flatMap((row) => (typeof row.id === 'string' ? [row.id] : [])),
        );
      }
    } finally {
      await rt.close();
    }
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  /** Runs the operation translated and not, and checks the answers are equal; returns the translated run. */
  async function both<T>(operation: string, variables: Record<string, unknown>) {
    const translated = await api.execute<T>(operation, variables);
    const loaded = await api.execute<T>(operation, variables, { translate: false });
    expect(translated.errors).toEqual(loaded.errors);
    expect(translated.data).toEqual(loaded.data);
    return { translated, loaded };
  }

  it('answers the issue’s nested nation in one query instead of one per level', async () => {
    const { translated, loaded } = await both<{ nation: { commitmentsMade: unknown[] } }>(NATION_NESTED, { id: 'nation:gb' });
    expect(translated.errors).toBeUndefined();
    expect(translated.data?.nation.commitmentsMade.length).toBeGreaterThan(10);
    expect(translated.queries.map((q) => q.name)).toEqual(['lookup.Nation']);
    expect(loaded.queries.length).toBe(3);
  });

  it(`leaves four levels below a person to the loaders (deeper than MAX_TRANSLATED_DEPTH = ${MAX_TRANSLATED_DEPTH}), with the same answer`, async () => {
    const { translated, loaded } = await both<{ person: { statements: unknown[] } }>(FOUR_LEVELS, { id: 'person:john-healey' });
    expect(translated.errors).toBeUndefined();
    expect(translated.data?.person.statements.length).toBeGreaterThan(0);
    expect(translated.queries[0]?.name).toBe('node.byId.Person');
    expect(translated.queries.map((q) => q.name)).toEqual(loaded.queries.map((q) => q.name));
    expect(loaded.queries.length).toBeGreaterThan(4);
  });

  it.each([[{ withEvidence: true, terse: false, few: 1 }], [{ withEvidence: false, terse: true, few: 0 }]])(
    'answers fragments, aliases, directives and variables alike (%j)',
    async (variables) => {
      const { translated } = await both(SHAPES, { id: 'commitment:uk-ukraine-era-loan-2-26bn', ...variables });
      expect(translated.errors).toBeUndefined();
      expect(translated.queries.map((q) => q.name)).toEqual(['lookup.Commitment']);
    },
  );

  it.each([
    [
      'the parent’s own end of a participation, whose fields share response keys with the parent’s',
      '{ nation(id: "nation:gb") { commitmentsMade(first: 1) { id } participations(first: 3) { role actor { ... on Nation { name commitmentsMade(first: 3) { id name } } } } } }',
      1,
    ],
    [
      'one neighbour under two aliases asking one field with different first (each alias loads its own)',
      '{ nation(id: "nation:gb") { mentions(first: 2) { a: evidence { quote } b: evidence { id } } evidence(first: 2) { c: supports(first: 1) { __typename } d: supports(first: 3) { ... on Node { id } } } } }',
      1,
    ],
  ])('answers %s as the loaders do', async (_name, operation, queries) => {
    const { translated } = await both(operation, {});
    expect(translated.errors).toBeUndefined();
    expect(translated.queries.length).toBe(queries);
  });

  it('gives each lookup of an operation its own one query', async () => {
    const { translated } = await both(
      `{ a: nation(id: "nation:gb") { name } b: nation(id: "nation:ua") { name evidenceCount } p: person(id: "person:keir-starmer") { name } }`,
      {},
    );
    expect(translated.queries.map((q) => q.name)).toEqual(['lookup.Nation', 'lookup.Nation', 'lookup.Person']);
  });

  it.each(NODE_LABELS.map((label) => [label]))('answers every field of a %s as the loaders do, in one query', async (label) => {
    const ids = busiest.get(label) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    const type = schema.getType(label) as GraphQLObjectType;
    const operation = `query ($id: ID!) { node(id: $id) { ... on ${label} { ${everyField(type)} } } }`;
    for (const id of ids) {
      const { translated } = await both<{ node: { id: string } | null }>(operation, { id });
      expect(translated.errors).toBeUndefined();
      expect(translated.data?.node?.id).toBe(id);
      expect(translated.queries.map((q) => q.name)).toEqual([`lookup.${label}`]);
    }
  });

  it('keeps null for an id that names nothing (one query) or another type (none), and refuses a malformed id', async () => {
    const missing = await both('{ nation(id: "nation:zz") { name commitmentsMade { name } } }', {});
    expect(missing.translated.data).toEqual({ nation: null });
    expect(missing.translated.queries.map((q) => q.name)).toEqual(['lookup.Nation']);
    const other = await both('{ person(id: "nation:gb") { name } }', {});
    expect(other.translated.data).toEqual({ person: null });
    expect(other.translated.queries).toEqual([]);
    const malformed = await both('{ node(id: "not an id") { id } }', {});
    expect(malformed.translated.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(malformed.translated.queries).toEqual([]);
    const page = await both('{ nation(id: "nation:gb") { evidence(first: 101) { quote } } }', {});
    expect(page.translated.errors?.[0]?.message).toContain('MAX_PAGE_SIZE');
    expect(page.translated.queries).toEqual([]);
  });

  it('names the root fields that are not one query yet, and every root field is in exactly one list', () => {
    expect(Object.keys(UNTRANSLATED_ROOT_FIELDS).sort()).toEqual(
      [
        'datasets',
        'events',
        'figures',
        'gdpShares',
        'heavyWeaponTotals',
        'heavyWeapons',
        'monthlySeries',
        'nations',
        'neighbourhood',
        'nodes',
        'organizations',
        'people',
        'search',
        'sources',
        'stances',
        'statements',
        'timeline',
        'commitments',
      ].sort(),
    );
    const listed = [...TRANSLATED_LOOKUPS, ...Object.keys(ONE_QUERY_OF_THEIR_OWN), ...Object.keys(UNTRANSLATED_ROOT_FIELDS)];
    expect(listed.sort()).toEqual(Object.keys(schema.getQueryType()?.getFields() ?? {}).sort());
  });
});

describe('a translated lookup counts its answer against the budget', () => {
  let small: ApiHarness;
  beforeAll(async () => {
    small = await apiHarness({ MAX_ANSWER_ITEMS: '30', MAX_INFLIGHT_ITEMS: '1000' });
  }, 120_000);
  afterAll(async () => {
    await small.close();
  });

  it('stops an answer past MAX_ANSWER_ITEMS as the loaders do', async () => {
    // 1 nation + a list of 5 mentions + their 5 evidence spans = 11 items: one lookup fits.
    const lookup = (alias: string) => `${alias}: nation(id: "nation:gb") { mentions(first: 5) { evidence { quote } } }`;
    const fits = await small.execute(`{ ${lookup('a')} }`);
    expect(fits.errors).toBeUndefined();
    expect(fits.queries.map((q) => q.name)).toEqual(['lookup.Nation']);
    // Three of them hold 33: each lookup's query fetches its 11, the answer is refused as it grows.
    const operation = `{ ${lookup('a')} ${lookup('b')} ${lookup('c')} }`;
    const translated = await small.execute(operation);
    const loaded = await small.execute(operation, undefined, { translate: false });
    expect(translated.queries.map((q) => q.name)).toEqual(['lookup.Nation', 'lookup.Nation', 'lookup.Nation']);
    expect(translated.data).toBeUndefined();
    expect(translated.errors).toEqual(loaded.errors);
    expect(translated.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_ANSWER_ITEMS', max: 30 });
  });

  it('leaves to the loaders a lookup that could return more than MAX_ANSWER_ITEMS, which the budget stops level by level', async () => {
    const { errors, queries } = await small.execute('{ nation(id: "nation:gb") { mentions(first: 20) { evidence { quote } } } }');
    expect(queries.map((q) => q.name)).toEqual(['node.byId.Nation', 'relation.Nation.mentions']);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_ANSWER_ITEMS', max: 30 });
  });
});
