import type { StatementFilter } from '../../generated/graphql.js';
import { checkId, checkText } from '../../graphql/arguments.js';
import { emptyWhere, type WhereClause } from './whereClause.js';

/** The WHERE clause of a StatementFilter over the statement bound to `v`. */
export function statementWhere(filter: StatementFilter | null | undefined, v = 'n'): WhereClause {
  const where = emptyWhere();
  if (!filter) return where;
  if (filter.kind?.length) {
    where.clauses.push(`${v}.kind IN $kinds`);
    where.params.kinds = filter.kind;
  }
  if (filter.speakerId) {
    const label = checkId(filter.speakerId, 'filter.speakerId');
    where.clauses.push(`EXISTS { MATCH (:${label} {id: $speakerId})-[:SAID]->(${v}) }`);
    where.params.speakerId = filter.speakerId;
  }
  if (filter.aboutId) {
    const label = checkId(filter.aboutId, 'filter.aboutId');
    where.clauses.push(`EXISTS { MATCH (${v})-[:ABOUT]->(:${label} {id: $aboutId}) }`);
    where.params.aboutId = filter.aboutId;
  }
  const text = checkText(filter.text, 'filter.text');
  if (text !== undefined) {
    where.clauses.push(`toLower(${v}.text) CONTAINS toLower($text)`);
    where.params.text = text;
  }
  return where;
}
