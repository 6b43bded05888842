/**
 * One page of a list as a Relay connection, in one Cypher round trip: the count under the filter
 * and the page itself (keyset WHERE, ORDER BY, `first + 1` rows to know whether more follow).
 */
import neo4j from 'neo4j-driver';
import { cypher, type NamedQuery } from '../../db/cypher.js';
import type { Executor } from '../../db/Executor.js';
import type { Plain } from '../../db/toPlain.js';
import { renderWhere, type WhereClause } from '../filters/whereClause.js';
import { asNodeRecord, projectNode, type NodeRecord } from '../records.js';
import { CURSOR_PARAM_PREFIX, decodeCursor, encodeCursor, keysetWhere, orderByClause, type KeyValue, type Ordering } from './keyset.js';

export interface PageInfoRecord {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoRecord;
  totalCount: number;
}

/** A page of node records: what every root list resolves to (codegen maps the connection types to it). */
export type NodeConnection = Connection<NodeRecord>;
export type NodeEdge = NodeConnection['edges'][number];

/** What a list is: its query name and the MATCH that binds its rows to `n` (fixed text). */
export interface ListSource {
  name: string;
  match: string;
}

export interface PageRequest {
  where: WhereClause;
  order: Ordering;
  /** Already checked (0 … MAX_PAGE_SIZE). */
  first: number;
  after?: string | null | undefined;
}

/**
 * The Cypher of one page: the count under the filter alone, and the page under the filter and the
 * keyset clause. Exported so tests can read what runs.
 */
export function pageQuery(list: ListSource, where: WhereClause, order: Ordering, afterWhere: WhereClause | null): NamedQuery {
  const pageWhere: WhereClause = {
    clauses: [...where.clauses, ...(afterWhere?.clauses ?? [])],
    params: {},
    patterns: where.patterns ?? [],
  };
  const keys = order.keys.map((key) => key.expr).join(', ');
  return cypher(
    list.name,
    `CALL () {
       ${list.match}
       ${renderWhere(where)}
       RETURN count(n) AS total
     }
     CALL () {
       ${list.match}
       ${renderWhere(pageWhere)}
       WITH n ORDER BY ${orderByClause(order)} LIMIT $pageSize
       RETURN collect({node: ${projectNode('n')}, keys: [${keys}]}) AS rows
     }
     RETURN total, rows`,
  );
}

/** Fetches the page of `list` that `request` asks for. */
export async function fetchPage(executor: Executor, list: ListSource, request: PageRequest): Promise<Connection<NodeRecord>> {
  const { where, order, first, after } = request;
  if (Object.keys(where.params).some((name) => name.startsWith(CURSOR_PARAM_PREFIX) || name === 'pageSize'))
    throw new Error(`A filter of ${list.name} uses a parameter name reserved for pagination`);
  const afterWhere = after === null || after === undefined ? null : keysetWhere(order, decodeCursor(order, after));
  const params = { ...where.params, ...afterWhere?.params, pageSize: neo4j.int(first + 1) };
  const [row] = await executor.read(pageQuery(list, where, order, afterWhere), params);
  const rows = Array.isArray(row?.rows) ? row.rows : [];
  const edges = rows.slice(0, first).map((item) => {
    const { node, keys } = item as { node: Plain; keys: Plain };
    const record = asNodeRecord(node);
    return { cursor: encodeCursor(order, { keys: keyValues(keys), id: record.id }), node: record };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null && after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: typeof row?.total === 'number' ? row.total : 0,
  };
}

function keyValues(keys: Plain): KeyValue[] {
  if (!Array.isArray(keys)) throw new TypeError('Expected sort keys from the database');
  return keys.map((k) => (typeof k === 'string' || typeof k === 'number' ? k : null));
}
