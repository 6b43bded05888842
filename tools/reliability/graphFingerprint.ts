/**
 * Everything in the graph as one comparable value: every node (labels, properties) and every
 * relationship (type, endpoint ids, properties), sorted; the loader's bookkeeping node aside. Two graphs with the same fingerprint are
 * the same graph, whatever Neo4j's internal ids. Shared by the tests that must leave the graph as they
 * found it and by `npm run attack`, which checks the same after its load.
 */
import { createHash } from 'node:crypto';
import { cypher } from '../../src/db/cypher.js';
import type { Executor } from '../../src/db/Executor.js';
import { LOAD_STATE_LABEL } from '../../src/model/loadState.js';

/**
 * Each property's Neo4j type (`INTEGER NOT NULL`, `LIST<FLOAT NOT NULL> NOT NULL`, …): the driver
 * turns an Integer and a Float of the same value into the same JavaScript number, so without the
 * types a property written as 1 (Integer) and as 1.0 (Float) would compare equal.
 */
const TYPES = (v: string): string => `[k IN keys(${v}) | k + ': ' + valueType(${v}[k])]`;
// The model's graph: the loader's bookkeeping node (src/model/loadState.ts) has no relationships
// and is left out, so graphs loaded from the same data by different paths compare equal.
const ALL_NODES = cypher(
  'test.fingerprint.nodes',
  `MATCH (n) WHERE NOT n:${LOAD_STATE_LABEL} RETURN labels(n) AS labels, properties(n) AS props, ${TYPES('n')} AS types`,
);
const ALL_RELS = cypher(
  'test.fingerprint.rels',
  `MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, elementId(a)) AS from, coalesce(b.id, elementId(b)) AS to, properties(r) AS props, ${TYPES('r')} AS types`,
);

export interface Fingerprint {
  nodes: number;
  relationships: number;
  hash: string;
}

export async function graphFingerprint(executor: Executor): Promise<Fingerprint> {
  // keys() lists properties in storage order, which differs between two ways of writing the same node.
  const sortTypes = (row: Record<string, unknown>): Record<string, unknown> => ({ ...row, types: [...(row.types as string[])].sort() });
  const nodes = (await executor.read(ALL_NODES)).map((row) => stable(sortTypes(row))).sort();
  const rels = (await executor.read(ALL_RELS)).map((row) => stable(sortTypes(row))).sort();
  const hash = createHash('sha256').update(nodes.join('\n')).update('\n--\n').update(rels.join('\n')).digest('hex');
  return { nodes: nodes.length, relationships: rels.length, hash };
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
