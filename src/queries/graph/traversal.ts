/**
 * What the graph views (paths, neighbourhood) may walk over, and how they return relationships.
 * Types come from the model's vocabulary, so the Cypher fragments built here never hold user input.
 */
import { REL_TYPES, type RelType } from '../../model/vocabulary.js';
import type { Plain } from '../../db/toPlain.js';
import type { EdgeRecord } from '../records.js';

/** Relationships that say where a fact is written rather than what it says. */
export const PROVENANCE_TYPES: readonly RelType[] = ['SUPPORTED_BY', 'FOUND_IN'];

/** The relationship types to walk, as a Cypher type alternation (`COMMITTED|TO|…`). */
export function traversableTypes(includeEvidence: boolean): string {
  return REL_TYPES.filter((type) => includeEvidence || !PROVENANCE_TYPES.includes(type)).join('|');
}

/**
 * A relationship `r` as a map the edge reader understands. The role is a participation's `role`
 * or a mention's `surfaceForm`, whichever the relationship has.
 */
export function projectEdge(r: string): string {
  return `{type: type(${r}), fromId: startNode(${r}).id, toId: endNode(${r}).id, role: coalesce(${r}.role, ${r}.surfaceForm)}`;
}

/**
 * Reads a projected relationship. There is at most one relationship of a type between two nodes,
 * so type and endpoints identify it: the id is the same in every response.
 */
export function asEdgeRecord(value: Plain | undefined): EdgeRecord {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError('Expected an edge record from the database');
  }
  const { type, fromId, toId, role } = value as Record<string, Plain>;
  if (typeof type !== 'string' || typeof fromId !== 'string' || typeof toId !== 'string') {
    throw new TypeError('An edge record lacks its type or endpoints');
  }
  return { id: `${type}:${fromId}->${toId}`, type, fromId, toId, role: typeof role === 'string' ? role : null };
}
