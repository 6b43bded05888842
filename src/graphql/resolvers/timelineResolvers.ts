import type { Resolvers } from '../../generated/graphql.js';

/** Query fields: timeline. */
export const timelineResolvers: Resolvers = { Query: {} };
