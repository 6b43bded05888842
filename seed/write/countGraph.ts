/** Nodes per label and relationships per type, as the database holds them: the loader's report. */
import type { NamedQuery } from '../../src/db/cypher.js';
import type { TxRunner } from '../../src/db/Executor.js';
import { countNodes, countRelationships } from './loaderQueries.js';
import type { Vocabulary } from './writableGraph.js';

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

export async function countGraph(run: TxRunner, vocabulary: Vocabulary): Promise<GraphCounts> {
  const tally = async (query: NamedQuery, keys: readonly string[]): Promise<Record<string, number>> => {
    const counts: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
    for (const row of await run(query)) if (typeof row.key === 'string') counts[row.key] = Number(row.n ?? 0);
    return counts;
  };
  return {
    nodes: await tally(countNodes(vocabulary.labels), vocabulary.labels),
    relationships: await tally(countRelationships(vocabulary.relTypes), vocabulary.relTypes),
  };
}
