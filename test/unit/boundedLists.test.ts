/**
 * No answer grows with the data without a bound. Walks the whole schema: every list of objects
 * has a size argument with a default, or a fixed bound the cost estimate knows; lists of scalars
 * are properties stored on one node, and only the reviewed ones exist. The estimate, the cache of
 * estimates and the failure modes are checked here without a database.
 */
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  parse,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.js';
import { CostCache, cacheKey } from '../../src/graphql/costCache.js';
import { estimateCost, FIXED_LIST_BOUNDS, listBound } from '../../src/graphql/limits.js';
import { RELATIONS, SINGLE_RELATIONS } from '../../src/queries/relations.js';
import { RELATION_PAGE_SIZE } from '../../src/graphql/resolvers/nodeResolvers.js';

const schema: GraphQLSchema = buildSchema();

/** Lists of scalars or enums: stored properties of one node, curated (flags and their notes, names). */
const STORED_PROPERTY_LISTS = new Set(['flags', 'notes', 'aliases', 'honorifics', 'header']);

function fields(): { type: string; field: GraphQLField<unknown, unknown> }[] {
  return Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t)))
    .flatMap((t) =>
      Object.values((t as { getFields: () => Record<string, GraphQLField<unknown, unknown>> }).getFields()).map((field) => ({
        type: t.name,
        field,
      })),
    );
}

const isList = (field: GraphQLField<unknown, unknown>): boolean => isListType(getNullableType(field.type));

describe('every list is bounded', () => {
  it('gives every list of objects a size argument with a default, or a fixed bound', () => {
    const unbounded: string[] = [];
    for (const { type, field } of fields()) {
      if (!isList(field) || isLeafType(getNamedType(field.type))) continue;
      const sized = field.args.find((a) => a.name === 'first' || a.name === 'limit');
      const ids = field.args.some((a) => a.name === 'ids');
      const fixed = FIXED_LIST_BOUNDS[`${type}.${field.name}`] !== undefined;
      if (sized ? typeof sized.defaultValue !== 'number' : !ids && !fixed) unbounded.push(`${type}.${field.name}`);
    }
    expect(unbounded).toEqual([]);
  });

  it('knows every field of the fixed bounds, so none is stale', () => {
    for (const key of Object.keys(FIXED_LIST_BOUNDS)) {
      const [type, name] = key.split('.') as [string, string];
      const t = schema.getType(type);
      expect(t && isObjectType(t) ? Object.keys(t.getFields()) : [], key).toContain(name);
    }
  });

  it('has lists of scalars only for the reviewed stored properties', () => {
    const leafLists = new Set(
      fields()
        .filter(({ field }) => isList(field) && isLeafType(getNamedType(field.type)))
        .map(({ field }) => field.name),
    );
    expect([...leafLists].sort()).toEqual([...STORED_PROPERTY_LISTS].sort());
  });

  it('gives every relationship list `first` (default RELATION_PAGE_SIZE) and a count', () => {
    for (const key of Object.keys(RELATIONS)) {
      if (SINGLE_RELATIONS.has(key)) continue;
      const [type, name] = key.split('.') as [string, string];
      const t = schema.getType(type);
      if (!t || !isObjectType(t)) throw new Error(`no type ${type}`);
      const field = t.getFields()[name];
      expect(field?.args.find((a) => a.name === 'first')?.defaultValue, key).toBe(RELATION_PAGE_SIZE);
      expect(String(t.getFields()[`${name}Count`]?.type), `${key}Count`).toBe('Int!');
    }
  });

  it('estimates the size of a paged root field without a list type (a connection) by its page', () => {
    const commitments = schema.getQueryType()?.getFields().commitments as GraphQLField<unknown, unknown>;
    expect(listBound('Query', commitments, { first: 7 })).toBe(7);
  });
});

describe('the cost estimate', () => {
  const cost = (query: string, variables: Record<string, unknown> = {}): number => estimateCost(schema, parse(query), undefined, variables);

  it('counts each list at the page it will serve: sent, defaulted, or null meaning the default', () => {
    const sent = cost('{ source(id: "source:x") { evidence(first: 20) { id } } }');
    expect(cost('{ source(id: "source:x") { evidence { id } } }')).toBe(sent);
    expect(cost('{ source(id: "source:x") { evidence(first: null) { id } } }')).toBe(sent);
    expect(cost('query Q($n: Int) { source(id: "source:x") { evidence(first: $n) { id } } }', { n: null })).toBe(sent);
    // source 1 + evidence (1 + 20 × id 1) = 22
    expect(sent).toBe(22);
    expect(cost('{ source(id: "source:x") { evidence(first: 100) { id } } }')).toBe(102);
  });

  it('multiplies nested lists: a fan-out chain through a hub is estimated at what it can return', () => {
    // The chain that used to kill the API was estimated at ~12,000; its real bound is 20⁴ items and more.
    const chain = '{ source(id: "source:x") { evidence { supports { evidence { source { evidence { id } } } } } } }';
    expect(cost(chain)).toBeGreaterThan(20 ** 4);
  });

  it('multiplies aliases and fragments like the fields they repeat', () => {
    const one = cost('{ source(id: "source:x") { evidence { id } } }');
    const aliased = cost('{ a: source(id: "source:x") { evidence { id } } b: source(id: "source:x") { evidence { id } } }');
    expect(aliased).toBe(2 * one);
    const viaFragment = cost('{ source(id: "source:x") { ...F } } fragment F on Source { evidence { id } }');
    expect(viaFragment).toBe(one);
  });

  it('counts paths and neighbourhoods by their limit and fixed per-item bounds', () => {
    const paths = cost('{ paths(fromId: "person:a", toId: "nation:b", limit: 10) { paths { nodes { id } edges { id } } } }');
    // paths 1 + 10 × (PathResult.paths 1 + (nodes 1 + 7 × 1) + (edges 1 + 6 × 1)) = 1 + 10 × 16
    expect(paths).toBe(161);
    const hood = cost('{ neighbourhood(id: "person:a", limit: 500) { nodes { id } edges { id } } }');
    expect(hood).toBe(1 + 500 * (2 + 1 + 4));
  });

  it('refuses a page over MAX_PAGE_SIZE before anything is reserved, naming the field and the limit', () => {
    const query = parse('{ source(id: "source:x") { evidence(first: 101) { id } } }');
    expect(() => estimateCost(schema, query, undefined, {}, 100)).toThrow(
      /Source\.evidence must be between 0 and 100 .*MAX_PAGE_SIZE.*got 101/,
    );
    expect(estimateCost(schema, parse('{ source(id: "source:x") { evidence(first: 100) { id } } }'), undefined, {}, 100)).toBe(102);
  });

  it('fails, rather than guesses, on a list with no known bound', () => {
    const field = (schema.getType('Path') as { getFields: () => Record<string, GraphQLField<unknown, unknown>> }).getFields().nodes;
    expect(() => listBound('Elsewhere', field as GraphQLField<unknown, unknown>, {})).toThrow(/no bound/);
  });

  it('gives up on a document with too many selections (a nest of fragment spreads): an error, never a number', () => {
    const fragments = Array.from({ length: 15 }, (_, i) =>
      i === 0 ? 'fragment F0 on Source { id }' : `fragment F${i} on Source { ...F${i - 1} ...F${i - 1} }`,
    ).join('\n');
    expect(() => cost(`{ source(id: "source:x") { ...F14 } } ${fragments}`)).toThrow();
  });
});

describe('the cache of estimates', () => {
  const document = parse(
    'query Q($n: Int, $q: String!, $ids: [ID!]!, $show: Boolean!) { search(query: $q, first: $n) { score } nodes(ids: $ids) { id } sources @include(if: $show) { id } }',
  );

  it('keys only on the variables that size a list or decide @include/@skip', () => {
    const base = { n: 5, q: 'starmer', ids: ['person:a'], show: true };
    const key = cacheKey(document, 'Q', base);
    expect(cacheKey(document, 'Q', { ...base, q: 'something else', junk: 'x'.repeat(10_000) })).toBe(key);
    expect(cacheKey(document, 'Q', { ...base, ids: ['person:b'] })).toBe(key);
    expect(cacheKey(document, 'Q', { ...base, ids: ['person:a', 'person:b'] })).not.toBe(key);
    expect(cacheKey(document, 'Q', { ...base, n: 6 })).not.toBe(key);
    expect(cacheKey(document, 'Q', { ...base, show: false })).not.toBe(key);
    expect(cacheKey(parse('{ sources { id } }'), 'Q', base)).not.toBe(key);
  });

  it('is bounded in entries and in key bytes, dropping the least recently used', () => {
    const cache = new CostCache(3, 100, 50);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('d', 4);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    cache.set('x'.repeat(51), 5); // longer than a key may be: not cached
    expect(cache.size).toBe(3);
    for (let i = 0; i < 10; i += 1) cache.set(`${i}`.padStart(40, 'k'), i);
    expect(cache.keyBytes).toBeLessThanOrEqual(100);
  });
});
