/**
 * The plain records query modules return and resolvers read: a node's properties as stored,
 * plus its label. GraphQL object types map to these (codegen `mappers`).
 */
import type { Plain } from '../db/toPlain.js';
import type { NodeLabel } from '../model/vocabulary.js';

export interface NodeRecord {
  __label: NodeLabel;
  id: string;
  name: string;
  [property: string]: Plain | undefined;
}

/** A node reached over a relationship, with that relationship's properties. */
export interface LinkedRecord extends NodeRecord {
  __edge: Record<string, Plain>;
}

export interface ParticipationRecord {
  actor: NodeRecord;
  event: NodeRecord;
  role: string | null;
  inferred: boolean;
}

export interface MentionRecord {
  surfaceForm: string;
  honorific: string | null;
  evidence: NodeRecord;
}

export interface EdgeRecord {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  role: string | null;
}

/** Reads a row's column as a NodeRecord; the query modules project `n {.*, __label: …}`. */
export function asNodeRecord(value: Plain | undefined): NodeRecord {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError('Expected a node record from the database');
  }
  const record = value as Record<string, Plain>;
  if (typeof record.id !== 'string' || typeof record.name !== 'string' || typeof record.__label !== 'string') {
    throw new TypeError('A node record lacks id, name or label');
  }
  return record as NodeRecord;
}

export function str(record: { [key: string]: Plain | undefined }, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' ? value : null;
}

export function num(record: { [key: string]: Plain | undefined }, key: string): number | null {
  const value = record[key];
  return typeof value === 'number' ? value : null;
}

export function bool(record: { [key: string]: Plain | undefined }, key: string): boolean | null {
  const value = record[key];
  return typeof value === 'boolean' ? value : null;
}

export function strings(record: { [key: string]: Plain | undefined }, key: string): string[] {
  const value = record[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The projection every query uses to return a node: all properties and the label, except a
 * Source's full text, which is fetched only when asked for (it can be large).
 */
export function projectNode(variable: string, extra = ''): string {
  const more = extra ? `, ${extra}` : '';
  return `CASE WHEN ${variable}:Source THEN ${variable} {.*, text: null, __label: 'Source'${more}} ELSE ${variable} {.*, __label: labels(${variable})[0]${more}} END`;
}
