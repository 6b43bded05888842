/** The cache of query shapes stays bounded however many shapes requests ask for, and reuses what it holds. */
import { describe, expect, it } from 'vitest';
import { cypher } from '../../../src/db/cypher.js';
import { MAX_CACHED_QUERIES, cachedQuery, cachedQueryCount } from '../../../src/queries/cachedQuery.js';

describe('cachedQuery', () => {
  it('builds a shape once and returns the same query after', () => {
    let builds = 0;
    const build = () => {
      builds += 1;
      return cypher('test.shape', 'RETURN 1');
    };
    const first = cachedQuery('test shape', build);
    expect(cachedQuery('test shape', build)).toBe(first);
    expect(builds).toBe(1);
  });

  it('keeps at most MAX_CACHED_QUERIES shapes, dropping the least recently used', () => {
    const keep = cachedQuery('test kept', () => cypher('test.kept', 'RETURN 1'));
    for (let i = 0; i < 2 * MAX_CACHED_QUERIES; i += 1) {
      cachedQuery(`test many ${i}`, () => cypher(`test.many.${i}`, 'RETURN 1'));
      // Used all along, so never the least recently used.
      expect(cachedQuery('test kept', () => cypher('test.kept', 'RETURN 2'))).toBe(keep);
    }
    expect(cachedQueryCount()).toBe(MAX_CACHED_QUERIES);
  });
});
