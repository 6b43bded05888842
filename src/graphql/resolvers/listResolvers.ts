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
import { checkFirst } from '../arguments.js';

/** The SDL's default page size of every list here. */
const DEFAULT_PAGE_SIZE = 20;

/** The arguments with `first` checked (0 … 100). */
function paged<A extends { first?: number | null }>(args: A): A & { first: number } {
  return { ...args, first: checkFirst(args.first, DEFAULT_PAGE_SIZE) };
}

export const listResolvers: Resolvers = {
  Query: {
    people: (_p, args, ctx) => entityPage(ctx.executor, 'Person', paged(args)),
    nations: (_p, args, ctx) => entityPage(ctx.executor, 'Nation', paged(args)),
    organizations: (_p, args, ctx) => entityPage(ctx.executor, 'Organization', paged(args)),
    commitments: (_p, args, ctx) => commitmentPage(ctx.executor, paged(args)),
    events: (_p, args, ctx) => eventPage(ctx.executor, paged(args)),
    statements: (_p, args, ctx) => statementPage(ctx.executor, paged(args)),
    stances: (_p, args, ctx) => stancePage(ctx.executor, paged(args)),
  },
};
