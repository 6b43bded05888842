/**
 * What the writers take: a graph of plain nodes and relationships (the plan, in the shape the
 * database stores), and the vocabulary of labels and types they may write. Shared by
 * writeGraph.ts and the two writers it chooses between, so none of them imports another's module.
 */
export type PropValue = string | number | boolean | bigint | null | string[] | number[];

export interface WritableGraph {
  nodes: { label: string; id: string; props: Record<string, PropValue> }[];
  rels: { type: string; from: { label: string; id: string }; to: { label: string; id: string }; props: Record<string, PropValue> }[];
}

export interface Vocabulary {
  labels: readonly string[];
  relTypes: readonly string[];
}
