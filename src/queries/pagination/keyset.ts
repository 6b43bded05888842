/**
 * Keyset (seek) pagination shared by every list. A cursor holds the sort key values and the id of
 * the last row a client saw, so the next page starts with a WHERE on those keys rather than by
 * skipping rows: pages stay correct when rows are added, and their cost does not grow with depth.
 *
 * Rows without a value for a nullable key sort after all rows with one, in both directions, and the
 * id breaks ties, so the order is total and every row appears exactly once.
 */
import { badArgument } from '../inputChecks.js';
import { labelOfId } from '../../model/vocabulary.js';
import type { WhereClause } from '../filters/whereClause.js';

/** One key of an ordering: a Cypher expression over the row variable `n`, written in code. */
export interface SortKey {
  /** E.g. `n.amountValue`. A fixed fragment: never built from a request. */
  expr: string;
  type: 'string' | 'number';
  /** True when rows may lack a value; they come last. */
  nullable: boolean;
}

export type SortDirection = 'ASC' | 'DESC';

/** A total order of a list's rows: its keys, then the id, all in one direction. */
export interface Ordering {
  /** Names the list, field and direction (`commitments.AMOUNT.DESC`); a cursor is valid only for the ordering that made it. */
  id: string;
  keys: readonly SortKey[];
  direction: SortDirection;
}

export type KeyValue = string | number | null;

/** Where a page starts: just after the row with these key values and this id. */
export interface CursorPosition {
  keys: KeyValue[];
  id: string;
}

/** Longest cursor accepted: far more than any real one, small enough to refuse junk cheaply. */
const MAX_CURSOR_LENGTH = 2000;
const MAX_KEY_LENGTH = 1000;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Builds an ordering of `list` by `field`. */
export function ordering(list: string, field: string, direction: SortDirection, keys: readonly SortKey[]): Ordering {
  return { id: `${list}.${field}.${direction}`, keys, direction };
}

/** The opaque cursor of a row: base64url of `[orderingId, keyValues, id]`. */
export function encodeCursor(order: Ordering, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([order.id, position.keys, position.id]), 'utf8').toString('base64url');
}

/**
 * Reads a cursor made by `encodeCursor` for the same ordering. Anything else — junk, an edited
 * cursor, values of the wrong type, a cursor of another list or order — is BAD_USER_INPUT.
 */
export function decodeCursor(order: Ordering, cursor: string, argument = 'after'): CursorPosition {
  const invalid = (why: string) => badArgument(argument, `is not a valid cursor: ${why}. Use a cursor from the same field and orderBy.`);
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw invalid('it is not a cursor this API issued');
  const bytes = Buffer.from(cursor, 'base64url');
  // Node's decoder skips what it cannot read; re-encoding catches edited or truncated cursors.
  if (bytes.toString('base64url') !== cursor) throw invalid('it is not a cursor this API issued');
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid('it is not a cursor this API issued');
  }
  if (!Array.isArray(payload) || payload.length !== 3) throw invalid('it is not a cursor this API issued');
  const [orderId, keys, id] = payload as unknown[];
  if (orderId !== order.id) throw invalid(`it was made for another ordering (${String(orderId)}, not ${order.id})`);
  if (!Array.isArray(keys) || keys.length !== order.keys.length) throw invalid('its sort keys do not match the ordering');
  const values = keys.map((value: unknown, i) => checkKeyValue(order.keys[i] as SortKey, value));
  if (values.some((v) => v === undefined)) throw invalid('its sort keys do not match the ordering');
  if (typeof id !== 'string' || labelOfId(id) === undefined) throw invalid('its id is not an id');
  return { keys: values as KeyValue[], id };
}

/** The value if it fits the key, else undefined. */
function checkKeyValue(key: SortKey, value: unknown): KeyValue | undefined {
  if (value === null) return key.nullable ? null : undefined;
  if (key.type === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' && value.length <= MAX_KEY_LENGTH ? value : undefined;
}

/** `ORDER BY` items: per key `key IS NULL` (nulls last either way) and the key, then the id. */
export function orderByClause(order: Ordering): string {
  const items = order.keys.flatMap((key) =>
    key.nullable ? [`${key.expr} IS NULL`, `${key.expr} ${order.direction}`] : [`${key.expr} ${order.direction}`],
  );
  return [...items, `n.id ${order.direction}`].join(', ');
}

/** Parameter names the keyset clause uses; filters must not use them. */
export const CURSOR_PARAM_PREFIX = 'cursor';

/**
 * The rows strictly after `position` in `order`: the lexicographic comparison of the key tuple
 * written out, `k0 > v0 OR (k0 = v0 AND k1 > v1) OR … OR (all equal AND id > $id)`, with `<` for
 * DESC. A nullable key compares as the pair (key IS NULL, key): after a null, only later nulls
 * of that key follow; after a value, every null does.
 */
export function keysetWhere(order: Ordering, position: CursorPosition): WhereClause {
  const op = order.direction === 'ASC' ? '>' : '<';
  const params: Record<string, unknown> = { [`${CURSOR_PARAM_PREFIX}Id`]: position.id };
  // Each step of the tuple: what "after" and "equal" mean for it at the cursor's value.
  const steps: { after: string | null; equal: string }[] = order.keys.map((key, i) => {
    const value = position.keys[i] ?? null;
    if (value === null) return { after: null, equal: `${key.expr} IS NULL` };
    const param = `$${CURSOR_PARAM_PREFIX}Key${i}`;
    params[`${CURSOR_PARAM_PREFIX}Key${i}`] = value;
    const after = key.nullable ? `(${key.expr} IS NULL OR ${key.expr} ${op} ${param})` : `${key.expr} ${op} ${param}`;
    return { after, equal: `${key.expr} = ${param}` };
  });
  steps.push({ after: `n.id ${op} $${CURSOR_PARAM_PREFIX}Id`, equal: '' });
  const alternatives = (from: number): string =>
    steps
      .flatMap((step, i) => {
        if (i < from || step.after === null) return [];
        const equals = steps.slice(from, i).map((s) => s.equal);
        return [[...equals, step.after].join(' AND ')];
      })
      .map((a) => `(${a})`)
      .join(' OR ');
  // When the first key is never null, say the same as `k0 >= v0 AND (k0 <> v0 OR <the rest after>)`.
  // Written as one OR, Neo4j seeks each alternative separately in the index, unions them and
  // sorts everything after the cursor (22,418 rows for a page at row 1,000 of 54,000 commitments);
  // written with one range on k0, it reads the index in order from the cursor and stops after
  // the page (22 rows). Same rows either way.
  const first = order.keys[0];
  if (first && !first.nullable && position.keys[0] !== null && position.keys[0] !== undefined) {
    const param = `$${CURSOR_PARAM_PREFIX}Key0`;
    return { clauses: [`${first.expr} ${op}= ${param}`, `NOT (${first.expr} = ${param}) OR ${alternatives(1)}`], params };
  }
  return { clauses: [alternatives(0)], params };
}
