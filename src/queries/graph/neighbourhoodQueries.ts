/**
 * The neighbourhood of a node, for graph views. The walk goes one hop at a time (a breadth-first
 * search), keeping only nodes not seen before, so its cost grows with the nodes and relationships
 * it touches, never with the number of paths (a variable-length pattern would enumerate every
 * path, which explodes around hubs such as a Source). Then one query fetches the relationships
 * among the nodes kept. At most depth + 2 round trips, in one read transaction.
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

export interface SubgraphRecord {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  truncated: boolean;
}

/**
 * Most relationships a subgraph returns per node it holds. A graph view of N nodes rarely needs
 * more than a few times N edges; the bound keeps a dense neighbourhood's answer proportional to
 * `limit` (the cost estimate counts on it).
 */
export const EDGES_PER_NODE = 4;

export interface NeighbourhoodRequest {
  id: string;
  label: NodeLabel;
  depth: number;
  includeEvidence: boolean;
  /** Most nodes to return, the centre included. */
  limit: number;
}

function centreQuery(label: NodeLabel): NamedQuery {
  return cachedQuery(`neighbourhood centre ${label}`, () =>
    cypher('graph.neighbourhood.centre', `MATCH (c:${label} {id: $id}) RETURN elementId(c) AS key, ${projectNode('c')} AS node`),
  );
}

/**
 * The next ring: unseen neighbours of the frontier, by id so truncation keeps the same nodes on
 * every call. Element ids are only compared within this one transaction.
 */
function ringQuery(includeEvidence: boolean): NamedQuery {
  return cachedQuery(`neighbourhood ring ${includeEvidence}`, () =>
    cypher(
      'graph.neighbourhood.ring',
      `
MATCH (f) WHERE elementId(f) IN $frontier
MATCH (f)-[:${traversableTypes(includeEvidence)}]-(n)
WHERE NOT elementId(n) IN $seen
WITH DISTINCT n
ORDER BY n.id
LIMIT $take
RETURN elementId(n) AS key, ${projectNode('n')} AS node`,
    ),
  );
}

function edgesQuery(includeEvidence: boolean): NamedQuery {
  return cachedQuery(`neighbourhood edges ${includeEvidence}`, () =>
    cypher(
      'graph.neighbourhood.edges',
      `
MATCH (a)-[r:${traversableTypes(includeEvidence)}]->(b)
WHERE elementId(a) IN $keys AND elementId(b) IN $keys
WITH r ORDER BY type(r), startNode(r).id, endNode(r).id
LIMIT $take
RETURN ${projectEdge('r')} AS edge`,
    ),
  );
}

/**
 * The nodes within `depth` hops of the centre (centre first, then ring by ring, each by id), at
 * most `limit` of them, and every relationship among them. Throws NOT_FOUND for an unknown id.
 */
export function findNeighbourhood(executor: Executor, request: NeighbourhoodRequest): Promise<SubgraphRecord> {
  const { id, label, depth, includeEvidence, limit } = request;
  return executor.readTransaction('graph.neighbourhood', async (run) => {
    const [centre] = await run(centreQuery(label), { id });
    if (!centre) throw new AppError('NOT_FOUND', `No node with id "${id}" (argument "id").`, { details: { argument: 'id' } });
    const keys: string[] = [elementKey(centre.key)];
    const nodes: NodeRecord[] = [asNodeRecord(centre.node)];
    let frontier = keys.slice();
    let truncated = false;
    for (let ring = 1; ring <= depth && frontier.length > 0 && !truncated; ring += 1) {
      const room = limit - nodes.length;
      // One more than there is room for tells whether the limit cut the ring.
      const rows = await run(ringQuery(includeEvidence), { frontier, seen: keys, take: neo4j.int(room + 1) });
      truncated = rows.length > room;
      const kept = rows.slice(0, room);
      frontier = kept.map((row) => elementKey(row.key));
      keys.push(...frontier);
      nodes.push(...kept.map((row) => asNodeRecord(row.node)));
    }
    // Relationships among the nodes kept, at most EDGES_PER_NODE per node (one more tells whether that cut them).
    const maxEdges = EDGES_PER_NODE * nodes.length;
    const edgeRows = await run(edgesQuery(includeEvidence), { keys, take: neo4j.int(maxEdges + 1) });
    truncated ||= edgeRows.length > maxEdges;
    const edges = edgeRows.slice(0, maxEdges).map((row) => asEdgeRecord(row.edge));
    return { nodes, edges, truncated };
  });
}

function elementKey(value: Plain | undefined): string {
  if (typeof value !== 'string') throw new TypeError('Expected an element id from the database');
  return value;
}
