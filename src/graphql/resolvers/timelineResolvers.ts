/**
 * Query field: timeline. Its items pair each event or commitment with its time, as stated and
 * with the precision it was stated with.
 */
import { AppError } from '../../errors.js';
import type { Resolvers, TimeRef } from '../../generated/graphql.js';
import { timelinePage } from '../../queries/lists/timelineList.js';
import type { NodeRecord } from '../../queries/records.js';
import { checkFirst } from '../../queries/inputChecks.js';
import { timeOf } from './nodeResolvers.js';

/** The SDL's default page size of the timeline. */
const DEFAULT_PAGE_SIZE = 50;

function timeOfItem(subject: NodeRecord): TimeRef {
  const time = timeOf(subject);
  // The timeline's query only returns items with a time precision, so this is a broken invariant.
  if (time === null) throw new AppError('INTERNAL_SERVER_ERROR', `Timeline item ${subject.id} has no time`);
  return time;
}

export const timelineResolvers: Resolvers = {
  Query: {
    timeline: async (_p, args, ctx) => {
      const page = await timelinePage(ctx.executor, { ...args, first: checkFirst(args.first, DEFAULT_PAGE_SIZE, ctx.limits.maxPageSize) });
      return { ...page, edges: page.edges.map(({ cursor, node }) => ({ cursor, node: { time: timeOfItem(node), subject: node } })) };
    },
  },
};
