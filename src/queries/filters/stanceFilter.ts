import type { StanceFilter } from '../../generated/graphql.js';
import { addIn, addLinked, emptyWhere, type WhereClause } from './whereClause.js';

/** The WHERE clause of a StanceFilter over the stance bound to `v`. */
export function stanceWhere(filter: StanceFilter | null | undefined, v = 'n'): WhereClause {
  const where = emptyWhere();
  if (!filter) return where;
  addIn(where, `${v}.kind`, 'kinds', filter.kind);
  addIn(where, `${v}.polarity`, 'polarities', filter.polarity);
  addLinked(where, v, { id: filter.holderId, argument: 'filter.holderId', param: 'holderId', rel: 'TOOK', direction: 'in' });
  addLinked(where, v, { id: filter.towardsId, argument: 'filter.towardsId', param: 'towardsId', rel: 'TOWARDS', direction: 'out' });
  return where;
}
