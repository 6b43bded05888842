import type { Resolvers } from '../../generated/graphql.js';

/** Query fields: commitmentTotals. */
export const totalsResolvers: Resolvers = { Query: {} };
