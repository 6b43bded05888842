/**
 * Lookups by id: `node`, `nodes`, and one typed field per main type. An id of the wrong shape
 * is a BAD_USER_INPUT error; an id that names nothing gives null. A lookup fetches its node and
 * everything selected below it in one query (src/graphql/translate/); `nodes` uses the loaders.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { AppError } from '../../errors.js';
import { checkFirst, checkId } from '../../queries/inputChecks.js';
import type { Resolvers } from '../../generated/graphql.js';
import { allDatasets, allSources, countDatasets, countSources } from '../../queries/nodeQueries.js';
import type { NodeRecord } from '../../queries/records.js';
import { fetchLookup } from '../../queries/translate/lookupQuery.js';
import type { NodeLabel } from '../../model/vocabulary.js';
import type { GraphContext } from '../context.js';
import { planLookup } from '../translate/planSelection.js';

export const MAX_IDS = 100;
/** Page size of `sources` when the request does not say (the SDL's `first: Int = 20`). */
export const SOURCES_PAGE_SIZE = 20;

/**
 * The node with this id, of the label its prefix names, with what the selection asks below it:
 * one query, or the loader when translation is off or the selection too large (see planLookup).
 */
export function lookup(label: NodeLabel, id: string, ctx: GraphContext, info: GraphQLResolveInfo): Promise<NodeRecord | null> {
  const selection = ctx.translate ? planLookup(info, label, ctx.limits) : undefined;
  return selection ? fetchLookup(ctx.executor, selection, id) : ctx.loaders.node.load(id);
}

/** A typed lookup: null for an id of another type (known from its prefix, without a query). */
export async function typed(label: NodeLabel, id: string, ctx: GraphContext, info: GraphQLResolveInfo): Promise<NodeRecord | null> {
  const named = checkId(id);
  if (ctx.translate && named !== label) return null;
  const record = await lookup(named, id, ctx, info);
  return record && record.__label === label ? record : null;
}

export const lookupResolvers: Resolvers = {
  Query: {
    node: (_p, { id }, ctx, info) => lookup(checkId(id), id, ctx, info),
    nodes: async (_p, { ids }, ctx) => {
      if (ids.length > MAX_IDS) throw new AppError('BAD_USER_INPUT', `Argument "ids" may hold at most ${MAX_IDS} ids; got ${ids.length}.`);
      ids.forEach((id, i) => checkId(id, `ids[${i}]`));
      return ctx.loaders.node.loadMany(ids).then((results) => results.map((r) => (r instanceof Error ? null : r)));
    },
    person: (_p, { id }, ctx, info) => typed('Person', id, ctx, info),
    nation: (_p, { id }, ctx, info) => typed('Nation', id, ctx, info),
    organization: (_p, { id }, ctx, info) => typed('Organization', id, ctx, info),
    commitment: (_p, { id }, ctx, info) => typed('Commitment', id, ctx, info),
    event: (_p, { id }, ctx, info) => typed('Event', id, ctx, info),
    statement: (_p, { id }, ctx, info) => typed('Statement', id, ctx, info),
    source: (_p, { id }, ctx, info) => typed('Source', id, ctx, info),
    sources: (_p, { first }, ctx) => allSources(ctx.executor, checkFirst(first, SOURCES_PAGE_SIZE, ctx.limits.maxPageSize)),
    sourceCount: (_p, _a, ctx) => countSources(ctx.executor),
    dataset: (_p, { id }, ctx, info) => typed('Dataset', id, ctx, info),
    datasets: (_p, { first }, ctx) => allDatasets(ctx.executor, checkFirst(first, SOURCES_PAGE_SIZE, ctx.limits.maxPageSize)),
    datasetCount: (_p, _a, ctx) => countDatasets(ctx.executor),
  },
};
