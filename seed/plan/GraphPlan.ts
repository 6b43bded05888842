import type { NodeLabel, RelType } from '../../src/model/vocabulary.js';

/**
 * A property value Neo4j can store. Integers are `bigint` (Neo4j Integer); money and rates
 * are `number` (Float). No maps: Neo4j properties cannot hold them, so facts are flattened.
 */
export type PropValue = string | number | boolean | bigint | null | string[] | number[];

/** A node to write; `props` include `id` and `name`. */
export interface PlannedNode {
  label: NodeLabel;
  id: string;
  props: Record<string, PropValue>;
}

/** A relationship to write; at most one of a type between two nodes. */
export interface PlannedRel {
  type: RelType;
  from: { label: NodeLabel; id: string };
  to: { label: NodeLabel; id: string };
  props: Record<string, PropValue>;
}

/** Exactly the nodes and relationships to write, sorted and deduplicated. */
export interface GraphPlan {
  nodes: PlannedNode[];
  rels: PlannedRel[];
}
