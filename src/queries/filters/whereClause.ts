/**
 * A WHERE clause assembled from fixed fragments. Fragments are written in this code base; every
 * value a user supplies travels in `params`, never in the text.
 */
export interface WhereClause {
  clauses: string[];
  params: Record<string, unknown>;
}

export function emptyWhere(): WhereClause {
  return { clauses: [], params: {} };
}

/** `WHERE a AND b …`, or an empty string. */
export function renderWhere(where: WhereClause): string {
  return where.clauses.length > 0 ? `WHERE ${where.clauses.map((c) => `(${c})`).join(' AND ')}` : '';
}
