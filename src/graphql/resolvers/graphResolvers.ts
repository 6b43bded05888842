/**
 * Query.paths and Query.neighbourhood: check ids and bounds, then hand over to the graph query
 * modules, which walk only the model's relationships (provenance on request).
 */
import type { QueryPathsArgs, RequireFields, Resolvers } from '../../generated/graphql.js';
import { findNeighbourhood } from '../../queries/graph/neighbourhoodQueries.js';
import { findPaths, type PathRequest } from '../../queries/graph/pathQueries.js';
import { checkId, checkRange } from '../../queries/inputChecks.js';

export const MAX_HOPS = 6;
export const MAX_PATHS = 50;
export const MAX_DEPTH = 3;
export const MAX_NEIGHBOURHOOD_NODES = 500;

/** The arguments of `paths` with the SDL's defaults applied. */
export type PathsArgs = RequireFields<QueryPathsArgs, 'fromId' | 'includeEvidence' | 'limit' | 'maxHops' | 'toId'>;

/** The checked request of a `paths` field (BAD_USER_INPUT naming the argument otherwise). */
export function pathRequest({ fromId, toId, maxHops, includeEvidence, limit }: PathsArgs): PathRequest {
  return {
    fromId,
    fromLabel: checkId(fromId, 'fromId'),
    toId,
    toLabel: checkId(toId, 'toId'),
    maxHops: checkRange(maxHops, 1, MAX_HOPS, 'maxHops'),
    includeEvidence: includeEvidence === true,
    limit: checkRange(limit, 1, MAX_PATHS, 'limit'),
  };
}

/** Query fields: paths and neighbourhood. */
export const graphResolvers: Resolvers = {
  Query: {
    paths: (_p, args, ctx) => findPaths(ctx.executor, pathRequest(args)),
    neighbourhood: (_p, { id, depth, includeEvidence, limit }, ctx) =>
      findNeighbourhood(ctx.executor, {
        id,
        label: checkId(id, 'id'),
        depth: checkRange(depth, 1, MAX_DEPTH, 'depth'),
        includeEvidence: includeEvidence === true,
        limit: checkRange(limit, 1, MAX_NEIGHBOURHOOD_NODES, 'limit'),
      }),
  },
};
