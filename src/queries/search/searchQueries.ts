/**
 * Full-text search over the `search_names` index (names, aliases, statement texts; see
 * GRAPH_SCHEMA in src/model/graphSchema.ts).
 */
import neo4j from 'neo4j-driver';
import type { NodeLabel } from '../../model/vocabulary.js';
import { cypher } from '../../db/cypher.js';
import type { Executor } from '../../db/Executor.js';
import { asNodeRecord, projectNode, type NodeRecord } from '../records.js';
import { luceneQuery } from './luceneQuery.js';

export interface SearchHitRecord {
  score: number;
  node: NodeRecord;
}

/**
 * Hits ranked by score, ties by id so the order is stable. The label filter runs after the index
 * (the index cannot filter by label); `$labels` null means every indexed label.
 */
export const SEARCH_NODES = cypher(
  'search.fulltext',
  `
CALL db.index.fulltext.queryNodes('search_names', $query) YIELD node, score
WITH node, score
WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
ORDER BY score DESC, node.id ASC
LIMIT $first
RETURN score, ${projectNode('node')} AS node`,
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
  // LIMIT takes an Integer; a JavaScript number would travel as a Float.
  const rows = await executor.read(SEARCH_NODES, { query, labels, first: neo4j.int(first) });
  return rows.map((row) => ({ score: Number(row.score), node: asNodeRecord(row.node) }));
}
