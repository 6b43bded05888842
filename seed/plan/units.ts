/**
 * Load units: the parts of a plan that are skipped or replaced as a whole on a reload
 * (docs/graph-model.md, "Loading: what a reload writes").
 *
 * - A **source unit** is one text source, or one dataset release with all its tables (their
 *   cross-file checks tie them together). It owns its `Source` (and `Dataset`) nodes and every
 *   node whose `sourceId` names one of its sources: facts, evidence, source-defined groups.
 * - The **shared unit** owns every other node: registry entities (people, nations, offices, …)
 *   and what several sources may name (weapon systems). Their properties may draw on every
 *   source (aliases and mention counts come from all mentions), so they are compared and
 *   written as one unit of their own, never deleted with a source.
 * - A relationship belongs to the unit of its owned endpoint (to both, if it joins two source
 *   units), or to the shared unit when both endpoints are shared.
 *
 * A unit's hash is the SHA-256 of its rows as planned (labels, ids, types and every property), so
 * it changes exactly when what would be written changes: a source's files, a registry entry it
 * names (a caption quoting a name), or the planner itself.
 */
import { createHash } from 'node:crypto';
import type { GraphPlan, PlannedNode, PlannedRel } from './GraphPlan.js';

export const SHARED_UNIT = 'shared';

/** Labels whose nodes belong to the source their own id names (they carry no `sourceId`). */
export const SELF_OWNED_LABELS: readonly string[] = ['Source', 'Dataset'];

export interface PlanUnit {
  /** A source id, a dataset id, or `shared`. */
  id: string;
  /**
   * The `sourceId` values (and `Source`/`Dataset` ids) whose nodes this unit owns in the graph:
   * what a replacement deletes. Empty for the shared unit.
   */
  ownerKeys: string[];
  nodes: PlannedNode[];
  rels: PlannedRel[];
  /** Hex SHA-256 of the unit's rows. */
  hash: string;
}

/** The owner key of a planned node (a source or dataset id), or undefined for a shared node. */
export function ownerKeyOf(node: { label: string; id: string; props: Record<string, unknown> }): string | undefined {
  if (SELF_OWNED_LABELS.includes(node.label)) return node.id;
  return typeof node.props.sourceId === 'string' ? node.props.sourceId : undefined;
}

/** Splits a plan into its load units, sorted by id (the shared unit among them), each hashed. */
export function planUnits(plan: GraphPlan): PlanUnit[] {
  // A dataset's tables are Source nodes naming their dataset: one unit for the whole release.
  const unitOfKey = new Map<string, string>();
  for (const n of plan.nodes) {
    if (n.label === 'Source') unitOfKey.set(n.id, typeof n.props.datasetId === 'string' ? n.props.datasetId : n.id);
    if (n.label === 'Dataset') unitOfKey.set(n.id, n.id);
  }
  const units = new Map<string, { ownerKeys: Set<string>; nodes: PlannedNode[]; rels: PlannedRel[] }>();
  const unit = (id: string) => units.get(id) ?? units.set(id, { ownerKeys: new Set(), nodes: [], rels: [] }).get(id)!;
  unit(SHARED_UNIT);
  const unitOfNode = new Map<string, string>();
  for (const n of plan.nodes) {
    const key = ownerKeyOf(n);
    // A fact naming a source the plan has no Source node for is refused by validation; here it
    // would still form a unit of its own rather than be lost.
    const id = key === undefined ? SHARED_UNIT : (unitOfKey.get(key) ?? key);
    const u = unit(id);
    if (key !== undefined) u.ownerKeys.add(key);
    u.nodes.push(n);
    unitOfNode.set(n.id, id);
  }
  for (const r of plan.rels) {
    const ends = new Set([unitOfNode.get(r.from.id) ?? SHARED_UNIT, unitOfNode.get(r.to.id) ?? SHARED_UNIT]);
    if (ends.size > 1) ends.delete(SHARED_UNIT);
    for (const id of ends) unit(id).rels.push(r);
  }
  return [...units.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, u]) => ({ id, ownerKeys: [...u.ownerKeys].sort(), nodes: u.nodes, rels: u.rels, hash: hashRows(u.nodes, u.rels) }));
}

/** Hex SHA-256 of rows in plan order (the plan is sorted, so equal rows give equal hashes). */
function hashRows(nodes: readonly PlannedNode[], rels: readonly PlannedRel[]): string {
  const hash = createHash('sha256');
  const json = (value: unknown): string =>
    // A bigint (stored as Integer) is told apart from a number (stored as Float): changing a
    // property's type changes the hash.
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? { integer: String(v) } : v));
  for (const n of nodes) hash.update(`N\0${n.label}\0${n.id}\0${json(n.props)}\n`);
  for (const r of rels) hash.update(`R\0${r.type}\0${r.from.id}\0${r.to.id}\0${json(r.props)}\n`);
  return hash.digest('hex');
}
