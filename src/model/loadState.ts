/**
 * The loader's bookkeeping in the graph: one node, `(:LoadState {id: 'load-state'})`, outside the
 * model's vocabulary (no query of the API reads it as data, the counts and the fingerprint of the
 * model leave it out). The loader writes it with the graph and reads it to skip what did not change
 * (docs/graph-model.md, "Loading"); the API's `/ready` reads its status.
 *
 * It holds nothing run-specific (no time, no host): the same input loaded by any path gives the
 * same node, so two graphs loaded from the same data are equal, bookkeeping included.
 */
export const LOAD_STATE_LABEL = 'LoadState';
export const LOAD_STATE_ID = 'load-state';

/**
 * `complete`: the graph is what the recorded input plans. `writing`: a batched load began and has
 * not finished (it is running, or it failed midway): the graph is partially updated until a load
 * of the same data completes it.
 */
export type LoadStatus = 'complete' | 'writing';
export const LOAD_STATUSES: readonly LoadStatus[] = ['complete', 'writing'];
