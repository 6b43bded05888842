import type { StanceFilter } from '../../generated/graphql.js';
import { checkId } from '../../graphql/arguments.js';
import { emptyWhere, type WhereClause } from './whereClause.js';

/** The WHERE clause of a StanceFilter over the stance bound to `v`. */
export function stanceWhere(filter: StanceFilter | null | undefined, v = 'n'): WhereClause {
  const where = emptyWhere();
  if (!filter) return where;
  if (filter.kind?.length) {
    where.clauses.push(`${v}.kind IN $kinds`);
    where.params.kinds = filter.kind;
  }
  if (filter.holderId) {
    const label = checkId(filter.holderId, 'filter.holderId');
    where.clauses.push(`EXISTS { MATCH (:${label} {id: $holderId})-[:TOOK]->(${v}) }`);
    where.params.holderId = filter.holderId;
  }
  if (filter.towardsId) {
    const label = checkId(filter.towardsId, 'filter.towardsId');
    where.clauses.push(`EXISTS { MATCH (${v})-[:TOWARDS]->(:${label} {id: $towardsId}) }`);
    where.params.towardsId = filter.towardsId;
  }
  return where;
}
