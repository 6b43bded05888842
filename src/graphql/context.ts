import { loadConfig, type Limits } from '../config.js';
import type { Executor, QueryEvent } from '../db/Executor.js';
import { AnswerBudget } from './answerBudget.js';
import { Loaders } from './loaders.js';

/** What every resolver receives: the request's executor (its queries are counted and logged), its loaders and the limits in force. */
export interface GraphContext {
  executor: Executor;
  requestId: string;
  loaders: Loaders;
  limits: Limits;
  /** The Cypher queries this request ran so far (the request log reports them). */
  queries: QueryEvent[];
  /** What the answer holds so far, its share of the in-flight pool, and whether the client is still there. */
  budget: AnswerBudget;
  /**
   * Whether lookups by id answer their whole selection in one query (src/graphql/translate/); off,
   * every field resolves through the loaders, level by level, as the tests compare.
   */
  translate: boolean;
}

export interface ContextOptions {
  /** Default true. */
  translate?: boolean;
}

/** The limits when none are configured (the defaults of src/config.ts). */
export const DEFAULT_LIMITS: Limits = loadConfig({}).limits;

/** A signal that never fires, for requests nobody can abandon (in-process tests, the docs generator). */
const NEVER = new AbortController().signal;

/**
 * A request's context; its executor reports every query into `queries`. `signal` fires when the
 * client goes away: resolution then stops at the next field.
 */
export function createContext(
  executor: Executor,
  requestId: string,
  limits: Limits = DEFAULT_LIMITS,
  signal: AbortSignal = NEVER,
  options: ContextOptions = {},
): GraphContext {
  const queries: QueryEvent[] = [];
  const counted = executor.withListener((event) => queries.push(event));
  return {
    executor: counted,
    requestId,
    loaders: new Loaders(counted),
    limits,
    queries,
    budget: new AnswerBudget(limits.maxAnswerItems, signal),
    translate: options.translate ?? true,
  };
}
