/**
 * The benchmark's six operations as the `@neo4j/graphql` peer (typeDefs.graphql) asks them, with
 * variables from the same BenchParams and digests of exactly the shapes of API_OPERATIONS'
 * digests (tools/bench/ops.ts), so the answers can be compared before they are timed.
 *
 * lookup, nested and deepPage are the library's own generated queries (`where: { id: { eq } }`,
 * nested relationship fields, a root connection sorted by name then id); search, path and totals
 * are the @cypher fields of typeDefs.graphql.
 */
import {
  API_OPERATIONS,
  ids,
  list,
  obj,
  PAGE_SIZE,
  SEARCH_FIRST,
  type GraphqlOperation,
  type Json,
  type OperationName,
} from '../../ops.js';
/** The single node a `where: { id: { eq } }` list query returns (the library answers lookups with a list). */
const only = (value: unknown): Json => obj(list(value)[0]);

/** Members of the Actor union, each asked for its id and name. */
const ACTOR_FIELDS = '... on Person { id name } ... on Nation { id name } ... on Organization { id name } ... on Group { id name }';

/**
 * The library's connections use graphql-relay offset cursors, base64 of `arrayconnection:<n>`, and
 * start `after` at n + 1. This API's cursor points at the row just before `pageOffset` (0-based:
 * row pageOffset - 1), so both pages start at row `pageOffset` of the same order (name, then id).
 */
export function offsetCursor(pageOffset: number): string {
  if (!Number.isInteger(pageOffset) || pageOffset < 1) throw new RangeError(`pageOffset must be a positive integer, got ${pageOffset}`);
  return Buffer.from(`arrayconnection:${pageOffset - 1}`, 'utf8').toString('base64');
}

export const PEER_OPERATIONS: Record<OperationName, GraphqlOperation> = {
  lookup: {
    query: `query Lookup($id: ID!) {
  commitments(where: { id: { eq: $id } }) {
    id name kind status
    amountValue amountCurrency
    donors { ${ACTOR_FIELDS} }
    recipients { ${ACTOR_FIELDS} }
  }
}`,
    variables: (p) => ({ id: p.commitmentId }),
    digest: (data) => {
      const c = only(obj(data).commitments);
      return { id: c.id, name: c.name, value: c.amountValue ?? null, donors: ids(c.donors), recipients: ids(c.recipients) };
    },
  },
  nested: {
    query: `query Nested($id: ID!) {
  nations(where: { id: { eq: $id } }) {
    id name
    commitmentsMade {
      id name
      recipients { ${ACTOR_FIELDS} }
      evidence { quote start end }
    }
  }
}`,
    variables: (p) => ({ id: p.nationId }),
    // Once the one-element list is unwrapped, the answer has the API's shape: the same digest reads it.
    digest: (data) => API_OPERATIONS.nested.digest({ nation: only(obj(data).nations) }),
  },
  search: {
    query: `query Search($q: String!, $first: Int!) {
  search(query: $q, first: $first) {
    __typename
    ... on Person { id name } ... on Nation { id name } ... on Organization { id name } ... on Group { id name }
    ... on Place { id name } ... on Office { id name } ... on Topic { id name }
    ... on Commitment { id name } ... on Event { id name } ... on Statement { id name }
  }
}`,
    variables: (p) => ({ q: p.searchText, first: SEARCH_FIRST }),
    // The hits are the nodes themselves (no score wrapper): wrapped, the API's digest reads them.
    digest: (data) => API_OPERATIONS.search.digest({ search: list(obj(data).search).map((node) => ({ node })) }),
  },
  deepPage: {
    query: `query DeepPage($after: String!, $first: Int!) {
  commitmentsConnection(sort: [{ name: ASC }, { id: ASC }], first: $first, after: $after) {
    edges { node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: (p) => ({ after: offsetCursor(p.pageOffset), first: PAGE_SIZE }),
    digest: (data) => API_OPERATIONS.deepPage.digest({ commitments: obj(data).commitmentsConnection }),
  },
  path: {
    // The hop limit (PATH_MAX_HOPS = 3) is fixed in the @cypher statement: a variable-length bound cannot be a parameter.
    query: `query Path($from: ID!, $to: ID!) {
  paths(fromId: $from, toId: $to) { length nodes { id name } edges { type fromId toId } }
}`,
    variables: (p) => ({ from: p.commitmentId, to: p.pathToId }),
    digest: (data) => API_OPERATIONS.path.digest({ paths: { paths: obj(data).paths } }),
  },
  totals: {
    query: `query Totals($currency: String!, $donor: ID!) {
  commitmentTotals(groupBy: "RECIPIENT", currency: $currency, donorId: $donor) {
    currency
    groups { actorId label total count }
    partsSkipped
    withoutAmount
  }
}`,
    variables: (p) => ({ currency: p.currency, donor: p.nationId }),
    digest: (data) => {
      const t = obj(obj(data).commitmentTotals);
      return list(t.groups)
        .map((g) => ({ key: String(obj(g).actorId ?? obj(g).label), total: Number(obj(g).total), count: Number(obj(g).count) }))
        .sort((a, b) => a.key.localeCompare(b.key));
    },
  },
};
