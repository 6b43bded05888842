import type { Resolvers } from '../../generated/graphql.js';

/** Query fields: people, nations, organizations, commitments, events, statements, stances (filters, sorting, keyset pagination). */
export const listResolvers: Resolvers = { Query: {} };
