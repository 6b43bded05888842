/**
 * Query fields over heavy weapons: the list, the totals per donor, category or system, and the
 * lookup of a weapon system. The lists inside a total are pages of what the totals module found.
 */
import type { Resolvers } from '../../generated/graphql.js';
import { checkFirst } from '../../queries/inputChecks.js';
import { heavyWeaponsPage } from '../../queries/lists/heavyWeaponsList.js';
import { computeWeaponTotals, weaponRows } from '../../queries/tracker/weaponTotals.js';
import { typed } from './lookupResolvers.js';
import { HELD_PAGE_SIZE, nodesOf, pageOf } from './pages.js';

export const weaponResolvers: Resolvers = {
  Query: {
    heavyWeapons: (_p, args, ctx) =>
      heavyWeaponsPage(ctx.executor, { ...args, first: checkFirst(args.first, HELD_PAGE_SIZE, ctx.limits.maxPageSize) }),
    heavyWeaponTotals: async (_p, { groupBy, filter }, ctx) => computeWeaponTotals(await weaponRows(ctx.executor, filter), groupBy),
    weaponSystem: (_p, { id }, ctx, info) => typed('WeaponSystem', id, ctx, info),
  },
  HeavyWeaponTotals: {
    groups: (totals, { first }, ctx) => pageOf(totals.groups, first, ctx),
    groupCount: (totals) => totals.groups.length,
    sources: (totals, { first }, ctx) => nodesOf(totals.sourceIds, first, ctx),
    sourceCount: (totals) => totals.sourceIds.length,
  },
  WeaponsGroup: {
    source: (group, _a, ctx) => (group.sourceId === null ? null : ctx.loaders.node.load(group.sourceId)),
    items: (group, { first }, ctx) => pageOf(group.items, first, ctx),
    itemsCount: (group) => group.items.length,
  },
};
