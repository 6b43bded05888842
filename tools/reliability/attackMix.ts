/**
 * The requests of `npm run attack`: the costliest ones the default limits accept, built around the
 * seeded graph's high-degree node (the one Source, with 213 evidence spans) and its long text,
 * and a few the limits refuse. Where a request has a size to choose, the largest one whose
 * estimated cost stays within MAX_COST is found with the API's own estimator (`listBound` of
 * src/graphql/limits.ts, summed the way the cost plugin sums it), so the mix follows the limits
 * if they change.
 */
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { parse, type GraphQLSchema } from 'graphql';
import { listBound } from '../../src/graphql/limits.js';

/** The seeded graph's high-degree node: 213 evidence spans point to it, and its text is ~4.9 KB. */
export const HUB = 'source:uk-france-coalition-ukraine-support';
/** The cheap query whose latency the probe follows. */
export const CHEAP_QUERY = '{ person(id: "person:keir-starmer") { name } }';

export interface Attack {
  name: string;
  /** What it tries. */
  why: string;
  /** Expected to be refused by the estimate or validation (a refusal is the point). */
  refused: boolean;
  query: string;
  /** The estimate of the API's cost plugin, or undefined when the estimator gives up (refused). */
  cost: number | undefined;
  /** Variables sent with it (a list of ids goes as a variable, as a client would send it). */
  variables?: Record<string, unknown>;
  /** The body sent. */
  body: string;
}

/** The cost plugin's estimator: 1 per field, a subtree times the items its list serves. */
const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) =>
  1 + childComplexity * (listBound(type.name, field, args) ?? 1);

export function estimateCost(schema: GraphQLSchema, query: string, variables: Record<string, unknown> = {}): number | undefined {
  try {
    return getComplexity({ schema, query: parse(query), variables, estimators: [estimator] });
  } catch {
    return undefined;
  }
}

/** The largest n in [1, max] with cost(make(n)) ≤ maxCost (cost grows with n), or 1. */
function largest(schema: GraphQLSchema, maxCost: number, max: number, make: (n: number) => string): string {
  let lo = 1;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const cost = estimateCost(schema, make(mid));
    if (cost !== undefined && cost <= maxCost) lo = mid;
    else hi = mid - 1;
  }
  return make(lo);
}

const aliases = (count: number, make: (i: number) => string): string => Array.from({ length: count }, (_, i) => make(i + 1)).join(' ');
/** The hub's id 100 times: `nodes(ids:)` takes at most 100, and the same node may be asked for again. */
const HUB_IDS = { ids: Array.from({ length: 100 }, () => HUB) };

export interface MixLimits {
  maxCost: number;
  maxPageSize: number;
  maxAliases: number;
}

/** The attack mix for the given limits (defaults: MAX_COST 20 000, page 100, 20 aliases). */
export function attackMix(schema: GraphQLSchema, limits: MixLimits): Attack[] {
  const { maxCost, maxPageSize: page, maxAliases } = limits;
  const defs: Omit<Attack, 'cost' | 'body'>[] = [
    {
      name: 'hub-chain',
      why: 'evidence of the hub → its source → its evidence again: 100 × n real items, n as large as the cost allows',
      refused: false,
      query: largest(
        schema,
        maxCost,
        page,
        (n) =>
          `{ source(id: "${HUB}") { evidence(first: ${page}) { id quote source { id evidence(first: ${n}) { id quote start end } } } } }`,
      ),
    },
    {
      name: 'hub-supports-chain',
      why: 'the issue’s shape: hub → evidence → supports → their evidence → source, every page as large as the cost allows',
      refused: false,
      query: largest(
        schema,
        maxCost,
        page,
        (n) =>
          `{ source(id: "${HUB}") { evidence(first: ${page}) { quote supports(first: ${n}) { id name ... on Evidenced { evidence(first: ${n}) { quote source { id } } } } } } }`,
      ),
    },
    {
      name: 'long-text-ids',
      why: `${maxAliases} aliases × nodes(ids: [100 × the hub]) { text }: ${maxAliases * 100} copies of a 4.9 KB text (~10 MB answer)`,
      refused: false,
      query: `query ($ids: [ID!]!) { ${aliases(maxAliases, (i) => `t${i}: nodes(ids: $ids) { ... on Source { text } }`)} }`,
      variables: HUB_IDS,
    },
    {
      name: 'long-text-chain',
      why: 'hub → 100 evidence → source → 2 evidence → source with 18 aliased texts: 3 600 texts (~18 MB), just under MAX_ANSWER_ITEMS',
      refused: false,
      query: `{ source(id: "${HUB}") { evidence(first: ${page}) { source { evidence(first: 2) { source { ${aliases(Math.min(18, maxAliases), (i) => `t${i}: text`)} } } } } } }`,
    },
    {
      name: 'wide-aliases',
      why: `${maxAliases} aliases × the hub's evidence(first: ${page}) with every scalar`,
      refused: false,
      query: `{ ${aliases(maxAliases, (i) => `e${i}: source(id: "${HUB}") { evidence(first: ${page}) { id name quote start end method confidence } }`)} }`,
    },
    {
      name: 'neighbourhood-500',
      why: 'depth 3 around the hub with evidence, limit 500, every node and edge field',
      refused: false,
      query: `{ neighbourhood(id: "${HUB}", depth: 3, includeEvidence: true, limit: 500) { truncated nodes { id name } edges { id type fromId toId role } } }`,
    },
    {
      name: 'paths-evidence',
      why: 'all shortest paths up to 6 hops through evidence, limit 50, 8 pairs',
      refused: false,
      query: `{ ${[
        ['nation:gb', 'nation:ru'],
        ['nation:us', 'nation:ua'],
        ['person:keir-starmer', 'person:donald-trump'],
        ['person:john-healey', 'nation:ru'],
        ['person:rachel-reeves', 'nation:us'],
        ['nation:gb', 'person:donald-trump'],
        ['nation:ua', 'person:keir-starmer'],
        ['nation:ru', 'person:rachel-reeves'],
      ]
        .map(
          ([from, to], i) =>
            `p${i + 1}: paths(fromId: "${from}", toId: "${to}", maxHops: 6, includeEvidence: true, limit: 50) { paths { length nodes { id name } edges { id type fromId toId } } }`,
        )
        .join(' ')} }`,
    },
    {
      name: 'answer-too-big',
      why: 'accepted by the estimate (texts count 1 each there) but 100 × 40 texts: stopped by the answer count (MAX_ANSWER_ITEMS)',
      refused: true,
      query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Source { evidence(first: 40) { source { text } } } } }',
      variables: HUB_IDS,
    },
    {
      name: 'refused-original',
      why: 'the issue’s request, no `first` anywhere (defaults of 20): refused by the estimate',
      refused: true,
      query: `{ source(id: "${HUB}") { evidence { supports { evidence { source { evidence { supports { evidence { quote } } } } } } } } }`,
    },
    {
      name: 'refused-cost',
      why: 'the hub chain with every page at 100',
      refused: true,
      query: `{ source(id: "${HUB}") { evidence(first: ${page}) { source { evidence(first: ${page}) { supports(first: ${page}) { id } } } } } }`,
    },
    {
      name: 'refused-page',
      why: 'first above MAX_PAGE_SIZE',
      refused: true,
      query: `{ source(id: "${HUB}") { evidence(first: ${page * 100}) { id } } }`,
    },
    {
      name: 'refused-aliases',
      why: `${maxAliases + 1} aliases`,
      refused: true,
      query: `{ ${aliases(maxAliases + 1, (i) => `a${i}: source(id: "${HUB}") { id }`)} }`,
    },
  ];
  return defs.map((def) => ({
    ...def,
    cost: estimateCost(schema, def.query, def.variables),
    body: JSON.stringify(def.variables ? { query: def.query, variables: def.variables } : { query: def.query }),
  }));
}
