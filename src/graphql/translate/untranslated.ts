/**
 * Issue 13 asks every root field of an operation to become one Cypher query. This is where the
 * code says which root fields do, which do not yet, and why; test/integration/api/roundTrips.test.ts
 * names the same lists. A root field that is not translated resolves as before: its node records
 * come from a query of their own, and each depth level of relationship fields below them costs one
 * batched query (src/graphql/loaders.ts).
 */

/** Most node selections one lookup's plan may hold (a field of an abstract type plans each of its types). */
export const MAX_PLANNED_SELECTIONS = 400;
/** Most prefetched fields (subqueries) one lookup's query may hold. */
export const MAX_PREFETCHED_FIELDS = 300;
/**
 * Most relationship lists one below another that a lookup's query walks. One query recomputes a
 * neighbour under every parent that reaches it, where the loaders fetch it once per level: measured
 * on a hub (a source with 10,000 evidence spans, one person supported by all of them),
 * `source { evidence(first: 100) { supports(first: 20) { ... on Person { evidence(first: 3) } } } }`
 * took 1.3–2.5 s in one query against 0.1–0.26 s level by level, because the hub's 10,000 spans are
 * ordered again under each of the 2,000 parents. Up to two levels (the benchmark's `nested`
 * operation) one query is the faster; deeper selections go to the loaders until the query can
 * collect the distinct neighbours of a level once.
 */
export const MAX_TRANSLATED_DEPTH = 2;

/** Root fields answered by one query of the translator: a lookup by id and everything selected below it. */
export const TRANSLATED_LOOKUPS = [
  'node',
  'person',
  'nation',
  'organization',
  'commitment',
  'event',
  'statement',
  'source',
  'dataset',
  'weaponSystem',
] as const;

/** Root fields answered whole by a query module of their own, in one query (their own translation tests). */
export const ONE_QUERY_OF_THEIR_OWN: Readonly<Record<string, string>> = {
  paths: 'src/queries/graph/pathQueries.ts: endpoints and shortest paths in one query.',
  commitmentTotals: 'src/queries/totals/totalsQueries.ts: sums, pages and sources in one query.',
  sourceCount: 'A single COUNT; nothing below it.',
  datasetCount: 'A single COUNT; nothing below it.',
};

/** Root fields not translated yet, each with the reason. */
export const UNTRANSLATED_ROOT_FIELDS: Readonly<Record<string, string>> = {
  nodes:
    'Ids of any labels in one list: the one root field kept on the batched path on purpose, as the reference for what the loaders guarantee (one query per depth level, whatever the number of items).',
  people:
    'A keyset-paged connection (src/queries/lists/): its page query would have to carry the nested selection under edges.node; next step.',
  nations: 'As people.',
  organizations: 'As people.',
  commitments: 'As people.',
  events: 'As people.',
  statements: 'As people.',
  stances: 'As people.',
  figures: 'As people.',
  heavyWeapons: 'As people.',
  timeline: 'As people; its items are events or commitments, ordered by time in the list module.',
  sources: 'A page of sources by id; could be translated as the lookups are, next step.',
  datasets: 'As sources.',
  search: 'Full-text hits scored and ranked by Lucene (src/queries/search/); the nodes below the hits are loaded level by level.',
  neighbourhood: 'A bounded walk in its own query; the nodes it returns are loaded level by level when fields below them are asked.',
  monthlySeries:
    'TypeScript fills the months without commitments and checks the currency over the rows (src/queries/tracker/monthlySeries.ts).',
  gdpShares: 'TypeScript divides each donor’s sum by its GDP figure and sorts (src/queries/tracker/gdpShares.ts).',
  heavyWeaponTotals: 'TypeScript groups and sums the rows (src/queries/tracker/weaponTotals.ts).',
};

/**
 * Fields below a translated lookup that the query leaves to their resolvers (the loaders), with
 * why. Every field of every node type translates otherwise (test/unit/translation/lookups.test.ts
 * checks it against the schema).
 */
export const NOT_PREFETCHED: Readonly<Record<string, string>> = {
  [`a lookup whose selection walks more than ${MAX_TRANSLATED_DEPTH} relationship lists deep`]:
    'See MAX_TRANSLATED_DEPTH: one query recomputes shared neighbours under every parent; the loaders fetch each once per level.',
  'a lookup whose selection could return more items than MAX_ANSWER_ITEMS':
    'One query holds its whole tree before the answer budget counts any of it; the loaders fetch level by level, and the budget stops them after the level that outgrows it.',
  'a list asked with a page size the resolver refuses':
    'The resolver gives its BAD_USER_INPUT error as before (the cost estimate refuses most of these before execution).',
  'one field of a neighbour reached under two aliases with different `first`':
    'Both aliases resolve on the one record of that neighbour (`mentions { a: evidence { … } b: evidence { … } }`), so one prefetched page cannot answer both: each loads its own.',
  [`a selection of more than ${MAX_PLANNED_SELECTIONS} node selections or ${MAX_PREFETCHED_FIELDS} prefetched fields`]:
    'Planning and the query text grow with every type an abstract field may return at every level: a small but deeply abstract selection is left to the loaders, whose cost follows the answer.',
};
