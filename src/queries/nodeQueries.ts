/**
 * Nodes by id. An id's prefix names its label (`person:` → Person), so each lookup uses that
 * label's unique index; a batch of ids costs one query per label present in it.
 */
import { labelOfId, type NodeLabel } from '../model/vocabulary.js';
import neo4j from 'neo4j-driver';
import { cypher, type NamedQuery } from '../db/cypher.js';
import { cachedQuery } from './cachedQuery.js';
import type { Executor } from '../db/Executor.js';
import { asNodeRecord, projectNode, type NodeRecord } from './records.js';

function nodesByIdQuery(label: NodeLabel): NamedQuery {
  return cachedQuery(`node byId ${label}`, () =>
    cypher(`node.byId.${label}`, `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN ${projectNode('n')} AS node`),
  );
}

/** The nodes with these ids, in the same order; null where there is none. */
export async function nodesById(executor: Executor, ids: readonly string[]): Promise<(NodeRecord | null)[]> {
  const byLabel = new Map<NodeLabel, string[]>();
  for (const id of ids) {
    const label = labelOfId(id);
    if (label) byLabel.set(label, [...(byLabel.get(label) ?? []), id]);
  }
  const found = new Map<string, NodeRecord>();
  await executor.readTransaction('node.byIds', async (run) => {
    for (const [label, labelIds] of byLabel) {
      for (const row of await run(nodesByIdQuery(label), { ids: labelIds })) {
        const record = asNodeRecord(row.node);
        found.set(record.id, record);
      }
    }
  });
  return ids.map((id) => found.get(id) ?? null);
}

export const SOURCE_TEXT = cypher('source.text', 'UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s.id AS id, s.text AS text');

/** Full texts of sources (left out of node records because they can be large). */
export async function sourceTexts(executor: Executor, ids: readonly string[]): Promise<(string | null)[]> {
  const rows = await executor.read(SOURCE_TEXT, { ids });
  const texts = new Map(rows.map((row) => [row.id, row.text]));
  return ids.map((id) => {
    const text = texts.get(id);
    return typeof text === 'string' ? text : null;
  });
}

export const SOURCES_PAGE = cypher('source.page', `MATCH (s:Source) WITH s ORDER BY s.id LIMIT $first RETURN ${projectNode('s')} AS node`);
export const SOURCES_COUNT = cypher('source.count', 'MATCH (s:Source) RETURN count(s) AS count');

/** The first `first` sources by id. */
export async function allSources(executor: Executor, first: number): Promise<NodeRecord[]> {
  return (await executor.read(SOURCES_PAGE, { first: neo4j.int(first) })).map((row) => asNodeRecord(row.node));
}

export async function countSources(executor: Executor): Promise<number> {
  const [row] = await executor.read(SOURCES_COUNT);
  return Number(row?.count ?? 0);
}

export const DATASETS_PAGE = cypher(
  'dataset.page',
  `MATCH (d:Dataset) WITH d ORDER BY d.id LIMIT $first RETURN ${projectNode('d')} AS node`,
);
export const DATASETS_COUNT = cypher('dataset.count', 'MATCH (d:Dataset) RETURN count(d) AS count');

/** The first `first` dataset releases by id. */
export async function allDatasets(executor: Executor, first: number): Promise<NodeRecord[]> {
  return (await executor.read(DATASETS_PAGE, { first: neo4j.int(first) })).map((row) => asNodeRecord(row.node));
}

export async function countDatasets(executor: Executor): Promise<number> {
  const [row] = await executor.read(DATASETS_COUNT);
  return Number(row?.count ?? 0);
}
