/**
 * The timeline: events and commitments that have a time, earliest first (days from publication,
 * then stated date, then name), items of unknown time last.
 */
import type { Executor } from '../../db/Executor.js';
import type { TimelineFilter } from '../../generated/graphql.js';
import { timelineWhere } from '../filters/timelineFilter.js';
import type { Connection } from '../pagination/fetchPage.js';
import type { NodeRecord } from '../records.js';
import { listPage, type ListArgs, type ListSpec } from './listPage.js';
import { BY_TIME } from './sortKeys.js';

const TIMELINE: ListSpec<'TIME', TimelineFilter> = {
  list: 'timeline',
  match: 'MATCH (n:Event|Commitment)',
  keys: { TIME: BY_TIME },
  defaultOrder: { field: 'TIME', direction: 'ASC' },
  where: (filter) => timelineWhere(filter, 'n'),
};

/** A page of the timeline's subjects (events and commitments), in time order. */
export function timelinePage(executor: Executor, args: ListArgs<'TIME', TimelineFilter>): Promise<Connection<NodeRecord>> {
  return listPage(executor, TIMELINE, args);
}
