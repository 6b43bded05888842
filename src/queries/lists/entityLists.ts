/** People, nations and organisations: filtered by name or alias, ordered by name or mentions. */
import type { Executor } from '../../db/Executor.js';
import type { EntityFilter, EntityOrderField } from '../../generated/graphql.js';
import { entityWhere } from '../filters/entityFilter.js';
import type { Connection } from '../pagination/fetchPage.js';
import type { NodeRecord } from '../records.js';
import { listPage, type ListArgs, type ListSpec } from './listPage.js';
import { BY_MENTIONS, BY_NAME } from './sortKeys.js';

export type ListedEntity = 'Person' | 'Nation' | 'Organization';

function entityList(list: string, label: ListedEntity): ListSpec<EntityOrderField, EntityFilter> {
  return {
    list,
    match: `MATCH (n:${label})`,
    keys: { NAME: BY_NAME, MENTIONS: BY_MENTIONS },
    defaultOrder: { field: 'NAME', direction: 'ASC' },
    where: (filter) => entityWhere(filter, 'n'),
  };
}

const ENTITY_LISTS: Record<ListedEntity, ListSpec<EntityOrderField, EntityFilter>> = {
  Person: entityList('people', 'Person'),
  Nation: entityList('nations', 'Nation'),
  Organization: entityList('organizations', 'Organization'),
};

/** A page of the entities with this label. */
export function entityPage(
  executor: Executor,
  label: ListedEntity,
  args: ListArgs<EntityOrderField, EntityFilter>,
): Promise<Connection<NodeRecord>> {
  return listPage(executor, ENTITY_LISTS[label], args);
}
