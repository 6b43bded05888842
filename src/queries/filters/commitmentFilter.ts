import type { CommitmentFilter } from '../../generated/graphql.js';
import { checkId, checkText } from '../../graphql/arguments.js';
import { addTimeRange } from './timeRange.js';
import { emptyWhere, type WhereClause } from './whereClause.js';

/**
 * The WHERE clause of a CommitmentFilter over the commitment bound to `v`. Shared by the
 * commitment list and the totals, so both mean the same by the same filter.
 */
export function commitmentWhere(filter: CommitmentFilter | null | undefined, v = 'c'): WhereClause {
  const where = emptyWhere();
  if (!filter) return where;
  if (filter.kind?.length) {
    where.clauses.push(`${v}.kind IN $kinds`);
    where.params.kinds = filter.kind;
  }
  if (filter.status?.length) {
    where.clauses.push(`${v}.status IN $statuses`);
    where.params.statuses = filter.status;
  }
  if (filter.subtype?.length) {
    where.clauses.push(`${v}.subtype IN $subtypes`);
    where.params.subtypes = filter.subtype;
  }
  if (filter.donorId) {
    const label = checkId(filter.donorId, 'filter.donorId');
    where.clauses.push(`EXISTS { MATCH (:${label} {id: $donorId})-[:COMMITTED]->(${v}) }`);
    where.params.donorId = filter.donorId;
  }
  if (filter.recipientId) {
    const label = checkId(filter.recipientId, 'filter.recipientId');
    where.clauses.push(`EXISTS { MATCH (${v})-[:TO]->(:${label} {id: $recipientId}) }`);
    where.params.recipientId = filter.recipientId;
  }
  const text = checkText(filter.text, 'filter.text');
  if (text !== undefined) {
    where.clauses.push(`toLower(${v}.name) CONTAINS toLower($text) OR toLower(coalesce(${v}.description, '')) CONTAINS toLower($text)`);
    where.params.text = text;
  }
  addTimeRange(where, v, filter.time);
  if (filter.includeParts === false) where.clauses.push(`NOT coalesce(${v}.isPart, false)`);
  return where;
}
