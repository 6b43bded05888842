import type { HeavyWeaponsFilter } from '../../generated/graphql.js';
import { addIdsIn, addLinked, addValuesIn, emptyWhere, type WhereClause } from './whereClause.js';

/**
 * The WHERE clause of a HeavyWeaponsFilter over the heavy-weapons node bound to `v`. Shared by the
 * list and the totals, so both mean the same by the same filter.
 */
export function heavyWeaponsWhere(filter: HeavyWeaponsFilter | null | undefined, v = 'n'): WhereClause {
  const where = emptyWhere();
  if (!filter) return where;
  addLinked(where, v, { id: filter.donorId, argument: 'filter.donorId', param: 'donorId', rel: 'COMMITTED', direction: 'in' });
  addValuesIn(where, `${v}.category`, 'categories', filter.category, 'filter.category');
  addLinked(where, v, { id: filter.systemId, argument: 'filter.systemId', param: 'systemId', rel: 'INCLUDES', direction: 'out' });
  addIdsIn(where, `${v}.sourceId`, 'sourceIds', filter.sourceIds, 'filter.sourceIds', 'source');
  addIdsIn(where, `${v}.datasetId`, 'datasetIds', filter.datasetIds, 'filter.datasetIds', 'dataset');
  return where;
}
