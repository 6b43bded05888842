/**
 * A reload's write: only the load units (seed/plan/units.ts) whose rows changed.
 *   1. Every node a changed or removed source unit owns is deleted with its relationships
 *      (by `sourceId`, or by id for its Source and Dataset nodes).
 *   2. If the shared unit changed: its nodes are MERGEd (properties replaced), shared nodes the
 *      plan no longer has are deleted, and the relationships between shared nodes are replaced.
 *   3. The changed and new source units' nodes and relationships are written again.
 *   4. The load state records the new input and unit hashes.
 * Unchanged units are not touched. In the atomic mode all of it is one transaction; in the
 * batched mode each step runs in bounded transactions, and the load state says `writing` from
 * before the first until the last has committed, so `/ready` reports the partial graph meanwhile
 * and the next load, seeing it, rewrites everything.
 */
import type { Executor, TxRunner } from '../../src/db/Executor.js';
import type { NamedQuery } from '../../src/db/cypher.js';
import { chunks, groupBy } from './collections.js';
import { writeLoadState, markWriting, type LoadStateRecord } from './loadStateQueries.js';
import { createRelationships, deleteOwnedNodes, deleteSharedRelationships, deleteStaleSharedNodes, mergeNodes } from './loaderQueries.js';
import { retryTransient } from './retryTransient.js';
import { SeedWriteError, type BatchProgress, type WriteMode } from './SeedWriteError.js';
import type { Vocabulary, WritableGraph } from './writableGraph.js';

type Node = WritableGraph['nodes'][number];
type Rel = WritableGraph['rels'][number];

export interface ChangeSet {
  /** Owner keys (source and dataset ids) whose nodes are deleted: changed and removed units'. */
  deleteOwners: string[];
  /** Changed and new source units' rows, written after the deletion. */
  nodes: Node[];
  rels: Rel[];
  /** The shared unit's rows, when it changed. */
  shared?: { nodes: Node[]; rels: Rel[] };
  /** Labels where shared nodes were or are: where stale ones are looked for. */
  sharedLabels: string[];
  /** Labels owned by their own id (Source, Dataset). */
  selfOwnedLabels: readonly string[];
}

export interface ChangesReport {
  deletedNodes: number;
  deletedRelationships: number;
  writtenRows: number;
}

/** Rows per query (atomic) or per transaction (batched). */
const QUERY_ROWS = 1000;

export async function writeChanges(
  executor: Executor,
  changes: ChangeSet,
  vocabulary: Vocabulary,
  state: LoadStateRecord,
  {
    mode,
    batchRows,
    timeoutMs,
    onRows,
  }: { mode: WriteMode; batchRows: number; timeoutMs: number; onRows?: ((done: number, total: number) => void) | undefined },
): Promise<ChangesReport> {
  const plannedRows =
    changes.nodes.length + changes.rels.length + (changes.shared ? changes.shared.nodes.length + changes.shared.rels.length : 0);
  const progress: BatchProgress = { committedBatches: 0, committedRows: 0, plannedRows };
  const report: ChangesReport = { deletedNodes: 0, deletedRelationships: 0, writtenRows: 0 };
  const rowsPer = mode === 'atomic' ? QUERY_ROWS : batchRows;

  /** Runs the steps on `run`: one transaction (atomic) or one per step (batched). */
  const steps = async (step: (query: NamedQuery, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>): Promise<void> => {
    const deleteUntilNone = async (query: NamedQuery, params: Record<string, unknown>): Promise<number> => {
      let total = 0;
      for (;;) {
        const [row] = await step(query, { ...params, limit: BigInt(rowsPer) });
        const deleted = Number(row?.deleted ?? 0);
        total += deleted;
        if (deleted < rowsPer) return total;
      }
    };
    if (changes.deleteOwners.length > 0)
      for (const label of vocabulary.labels)
        report.deletedNodes += await deleteUntilNone(deleteOwnedNodes(label, changes.selfOwnedLabels.includes(label)), {
          keys: changes.deleteOwners,
        });

    if (changes.shared) {
      const byLabel = groupBy(changes.shared.nodes, (n) => n.label);
      for (const [label, nodes] of byLabel) await writeNodes(step, label, nodes, rowsPer, report);
      for (const label of changes.sharedLabels)
        report.deletedNodes += await deleteUntilNone(deleteStaleSharedNodes(label), { ids: (byLabel.get(label) ?? []).map((n) => n.id) });
      for (const label of changes.sharedLabels)
        report.deletedRelationships += await deleteUntilNone(deleteSharedRelationships(label, changes.selfOwnedLabels), {
          types: vocabulary.relTypes,
        });
      await writeRels(step, changes.shared.rels, rowsPer, report);
    }

    for (const [label, nodes] of groupBy(changes.nodes, (n) => n.label)) await writeNodes(step, label, nodes, rowsPer, report);
    await writeRels(step, changes.rels, rowsPer, report);
  };

  try {
    if (mode === 'atomic') {
      await retryTransient(() =>
        executor.writeTransactionOnce(
          'seed.writeChanges',
          async (run: TxRunner) => {
            report.deletedNodes = 0;
            report.deletedRelationships = 0;
            report.writtenRows = 0;
            await steps(async (query, params) => {
              const rows = await run(query, params);
              onRows?.(report.writtenRows, plannedRows);
              return rows;
            });
            await writeLoadState(run, state);
          },
          timeoutMs,
        ),
      );
    } else {
      await retryTransient(() => executor.writeTransactionOnce('seed.loadState.writing', markWriting, timeoutMs));
      await steps(async (query, params) => {
        const rows = await retryTransient(() => executor.writeTransactionOnce(query.name, (run) => run(query, params), timeoutMs));
        progress.committedBatches += 1;
        onRows?.(report.writtenRows, plannedRows);
        return rows;
      });
      progress.committedRows = report.writtenRows;
      await retryTransient(() => executor.writeTransactionOnce('seed.loadState.write', (run) => writeLoadState(run, state), timeoutMs));
    }
  } catch (err) {
    progress.committedRows = report.writtenRows;
    throw new SeedWriteError(mode, err, progress);
  }
  return report;
}

type Step = (query: NamedQuery, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** Nodes of one label, MERGEd by id with their properties replaced. */
async function writeNodes(step: Step, label: string, nodes: Node[], rowsPer: number, report: ChangesReport): Promise<void> {
  for (const batch of chunks(nodes, rowsPer)) {
    await step(mergeNodes(label), { rows: batch.map((n) => ({ id: n.id, props: { ...n.props, id: n.id } })) });
    report.writtenRows += batch.length;
  }
}

/** Relationships by shape, between nodes found by label and id; every endpoint must exist. */
async function writeRels(step: Step, rels: Rel[], rowsPer: number, report: ChangesReport): Promise<void> {
  for (const [shape, group] of groupBy(rels, (r) => `${r.type}|${r.from.label}|${r.to.label}`)) {
    const [type, fromLabel, toLabel] = shape.split('|') as [string, string, string];
    for (const batch of chunks(group, rowsPer)) {
      const [row] = await step(createRelationships(type, fromLabel, toLabel), {
        rows: batch.map((r) => ({ from: r.from.id, to: r.to.id, props: r.props })),
      });
      const written = Number(row?.written ?? 0);
      if (written !== batch.length)
        throw new Error(
          `Relationship ${type} (${fromLabel})→(${toLabel}): ${batch.length - written} of ${batch.length} endpoints were not found`,
        );
      report.writtenRows += batch.length;
    }
  }
}
