/**
 * The API's small error vocabulary. Errors thrown on purpose are AppErrors with a string code in
 * `extensions.code`; everything else is masked by the server's formatError.
 */
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';

export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'UNAVAILABLE'
  | 'TIMEOUT'
  | 'INTERNAL_SERVER_ERROR'
  /** A limit refused the request (the limit's name is in `extensions.limit`). */
  | 'LIMIT_EXCEEDED'
  /** Shed under load: the answers in flight leave no room (HTTP 503 with Retry-After). */
  | 'OVERLOADED'
  /** The client went away; nobody reads this, but the request log does. */
  | 'CLIENT_CLOSED_REQUEST';

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, { originalError: options.cause instanceof Error ? options.cause : undefined, extensions: { code, ...options.details } });
    this.name = 'AppError';
  }
}

/** Driver codes meaning "the database cannot be reached right now". */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** Maps an error from the driver to the API's vocabulary. The original stays as `cause`, for logs only. */
export function fromDatabaseError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(err.code) || /acquisition timed out|connection.*(refused|closed|timed out)/i.test(err.message)) {
      return new AppError('UNAVAILABLE', 'The graph database is unavailable right now; try again shortly.', { cause: err });
    }
    if (
      err.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
      err.code === 'Neo.TransientError.Transaction.LockClientStopped'
    ) {
      return new AppError('TIMEOUT', 'The query took too long and was stopped.', { cause: err });
    }
  }
  return new AppError('INTERNAL_SERVER_ERROR', 'Unexpected error.', { cause: err });
}

/**
 * Neo4j's "out of memory" errors: the transaction memory pool (`dbms.memory.transaction.total.max`,
 * GQL 51N72), one transaction's own limit (`db.memory.transaction.max`, 51N73) and the heap itself.
 * Neo4j calls the first and the last "transient", so the driver would retry them, but the same
 * transaction needs the same memory and fails again: callers must not retry them.
 */
const MEMORY_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.General.OutOfMemoryError',
  'Neo.DatabaseError.General.OutOfMemoryError',
]);
const MEMORY_GQL_STATUSES = new Set(['51N72', '51N73']);

/** The Neo4j memory error behind `err` (itself, or the cause of a mapped AppError), if any. */
export function databaseMemoryError(err: unknown): Neo4jError | undefined {
  const cause = err instanceof AppError ? err.originalError : err;
  if (!(cause instanceof Neo4jError)) return undefined;
  return MEMORY_CODES.has(cause.code) || MEMORY_GQL_STATUSES.has(cause.gqlStatus) ? cause : undefined;
}

/**
 * The whole story of an error for an operator's terminal or log (never for an API client): the
 * AppError's message plus the database error behind it, with its code.
 */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err instanceof AppError ? err.originalError : undefined;
  if (cause instanceof Neo4jError) return `${err.message} ${cause.code}: ${cause.message}`;
  if (cause) return `${err.message} ${cause.message}`;
  return err.message;
}
