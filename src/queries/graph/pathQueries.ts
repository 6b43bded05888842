/**
 * How two nodes are connected: all shortest paths between them over the model's relationships.
 */
import neo4j from 'neo4j-driver';
import type { NodeLabel } from '../../model/vocabulary.js';
import { cypher, type NamedQuery } from '../../db/cypher.js';
import type { Executor } from '../../db/Executor.js';
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

function endpointsQuery(fromLabel: NodeLabel, toLabel: NodeLabel): NamedQuery {
  return cachedQuery(`paths endpoints ${fromLabel} ${toLabel}`, () =>
    cypher(
      'graph.paths.endpoints',
      `
OPTIONAL MATCH (a:${fromLabel} {id: $fromId})
OPTIONAL MATCH (b:${toLabel} {id: $toId})
RETURN ${projectNode('a')} AS from, ${projectNode('b')} AS to`,
    ),
  );
}

/**
 * Paths are ordered by their node ids so the same request gives the same paths in the same order
 * (allShortestPaths itself promises no order); the ordering sees every shortest path, which the
 * hop limit and the transaction timeout keep bounded.
 */
function pathsQuery(fromLabel: NodeLabel, toLabel: NodeLabel, maxHops: number, includeEvidence: boolean): NamedQuery {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6) throw new RangeError(`maxHops must be 1–6, got ${maxHops}`);
  return cachedQuery(`paths paths ${fromLabel} ${toLabel} ${maxHops} ${includeEvidence}`, () =>
    cypher(
      'graph.paths',
      `
MATCH (a:${fromLabel} {id: $fromId}), (b:${toLabel} {id: $toId})
MATCH p = allShortestPaths((a)-[:${traversableTypes(includeEvidence)}*1..${maxHops}]-(b))
WITH p ORDER BY [n IN nodes(p) | n.id]
LIMIT $limit
RETURN [n IN nodes(p) | ${projectNode('n')}] AS nodes, [r IN relationships(p) | ${projectEdge('r')}] AS edges`,
    ),
  );
}

/**
 * All shortest paths from one node to another, at most `limit` of them. A node is joined to
 * itself by one path of length 0. Throws NOT_FOUND naming the argument whose node does not exist.
 */
export function findPaths(executor: Executor, request: PathRequest): Promise<PathResultRecord> {
  const { fromId, fromLabel, toId, toLabel, maxHops, includeEvidence, limit } = request;
  return executor.readTransaction('graph.paths', async (run) => {
    const [row] = await run(endpointsQuery(fromLabel, toLabel), { fromId, toId });
    const ends = { fromId: row?.from ?? null, toId: row?.to ?? null };
    const missing = (['fromId', 'toId'] as const).filter((argument) => ends[argument] === null);
    if (missing.length > 0) {
      const named = missing.map((argument) => `"${request[argument]}" (argument "${argument}")`).join(' or ');
      throw new AppError('NOT_FOUND', `No node with id ${named}.`, { details: { arguments: missing } });
    }
    const from = asNodeRecord(ends.fromId);
    const to = asNodeRecord(ends.toId);
    if (fromId === toId) return { from, to, paths: [{ length: 0, nodes: [from], edges: [] }] };
    const rows = await run(pathsQuery(fromLabel, toLabel, maxHops, includeEvidence), { fromId, toId, limit: neo4j.int(limit) });
    return { from, to, paths: rows.map((row) => toPath(row.nodes, row.edges)) };
  });
}

function toPath(nodes: Plain | undefined, edges: Plain | undefined): PathRecord {
  const edgeRecords = Array.isArray(edges) ? edges.map(asEdgeRecord) : [];
  return { length: edgeRecords.length, nodes: Array.isArray(nodes) ? nodes.map(asNodeRecord) : [], edges: edgeRecords };
}
