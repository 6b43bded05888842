/**
 * Full-text search over the `search_names` index (names, aliases, statement texts; see
 * GRAPH_SCHEMA in src/model/graphSchema.ts).
 */
import neo4j from 'neo4j-driver';
import type { NodeLabel } from '../../model/vocabulary.js';
import { cypher } from '../../db/cypher.js';
import type { Executor } from '../../db/Executor.js';
import { asNodeRecord, projectNode, type NodeRecord } from '../records.js';
import { luceneQuery, tolerantLuceneQuery } from './luceneQuery.js';

export interface SearchHitRecord {
  score: number;
  /** Matched only as a similar spelling, not exactly or by prefix. */
  fuzzy: boolean;
  node: NodeRecord;
}

/**
 * Hits in two tiers: every node the exact-or-prefix query finds (`$query`, tier 0), ranked by its
 * score, then the nodes only the spelling-tolerant query finds (`$tolerant`, tier 1), ranked by
 * theirs; ties by id so the order is stable. Exact and prefix matches therefore always come
 * before similar spellings, and a search that finds something exactly keeps the order it had
 * without spelling tolerance. The tolerant query matches everything the exact one does, so its
 * branch takes `2 × $first` hits: at most `$first` of them repeat exact hits. The label filter runs
 * after the index (the index cannot filter by label); `$labels` null means every indexed label.
 */
export const SEARCH_NODES = cypher(
  'search.fulltext',
  `
CALL () {
  CALL db.index.fulltext.queryNodes('search_names', $query) YIELD node, score
  WITH node, score
  WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
  RETURN node, score, 0 AS tier
  ORDER BY score DESC, node.id ASC
  LIMIT $first
UNION ALL
  CALL db.index.fulltext.queryNodes('search_names', coalesce($tolerant, $query)) YIELD node, score
  WITH node, score
  WHERE $tolerant IS NOT NULL AND ($labels IS NULL OR any(label IN labels(node) WHERE label IN $labels))
  RETURN node, score, 1 AS tier
  ORDER BY score DESC, node.id ASC
  LIMIT $tolerantFirst
}
WITH node, tier, score
ORDER BY tier ASC, score DESC
WITH node, head(collect({tier: tier, score: score})) AS best
ORDER BY best.tier ASC, best.score DESC, node.id ASC
LIMIT $first
RETURN best.score AS score, best.tier = 1 AS fuzzy, ${projectNode('node')} AS node`,
);

/** How much more a match on an entity's names counts than one on a fact's caption or quote. */
export const ENTITY_BOOST = 4;

/**
 * The words' query on each indexed property, entities' names and aliases (`searchText`) boosted:
 * thousands of a dataset's captions name a donor, and should not outrank the donor itself.
 */
export function byField(words: string): string {
  return `searchText:(${words})^${ENTITY_BOOST} OR name:(${words}) OR text:(${words})`;
}

/**
 * Searches for `text` (plain words, never Lucene syntax). Text without any word (only
 * punctuation) finds nothing, without a round trip.
 */
export async function searchNodes(
  executor: Executor,
  text: string,
  labels: readonly NodeLabel[] | null,
  first: number,
): Promise<SearchHitRecord[]> {
  const words = luceneQuery(text);
  if (words === null || first === 0) return [];
  const query = byField(words);
  const tolerant = tolerantLuceneQuery(text);
  // LIMIT takes an Integer; a JavaScript number would travel as a Float.
  const rows = await executor.read(SEARCH_NODES, {
    query,
    tolerant: tolerant === null ? null : byField(tolerant),
    labels,
    first: neo4j.int(first),
    tolerantFirst: neo4j.int(2 * first),
  });
  return rows.map((row) => ({ score: Number(row.score), fuzzy: row.fuzzy === true, node: asNodeRecord(row.node) }));
}
