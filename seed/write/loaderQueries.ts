/**
 * The loader's Cypher, one named query per label, relationship type or shape. Labels and types
 * cannot be parameters in Cypher, so they are written into the text; `checkWritable` has
 * checked each against the model's vocabulary and a strict pattern first. Everything else
 * travels as parameters.
 */
import { cypher, type NamedQuery } from '../../src/db/cypher.js';

/** Nodes of a label, one row per node: `{id, props}` (props include the id). */
export const mergeNodes = (label: string): NamedQuery =>
  cypher(`seed.mergeNodes.${label}`, `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) SET n = row.props`);

/**
 * Batched mode: as `mergeNodes`, returning each node's element id, by which its relationships
 * are then written (a direct seek, and one query per type instead of one per pair of labels).
 */
export const mergeNodesReturningIds = (label: string): NamedQuery =>
  cypher(
    `seed.mergeNodes.${label}`,
    `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) SET n = row.props RETURN row.id AS id, elementId(n) AS eid`,
  );

/**
 * The empty-database fast path: no node of the model exists, so there is nothing to find; the
 * uniqueness constraint on `id` still refuses a duplicate.
 */
export const createNodesReturningIds = (label: string): NamedQuery =>
  cypher(`seed.createNodes.${label}`, `UNWIND $rows AS row CREATE (n:${label}) SET n = row.props RETURN row.id AS id, elementId(n) AS eid`);

/** Atomic mode: relationships of one shape, `{from, to, props}` rows; `written` counts the endpoints found. */
export const createRelationships = (type: string, fromLabel: string, toLabel: string): NamedQuery =>
  cypher(
    `seed.createRelationships.${type}`,
    `UNWIND $rows AS row
     MATCH (a:${fromLabel} {id: row.from})
     MATCH (b:${toLabel} {id: row.to})
     CREATE (a)-[r:${type}]->(b) SET r = row.props
     RETURN count(r) AS written`,
  );

/**
 * Batched mode: relationships of a type between nodes given by element id, `{a, b, props}` rows;
 * `CREATE` into an empty graph, `MERGE` (by type and endpoints) otherwise.
 */
export const writeRelationshipsByElementId = (type: string, verb: 'CREATE' | 'MERGE'): NamedQuery =>
  cypher(
    `seed.${verb === 'CREATE' ? 'create' : 'merge'}Relationships.${type}`,
    `UNWIND $rows AS row
     MATCH (a) WHERE elementId(a) = row.a
     MATCH (b) WHERE elementId(b) = row.b
     ${verb} (a)-[r:${type}]->(b) SET r = row.props
     RETURN count(r) AS written`,
  );

/** Atomic mode: nodes of a label that the plan does not have. */
export const pruneNodesNotIn = (label: string): NamedQuery =>
  cypher(`seed.pruneNodes.${label}`, `MATCH (n:${label}) WHERE NOT n.id IN $ids DETACH DELETE n RETURN count(*) AS deleted`);

/** Atomic mode: every relationship of a type, before the plan's are created again. */
export const clearRelationships = (type: string): NamedQuery =>
  cypher(`seed.clearRelationships.${type}`, `MATCH ()-[r:${type}]->() DELETE r`);

/**
 * Nodes per label (or relationships per type) in one query, each part answered from Neo4j's count
 * store: instant whatever the size of the graph, and compiled once rather than once per label.
 */
export const countNodes = (labels: readonly string[]): NamedQuery =>
  cypher('seed.countNodes', labels.map((l) => `MATCH (n:${l}) RETURN '${l}' AS key, count(n) AS n`).join('\nUNION ALL\n'));

export const countRelationships = (types: readonly string[]): NamedQuery =>
  cypher('seed.countRelationships', types.map((t) => `MATCH ()-[r:${t}]->() RETURN '${t}' AS key, count(r) AS n`).join('\nUNION ALL\n'));

/** Whether the database holds any node of the model's labels (the empty-database fast path). */
export const anyNode = (labels: readonly string[]): NamedQuery =>
  cypher('seed.anyNode', `MATCH (n:${labels.join('|')}) RETURN n.id AS id LIMIT 1`);

/** Batched mode, finding stale nodes: every node of a label, by element id. */
export const nodeKeys = (label: string): NamedQuery =>
  cypher(`seed.nodeKeys.${label}`, `MATCH (n:${label}) RETURN elementId(n) AS eid, n.id AS id`);

/** Batched mode, finding stale relationships: every relationship of a type with its endpoints' ids (unique across labels). */
export const relationshipKeys = (type: string): NamedQuery =>
  cypher(`seed.relationshipKeys.${type}`, `MATCH (a)-[r:${type}]->(b) RETURN elementId(r) AS eid, a.id AS from, b.id AS to`);

export const DELETE_NODES = cypher(
  'seed.deleteNodes',
  'UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid DETACH DELETE n RETURN count(*) AS deleted',
);

export const DELETE_RELATIONSHIPS = cypher(
  'seed.deleteRelationships',
  'UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r RETURN count(*) AS deleted',
);

/**
 * Reloads (writeChanges.ts): up to `$limit` nodes of a label that a replaced or removed unit owns,
 * deleted with their relationships. Repeated until it deletes none, so each call stays a bounded
 * transaction in batched mode. Source and Dataset nodes are owned by their own id, others by `sourceId`.
 */
export const deleteOwnedNodes = (label: string, selfOwned: boolean): NamedQuery =>
  cypher(
    `seed.deleteOwned.${label}`,
    `MATCH (n:${label}) WHERE n.${selfOwned ? 'id' : 'sourceId'} IN $keys
     WITH n LIMIT $limit
     DETACH DELETE n
     RETURN count(*) AS deleted`,
  );

/** Reloads: shared nodes of a label (no owner) that the plan no longer has, at most `$limit` per call. */
export const deleteStaleSharedNodes = (label: string): NamedQuery =>
  cypher(
    `seed.deleteStaleShared.${label}`,
    `MATCH (n:${label}) WHERE n.sourceId IS NULL AND NOT n.id IN $ids
     WITH n LIMIT $limit
     DETACH DELETE n
     RETURN count(*) AS deleted`,
  );

/**
 * Reloads: relationships of the model's types between two shared nodes, starting from the shared
 * nodes of one label, at most `$limit` per call; the shared unit's are then created again.
 */
export const deleteSharedRelationships = (label: string, selfOwned: readonly string[]): NamedQuery =>
  cypher(
    `seed.deleteSharedRels.${label}`,
    `MATCH (a:${label})-[r]->(b) WHERE a.sourceId IS NULL AND b.sourceId IS NULL AND type(r) IN $types
       ${selfOwned.map((l) => `AND NOT b:${l}`).join(' ')}
     WITH r LIMIT $limit
     DELETE r
     RETURN count(*) AS deleted`,
  );

/** A property key written into Cypher text: the plan's own keys, checked against a strict pattern first. */
function propertyKey(key: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`Refusing to write the property key ${JSON.stringify(key)}`);
  return key;
}

/** Bulk path: empty-array properties, which the importer cannot write (seed/write/importFiles.ts). */
export const setEmptyArrayOnNodes = (label: string, key: string): NamedQuery =>
  cypher(
    `seed.emptyArray.${label}.${propertyKey(key)}`,
    `UNWIND $ids AS id MATCH (n:${label} {id: id}) SET n.${propertyKey(key)} = [] RETURN count(n) AS written`,
  );

export const setEmptyArrayOnRelationships = (type: string, fromLabel: string, toLabel: string, key: string): NamedQuery =>
  cypher(
    `seed.emptyArray.${type}.${propertyKey(key)}`,
    `UNWIND $ends AS end MATCH (a:${fromLabel} {id: end.from})-[r:${type}]->(b:${toLabel} {id: end.to}) SET r.${propertyKey(key)} = [] RETURN count(r) AS written`,
  );
