import type { NamedQuery } from '../../db/cypher.js';

const queries = new Map<string, NamedQuery>();

/**
 * A query whose text depends on labels, relationship types or a hop count (which Cypher cannot
 * take as parameters), built once per shape. `key` names the shape; `build` may only use values
 * from this code base or validated integers, never request text.
 */
export function cachedQuery(key: string, build: () => NamedQuery): NamedQuery {
  let query = queries.get(key);
  if (!query) {
    query = build();
    queries.set(key, query);
  }
  return query;
}
