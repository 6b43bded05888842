/**
 * How two nodes are connected: all shortest paths between them over the model's relationships.
 */
import neo4j from 'neo4j-driver';
import type { NodeLabel } from '../../model/vocabulary.js';
import { cypher, type NamedQuery } from '../../db/cypher.js';
import type { Executor, Params } from '../../db/Executor.js';
import type { Plain } from '../../db/toPlain.js';
import { AppError } from '../../errors.js';
import { asNodeRecord, projectNode, type EdgeRecord, type NodeRecord } from '../records.js';
import { cachedQuery } from '../cachedQuery.js';
import { asEdgeRecord, projectEdge, traversableTypes } from './traversal.js';

export interface PathRecord {
  length: number;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

export interface PathResultRecord {
  from: NodeRecord;
  to: NodeRecord;
  paths: PathRecord[];
}

export interface PathRequest {
  fromId: string;
  fromLabel: NodeLabel;
  toId: string;
  toLabel: NodeLabel;
  /** A validated integer (1–6): variable-length bounds cannot be parameters, so it is written into the text. */
  maxHops: number;
  includeEvidence: boolean;
  limit: number;
}

/**
 * The endpoints and the paths in one query. A missing endpoint comes back as null (OPTIONAL
 * MATCH), so the caller can name the argument that names nothing; the subquery then finds no
 * path instead of failing. allShortestPaths refuses a node joined to itself, so that case skips
 * it and returns the one path of length 0. Paths are ordered by their node ids so the same
 * request gives the same paths in the same order (allShortestPaths itself promises no order);
 * the ordering sees every shortest path, which the hop limit and the transaction timeout keep
 * bounded.
 */
function pathsQuery(fromLabel: NodeLabel, toLabel: NodeLabel, maxHops: number, includeEvidence: boolean): NamedQuery {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6) throw new RangeError(`maxHops must be 1–6, got ${maxHops}`);
  return cachedQuery(`paths ${fromLabel} ${toLabel} ${maxHops} ${includeEvidence}`, () =>
    cypher(
      'graph.paths',
      `
OPTIONAL MATCH (a:${fromLabel} {id: $fromId})
OPTIONAL MATCH (b:${toLabel} {id: $toId})
CALL (a, b) {
  WITH a, b WHERE a <> b
  MATCH p = allShortestPaths((a)-[:${traversableTypes(includeEvidence)}*1..${maxHops}]-(b))
  WITH p ORDER BY [n IN nodes(p) | n.id]
  LIMIT $limit
  RETURN collect({nodes: [n IN nodes(p) | ${projectNode('n')}], edges: [r IN relationships(p) | ${projectEdge('r')}]}) AS found
}
WITH a, b, CASE WHEN a = b THEN [{nodes: [${projectNode('a')}], edges: []}] ELSE found END AS paths
RETURN ${projectNode('a')} AS from, ${projectNode('b')} AS to, paths`,
    ),
  );
}

/** The one query a paths request sends, and its parameters (user values travel only as parameters). */
export function buildPathsQuery(request: PathRequest): { query: NamedQuery; params: Params } {
  const { fromId, fromLabel, toId, toLabel, maxHops, includeEvidence, limit } = request;
  return { query: pathsQuery(fromLabel, toLabel, maxHops, includeEvidence), params: { fromId, toId, limit: neo4j.int(limit) } };
}

/**
 * All shortest paths from one node to another, at most `limit` of them. A node is joined to
 * itself by one path of length 0. Throws NOT_FOUND naming the argument whose node does not exist.
 */
export async function findPaths(executor: Executor, request: PathRequest): Promise<PathResultRecord> {
  const { query, params } = buildPathsQuery(request);
  const [row] = await executor.read(query, params);
  const ends = { fromId: row?.from ?? null, toId: row?.to ?? null };
  const missing = (['fromId', 'toId'] as const).filter((argument) => ends[argument] === null);
  if (missing.length > 0) {
    const named = missing.map((argument) => `"${request[argument]}" (argument "${argument}")`).join(' or ');
    throw new AppError('NOT_FOUND', `No node with id ${named}.`, { details: { arguments: missing } });
  }
  const paths = Array.isArray(row?.paths) ? row.paths : [];
  return { from: asNodeRecord(ends.fromId), to: asNodeRecord(ends.toId), paths: paths.map(toPath) };
}

function toPath(value: Plain): PathRecord {
  const path = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const edges = Array.isArray(path.edges) ? path.edges.map(asEdgeRecord) : [];
  return { length: edges.length, nodes: Array.isArray(path.nodes) ? path.nodes.map(asNodeRecord) : [], edges };
}
