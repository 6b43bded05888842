/** Events, ordered by time (the default) or name. */
import type { Executor } from '../../db/Executor.js';
import type { EventFilter, EventOrderField } from '../../generated/graphql.js';
import { eventWhere } from '../filters/eventFilter.js';
import type { Connection } from '../pagination/fetchPage.js';
import type { NodeRecord } from '../records.js';
import { listPage, type ListArgs, type ListSpec } from './listPage.js';
import { BY_NAME, BY_TIME } from './sortKeys.js';

const EVENTS: ListSpec<EventOrderField, EventFilter> = {
  list: 'events',
  match: 'MATCH (n:Event)',
  keys: { NAME: BY_NAME, TIME: BY_TIME },
  defaultOrder: { field: 'TIME', direction: 'ASC' },
  where: (filter) => eventWhere(filter, 'n'),
};

/** A page of events. */
export function eventPage(executor: Executor, args: ListArgs<EventOrderField, EventFilter>): Promise<Connection<NodeRecord>> {
  return listPage(executor, EVENTS, args);
}
