/**
 * Source documents. Cypher lives here as named, parameterised constants; resolvers call the
 * functions below and never see Cypher.
 */
import { cypher } from '../db/cypher.js';
import type { Executor } from '../db/Executor.js';

export interface SourceRecord {
  id: string;
  name: string;
  path: string;
  sha256: string;
}

export const SOURCES_ALL = cypher(
  'source.all',
  `MATCH (s:Source)
   RETURN s {.id, .name, .path, .sha256} AS source
   ORDER BY s.id`,
);

export const SOURCE_BY_ID = cypher(
  'source.byId',
  `MATCH (s:Source {id: $id})
   RETURN s {.id, .name, .path, .sha256} AS source`,
);

export async function listSources(executor: Executor): Promise<SourceRecord[]> {
  const rows = await executor.read(SOURCES_ALL);
  return rows.map((row) => row.source as unknown as SourceRecord);
}

export async function sourceById(executor: Executor, id: string): Promise<SourceRecord | null> {
  const [row] = await executor.read(SOURCE_BY_ID, { id });
  return row ? (row.source as unknown as SourceRecord) : null;
}
