import type { EventFilter } from '../../generated/graphql.js';
import { checkId, checkText } from '../../graphql/arguments.js';
import { addTimeRange } from './timeRange.js';
import { emptyWhere, type WhereClause } from './whereClause.js';

/** The WHERE clause of an EventFilter over the event bound to `v`. */
export function eventWhere(filter: EventFilter | null | undefined, v = 'n'): WhereClause {
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
  if (filter.participantId) {
    const label = checkId(filter.participantId, 'filter.participantId');
    where.clauses.push(`EXISTS { MATCH (:${label} {id: $participantId})-[:PARTICIPATED_IN]->(${v}) }`);
    where.params.participantId = filter.participantId;
  }
  if (filter.placeId) {
    const label = checkId(filter.placeId, 'filter.placeId');
    where.clauses.push(`EXISTS { MATCH (${v})-[:TOOK_PLACE_IN]->(:${label} {id: $placeId}) }`);
    where.params.placeId = filter.placeId;
  }
  const text = checkText(filter.text, 'filter.text');
  if (text !== undefined) {
    where.clauses.push(`toLower(${v}.name) CONTAINS toLower($text) OR toLower(coalesce(${v}.description, '')) CONTAINS toLower($text)`);
    where.params.text = text;
  }
  addTimeRange(where, v, filter.time);
  return where;
}
