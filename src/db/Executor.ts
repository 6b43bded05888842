/**
 * The one owner of driver sessions. Every query runs through `read` or `write` (or a transaction
 * function), with transaction metadata naming the operation, results converted to plain values,
 * driver errors mapped to AppErrors, and the session always closed.
 */
import { Neo4jError, type Driver, type ManagedTransaction, type Session, type Transaction } from 'neo4j-driver';
import { AppError, fromDatabaseError } from '../errors.js';
import type { CircuitBreaker } from './CircuitBreaker.js';
import type { NamedQuery } from './cypher.js';
import { toPlain, type Plain } from './toPlain.js';

export type Row = Record<string, Plain>;
export type Params = Record<string, unknown>;

export interface QueryEvent {
  name: string;
  mode: 'READ' | 'WRITE';
  /** The Cypher and its parameters, for tools that replay it (the benchmark's bare-driver floor); never logged. */
  text: string;
  params: Params;
  /** `performance.now()` when the query was sent. */
  startedAt: number;
  durationMs: number;
  rows: number;
  error?: string;
}

/** Runs queries inside one transaction; rows come back plain. */
export type TxRunner = (query: NamedQuery, params?: Params) => Promise<Row[]>;

export interface ExecutorOptions {
  database: string;
  /** Shared by an executor and its per-request copies: fails requests fast during an outage. */
  breaker?: CircuitBreaker;
  /** Server-side timeout for each transaction, in ms. */
  timeoutMs: number;
  /** Called after every query: the request log and the round-trip counting tests use it. */
  onQuery?: (event: QueryEvent) => void;
  /** Set on a request's executor (`forRequest`): all its reads share this one transaction. */
  shared?: SharedReadTransaction;
}

/**
 * One read transaction for all the reads of one request, begun at the first read and committed
 * when the request ends (`finish`). The request's whole database time is bounded by one
 * transaction timeout, and each query costs one round trip instead of a session, BEGIN, RUN and
 * COMMIT of its own (about twice the throughput for a three-query request; see docs/benchmarks.md). Queries of one DataLoader wave are pipelined on the transaction's
 * connection. Neo4j isolates transactions at read-committed, so this is not a snapshot: a query
 * may see a write committed after the request's first query.
 */
export class SharedReadTransaction {
  private session: Session | undefined;
  private tx: Transaction | undefined;
  private finished = false;

  constructor(
    private readonly open: () => Session,
    private readonly config: { timeout: number; metadata: Record<string, string> },
  ) {}

  /** True once the request has ended (answered, or abandoned by its client). */
  get ended(): boolean {
    return this.finished;
  }

  transaction(): Transaction {
    if (this.finished) throw new AppError('CLIENT_CLOSED_REQUEST', 'The request has ended; its transaction is closed.');
    if (!this.tx) {
      this.session = this.open();
      this.tx = this.session.beginTransaction(this.config);
    }
    return this.tx;
  }

  /**
   * Ends the transaction and closes the session; safe to call twice, never throws. After an
   * answer (`abandoned` false) it commits, which for a read only releases it. When the client
   * has gone (`abandoned` true) it rolls back, which stops a query still running on the server.
   */
  async finish(abandoned = false): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const { session, tx } = this;
    if (!session || !tx) return;
    try {
      if (tx.isOpen()) await (abandoned ? tx.rollback() : tx.commit());
    } catch {
      // A failed query already ended it; the request got that error.
    } finally {
      await session.close().catch(() => {});
    }
  }
}

export class Executor {
  constructor(
    private readonly driver: Driver,
    private readonly options: ExecutorOptions,
  ) {}

  /** The same executor also reporting its queries to `onQuery` (listeners add up: one per request, one per test …). */
  withListener(onQuery: (event: QueryEvent) => void): Executor {
    const previous = this.options.onQuery;
    return new Executor(this.driver, {
      ...this.options,
      onQuery: (event) => {
        previous?.(event);
        onQuery(event);
      },
    });
  }

  /**
   * The executor of one request: its reads share one transaction (see SharedReadTransaction);
   * call `finish` when the request has been answered. Writes are not shared.
   */
  forRequest(operation = 'graphql.request'): { executor: Executor; finish: (abandoned?: boolean) => Promise<void> } {
    const shared = new SharedReadTransaction(() => this.session('READ'), {
      timeout: this.options.timeoutMs,
      metadata: { app: 'ukraine-support-graph', operation },
    });
    return { executor: new Executor(this.driver, { ...this.options, shared }), finish: (abandoned) => shared.finish(abandoned) };
  }

  read(query: NamedQuery, params: Params = {}): Promise<Row[]> {
    return this.readTransaction(query.name, (run) => run(query, params));
  }

  write(query: NamedQuery, params: Params = {}): Promise<Row[]> {
    return this.writeTransaction(query.name, (run) => run(query, params));
  }

  readTransaction<T>(operation: string, work: (run: TxRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.transaction('READ', operation, work, timeoutMs);
  }

  /** All of `work` commits together or not at all. */
  writeTransaction<T>(operation: string, work: (run: TxRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.transaction('WRITE', operation, work, timeoutMs);
  }

  /**
   * Like `writeTransaction`, but tried once: the driver's managed transactions retry every
   * "transient" error for `maxTransactionRetryTime`, and some of those will only fail the same
   * way again (a transaction over Neo4j's memory limit), or must not be replayed blindly (a
   * batch of `CREATE`s whose commit may have succeeded before the connection dropped). The
   * caller decides what to retry.
   */
  writeTransactionOnce<T>(operation: string, work: (run: TxRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.transaction('WRITE', operation, work, timeoutMs, false);
  }

  /**
   * True when Neo4j answers a trivial query within `timeoutMs` — a hard bound, also while a
   * connection attempt hangs. The readiness probe; a success also closes the circuit breaker.
   */
  async ping(timeoutMs = 2000): Promise<boolean> {
    const session = this.session('READ');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const probe = session
      .executeRead((tx) => tx.run('RETURN 1'), { timeout: timeoutMs, metadata: { app: 'ukraine-support-graph', operation: 'ping' } })
      .then(() => true)
      .catch(() => false);
    try {
      const ok = await Promise.race([probe, timeout]);
      if (ok) this.options.breaker?.closed();
      return ok;
    } finally {
      clearTimeout(timer);
      void probe.finally(() => session.close().catch(() => {}));
    }
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({ database: this.options.database, defaultAccessMode: mode });
  }

  private async transaction<T>(
    mode: 'READ' | 'WRITE',
    operation: string,
    work: (run: TxRunner) => Promise<T>,
    timeoutMs?: number,
    retry = true,
  ): Promise<T> {
    const breaker = this.options.breaker;
    if (breaker && !breaker.allow()) {
      throw new AppError('UNAVAILABLE', 'The graph database is unavailable right now; try again shortly.');
    }
    const fn = (tx: ManagedTransaction | Transaction): Promise<T> => work((query, params = {}) => this.run(tx, mode, query, params));
    const config = { timeout: timeoutMs ?? this.options.timeoutMs, metadata: { app: 'ukraine-support-graph', operation } };
    const shared = mode === 'READ' ? this.options.shared : undefined;
    let session: Session | undefined;
    try {
      let result: T;
      if (shared) {
        result = await fn(shared.transaction());
      } else {
        session = this.session(mode);
        if (!retry) result = await once(session, fn, config);
        else result = await (mode === 'READ' ? session.executeRead(fn, config) : session.executeWrite(fn, config));
      }
      breaker?.closed();
      return result;
    } catch (err) {
      // A query cut short because its request ended (the client went away) is no database failure.
      if (shared?.ended && !(err instanceof AppError)) {
        throw new AppError('CLIENT_CLOSED_REQUEST', 'The request has ended; its transaction is closed.', { cause: err });
      }
      // Driver errors get the API's vocabulary; an error thrown by `work` itself keeps its message
      // (the API's formatError still masks anything unexpected before it reaches a client).
      const mapped = err instanceof Neo4jError ? fromDatabaseError(err) : err;
      if (mapped instanceof AppError && mapped.code === 'UNAVAILABLE') breaker?.opened();
      else if (breaker?.isOpen) breaker.closed();
      throw mapped;
    } finally {
      await session?.close().catch(() => {});
    }
  }

  private async run(tx: ManagedTransaction | Transaction, mode: 'READ' | 'WRITE', query: NamedQuery, params: Params): Promise<Row[]> {
    const started = performance.now();
    const report = (rows: number, error?: string): void =>
      this.options.onQuery?.({
        name: query.name,
        mode,
        text: query.text,
        params,
        startedAt: started,
        durationMs: performance.now() - started,
        rows,
        ...(error === undefined ? {} : { error }),
      });
    try {
      const result = await tx.run(query.text, params);
      const rows = result.records.map((record) => toPlain(record.toObject()) as Row);
      report(rows.length);
      return rows;
    } catch (err) {
      report(0, err instanceof Error ? err.message : String(err));
      throw err;
    }
  }
}

/** One explicit transaction, no retry: commit after `work`, roll back if anything fails. */
async function once<T>(
  session: Session,
  work: (tx: Transaction) => Promise<T>,
  config: { timeout: number; metadata: Record<string, string> },
): Promise<T> {
  const tx = session.beginTransaction(config);
  try {
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (err) {
    if (tx.isOpen()) await tx.rollback().catch(() => {});
    throw err;
  }
}
