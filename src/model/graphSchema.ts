/**
 * What the database must hold besides the data: a unique `id` per label, range indexes for the
 * common filters and the lists' keyset order, and one full-text index for search. Declared here,
 * beside the labels they index; src/db/migrations.ts applies them.
 */
import { ENTITY_LABELS, NODE_LABELS } from './vocabulary.js';

export type SchemaItem =
  | { kind: 'unique'; name: string; label: string; property: string }
  | { kind: 'range'; name: string; label: string; property: string }
  | { kind: 'fulltext'; name: string; labels: string[]; properties: string[] };

/** The model's schema: a unique `id` per label, range indexes for common filters, one full-text index. */
export function desiredSchema(model: {
  labels: readonly string[];
  searchable: readonly string[];
  searchProperties: readonly string[];
  rangeIndexes: readonly (readonly [string, string])[];
}): SchemaItem[] {
  const items: SchemaItem[] = model.labels.map((label) => ({ kind: 'unique', name: `${snake(label)}_id_unique`, label, property: 'id' }));
  for (const [label, property] of model.rangeIndexes)
    items.push({ kind: 'range', name: `${snake(label)}_${snake(property)}_range`, label, property });
  items.push({ kind: 'fulltext', name: 'search_names', labels: [...model.searchable], properties: [...model.searchProperties] });
  return items;
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** The graph's constraints and indexes, derived from the model's vocabulary. */
export const GRAPH_SCHEMA: SchemaItem[] = desiredSchema({
  labels: NODE_LABELS,
  searchable: [...ENTITY_LABELS, 'Commitment', 'Statement', 'Event'],
  searchProperties: ['name', 'searchText', 'text'],
  rangeIndexes: [
    ['Commitment', 'kind'],
    ['Commitment', 'status'],
    ['Event', 'kind'],
    ['Statement', 'kind'],
    ['Evidence', 'sourceId'],
    // The lists' default order (name, then id): keyset pages seek from the cursor in the index
    // instead of sorting every node of the label (src/queries/pagination/keyset.ts).
    ['Commitment', 'name'],
    ['Person', 'name'],
    ['Nation', 'name'],
    ['Organization', 'name'],
    ['Event', 'name'],
    ['Statement', 'name'],
    ['Stance', 'name'],
    // Tabular sources: filters by source, dataset and month, and the lists of figures and weapons.
    ['Commitment', 'sourceId'],
    ['Commitment', 'datasetId'],
    ['Commitment', 'timePeriod'],
    ['Figure', 'name'],
    ['Figure', 'measure'],
    ['Figure', 'datasetId'],
    ['HeavyWeapons', 'name'],
    ['HeavyWeapons', 'category'],
  ],
});
