/**
 * Per-request batching (DataLoader): every `node(id)` and every relationship field asked for by
 * many parents in the same tick becomes one query. A request's round trips are therefore bounded
 * by the depth of its selection, not by the number of items it returns.
 */
import DataLoader from 'dataloader';
import type { Executor } from '../db/Executor.js';
import { nodesById, sourceTexts } from '../queries/nodeQueries.js';
import { asNodeRecord, type LinkedRecord, type NodeRecord } from '../queries/records.js';
import { relationQuery, type RelationKey } from '../queries/relations.js';

/**
 * Dispatch a batch once every promise of the current level has settled. DataLoader's default
 * (the next tick) splits a level in two when some of its items come from the per-request cache:
 * they resolve a tick earlier and ask for their children before the others do. Waiting for the
 * macrotask keeps one query per field and level either way, for the cost of one event-loop turn.
 */
const batchScheduleFn = (callback: () => void): void => {
  setImmediate(callback);
};

export class Loaders {
  readonly node: DataLoader<string, NodeRecord | null>;
  readonly sourceText: DataLoader<string, string | null>;
  private readonly relations = new Map<RelationKey, DataLoader<string, LinkedRecord[]>>();

  constructor(private readonly executor: Executor) {
    this.node = new DataLoader((ids) => nodesById(executor, ids), { maxBatchSize: 1000, batchScheduleFn });
    this.sourceText = new DataLoader((ids) => sourceTexts(executor, ids), { batchScheduleFn });
  }

  /** The neighbours of many parents over one relationship field, fetched in one query. */
  relation(key: RelationKey): DataLoader<string, LinkedRecord[]> {
    let loader = this.relations.get(key);
    if (!loader) {
      const query = relationQuery(key);
      loader = new DataLoader<string, LinkedRecord[]>(
        async (ids) => {
          const rows = await this.executor.read(query, { ids });
          const byId = new Map<string, LinkedRecord[]>();
          for (const row of rows) {
            const items = Array.isArray(row.items) ? row.items.map((item) => asNodeRecord(item) as LinkedRecord) : [];
            byId.set(row.id as string, items);
          }
          return ids.map((id) => byId.get(id) ?? []);
        },
        { maxBatchSize: 1000, batchScheduleFn },
      );
      this.relations.set(key, loader);
    }
    return loader;
  }
}
