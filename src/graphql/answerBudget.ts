/**
 * The last line of defence behind the cost estimate: what an answer actually holds is counted
 * while it is built, and the answers in flight share one process-wide budget.
 *
 * - An *item* is one object or one list element a resolver returns, and one more per 128 bytes
 *   of a long text (a source's full text). An answer may hold at most `MAX_ANSWER_ITEMS`; past that
 *   the request stops resolving and is refused with LIMIT_EXCEEDED (`limit: MAX_ANSWER_ITEMS`).
 * - Before execution a request reserves its estimated cost (capped at `MAX_ANSWER_ITEMS`) from
 *   the in-flight pool of `MAX_INFLIGHT_ITEMS`; an answer that outgrows its reservation takes
 *   more as it grows. When the pool cannot cover a request, or the heap is already fuller than
 *   `heapFraction` of its limit, the request is shed with 503 and `Retry-After` (OVERLOADED)
 *   instead of the process running out of memory. What a request holds goes back when its
 *   answer has been sent.
 * - A request whose client has gone stops resolving at the next field (CLIENT_CLOSED_REQUEST).
 */
import v8 from 'node:v8';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { AppError } from '../errors.js';
import type { GraphContext } from './context.js';

/**
 * Fields whose text can be long: one item more per 128 bytes, so that an answer of MAX_ANSWER_ITEMS
 * holds at most a few megabytes of text (at one per KiB, 2,000 copies of a 5 KB text, 10 MB, fitted,
 * and a few such answers at once kept the event loop busy for seconds: docs/reliability.md).
 */
const LONG_TEXT_FIELDS: ReadonlySet<string> = new Set(['Source.text']);
export const BYTES_PER_TEXT_ITEM = 128;
/** An answer that outgrows its reservation takes at least this many items from the pool at a time. */
const RESERVATION_STEP = 1024;
/**
 * Resolvers between two turns of the event loop. An answer assembled from what the request has
 * already fetched resolves in microtasks only, and would keep the loop (so /health, other
 * requests, and the news that this client has gone) waiting until it is complete.
 */
const YIELD_EVERY = 2000;
/** Seconds a shed client is told to wait. */
export const RETRY_AFTER_SECONDS = 1;

/** The process-wide budget of items in answers being built. */
export class InFlightPool {
  private used = 0;

  constructor(
    readonly maxItems: number,
    /** Shed new requests when the V8 heap is fuller than this fraction of its limit. */
    readonly heapFraction = 0.8,
  ) {}

  take(items: number): boolean {
    if (this.used + items > this.maxItems) return false;
    this.used += items;
    return true;
  }

  give(items: number): void {
    this.used = Math.max(0, this.used - items);
  }

  heapTight(): boolean {
    const heap = v8.getHeapStatistics();
    return heap.used_heap_size > heap.heap_size_limit * this.heapFraction;
  }
}

export function overloaded(): AppError {
  return new AppError('OVERLOADED', `The server is busy building other answers; retry in ${RETRY_AFTER_SECONDS} s (MAX_INFLIGHT_ITEMS).`, {
    details: { limit: 'MAX_INFLIGHT_ITEMS', http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) } },
  });
}

/** One request's count of the items in its answer, and its share of the in-flight pool. */
export class AnswerBudget {
  private items = 0;
  private reserved = 0;
  private sinceYield = 0;
  /**
   * Set by the HTTP server: the reservation goes back when the connection has sent the answer
   * (or closed), after Apollo has serialised it, rather than when Apollo hands the answer over.
   */
  releaseWithConnection = false;
  private connectionClosed = false;
  private pool: InFlightPool | undefined;
  /** Set once the request has been stopped: every later field fails the same way, at once. */
  failure: AppError | undefined;

  constructor(
    readonly maxItems: number,
    readonly signal: AbortSignal,
  ) {}

  /** Reserves the estimated cost before execution; throws OVERLOADED when the pool or the heap has no room. */
  admit(pool: InFlightPool, cost: number): void {
    // A connection that closed before execution gets nothing: no one would give it back.
    if (this.connectionClosed) throw this.stop(new AppError('CLIENT_CLOSED_REQUEST', 'The client closed the connection.'));
    const want = Math.max(1, Math.min(cost, this.maxItems));
    if (pool.heapTight() || !pool.take(want)) throw overloaded();
    this.pool = pool;
    this.reserved = want;
  }

  /** Stops the request if it has already been stopped or its client has gone. */
  check(): void {
    if (this.failure) throw this.failure;
    if (this.signal.aborted) throw this.stop(new AppError('CLIENT_CLOSED_REQUEST', 'The client closed the connection.'));
  }

  /** Counts `n` more items; stops the request past MAX_ANSWER_ITEMS or when the pool cannot grow. */
  charge(n: number): void {
    this.check();
    this.items += n;
    if (this.items > this.maxItems) {
      throw this.stop(
        new AppError(
          'LIMIT_EXCEEDED',
          `The answer holds more than ${this.maxItems} items (MAX_ANSWER_ITEMS); ask for smaller pages or fewer nested lists.`,
          { details: { limit: 'MAX_ANSWER_ITEMS', max: this.maxItems, http: { status: 400 } } },
        ),
      );
    }
    if (this.items > this.reserved && this.pool) {
      const more = Math.max(this.items - this.reserved, RESERVATION_STEP);
      if (!this.pool.take(more)) throw this.stop(overloaded());
      this.reserved += more;
    }
  }

  /** True once every YIELD_EVERY fields: the next field should wait for a turn of the event loop. */
  shouldYield(): boolean {
    this.sinceYield += 1;
    if (this.sinceYield < YIELD_EVERY) return false;
    this.sinceYield = 0;
    return true;
  }

  /** The connection has sent the answer or closed: the reservation goes back, and none is taken after. */
  closeConnection(): void {
    this.connectionClosed = true;
    this.release();
  }

  /** Gives the reservation back (once the answer has been sent). */
  release(): void {
    this.pool?.give(this.reserved);
    this.pool = undefined;
    this.reserved = 0;
  }

  private stop(error: AppError): AppError {
    this.failure = error;
    return error;
  }
}

function weigh(value: unknown, longText: boolean): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.length;
  if (longText && typeof value === 'string') return 1 + Math.floor(value.length / BYTES_PER_TEXT_ITEM);
  return 1;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Wraps the resolvers of every field that returns an object or a list (and of long texts) so
 * that each counts what it returns against the request's budget. Scalar fields, the bulk of an
 * answer, are left as they are: their cost is their parent object's.
 */
export function withAnswerBudget(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const longText = LONG_TEXT_FIELDS.has(`${type.name}.${field.name}`);
      const nullable = getNullableType(field.type);
      if (!longText && !isListType(nullable) && !isCompositeType(getNamedType(field.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const counted = (source: unknown, args: Record<string, unknown>, context: GraphContext, info: GraphQLResolveInfo): unknown => {
        const budget = context.budget;
        budget.check();
        const result: unknown = resolve(source, args, context, info);
        if (isPromiseLike(result)) {
          return Promise.resolve(result).then((value) => {
            budget.charge(weigh(value, longText));
            return value;
          });
        }
        budget.charge(weigh(result, longText));
        return result;
      };
      field.resolve = (source, args: Record<string, unknown>, context: GraphContext, info) =>
        context.budget.shouldYield()
          ? new Promise((resolveTurn) => setImmediate(resolveTurn)).then(() => counted(source, args, context, info))
          : counted(source, args, context, info);
    }
  }
  return schema;
}

/**
 * A request stopped by its budget answers with that one error and no data, rather than with
 * partial data and one error per field that could not resolve; its status and headers are the
 * error's (400 for an answer too large, 503 with Retry-After when shed). Its share of the pool
 * goes back once the answer is on its way (over HTTP: once the connection has sent it).
 */
export function answerBudgetPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ contextValue, response }) {
          const { budget } = contextValue;
          if (!budget.releaseWithConnection) budget.release();
          const failure = budget.failure;
          if (failure && response.body.kind === 'single') {
            const { http, ...extensions } = failure.extensions as { http?: { status: number; headers?: Map<string, string> } };
            response.body.singleResult = { errors: [{ message: failure.message, extensions }] };
            if (http) {
              response.http.status = http.status;
              for (const [name, value] of http.headers ?? []) response.http.headers.set(name, value);
            }
          }
          return Promise.resolve();
        },
      });
    },
  };
}
