/**
 * Query fields over figures and sums of a tracker's commitments: the figures list, an actor's
 * monthly series and donors' shares of GDP. The lists inside a series or a share are pages of
 * what its query module found.
 */
import type { Resolvers } from '../../generated/graphql.js';
import { badArgument, checkFirst } from '../../queries/inputChecks.js';
import { figurePage } from '../../queries/lists/figureList.js';
import { gdpShares } from '../../queries/tracker/gdpShares.js';
import { monthlySeries } from '../../queries/tracker/monthlySeries.js';
import { HELD_PAGE_SIZE, pageOf } from './pages.js';

/** The SDL's default number of points of a series (`points(first: Int = 60)`). */
export const SERIES_POINTS_PAGE_SIZE = 60;

export const figureResolvers: Resolvers = {
  Query: {
    figures: (_p, args, ctx) =>
      figurePage(ctx.executor, { ...args, first: checkFirst(args.first, HELD_PAGE_SIZE, ctx.limits.maxPageSize) }),
    monthlySeries: (_p, args, ctx) => monthlySeries(ctx.executor, args),
    gdpShares: (_p, args, ctx) => gdpShares(ctx.executor, args),
  },
  MonthlySeries: {
    points: (series, { first, offset }, ctx) => {
      const from = offset ?? 0;
      if (!Number.isInteger(from) || from < 0) throw badArgument('offset', `must be 0 or more; got ${from}.`);
      return pageOf(series.points, first, ctx, SERIES_POINTS_PAGE_SIZE, from);
    },
    pointCount: (series) => series.points.length,
  },
  MonthPoint: {
    commitments: (point, { first }, ctx) => pageOf(point.commitments, first, ctx),
    commitmentsCount: (point) => point.commitments.length,
  },
  GdpShares: {
    groups: (shares, { first }, ctx) => pageOf(shares.groups, first, ctx),
    groupCount: (shares) => shares.groups.length,
    withoutGdp: (shares, { first }, ctx) => pageOf(shares.withoutGdp, first, ctx),
    withoutGdpCount: (shares) => shares.withoutGdp.length,
  },
  GdpShare: {
    stated: (share, { first }, ctx) => pageOf(share.stated, first, ctx),
    statedCount: (share) => share.stated.length,
  },
};
