import type { CommitmentFilter } from '../../generated/graphql.js';
import { addTimeRange } from './timeRange.js';
import { addIdsIn, addIn, addLinked, addText, emptyWhere, type WhereClause } from './whereClause.js';

/**
 * The WHERE clause of a CommitmentFilter over the commitment bound to `v`. Shared by the
 * commitment list and the totals, so both mean the same by the same filter.
 */
export function commitmentWhere(filter: CommitmentFilter | null | undefined, v = 'c'): WhereClause {
  const where = emptyWhere();
  if (!filter) return where;
  addIn(where, `${v}.kind`, 'kinds', filter.kind);
  addIn(where, `${v}.status`, 'statuses', filter.status);
  addIn(where, `${v}.subtype`, 'subtypes', filter.subtype);
  addLinked(where, v, { id: filter.donorId, argument: 'filter.donorId', param: 'donorId', rel: 'COMMITTED', direction: 'in' });
  addLinked(where, v, { id: filter.recipientId, argument: 'filter.recipientId', param: 'recipientId', rel: 'TO', direction: 'out' });
  addText(where, v, filter.text, ['name', 'description']);
  addTimeRange(where, v, filter.time);
  if (filter.includeParts === false) where.clauses.push(`NOT coalesce(${v}.isPart, false)`);
  addIdsIn(where, `${v}.sourceId`, 'sourceIds', filter.sourceIds, 'filter.sourceIds', 'source');
  addIdsIn(where, `${v}.datasetId`, 'datasetIds', filter.datasetIds, 'filter.datasetIds', 'dataset');
  return where;
}
