/**
 * A failed write, told the way an operator needs it: whether anything was written, what to do
 * next, and the database's own error.
 */
import { databaseMemoryError, describeError } from '../../src/errors.js';

export type WriteMode = 'atomic' | 'batched';

/** How far a batched load got when it failed. */
export interface BatchProgress {
  committedBatches: number;
  committedRows: number;
  plannedRows: number;
}

export class SeedWriteError extends Error {
  /** True when some batches were committed: the graph is neither the old one nor the plan. */
  readonly partial: boolean;
  /** True for Neo4j's out-of-memory errors, which are never retried. */
  readonly memory: boolean;

  constructor(mode: WriteMode, cause: unknown, progress?: BatchProgress) {
    const memory = databaseMemoryError(cause) !== undefined;
    const partial = mode === 'batched' && (progress?.committedBatches ?? 0) > 0;
    super(message(mode, cause, memory, partial, progress), { cause });
    this.name = 'SeedWriteError';
    this.partial = partial;
    this.memory = memory;
  }
}

function message(mode: WriteMode, cause: unknown, memory: boolean, partial: boolean, progress: BatchProgress | undefined): string {
  const lines: string[] = [];
  if (mode === 'atomic') lines.push('Seeding failed in its single transaction, which was rolled back: nothing was written.');
  else if (!partial) lines.push('Seeding failed before its first batch was committed: nothing was written.');
  else
    lines.push(
      `Seeding failed midway: the graph is PARTIALLY UPDATED (${progress?.committedBatches} batches, ` +
        `${progress?.committedRows.toLocaleString('en')} of ${progress?.plannedRows.toLocaleString('en')} rows committed; ` +
        'stale nodes and relationships are not pruned yet).',
      'Re-running the same seed completes it: the batched load is idempotent (MERGE by id and by (type, from, to)) and prunes at the end.',
    );
  if (memory) {
    lines.push(
      'Neo4j ran out of memory for the transaction. It was not retried: the same transaction needs the same memory.',
      `Raise dbms.memory.transaction.total.max (and the heap, server.memory.heap.max_size) in neo4j.conf, or ${
        mode === 'atomic' ? 'load in batches (npm run seed -- --batched)' : 'use smaller batches (--batch-size)'
      }.`,
    );
  }
  lines.push(`Cause: ${describeError(cause)}`);
  return lines.join('\n');
}
