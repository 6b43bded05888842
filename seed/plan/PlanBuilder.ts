/**
 * Accumulates nodes and relationships, merging duplicates (the same evidence span used by
 * two facts becomes one Evidence node), then emits them sorted so the plan is
 * deterministic whatever order the seed files were read in.
 */
import type { GraphPlan, PlannedNode, PlannedRel, PropValue } from './GraphPlan.js';
import { truncate } from './names.js';
import { LABEL_BY_ID_TYPE, RELATIONSHIPS, type NodeLabel, type RelType } from '../../src/model/vocabulary.js';

/** The label of the node an id names, from its prefix. */
export function labelOf(id: string): NodeLabel {
  const prefix = id.slice(0, id.indexOf(':'));
  if (!(prefix in LABEL_BY_ID_TYPE)) throw new Error(`planGraph: no label for id "${id}"`);
  return LABEL_BY_ID_TYPE[prefix as keyof typeof LABEL_BY_ID_TYPE];
}

/** Props without undefined values, keys sorted. */
export function cleanProps(props: Record<string, PropValue | undefined>): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  for (const key of Object.keys(props).sort()) {
    const value = props[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const same = (a: Record<string, PropValue>, b: Record<string, PropValue>): boolean =>
  JSON.stringify(a, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ===
  JSON.stringify(b, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/**
 * Longest caption: what Neo4j Browser can show inside a node's circle at a readable size
 * (browser/style.grass captions every label with `{caption}`).
 */
export const MAX_CAPTION_CHARS = 28;

/** The props with a short `caption`, the node's name cut at a word boundary, unless one is given. */
function withCaption(props: Record<string, PropValue | undefined>): Record<string, PropValue | undefined> {
  if (props.caption !== undefined || typeof props.name !== 'string') return props;
  return { ...props, caption: truncate(props.name, MAX_CAPTION_CHARS) };
}

/** Collects a graph plan. */
export class PlanBuilder {
  private readonly nodes = new Map<string, PlannedNode>();
  private readonly rels = new Map<string, PlannedRel>();

  /** Adds a node; adding the same id again with different props is a bug and throws. */
  node(id: string, props: Record<string, PropValue | undefined>): void {
    const planned: PlannedNode = { label: labelOf(id), id, props: cleanProps({ ...withCaption(props), id }) };
    const existing = this.nodes.get(id);
    if (existing !== undefined && !same(existing.props, planned.props))
      throw new Error(`planGraph: node "${id}" planned twice with different properties`);
    this.nodes.set(id, planned);
  }

  /** Reads back a planned node's props, to merge into them (e.g. evidence confidence). */
  props(id: string): Record<string, PropValue> | undefined {
    return this.nodes.get(id)?.props;
  }

  /** Replaces a planned node's props (used to merge, e.g. max confidence of shared evidence). */
  replace(id: string, props: Record<string, PropValue | undefined>): void {
    this.nodes.set(id, { label: labelOf(id), id, props: cleanProps({ ...withCaption(props), id }) });
  }

  /** Adds a relationship; at most one of a type between two nodes. */
  rel(type: RelType, fromId: string, toId: string, props: Record<string, PropValue | undefined> = {}): void {
    const planned: PlannedRel = {
      type,
      from: { label: labelOf(fromId), id: fromId },
      to: { label: labelOf(toId), id: toId },
      props: cleanProps(props),
    };
    const spec = RELATIONSHIPS[type];
    if (!(spec.from as readonly NodeLabel[]).includes(planned.from.label) || !(spec.to as readonly NodeLabel[]).includes(planned.to.label))
      throw new Error(`planGraph: ${planned.from.label}-[:${type}]->${planned.to.label} is not in the vocabulary`);
    const key = `${type}\0${fromId}\0${toId}`;
    const existing = this.rels.get(key);
    if (existing !== undefined && !same(existing.props, planned.props))
      throw new Error(`planGraph: (${fromId})-[:${type}]->(${toId}) planned twice with different properties`);
    this.rels.set(key, planned);
  }

  /** The plan, sorted by label and id (nodes) and by type, from and to (relationships). */
  build(): GraphPlan {
    // One string per item to compare: "\0" sorts before every character of a label, type or id,
    // so ordering by `a\0b\0c` is ordering by (a, b, c), without comparing fields one by one.
    const nodes = [...this.nodes.values()]
      .map((n) => ({ key: `${n.label}\0${n.id}`, n }))
      .sort((a, b) => cmp(a.key, b.key))
      .map(({ n }) => n);
    const rels = [...this.rels.entries()].sort(([a], [b]) => cmp(a, b)).map(([, r]) => r);
    return { nodes, rels };
  }
}

/** Code-unit order, independent of the locale. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
