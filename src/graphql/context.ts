import type { Executor } from '../db/Executor.js';

/** What every resolver receives: the request's executor (its queries are counted and logged). */
export interface GraphContext {
  executor: Executor;
  requestId: string;
}
