import type { EventFilter } from '../../generated/graphql.js';
import { addTimeRange } from './timeRange.js';
import { addIn, addLinked, addText, emptyWhere, type WhereClause } from './whereClause.js';

/** The WHERE clause of an EventFilter over the event bound to `v`. */
export function eventWhere(filter: EventFilter | null | undefined, v = 'n'): WhereClause {
  const where = emptyWhere();
  if (!filter) return where;
  addIn(where, `${v}.kind`, 'kinds', filter.kind);
  addIn(where, `${v}.status`, 'statuses', filter.status);
  addLinked(where, v, {
    id: filter.participantId,
    argument: 'filter.participantId',
    param: 'participantId',
    rel: 'PARTICIPATED_IN',
    direction: 'in',
  });
  addLinked(where, v, { id: filter.placeId, argument: 'filter.placeId', param: 'placeId', rel: 'TOOK_PLACE_IN', direction: 'out' });
  addText(where, v, filter.text, ['name', 'description']);
  addTimeRange(where, v, filter.time);
  return where;
}
