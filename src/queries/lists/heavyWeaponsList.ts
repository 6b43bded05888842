/** Heavy weapons: the HeavyWeaponsFilter the totals share, ordered by name, count or value. */
import type { Executor } from '../../db/Executor.js';
import type { HeavyWeaponsFilter, HeavyWeaponsOrderField } from '../../generated/graphql.js';
import { heavyWeaponsWhere } from '../filters/heavyWeaponsFilter.js';
import type { Connection } from '../pagination/fetchPage.js';
import type { NodeRecord } from '../records.js';
import { listPage, type ListArgs, type ListSpec } from './listPage.js';
import { BY_AMOUNT, BY_COUNT, BY_NAME } from './sortKeys.js';

const HEAVY_WEAPONS: ListSpec<HeavyWeaponsOrderField, HeavyWeaponsFilter> = {
  list: 'heavyWeapons',
  match: 'MATCH (n:HeavyWeapons)',
  keys: { NAME: BY_NAME, COUNT: BY_COUNT, VALUE: BY_AMOUNT },
  defaultOrder: { field: 'NAME', direction: 'ASC' },
  where: (filter) => heavyWeaponsWhere(filter, 'n'),
};

/** A page of heavy weapons. */
export function heavyWeaponsPage(
  executor: Executor,
  args: ListArgs<HeavyWeaponsOrderField, HeavyWeaponsFilter>,
): Promise<Connection<NodeRecord>> {
  return listPage(executor, HEAVY_WEAPONS, args);
}
