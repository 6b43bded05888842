import type { NamedQuery } from '../db/cypher.js';

/**
 * Most query shapes kept. The shapes a request can ask for are many (the relationship fields one
 * depth level selects, in any combination), so the cache is bounded: the least recently used
 * shape is dropped and simply built again when next asked for.
 */
export const MAX_CACHED_QUERIES = 500;

const queries = new Map<string, NamedQuery>();

/**
 * A query whose text depends on labels, relationship types, a combination of fields or a hop count
 * (which Cypher cannot take as parameters), built once per shape. `key` names the shape; `build`
 * may only use values from this code base or validated integers, never request text.
 */
export function cachedQuery(key: string, build: () => NamedQuery): NamedQuery {
  let query = queries.get(key);
  if (query) {
    // Map keeps insertion order: re-inserting marks the shape as most recently used.
    queries.delete(key);
  } else {
    query = build();
    if (queries.size >= MAX_CACHED_QUERIES) {
      const oldest = queries.keys().next();
      if (!oldest.done) queries.delete(oldest.value);
    }
  }
  queries.set(key, query);
  return query;
}

/** How many shapes are cached (for tests). */
export function cachedQueryCount(): number {
  return queries.size;
}
