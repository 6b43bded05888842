/**
 * Retries a transaction that Neo4j rolled back for a reason that may pass (a deadlock, a lock
 * wait stopped): codes `Neo.TransientError.*`. Never a memory error, which Neo4j also calls
 * transient but which fails the same way every time, and never a lost connection, after which
 * nobody knows whether the commit happened.
 */
import { Neo4jError } from 'neo4j-driver';
import { AppError, databaseMemoryError } from '../../src/errors.js';

const ATTEMPTS = 3;

export async function retryTransient<T>(work: () => Promise<T>, onRetry: (attempt: number, err: unknown) => void = () => {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= ATTEMPTS || !rolledBackTransient(err)) throw err;
      onRetry(attempt, err);
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

function rolledBackTransient(err: unknown): boolean {
  const cause = err instanceof AppError ? err.originalError : err;
  return cause instanceof Neo4jError && cause.code.startsWith('Neo.TransientError.') && databaseMemoryError(cause) === undefined;
}
