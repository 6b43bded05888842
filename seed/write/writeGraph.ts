/**
 * Writes a graph plan to Neo4j so that the graph afterwards is exactly the plan, in one of two
 * modes (see "Loading" in docs/graph-model.md):
 *   - atomic (`writeAtomic.ts`): ONE transaction; a failure anywhere leaves the previous graph
 *     exactly as it was. Its memory grows with the plan, so it suits small plans (the curated
 *     seed) and fails on Neo4j's transaction memory limit at about a million rows.
 *   - batched (`writeBatched.ts`): many small transactions (10,000 rows, two in flight), then
 *     stale nodes and relationships pruned in batches. Memory stays bounded whatever the size; a failure midway leaves the graph
 *     partially updated, and re-running the same seed completes it.
 * `auto` (the default) picks atomic up to `batchedAboveRows` rows (nodes + relationships) and
 * batched above. Labels and relationship types cannot be parameters in Cypher; they come from
 * the model's own vocabulary (checked here against a strict pattern), never from user input.
 */
import type { Executor } from '../../src/db/Executor.js';
import { countGraph } from './countGraph.js';
import { writeAtomic } from './writeAtomic.js';
import { writeBatched } from './writeBatched.js';
import type { WriteMode } from './SeedWriteError.js';
import type { Vocabulary, WritableGraph } from './writableGraph.js';
import type { LoadStateRecord } from './loadStateQueries.js';

export interface WriteOptions {
  /** `auto` (default): atomic up to `batchedAboveRows` rows, batched above. */
  mode?: 'auto' | WriteMode;
  /** Plans with more rows than this are written in batches in `auto` mode. */
  batchedAboveRows?: number;
  /** Rows (nodes or relationships) per batch transaction in batched mode. */
  batchRows?: number;
  /** Batch transactions in flight at once in batched mode. */
  concurrency?: number;
  /** Server-side timeout of the atomic transaction, and of each batch. */
  timeoutMs?: number;
  /** Told the rows written so far (committed, in batched mode) and the rows to write, after each query or batch. */
  onRows?: (done: number, total: number) => void;
}

/** What writeGraph records besides the plan: the load state, written with the graph (see loadStateQueries.ts). */
export interface FullWriteOptions extends WriteOptions {
  loadState?: LoadStateRecord;
}

export interface WriteReport {
  mode: WriteMode;
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  deletedNodes: number;
  /** Batched mode only: relationships pruned (atomic mode replaces them all). */
  deletedRelationships?: number;
  /** Batched mode only: batches rolled back by a transient error (a deadlock) and tried again. */
  retriedBatches?: number;
}

/**
 * Up to here a plan is written in one transaction. Chosen by measurement (docs/benchmarks.md):
 * the atomic write peaks at about 3 KiB of Neo4j transaction memory per row, so 50,000 rows stay
 * far below the limit of even `dev`'s 1 GiB heap, and the curated seed (about 1,000 rows) keeps
 * its all-or-nothing guarantee.
 */
export const DEFAULT_BATCHED_ABOVE_ROWS = 50_000;
/** Rows per batch transaction: 5,000–50,000 measured the same within the noise (docs/benchmarks.md); 10,000 keeps each transaction small. */
export const DEFAULT_BATCH_ROWS = 10_000;
/** Batch transactions in flight at once (see writeBatched.ts). */
export const DEFAULT_CONCURRENCY = 2;
const DEFAULT_TIMEOUT_MS = 300_000;

const IDENTIFIER = /^[A-Z][A-Za-z]*$|^[A-Z][A-Z_]*$/;

export async function writeGraph(
  executor: Executor,
  plan: WritableGraph,
  vocabulary: Vocabulary,
  options: FullWriteOptions = {},
): Promise<WriteReport> {
  checkWritable(plan, vocabulary);
  const mode = chooseMode(plan.nodes.length + plan.rels.length, options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const written =
    mode === 'atomic'
      ? { deletedNodes: await writeAtomic(executor, plan, vocabulary, timeoutMs, options.loadState, options.onRows) }
      : await writeBatched(executor, plan, vocabulary, {
          batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS,
          concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
          timeoutMs,
          ...(options.loadState === undefined ? {} : { loadState: options.loadState }),
          ...(options.onRows === undefined ? {} : { onRows: options.onRows }),
        });
  // Counted after the commit: Neo4j answers label and type counts from its count store then,
  // whereas inside the write transaction each count scans the transaction's own changes too.
  return { mode, ...(await executor.readTransaction('seed.countGraph', (run) => countGraph(run, vocabulary))), ...written };
}

/** The mode for writing `rows` rows: as `options.mode` forces, else atomic up to `batchedAboveRows`. */
export function chooseMode(rows: number, options: Pick<WriteOptions, 'mode' | 'batchedAboveRows'>): WriteMode {
  if (options.mode === 'atomic' || options.mode === 'batched') return options.mode;
  return rows > (options.batchedAboveRows ?? DEFAULT_BATCHED_ABOVE_ROWS) ? 'batched' : 'atomic';
}

/** Refuses, before anything is written, labels and types outside the model's vocabulary. */
function checkWritable(plan: WritableGraph, vocabulary: Vocabulary): void {
  for (const name of [...vocabulary.labels, ...vocabulary.relTypes]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Refusing to write: '${name}' is not a valid label or relationship type`);
  }
  const labels = new Set(vocabulary.labels);
  const relTypes = new Set(vocabulary.relTypes);
  for (const node of plan.nodes)
    if (!labels.has(node.label)) throw new Error(`Refusing to write: label '${node.label}' is not in the model's vocabulary`);
  for (const rel of plan.rels) {
    if (!relTypes.has(rel.type)) throw new Error(`Refusing to write: relationship type '${rel.type}' is not in the model's vocabulary`);
    for (const end of [rel.from, rel.to])
      if (!labels.has(end.label)) throw new Error(`Refusing to write: label '${end.label}' is not in the model's vocabulary`);
  }
}
