/**
 * Translation of Query.paths without a database: the operation in, the one Cypher query and its
 * parameters out (see translate.ts).
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { pathRequest, type PathsArgs } from '../../../src/graphql/resolvers/graphResolvers.js';
import { buildPathsQuery } from '../../../src/queries/graph/pathQueries.js';
import { translateOperation } from './translate.js';

const translate = (operation: string, variables?: Record<string, unknown>) =>
  translateOperation<PathsArgs>('paths', (args) => buildPathsQuery(pathRequest(args)), operation, variables);

describe('paths translates to one Cypher query', () => {
  it('endpoints and paths together, the hop bound written in, the ids and the limit as parameters', async () => {
    const { translations, errors } = await translate(
      '{ paths(fromId: "person:rachel-reeves", toId: "nation:ua", maxHops: 3) { paths { length } } }',
    );
    expect(errors).toEqual([]);
    expect(translations).toHaveLength(1);
    const { query, params } = translations[0]!;
    expect(query.name).toBe('graph.paths');
    expect(query.text).toMatchInlineSnapshot(`
      "// graph.paths
      OPTIONAL MATCH (a:Person {id: $fromId})
      OPTIONAL MATCH (b:Nation {id: $toId})
      CALL (a, b) {
        WITH a, b WHERE a <> b
        MATCH p = allShortestPaths((a)-[:PART_OF|COMMITTED|TO|MEASURES|SHARE_OF|INCLUDES|PARTY_TO|HAS_PART|FUNDED_BY|APPROVED|SIGNED|WAS_TO_SIGN|CONTRACTED_WITH|HOLDS|IN_OFFICE|OFFICE_OF|PARTICIPATED_IN|TOOK_PLACE_IN|CONCERNS|AFTER|SAID|DURING|ABOUT|TOOK|TOWARDS|VOICED|EXPRESSED_IN|CONFLICTS_WITH|CONVERTS|MEMBER_OF|LOCATED_IN*1..3]-(b))
        WITH p ORDER BY [n IN nodes(p) | n.id]
        LIMIT $limit
        RETURN collect({nodes: [n IN nodes(p) | CASE WHEN n:Source THEN n {.*, text: null, __label: 'Source'} ELSE n {.*, __label: labels(n)[0]} END], edges: [r IN relationships(p) | {type: type(r), fromId: startNode(r).id, toId: endNode(r).id, role: coalesce(r.role, r.surfaceForm)}]}) AS found
      }
      WITH a, b, CASE WHEN a = b THEN [{nodes: [CASE WHEN a:Source THEN a {.*, text: null, __label: 'Source'} ELSE a {.*, __label: labels(a)[0]} END], edges: []}] ELSE found END AS paths
      RETURN CASE WHEN a:Source THEN a {.*, text: null, __label: 'Source'} ELSE a {.*, __label: labels(a)[0]} END AS from, CASE WHEN b:Source THEN b {.*, text: null, __label: 'Source'} ELSE b {.*, __label: labels(b)[0]} END AS to, paths"
    `);
    // The SDL's default limit (10) travels as a parameter.
    expect(params).toEqual({ fromId: 'person:rachel-reeves', toId: 'nation:ua', limit: neo4j.int(10) });
  });

  it('walks provenance only when asked', async () => {
    const operation =
      'query ($e: Boolean) { paths(fromId: "person:keir-starmer", toId: "evidence:a:0-16", includeEvidence: $e) { from { id } } }';
    const [plain] = (await translate(operation, { e: false })).translations;
    const [withEvidence] = (await translate(operation, { e: true })).translations;
    expect(plain?.query.text).not.toMatch(/SUPPORTED_BY|FOUND_IN/);
    expect(withEvidence?.query.text).toContain('[:SUPPORTED_BY|FOUND_IN|');
    expect(withEvidence?.query.text).toContain('*1..4]');
    expect(withEvidence?.query.text).toContain('OPTIONAL MATCH (b:Evidence {id: $toId})');
  });

  it('never writes a user value into the text, and gives one text per shape whatever the values', async () => {
    const operation = 'query ($from: ID!, $to: ID!, $limit: Int) { paths(fromId: $from, toId: $to, limit: $limit) { from { id } } }';
    const first = await translate(operation, { from: 'person:x-match-n-detach-delete-n', to: 'nation:return-1', limit: 7 });
    const second = await translate(operation, { from: 'person:a', to: 'nation:b', limit: 3 });
    const [a, b] = [first.translations[0], second.translations[0]];
    expect(a?.query.text).not.toContain('x-match-n-detach-delete-n');
    expect(a?.query.text).not.toContain('return-1');
    expect(a?.query.text).not.toMatch(/\b7\b/);
    expect(a?.params).toEqual({ fromId: 'person:x-match-n-detach-delete-n', toId: 'nation:return-1', limit: neo4j.int(7) });
    expect(b?.query).toBe(a?.query);
  });

  it('gives each root field its own single query', async () => {
    const { translations } = await translate(`{
      a: paths(fromId: "person:a", toId: "nation:b") { from { id } }
      b: paths(fromId: "nation:b", toId: "person:a", maxHops: 5) { from { id } }
    }`);
    expect(translations.map((t) => [t.query.name, t.params.fromId])).toEqual([
      ['graph.paths', 'person:a'],
      ['graph.paths', 'nation:b'],
    ]);
    expect(translations[1]?.query.text).toContain('*1..5]');
  });

  it('refuses before translating what the resolver would refuse', async () => {
    const { translations, errors } = await translate('{ paths(fromId: "person:a", toId: "nation:b", maxHops: 7) { from { id } } }');
    expect(translations).toEqual([]);
    expect(errors[0]?.message).toContain('"maxHops"');
    expect(() =>
      buildPathsQuery({
        ...pathRequest({ fromId: 'person:a', toId: 'nation:b', maxHops: 3, includeEvidence: false, limit: 1 }),
        maxHops: 7,
      }),
    ).toThrow(RangeError);
  });
});
