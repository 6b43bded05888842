/**
 * The batched mode: the plan in many transactions of `batchRows` rows each, so Neo4j's
 * transaction memory stays bounded whatever the size of the plan.
 *   1. Nodes by label, then relationships by type, one batch per transaction. Node writes return
 *      each node's element id, and relationships are written between element ids: a direct seek
 *      instead of an index look-up per endpoint, and one query per type rather than one per
 *      (type, from label, to label) — on a fresh server, compiling ~130 distinct queries cost more
 *      than writing 100,000 rows. When the database holds no node of the model's labels (a first
 *      load), nodes and relationships are CREATEd: there is nothing to find, and the uniqueness
 *      constraints still refuse a duplicate id. Otherwise nodes are MERGEd by id and relationships
 *      by (type, from, to), their key: the plan holds at most one relationship per key (checked
 *      here before anything is written). Properties are replaced (`SET x = props`), so a changed
 *      or removed property ends up as the plan says.
 *   2. Pruning: every planned node and relationship now exists, so a label or type whose count
 *      (Neo4j's count store, instant) equals the plan's holds nothing else. Only for the others
 *      are the database's keys read and the stale ones deleted, in batches.
 * Nothing run-specific is written: a re-run finds the graph by the plan's own keys, so a load
 * that failed midway is completed by running the same seed again.
 */
import type { Executor, Row } from '../../src/db/Executor.js';
import type { NamedQuery } from '../../src/db/cypher.js';
import { chunks, groupBy } from './collections.js';
import {
  anyNode,
  createNodesReturningIds,
  DELETE_NODES,
  DELETE_RELATIONSHIPS,
  mergeNodesReturningIds,
  writeRelationshipsByElementId,
  nodeKeys,
  relationshipKeys,
} from './loaderQueries.js';
import { retryTransient } from './retryTransient.js';
import { SeedWriteError, type BatchProgress } from './SeedWriteError.js';
import { countGraph } from './countGraph.js';
import type { Vocabulary, WritableGraph } from './writableGraph.js';
import { markWriting, writeLoadState, type LoadStateRecord } from './loadStateQueries.js';

export interface BatchedOptions {
  batchRows: number;
  timeoutMs: number;
  /** Batch transactions in flight at once: Node prepares and sends one while Neo4j runs another. */
  concurrency: number;
  /** Recorded as `writing` before the first batch and as given after the last (loadStateQueries.ts). */
  loadState?: LoadStateRecord;
  /** Told the rows committed so far and the rows planned, after each batch. */
  onRows?: (done: number, total: number) => void;
}

/** The key of a relationship: ids are unique across labels, so type and endpoint ids suffice. */
const relKey = (type: string, from: unknown, to: unknown): string => `${type}\0${String(from)}\0${String(to)}`;

const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string') throw new TypeError(`Expected ${what} to be a string, got ${typeof value}`);
  return value;
};
const elementId = (row: Row): string => text(row.eid, 'an element id');

export async function writeBatched(
  executor: Executor,
  plan: WritableGraph,
  vocabulary: Vocabulary,
  { batchRows, timeoutMs, concurrency, loadState, onRows }: BatchedOptions,
): Promise<{ deletedNodes: number; deletedRelationships: number; retriedBatches: number }> {
  const planned = plannedKeys(plan);
  const progress: BatchProgress = { committedBatches: 0, committedRows: 0, plannedRows: plan.nodes.length + plan.rels.length };
  let retriedBatches = 0;
  try {
    const [existing] = await executor.read(anyNode(vocabulary.labels));
    const empty = existing === undefined;
    // From here until the load state is written again, the graph is partially updated: `/ready` says so.
    if (loadState !== undefined)
      await retryTransient(() => executor.writeTransactionOnce('seed.loadState.writing', markWriting, timeoutMs));

    /** One batch, one transaction; a transient rollback is retried, anything else ends the load. */
    const commit = async (query: NamedQuery, rows: Record<string, unknown>[]): Promise<Row[]> => {
      const result = await retryTransient(
        () => executor.writeTransactionOnce(query.name, (run) => run(query, { rows }), timeoutMs),
        () => (retriedBatches += 1),
      );
      progress.committedBatches += 1;
      progress.committedRows += rows.length;
      onRows?.(progress.committedRows, progress.plannedRows);
      return result;
    };

    // Element ids of this run's nodes: relationships are written by them, not looked up by label and id.
    const elementIds = new Map<string, string>();
    const nodeBatches = [...groupBy(plan.nodes, (n) => n.label)].flatMap(([label, nodes]) =>
      chunks(nodes, batchRows).map((batch) => ({ label, batch })),
    );
    await inParallel(nodeBatches, concurrency, async ({ label, batch }) => {
      const rows = await commit(
        empty ? createNodesReturningIds(label) : mergeNodesReturningIds(label),
        batch.map((n) => ({ id: n.id, props: { ...n.props, id: n.id } })),
      );
      for (const row of rows) elementIds.set(text(row.id, 'a node id'), elementId(row));
    });
    const eid = (id: string): string => {
      const found = elementIds.get(id);
      if (found === undefined) throw new Error(`Node "${id}" was written but its element id did not come back`);
      return found;
    };
    const relBatches = [...groupBy(plan.rels, (r) => r.type)].flatMap(([type, rels]) =>
      chunks(rels, batchRows).map((batch) => ({ type, batch })),
    );
    await inParallel(relBatches, concurrency, async ({ type, batch }) => {
      const [row] = await commit(
        writeRelationshipsByElementId(type, empty ? 'CREATE' : 'MERGE'),
        batch.map((r) => ({ a: eid(r.from.id), b: eid(r.to.id), props: r.props })),
      );
      const written = Number(row?.written ?? 0);
      if (written !== batch.length)
        throw new Error(`Relationship ${type}: ${batch.length - written} of ${batch.length} endpoints were not found (deleted meanwhile?)`);
    });
    const pruned = await prune(executor, vocabulary, planned, { batchRows, timeoutMs });
    if (loadState !== undefined)
      await retryTransient(() => executor.writeTransactionOnce('seed.loadState.write', (run) => writeLoadState(run, loadState), timeoutMs));
    return { ...pruned, retriedBatches };
  } catch (err) {
    throw new SeedWriteError('batched', err, progress);
  }
}

interface PlannedKeys {
  nodeIds: Map<string, Set<string>>;
  relKeys: Map<string, Set<string>>;
}

/** The plan's node ids per label and relationship keys per type; refuses duplicates, which MERGE would fold into one. */
function plannedKeys(plan: WritableGraph): PlannedKeys {
  const nodeIds = new Map<string, Set<string>>();
  const relKeys = new Map<string, Set<string>>();
  for (const n of plan.nodes) {
    const ids = nodeIds.get(n.label) ?? nodeIds.set(n.label, new Set()).get(n.label)!;
    if (ids.has(n.id)) throw new Error(`Refusing to write: node ${n.label} "${n.id}" is planned twice`);
    ids.add(n.id);
  }
  for (const r of plan.rels) {
    // Relationships are written between this plan's nodes only (by the element ids their writes return).
    for (const end of [r.from, r.to])
      if (!nodeIds.get(end.label)?.has(end.id))
        throw new Error(
          `Refusing to write: (${r.from.id})-[:${r.type}]->(${r.to.id}) ends at ${end.label} "${end.id}", which the plan does not have`,
        );
    const keys = relKeys.get(r.type) ?? relKeys.set(r.type, new Set()).get(r.type)!;
    const key = relKey(r.type, r.from.id, r.to.id);
    if (keys.has(key)) throw new Error(`Refusing to write: (${r.from.id})-[:${r.type}]->(${r.to.id}) is planned twice`);
    keys.add(key);
  }
  return { nodeIds, relKeys };
}

/** Deletes what the plan does not have: nodes first (with their relationships), then the relationships left over. */
async function prune(
  executor: Executor,
  vocabulary: Vocabulary,
  planned: PlannedKeys,
  { batchRows, timeoutMs }: Omit<BatchedOptions, 'concurrency'>,
): Promise<{ deletedNodes: number; deletedRelationships: number }> {
  const deleteAll = async (query: NamedQuery, eids: string[]): Promise<number> => {
    let deleted = 0;
    for (const batch of chunks(eids, batchRows)) {
      const [row] = await retryTransient(() => executor.writeTransactionOnce(query.name, (run) => run(query, { eids: batch }), timeoutMs));
      deleted += Number(row?.deleted ?? 0);
    }
    return deleted;
  };
  const counts = () => executor.readTransaction('seed.countGraph', (run) => countGraph(run, vocabulary));

  let deletedNodes = 0;
  const afterWrite = await counts();
  for (const label of vocabulary.labels) {
    const ids = planned.nodeIds.get(label) ?? new Set<string>();
    if (afterWrite.nodes[label] === ids.size) continue;
    const rows = await executor.readTransaction(`seed.nodeKeys.${label}`, (run) => run(nodeKeys(label)), timeoutMs);
    const stale = rows.filter((r) => typeof r.id !== 'string' || !ids.has(r.id)).map((r) => elementId(r));
    deletedNodes += await deleteAll(DELETE_NODES, stale);
  }

  let deletedRelationships = 0;
  const afterNodes = deletedNodes > 0 ? await counts() : afterWrite;
  for (const type of vocabulary.relTypes) {
    const keys = planned.relKeys.get(type) ?? new Set<string>();
    if (afterNodes.relationships[type] === keys.size) continue;
    const seen = new Set<string>();
    const stale: string[] = [];
    for (const r of await executor.readTransaction(`seed.relationshipKeys.${type}`, (run) => run(relationshipKeys(type)), timeoutMs)) {
      const key = relKey(type, r.from, r.to);
      // A second relationship with a planned key is stale too: the plan has one per key.
      if (typeof r.from !== 'string' || typeof r.to !== 'string' || !keys.has(key) || seen.has(key)) stale.push(elementId(r));
      seen.add(key);
    }
    deletedRelationships += await deleteAll(DELETE_RELATIONSHIPS, stale);
  }
  return { deletedNodes, deletedRelationships };
}

/**
 * Runs `work` on every item, at most `concurrency` at a time. After a failure no new item starts,
 * and the ones in flight settle before the first error is thrown, so the progress it reports is
 * what was really committed.
 */
async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async (): Promise<void> => {
    while (errors.length === 0 && next < items.length) {
      const item = items[next++]!;
      await work(item).catch((err: unknown) => void errors.push(err));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  if (errors.length > 0) throw errors[0];
}
