/**
 * Per-request batching (DataLoader): every `node(id)` asked for by many parents in the same tick
 * becomes one query, and so do all the relationship fields asked for in the same tick, whatever
 * their number (one `UNION ALL` part per field). A request's round trips are therefore bounded by
 * the depth of its selection, not by the number of items or fields it returns.
 */
import DataLoader from 'dataloader';
import type { Executor } from '../db/Executor.js';
import { nodesById, sourceTexts } from '../queries/nodeQueries.js';
import { asNodeRecord, type LinkedRecord, type NodeRecord } from '../queries/records.js';
import { relationsQuery, type RelationKey } from '../queries/relations.js';

/**
 * Dispatch a batch once every promise of the current level has settled. DataLoader's default
 * (the next tick) splits a level in two when some of its items come from the per-request cache:
 * they resolve a tick earlier and ask for their children before the others do. Waiting for the
 * macrotask keeps one query per field and level either way, for the cost of one event-loop turn.
 */
const batchScheduleFn = (callback: () => void): void => {
  setImmediate(callback);
};

/** The neighbours of a parent over one relationship field. */
export interface RelationLoader {
  load(parentId: string): Promise<LinkedRecord[]>;
}

/** `Type.field` and parent id in one DataLoader key. */
const SEPARATOR = '\u0000';

export class Loaders {
  readonly node: DataLoader<string, NodeRecord | null>;
  readonly sourceText: DataLoader<string, string | null>;
  /** Keyed by relation field and parent id: one batch holds every field asked for in the tick. */
  private readonly relationLinks: DataLoader<string, LinkedRecord[]>;
  private readonly relationLoaders = new Map<RelationKey, RelationLoader>();

  constructor(private readonly executor: Executor) {
    this.node = new DataLoader((ids) => nodesById(executor, ids), { maxBatchSize: 1000, batchScheduleFn });
    this.sourceText = new DataLoader((ids) => sourceTexts(executor, ids), { batchScheduleFn });
    this.relationLinks = new DataLoader((keys) => this.loadRelations(keys), { maxBatchSize: 1000, batchScheduleFn });
  }

  /** The neighbours of many parents over one relationship field, fetched with the tick's other fields in one query. */
  relation(key: RelationKey): RelationLoader {
    let loader = this.relationLoaders.get(key);
    if (!loader) {
      loader = { load: (parentId) => this.relationLinks.load(`${key}${SEPARATOR}${parentId}`) };
      this.relationLoaders.set(key, loader);
    }
    return loader;
  }

  private async loadRelations(keys: readonly string[]): Promise<LinkedRecord[][]> {
    const idsByField = new Map<RelationKey, string[]>();
    for (const key of keys) {
      const [field = '', id = ''] = key.split(SEPARATOR);
      const ids = idsByField.get(field);
      if (ids) ids.push(id);
      else idsByField.set(field, [id]);
    }
    const fields = [...idsByField.keys()].sort();
    const params = Object.fromEntries(fields.map((field, part) => [`ids${part}`, idsByField.get(field)]));
    const rows = await this.executor.read(relationsQuery(fields), params);
    const found = new Map<string, LinkedRecord[]>();
    for (const row of rows) {
      const field = fields[Number(row.part)];
      const items = Array.isArray(row.items) ? row.items.map((item) => asNodeRecord(item) as LinkedRecord) : [];
      found.set(`${field}${SEPARATOR}${row.id as string}`, items);
    }
    return keys.map((key) => found.get(key) ?? []);
  }
}
