import { checkId, checkText } from '../../graphql/arguments.js';

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

/** `expr IN $param`, when the filter gives values. */
export function addIn(where: WhereClause, expr: string, param: string, values: readonly unknown[] | null | undefined): void {
  if (!values?.length) return;
  where.clauses.push(`${expr} IN $${param}`);
  where.params[param] = values;
}

/**
 * The node bound to `v` linked to the node with id `id` over `rel`: `out` is `(v)-[rel]->(id)`, `in`
 * is `(id)-[rel]->(v)`. The id is checked (BAD_USER_INPUT naming `argument`) and its prefix gives
 * the label, so the lookup uses that label's unique index.
 */
export function addLinked(
  where: WhereClause,
  v: string,
  link: { id: string | null | undefined; argument: string; param: string; rel: string; direction: 'out' | 'in' },
): void {
  if (!link.id) return;
  const other = `(:${checkId(link.id, link.argument)} {id: $${link.param}})`;
  where.clauses.push(
    link.direction === 'out' ? `EXISTS { MATCH (${v})-[:${link.rel}]->${other} }` : `EXISTS { MATCH ${other}-[:${link.rel}]->(${v}) }`,
  );
  where.params[link.param] = link.id;
}

/** Case-insensitive substring of any of these string properties of `v` (`text` is checked and trimmed). */
export function addText(where: WhereClause, v: string, text: string | null | undefined, properties: readonly string[]): void {
  const checked = checkText(text, 'filter.text');
  if (checked === undefined) return;
  where.clauses.push(properties.map((p) => `toLower(coalesce(${v}.${p}, '')) CONTAINS toLower($text)`).join(' OR '));
  where.params.text = checked;
}
