import type { FigureFilter } from '../../generated/graphql.js';
import { addTimeRange } from './timeRange.js';
import { addIdsIn, addIn, addLinked, addValuesIn, emptyWhere, type WhereClause } from './whereClause.js';

/** The WHERE clause of a FigureFilter over the figure bound to `v`. */
export function figureWhere(filter: FigureFilter | null | undefined, v = 'n'): WhereClause {
  const where = emptyWhere();
  if (!filter) return where;
  addValuesIn(where, `${v}.measure`, 'measures', filter.measure, 'filter.measure');
  addIn(where, `${v}.kind`, 'kinds', filter.kind);
  addIn(where, `${v}.status`, 'statuses', filter.status);
  addLinked(where, v, { id: filter.subjectId, argument: 'filter.subjectId', param: 'subjectId', rel: 'MEASURES', direction: 'out' });
  addLinked(where, v, { id: filter.shareOfId, argument: 'filter.shareOfId', param: 'shareOfId', rel: 'SHARE_OF', direction: 'out' });
  addTimeRange(where, v, filter.time);
  addIdsIn(where, `${v}.sourceId`, 'sourceIds', filter.sourceIds, 'filter.sourceIds', 'source');
  addIdsIn(where, `${v}.datasetId`, 'datasetIds', filter.datasetIds, 'filter.datasetIds', 'dataset');
  return where;
}
