/**
 * Query.search: checks the arguments, then hands the plain words to the search query module,
 * which builds the (escaped) Lucene query.
 */
import type { NodeLabel } from '../../model/vocabulary.js';
import type { Resolvers, SearchableType } from '../../generated/graphql.js';
import { searchNodes } from '../../queries/search/searchQueries.js';
import { badArgument, checkFirst, checkText } from '../../queries/inputChecks.js';

export const MAX_SEARCH_RESULTS = 50;

const LABEL_OF_TYPE: Record<SearchableType, NodeLabel> = {
  PERSON: 'Person',
  NATION: 'Nation',
  ORGANIZATION: 'Organization',
  GROUP: 'Group',
  PLACE: 'Place',
  OFFICE: 'Office',
  TOPIC: 'Topic',
  COMMITMENT: 'Commitment',
  EVENT: 'Event',
  STATEMENT: 'Statement',
};

/** Query fields: search. */
export const searchResolvers: Resolvers = {
  Query: {
    search: (_p, { query, types, first }, ctx) => {
      const text = checkText(query, 'query');
      if (text === undefined) throw badArgument('query', 'must contain something to search for; got an empty text.');
      const size = checkFirst(first, 10, Math.min(MAX_SEARCH_RESULTS, ctx.limits.maxPageSize));
      // An empty `types` list is read like no list: a filter that admits nothing is never what a caller means.
      const labels = types?.length ? [...new Set(types.map((type) => LABEL_OF_TYPE[type]))] : null;
      return searchNodes(ctx.executor, text, labels, size);
    },
  },
};
