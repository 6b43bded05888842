/**
 * Records of a translated query, and the fields fetched with them. A record holds its id, its
 * label and only the stored properties its selection reads; what a field below it needs (a
 * relation's page, a count, a source, a long text) is kept beside it under the field's response
 * key, where that field's resolver finds it instead of loading it. A field with nothing kept
 * (never translated, or asked of a record from a loader) loads as before.
 */
import type { Plain } from '../../db/toPlain.js';
import type { NodeLabel } from '../../model/vocabulary.js';
import type { LinkedRecord, NodeRecord } from '../records.js';
import { slotKey, type NodeSelection, type Slot, type TargetSelection } from './selection.js';

/** What a field of a record was answered with in the record's own query. */
export type Prefetched =
  /** A relation field's neighbours (at most its `first`), and the parent once more for the item's field that returns it. */
  | { readonly kind: 'page'; readonly items: LinkedRecord[]; readonly self: NodeRecord | undefined }
  | { readonly kind: 'count'; readonly total: number }
  | { readonly kind: 'node'; readonly node: NodeRecord | null }
  | { readonly kind: 'value'; readonly value: Plain };

/**
 * Keyed by the record object: each record is built once per request by `readPrefetched`, and what
 * is kept goes with it when the answer is done.
 */
const kept = new WeakMap<object, Map<string, Prefetched>>();

/** What the record's query fetched for its field `responseKey`; undefined when the field is to be loaded. */
export function prefetched(record: object, responseKey: string | number): Prefetched | undefined {
  return kept.get(record)?.get(String(responseKey));
}

function asMap(value: Plain): Record<string, Plain> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('Expected a node record from the database');
  return value;
}

const SLOT_KEY = /^__\d+$/;

/** The selection for a record of this label: the branch that names it, else none (id and label only). */
function branchFor(target: TargetSelection, label: string): NodeSelection | undefined {
  return target.branches.find((branch) => (branch.labels as readonly string[]).includes(label))?.selection;
}

function readSlot(value: Plain, slot: Slot): Prefetched {
  switch (slot.kind) {
    case 'relation': {
      const { items, self } = slot.self ? asMap(value) : { items: value, self: null };
      return {
        kind: 'page',
        items: (Array.isArray(items) ? items : []).map((item) => readPrefetched(item, slot.target) as LinkedRecord),
        self: slot.self ? readNode(self ?? null, slot.self) : undefined,
      };
    }
    case 'count':
      return { kind: 'count', total: typeof value === 'number' ? value : 0 };
    case 'sourceOf': {
      const [source] = Array.isArray(value) ? value : [];
      return { kind: 'node', node: source === undefined ? null : readNode(source, slot.target) };
    }
    case 'property':
      return { kind: 'value', value };
    default: {
      const unreachable: never = slot;
      return unreachable;
    }
  }
}

function readNode(value: Plain, selection: NodeSelection | undefined): NodeRecord {
  const map = asMap(value);
  if (typeof map.id !== 'string' || typeof map.__label !== 'string') throw new TypeError('A node record lacks id or label');
  const record: Record<string, Plain> = {};
  for (const [key, v] of Object.entries(map)) if (!SLOT_KEY.test(key)) record[key] = v;
  // Relation lists read their relationship's properties from `__edge` (none asked: none fetched).
  if (record.__edge === undefined) record.__edge = {};
  if (selection && selection.slots.length > 0) {
    kept.set(record, new Map(selection.slots.map((slot, i) => [slot.responseKey, readSlot(map[slotKey(i)] ?? null, slot)])));
  }
  // A translated record holds only the properties its selection reads (`name` too only when read).
  return record as unknown as NodeRecord & { __label: NodeLabel };
}

/** A record of the query's tree, with what its fields need kept beside it. */
export function readPrefetched(value: Plain, target: TargetSelection): NodeRecord {
  const map = asMap(value);
  return readNode(map, branchFor(target, typeof map.__label === 'string' ? map.__label : ''));
}
