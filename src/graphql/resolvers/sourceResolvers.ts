import type { Resolvers } from '../../generated/graphql.js';
import { listSources, sourceById } from '../../queries/sourceQueries.js';

export const sourceResolvers: Resolvers = {
  Query: {
    sources: (_parent, _args, { executor }) => listSources(executor),
    source: (_parent, { id }, { executor }) => sourceById(executor, id),
  },
};
