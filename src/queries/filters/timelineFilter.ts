import type { TimelineFilter, TimelineItemKind } from '../../generated/graphql.js';
import { checkId } from '../inputChecks.js';
import { addTimeRange } from './timeRange.js';
import { addIdsIn, emptyWhere, type WhereClause } from './whereClause.js';

const LABEL_OF_KIND: Record<TimelineItemKind, string> = { EVENT: 'Event', COMMITMENT: 'Commitment' };

/**
 * The WHERE clause of a TimelineFilter over the event or commitment bound to `v`. Only items with
 * a time (any precision, `unknown` included) are on the timeline.
 */
export function timelineWhere(filter: TimelineFilter | null | undefined, v = 'n'): WhereClause {
  const where = emptyWhere();
  where.clauses.push(`${v}.timePrecision IS NOT NULL`);
  const include = filter?.include ?? ['EVENT', 'COMMITMENT'];
  // Labels come from this fixed table; an empty list asks for nothing.
  where.clauses.push(include.length > 0 ? [...new Set(include)].map((kind) => `${v}:${LABEL_OF_KIND[kind]}`).join(' OR ') : 'false');
  if (filter?.actorId) {
    const label = checkId(filter.actorId, 'filter.actorId');
    where.clauses.push(
      `EXISTS { MATCH (:${label} {id: $actorId})-[:PARTICIPATED_IN|COMMITTED|PARTY_TO]->(${v}) } OR EXISTS { MATCH (${v})-[:TO]->(:${label} {id: $actorId}) }`,
    );
    where.params.actorId = filter.actorId;
  }
  addTimeRange(where, v, filter?.time);
  addIdsIn(where, `${v}.sourceId`, 'sourceIds', filter?.sourceIds, 'filter.sourceIds', 'source');
  return where;
}
