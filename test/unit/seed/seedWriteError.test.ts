/**
 * Neo4j's memory errors: classified from a real driver error (neo4j-driver's own Neo4jError, as
 * the Executor receives it), explained with the setting to raise, and never retried.
 */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { databaseMemoryError, fromDatabaseError } from '../../../src/errors.js';
import { retryTransient } from '../../../seed/write/retryTransient.js';
import { SeedWriteError } from '../../../seed/write/SeedWriteError.js';

const poolExhausted = (): Neo4jError =>
  new Neo4jError(
    'The allocation of an extra 69.0 MiB would use more than the limit 2.8 GiB. Currently using 2.8 GiB. dbms.memory.transaction.total.max threshold reached',
    'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
    '51N72',
    'error: system configuration or operation exception - memory pool out of memory',
  );
const transactionTooBig = (): Neo4jError =>
  new Neo4jError(
    'The allocation of an extra 2.0 MiB would use more than the limit 1.0 MiB. db.memory.transaction.max threshold reached',
    'Neo.ClientError.General.TransactionOutOfMemoryError',
    '51N73',
    'error: system configuration or operation exception - transaction memory limit reached',
  );
const deadlock = (): Neo4jError =>
  new Neo4jError(
    'ForsetiClient can not acquire ExclusiveLock',
    'Neo.TransientError.Transaction.DeadlockDetected',
    '50N05',
    'error: deadlock',
  );

describe('memory errors', () => {
  it('are recognised by code or GQL status, also behind the AppError the Executor throws', () => {
    expect(databaseMemoryError(poolExhausted())?.code).toBe('Neo.TransientError.General.MemoryPoolOutOfMemoryError');
    expect(databaseMemoryError(fromDatabaseError(poolExhausted()))).toBeInstanceOf(Neo4jError);
    expect(databaseMemoryError(fromDatabaseError(transactionTooBig()))).toBeInstanceOf(Neo4jError);
    expect(databaseMemoryError(fromDatabaseError(deadlock()))).toBeUndefined();
    expect(databaseMemoryError(new Error('out of memory'))).toBeUndefined();
  });

  it('are not retried, although Neo4j calls them transient; a deadlock is', async () => {
    let calls = 0;
    const failWith = (make: () => Neo4jError) => () => {
      calls += 1;
      return Promise.reject(fromDatabaseError(make()));
    };
    await expect(retryTransient(failWith(poolExhausted))).rejects.toThrow();
    expect(calls).toBe(1);
    calls = 0;
    await expect(retryTransient(failWith(deadlock))).rejects.toThrow();
    expect(calls).toBe(3);
  });

  it('name the setting to raise, and the other mode or smaller batches', () => {
    const atomic = new SeedWriteError('atomic', fromDatabaseError(poolExhausted()));
    expect(atomic.memory).toBe(true);
    expect(atomic.partial).toBe(false);
    expect(atomic.message).toMatch(/nothing was written/);
    expect(atomic.message).toMatch(/dbms\.memory\.transaction\.total\.max/);
    expect(atomic.message).toMatch(/heap/);
    expect(atomic.message).toMatch(/--batched/);
    expect(atomic.message).toMatch(/MemoryPoolOutOfMemoryError/);

    const batched = new SeedWriteError('batched', fromDatabaseError(transactionTooBig()), {
      committedBatches: 12,
      committedRows: 240_000,
      plannedRows: 1_003_435,
    });
    expect(batched.memory).toBe(true);
    expect(batched.partial).toBe(true);
    expect(batched.message).toMatch(/PARTIALLY UPDATED \(12 batches, 240,000 of 1,003,435 rows committed/);
    expect(batched.message).toMatch(/Re-running the same seed completes it/);
    expect(batched.message).toMatch(/--batch-size/);
  });

  it('before the first batch, a batched load says nothing was written', () => {
    const error = new SeedWriteError('batched', new Error('connection refused'), {
      committedBatches: 0,
      committedRows: 0,
      plannedRows: 10,
    });
    expect(error.partial).toBe(false);
    expect(error.message).toMatch(/nothing was written/);
  });
});
