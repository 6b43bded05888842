import type { Resolvers } from '../../generated/graphql.js';

/** Query fields: paths and neighbourhood. */
export const graphResolvers: Resolvers = { Query: {} };
