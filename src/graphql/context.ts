import { loadConfig, type Limits } from '../config.js';
import type { Executor, QueryEvent } from '../db/Executor.js';
import { Loaders } from './loaders.js';

/** What every resolver receives: the request's executor (its queries are counted and logged), its loaders and the limits in force. */
export interface GraphContext {
  executor: Executor;
  requestId: string;
  loaders: Loaders;
  limits: Limits;
  /** The Cypher queries this request ran so far (the request log reports them). */
  queries: QueryEvent[];
}

/** The limits when none are configured (the defaults of src/config.ts). */
export const DEFAULT_LIMITS: Limits = loadConfig({}).limits;

/** A request's context; its executor reports every query into `queries`. */
export function createContext(executor: Executor, requestId: string, limits: Limits = DEFAULT_LIMITS): GraphContext {
  const queries: QueryEvent[] = [];
  const counted = executor.withListener((event) => queries.push(event));
  return { executor: counted, requestId, loaders: new Loaders(counted), limits, queries };
}
