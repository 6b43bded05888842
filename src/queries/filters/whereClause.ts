import { badArgument, checkId, checkText } from '../inputChecks.js';

/**
 * A WHERE clause assembled from fixed fragments. Fragments are written in this code base; every
 * value a user supplies travels in `params`, never in the text.
 */
export interface WhereClause {
  clauses: string[];
  params: Record<string, unknown>;
  /**
   * Patterns the node must also match, rendered as `MATCH` clauses before the `WHERE` (see
   * addLinked): a pattern that starts at a node found by id lets Neo4j's planner start there
   * instead of scanning every node of the label, so the cost follows the result, not the graph.
   */
  patterns?: string[];
}

export function emptyWhere(): WhereClause {
  return { clauses: [], params: {}, patterns: [] };
}

/** `MATCH p … WHERE a AND b …` (to follow the list's own `MATCH (v:Label)`), or an empty string. */
export function renderWhere(where: WhereClause): string {
  const matches = (where.patterns ?? []).map((pattern) => `MATCH ${pattern}`).join('\n');
  const filters = where.clauses.length > 0 ? `WHERE ${where.clauses.map((c) => `(${c})`).join(' AND ')}` : '';
  return [matches, filters].filter(Boolean).join('\n');
}

/** `expr IN $param`, when the filter gives values. */
export function addIn(where: WhereClause, expr: string, param: string, values: readonly unknown[] | null | undefined): void {
  if (!values?.length) return;
  where.clauses.push(`${expr} IN $${param}`);
  where.params[param] = values;
}

/** The most ids one filter list may hold. */
export const MAX_FILTER_IDS = 100;

/** `expr IN $param` for a list of ids of one type, each checked (BAD_USER_INPUT naming `argument[i]`). */
export function addIdsIn(
  where: WhereClause,
  expr: string,
  param: string,
  ids: readonly string[] | null | undefined,
  argument: string,
  type: string,
): void {
  if (!ids?.length) return;
  if (ids.length > MAX_FILTER_IDS)
    throw badArgument(argument, `may hold at most ${MAX_FILTER_IDS} ids (MAX_FILTER_IDS); got ${ids.length}.`);
  ids.forEach((id, i) => {
    checkId(id, `${argument}[${i}]`);
    if (!id.startsWith(`${type}:`)) throw badArgument(`${argument}[${i}]`, `must be a ${type} id ("${type}:…").`);
  });
  addIn(where, expr, param, ids);
}

/**
 * The node bound to `v` linked to the node with id `id` over `rel`: `out` is `(v)-[rel]->(id)`, `in`
 * is `(id)-[rel]->(v)`. The id is checked (BAD_USER_INPUT naming `argument`) and its prefix gives
 * the label, so the lookup uses that label's unique index. It is a pattern to MATCH, not an
 * `EXISTS` predicate: with the predicate Neo4j scans every node of `v`'s label and tests each one
 * (a cost that grows with the graph); with the pattern it seeks the id and expands from there.
 * Both give the same rows because the loader writes at most one relationship of a type between
 * two nodes (the plan keys relationships by type and endpoints; see seed/plan/PlanBuilder.ts).
 */
export function addLinked(
  where: WhereClause,
  v: string,
  link: { id: string | null | undefined; argument: string; param: string; rel: string; direction: 'out' | 'in' },
): void {
  if (!link.id) return;
  const other = `(:${checkId(link.id, link.argument)} {id: $${link.param}})`;
  (where.patterns ??= []).push(link.direction === 'out' ? `(${v})-[:${link.rel}]->${other}` : `${other}-[:${link.rel}]->(${v})`);
  where.params[link.param] = link.id;
}

/** Case-insensitive substring of any of these string properties of `v` (`text` is checked and trimmed). */
export function addText(where: WhereClause, v: string, text: string | null | undefined, properties: readonly string[]): void {
  const checked = checkText(text, 'filter.text');
  if (checked === undefined) return;
  where.clauses.push(properties.map((p) => `toLower(coalesce(${v}.${p}, '')) CONTAINS toLower($text)`).join(' OR '));
  where.params.text = checked;
}

/** The most values one filter list of strings may hold (measures, categories). */
export const MAX_FILTER_VALUES = 100;

/** `expr IN $param` for a list of stored strings, each checked (BAD_USER_INPUT naming `argument`). */
export function addValuesIn(
  where: WhereClause,
  expr: string,
  param: string,
  values: readonly string[] | null | undefined,
  argument: string,
): void {
  if (!values?.length) return;
  if (values.length > MAX_FILTER_VALUES)
    throw badArgument(argument, `may hold at most ${MAX_FILTER_VALUES} values (MAX_FILTER_VALUES); got ${values.length}.`);
  values.forEach((value, i) => checkText(value, `${argument}[${i}]`));
  addIn(where, expr, param, values);
}
