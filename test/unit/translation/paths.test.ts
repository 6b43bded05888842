/**
 * Translation of Query.paths, without a database (as the Neo4j GraphQL Library's `tests/tck`):
 * the arguments as the resolver checks them in, the one Cypher query and its parameters out.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { buildPathsQuery, type PathRequest } from '../../../src/queries/graph/pathQueries.js';
import { checkId, checkRange } from '../../../src/queries/inputChecks.js';

/** The request the paths resolver builds from these arguments (with the SDL's defaults). */
function request(args: { fromId: string; toId: string; maxHops?: number; includeEvidence?: boolean; limit?: number }): PathRequest {
  return {
    fromId: args.fromId,
    fromLabel: checkId(args.fromId, 'fromId'),
    toId: args.toId,
    toLabel: checkId(args.toId, 'toId'),
    maxHops: checkRange(args.maxHops ?? 4, 1, 6, 'maxHops'),
    includeEvidence: args.includeEvidence === true,
    limit: checkRange(args.limit ?? 10, 1, 50, 'limit'),
  };
}

describe('paths translates to one Cypher query', () => {
  it('endpoints and paths together, the hop bound written in, the ids and the limit as parameters', () => {
    const { query, params } = buildPathsQuery(request({ fromId: 'person:rachel-reeves', toId: 'nation:ua', maxHops: 3 }));
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
    expect(params).toEqual({ fromId: 'person:rachel-reeves', toId: 'nation:ua', limit: neo4j.int(10) });
  });

  it('walks provenance only when asked', () => {
    const plain = buildPathsQuery(request({ fromId: 'person:keir-starmer', toId: 'evidence:a:0-16' })).query.text;
    const withEvidence = buildPathsQuery(request({ fromId: 'person:keir-starmer', toId: 'evidence:a:0-16', includeEvidence: true })).query
      .text;
    expect(plain).not.toMatch(/SUPPORTED_BY|FOUND_IN/);
    expect(withEvidence).toContain('[:SUPPORTED_BY|FOUND_IN|');
    expect(withEvidence).toContain('*1..4]');
    expect(withEvidence).toContain('OPTIONAL MATCH (b:Evidence {id: $toId})');
  });

  it('never writes a user value into the text', () => {
    const fromId = 'person:x-match-n-detach-delete-n';
    const toId = 'nation:return-1';
    const { query, params } = buildPathsQuery(request({ fromId, toId, limit: 7 }));
    expect(query.text).not.toContain(fromId);
    expect(query.text).not.toContain(toId);
    expect(query.text).not.toMatch(/\b7\b/);
    expect(params).toEqual({ fromId, toId, limit: neo4j.int(7) });
  });

  it('gives one text per shape, whatever the ids', () => {
    const a = buildPathsQuery(request({ fromId: 'person:a', toId: 'nation:b' })).query;
    const b = buildPathsQuery(request({ fromId: 'person:c', toId: 'nation:d', limit: 3 })).query;
    expect(b).toBe(a);
    expect(buildPathsQuery(request({ fromId: 'person:a', toId: 'nation:b', maxHops: 5 })).query.text).toContain('*1..5]');
  });

  it('refuses a hop count the resolver would not have let through', () => {
    expect(() => buildPathsQuery({ ...request({ fromId: 'person:a', toId: 'nation:b' }), maxHops: 7 })).toThrow(RangeError);
  });
});
