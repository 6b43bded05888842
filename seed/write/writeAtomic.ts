/**
 * The atomic mode: the whole plan in ONE transaction, so a failure anywhere leaves the previous
 * graph exactly as it was:
 *   1. nodes: `UNWIND $rows MERGE (n:Label {id}) SET n = row.props`, in batches of queries
 *      (properties are replaced, so a property removed from a seed file disappears);
 *   2. nodes of the model's labels that the plan no longer has are deleted;
 *   3. relationships of the model's types are replaced: deleted, then created from the plan;
 *   4. the load state (loadStateQueries.ts), when given, records what was loaded.
 * Neo4j keeps the whole transaction's changes in memory until the commit, so this mode is for
 * plans well below `dbms.memory.transaction.total.max`; a memory error is not retried.
 */
import type { Executor } from '../../src/db/Executor.js';
import { databaseMemoryError } from '../../src/errors.js';
import { chunks, groupBy } from './collections.js';
import { clearRelationships, createRelationships, mergeNodes, pruneNodesNotIn } from './loaderQueries.js';
import { retryTransient } from './retryTransient.js';
import { SeedWriteError } from './SeedWriteError.js';
import type { Vocabulary, WritableGraph } from './writableGraph.js';
import { writeLoadState, type LoadStateRecord } from './loadStateQueries.js';

/** Rows per query inside the one transaction. */
const QUERY_ROWS = 1000;

/** Writes the plan; returns the number of nodes deleted. */
export async function writeAtomic(
  executor: Executor,
  plan: WritableGraph,
  vocabulary: Vocabulary,
  timeoutMs: number,
  loadState?: LoadStateRecord,
  onRows?: (done: number, total: number) => void,
): Promise<number> {
  const total = plan.nodes.length + plan.rels.length;
  const nodesByLabel = groupBy(plan.nodes, (n) => n.label);
  const relsByShape = groupBy(plan.rels, (r) => `${r.type}|${r.from.label}|${r.to.label}`);
  try {
    return await retryTransient(() =>
      executor.writeTransactionOnce(
        'seed.writeGraph',
        async (run) => {
          let done = 0;
          for (const [label, nodes] of nodesByLabel) {
            for (const batch of chunks(nodes, QUERY_ROWS)) {
              await run(mergeNodes(label), { rows: batch.map((n) => ({ id: n.id, props: { ...n.props, id: n.id } })) });
              onRows?.((done += batch.length), total);
            }
          }
          let deletedNodes = 0;
          for (const label of vocabulary.labels) {
            const [row] = await run(pruneNodesNotIn(label), { ids: (nodesByLabel.get(label) ?? []).map((n) => n.id) });
            deletedNodes += Number(row?.deleted ?? 0);
          }
          for (const type of vocabulary.relTypes) await run(clearRelationships(type));
          for (const [shape, rels] of relsByShape) {
            const [type, fromLabel, toLabel] = shape.split('|') as [string, string, string];
            for (const batch of chunks(rels, QUERY_ROWS)) {
              const [row] = await run(createRelationships(type, fromLabel, toLabel), {
                rows: batch.map((r) => ({ from: r.from.id, to: r.to.id, props: r.props })),
              });
              const written = Number(row?.written ?? 0);
              onRows?.((done += batch.length), total);
              if (written !== batch.length) {
                throw new Error(
                  `Relationship ${type} (${fromLabel})→(${toLabel}): ${batch.length - written} of ${batch.length} endpoints were not found; nothing was written`,
                );
              }
            }
          }
          // The bookkeeping commits with the graph it describes.
          if (loadState !== undefined) await writeLoadState(run, loadState);
          return deletedNodes;
        },
        timeoutMs,
      ),
    );
  } catch (err) {
    // Only a memory error gets the explanation; any other failure already says what it is, and
    // the transaction's rollback means nothing was written.
    throw databaseMemoryError(err) === undefined ? err : new SeedWriteError('atomic', err);
  }
}
