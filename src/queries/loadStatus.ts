/**
 * What the loader's bookkeeping (src/model/loadState.ts) says of the graph, for `/ready`: whether
 * a batched load has left it partially updated.
 */
import { cypher } from '../db/cypher.js';
import type { Executor } from '../db/Executor.js';
import { LOAD_STATE_ID, LOAD_STATE_LABEL } from '../model/loadState.js';

/** `complete`, `partially updated` (a batched load began and has not completed), or `not recorded` (loaded some other way). */
export type GraphLoadStatus = 'complete' | 'partially updated' | 'not recorded';

const READ_STATUS = cypher('health.loadStatus', `OPTIONAL MATCH (s:${LOAD_STATE_LABEL} {id: $id}) RETURN s.status AS status`);

export async function graphLoadStatus(executor: Executor): Promise<GraphLoadStatus> {
  const [row] = await executor.read(READ_STATUS, { id: LOAD_STATE_ID });
  const status = row?.status;
  return status === 'complete' ? 'complete' : status === 'writing' ? 'partially updated' : 'not recorded';
}
