/**
 * Query.paths and Query.neighbourhood: check ids and bounds, then hand over to the graph query
 * modules, which walk only the model's relationships (provenance on request).
 */
import type { Resolvers } from '../../generated/graphql.js';
import { findNeighbourhood } from '../../queries/graph/neighbourhoodQueries.js';
import { findPaths } from '../../queries/graph/pathQueries.js';
import { checkId, checkRange } from '../../queries/inputChecks.js';

export const MAX_HOPS = 6;
export const MAX_PATHS = 50;
export const MAX_DEPTH = 3;
export const MAX_NEIGHBOURHOOD_NODES = 500;

/** Query fields: paths and neighbourhood. */
export const graphResolvers: Resolvers = {
  Query: {
    paths: (_p, { fromId, toId, maxHops, includeEvidence, limit }, ctx) =>
      findPaths(ctx.executor, {
        fromId,
        fromLabel: checkId(fromId, 'fromId'),
        toId,
        toLabel: checkId(toId, 'toId'),
        maxHops: checkRange(maxHops, 1, MAX_HOPS, 'maxHops'),
        includeEvidence: includeEvidence === true,
        limit: checkRange(limit, 1, MAX_PATHS, 'limit'),
      }),
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
