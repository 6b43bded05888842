/**
 * Per-request batching (DataLoader): every `node(id)` asked for by many parents in the same tick
 * becomes one query, and so do all the relationship fields asked for in the same tick, whatever
 * their number (one `UNION ALL` part per field). A request's round trips are therefore bounded by
 * the depth of its selection, not by the number of items or fields it returns.
 */
import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
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

/** A page of the neighbours of a parent over one relationship field, or (page size 0) how many there are in all. */
export interface RelationPage {
  items: LinkedRecord[];
  /** Set by a load with page size 0; 0 otherwise. */
  total: number;
}

/** The neighbours of a parent over one relationship field: at most `first` of them, and their total. */
export interface RelationLoader {
  load(parentId: string, first: number): Promise<RelationPage>;
}

/** Field, page size and parent id in one DataLoader key. */
const SEPARATOR = '\u0000';

export class Loaders {
  readonly node: DataLoader<string, NodeRecord | null>;
  readonly sourceText: DataLoader<string, string | null>;
  /** Keyed by relation field, page size and parent id: one batch holds every field asked for in the tick. */
  private readonly relationLinks: DataLoader<string, RelationPage>;
  private readonly relationLoaders = new Map<RelationKey, RelationLoader>();

  constructor(private readonly executor: Executor) {
    this.node = new DataLoader((ids) => nodesById(executor, ids), { maxBatchSize: 1000, batchScheduleFn });
    this.sourceText = new DataLoader((ids) => sourceTexts(executor, ids), { batchScheduleFn });
    this.relationLinks = new DataLoader((keys) => this.loadRelations(keys), { maxBatchSize: 1000, batchScheduleFn });
  }

  /** The neighbours of many parents over one relation field, fetched with the tick's other fields in one query. */
  relation(key: RelationKey): RelationLoader {
    let loader = this.relationLoaders.get(key);
    if (!loader) {
      loader = { load: (parentId, first) => this.relationLinks.load(`${key}${SEPARATOR}${first}${SEPARATOR}${parentId}`) };
      this.relationLoaders.set(key, loader);
    }
    return loader;
  }

  private async loadRelations(keys: readonly string[]): Promise<RelationPage[]> {
    // One part per field and page size, in a stable order so the same combination reuses its query text.
    const idsByPart = new Map<string, string[]>();
    for (const key of keys) {
      const end = key.lastIndexOf(SEPARATOR);
      const part = key.slice(0, end);
      const ids = idsByPart.get(part);
      if (ids) ids.push(key.slice(end + 1));
      else idsByPart.set(part, [key.slice(end + 1)]);
    }
    const parts = [...idsByPart.keys()].sort();
    const params: Record<string, unknown> = {};
    // Page size 0 asks only for the number (a `…Count` field): that part counts and fetches nothing.
    const shapes = parts.map((part, i) => {
      const [key = '', first = '0'] = part.split(SEPARATOR);
      params[`ids${i}`] = idsByPart.get(part);
      if (first !== '0') params[`first${i}`] = neo4j.int(Number(first));
      return { key, count: first === '0' };
    });
    const rows = await this.executor.read(relationsQuery(shapes), params);
    const found = new Map<string, RelationPage>();
    for (const row of rows) {
      const part = parts[Number(row.part)];
      const items = Array.isArray(row.items) ? row.items.map((item) => asNodeRecord(item) as LinkedRecord) : [];
      found.set(`${part}${SEPARATOR}${row.id as string}`, { items, total: Number(row.total ?? 0) });
    }
    return keys.map((key) => found.get(key) ?? { items: [], total: 0 });
  }
}
