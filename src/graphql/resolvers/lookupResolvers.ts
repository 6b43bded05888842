/**
 * Lookups by id: `node`, `nodes`, and one typed field per main type. An id of the wrong shape
 * is a BAD_USER_INPUT error; an id that names nothing gives null.
 */
import { AppError } from '../../errors.js';
import { checkFirst, checkId } from '../../queries/inputChecks.js';
import type { Resolvers } from '../../generated/graphql.js';
import { allDatasets, allSources, countDatasets, countSources } from '../../queries/nodeQueries.js';
import type { NodeRecord } from '../../queries/records.js';
import type { NodeLabel } from '../../model/vocabulary.js';
import type { GraphContext } from '../context.js';

export const MAX_IDS = 100;
/** Page size of `sources` when the request does not say (the SDL's `first: Int = 20`). */
export const SOURCES_PAGE_SIZE = 20;

async function typed(label: NodeLabel, id: string, ctx: GraphContext): Promise<NodeRecord | null> {
  checkId(id);
  const record = await ctx.loaders.node.load(id);
  return record && record.__label === label ? record : null;
}

export const lookupResolvers: Resolvers = {
  Query: {
    node: (_p, { id }, ctx) => {
      checkId(id);
      return ctx.loaders.node.load(id);
    },
    nodes: async (_p, { ids }, ctx) => {
      if (ids.length > MAX_IDS) throw new AppError('BAD_USER_INPUT', `Argument "ids" may hold at most ${MAX_IDS} ids; got ${ids.length}.`);
      ids.forEach((id, i) => checkId(id, `ids[${i}]`));
      return ctx.loaders.node.loadMany(ids).then((results) => results.map((r) => (r instanceof Error ? null : r)));
    },
    person: (_p, { id }, ctx) => typed('Person', id, ctx),
    nation: (_p, { id }, ctx) => typed('Nation', id, ctx),
    organization: (_p, { id }, ctx) => typed('Organization', id, ctx),
    commitment: (_p, { id }, ctx) => typed('Commitment', id, ctx),
    event: (_p, { id }, ctx) => typed('Event', id, ctx),
    statement: (_p, { id }, ctx) => typed('Statement', id, ctx),
    source: (_p, { id }, ctx) => typed('Source', id, ctx),
    sources: (_p, { first }, ctx) => allSources(ctx.executor, checkFirst(first, SOURCES_PAGE_SIZE, ctx.limits.maxPageSize)),
    sourceCount: (_p, _a, ctx) => countSources(ctx.executor),
    dataset: (_p, { id }, ctx) => typed('Dataset', id, ctx),
    datasets: (_p, { first }, ctx) => allDatasets(ctx.executor, checkFirst(first, SOURCES_PAGE_SIZE, ctx.limits.maxPageSize)),
    datasetCount: (_p, _a, ctx) => countDatasets(ctx.executor),
  },
};
