import type { Executor } from '../db/Executor.js';
import { Loaders } from './loaders.js';

/** What every resolver receives: the request's executor (its queries are counted and logged) and its loaders. */
export interface GraphContext {
  executor: Executor;
  requestId: string;
  loaders: Loaders;
}

export function createContext(executor: Executor, requestId: string): GraphContext {
  return { executor, requestId, loaders: new Loaders(executor) };
}
