import type { Resolvers } from '../../generated/graphql.js';

/** Query fields: search. */
export const searchResolvers: Resolvers = { Query: {} };
