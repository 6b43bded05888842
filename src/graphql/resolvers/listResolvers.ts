/**
 * Query fields: people, nations, organizations, commitments, events, statements, stances —
 * filters, sorting and keyset pagination. Each checks `first` and hands the rest to its list
 * module, which checks filters and cursors.
 */
import type { Resolvers } from '../../generated/graphql.js';
import { commitmentPage } from '../../queries/lists/commitmentList.js';
import { entityPage } from '../../queries/lists/entityLists.js';
import { eventPage } from '../../queries/lists/eventList.js';
import { stancePage, statementPage } from '../../queries/lists/statementLists.js';
import { checkFirst } from '../../queries/inputChecks.js';
import type { GraphContext } from '../context.js';

/** The SDL's default page size of every list here. */
const DEFAULT_PAGE_SIZE = 20;

/** The arguments with `first` checked (0 … the configured maximum page size). */
function paged<A extends { first?: number | null }>(args: A, ctx: GraphContext): A & { first: number } {
  return { ...args, first: checkFirst(args.first, DEFAULT_PAGE_SIZE, ctx.limits.maxPageSize) };
}

export const listResolvers: Resolvers = {
  Query: {
    people: (_p, args, ctx) => entityPage(ctx.executor, 'Person', paged(args, ctx)),
    nations: (_p, args, ctx) => entityPage(ctx.executor, 'Nation', paged(args, ctx)),
    organizations: (_p, args, ctx) => entityPage(ctx.executor, 'Organization', paged(args, ctx)),
    commitments: (_p, args, ctx) => commitmentPage(ctx.executor, paged(args, ctx)),
    events: (_p, args, ctx) => eventPage(ctx.executor, paged(args, ctx)),
    statements: (_p, args, ctx) => statementPage(ctx.executor, paged(args, ctx)),
    stances: (_p, args, ctx) => stancePage(ctx.executor, paged(args, ctx)),
  },
};
