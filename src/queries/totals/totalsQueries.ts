/**
 * commitmentTotals in one Cypher query: the query selects the commitments, classifies each, converts
 * and rounds its amount, groups, sums, orders the groups and returns the first page of every list
 * with the exact size of each. The rules:
 * - a part (HAS_PART) whose parent is also selected is skipped and counted in `partsSkipped`:
 *   its value is already inside the parent's; a part whose parent the filter left out counts;
 * - a commitment without `amountValue` or `amountCurrency` counts in `withoutAmount`, in no group;
 * - an amount converts only with a rate its source states for it: an ExchangeRate that CONVERTS it,
 *   read directly (preferred) or inverted, the lowest id first among equals; rates that are not a
 *   positive finite number are ignored. There is no table of market rates and no chaining through a
 *   third currency. Without such a rate the commitment is listed in `unconverted`, in no group;
 * - a commitment with several donors (or recipients) counts fully in each one's group, so group
 *   totals may add up to more than the money committed;
 * - grouping by donor or recipient, commitments without one form a group of their own with
 *   `actor: null` and the label "(no donor)" / "(no recipient)";
 * - converted amounts and totals are rounded to the currency's minor unit (2 for GBP);
 * - a group holds one source's commitments unless `combineSources`, and never mixes a tracker's two
 *   stages (committed, allocated): an allocation draws down a commitment, so the sum would count the
 *   same money twice. Each group lists the sources it summed;
 * - grouping by year or month, a commitment's calendar time is its month (`timePeriod`, `timeYear`)
 *   or its stated date; commitments with neither form the group "(no year)" / "(no month)";
 * - groups come largest total first (then by label, actor, source and status); by year or month in
 *   calendar order instead, undated last.
 *
 * Left to TypeScript, because the query cannot or should not do it: checking the currency code
 * and finding its minor unit (ICU data, which Neo4j does not have; it travels as `$minorUnits`);
 * cutting each field's page from the lists the query returned (one query serves every alias of a
 * list, each with its own `first`, so it returns the largest page asked for); and checking the
 * values read back (totalsRecords.ts).
 */
import neo4j from 'neo4j-driver';
import type { CommitmentFilter, TotalsGroupBy } from '../../generated/graphql.js';
import { cypher, type NamedQuery } from '../../db/cypher.js';
import type { Executor, Params } from '../../db/Executor.js';
import { commitmentWhere } from '../filters/commitmentFilter.js';
import { renderWhere } from '../filters/whereClause.js';
import { cachedQuery } from '../cachedQuery.js';
import { projectNode } from '../records.js';
import { readTotals, type TotalsRecord } from './totalsRecords.js';

/** How many items of each list the query returns: the largest page the request asks of it. */
export interface TotalsPages {
  groups: number;
  groupCommitments: number;
  groupSources: number;
  conversions: number;
  unconverted: number;
  sources: number;
}

export interface TotalsRequest {
  groupBy: TotalsGroupBy;
  /** A checked ISO 4217 code. */
  currency: string;
  filter: CommitmentFilter | null | undefined;
  combineSources: boolean;
  pages: TotalsPages;
}

/** The label of the group of commitments with no donor, recipient, year, month or source; kinds and statuses always have one. */
const NONE_LABEL: Readonly<Record<TotalsGroupBy, string | null>> = {
  DONOR: '(no donor)',
  RECIPIENT: '(no recipient)',
  KIND: null,
  STATUS: null,
  YEAR: '(no year)',
  MONTH: '(no month)',
  SOURCE: '(no source)',
};

/** A property the rules read only when it has the type they expect: any other value counts as absent. */
const string = (expr: string): string => `CASE WHEN ${expr} IS :: STRING NOT NULL THEN ${expr} END`;
const number = (expr: string): string => `CASE WHEN ${expr} IS :: INTEGER NOT NULL | FLOAT NOT NULL THEN ${expr} END`;

/** The grouping key of each counted `item` (its commitment `c`): `key` holds id, label and what the group shows. */
function groupKeys(groupBy: TotalsGroupBy): string {
  const actors = (pattern: string) => `
  WITH item, c, COLLECT { MATCH ${pattern} WITH a ORDER BY a.id RETURN a } AS actors
  UNWIND CASE WHEN size(actors) = 0 THEN [null] ELSE actors END AS actor
  WITH item, c, {id: actor.id, actor: actor, label: CASE WHEN actor IS NULL THEN $noneLabel ELSE actor.name END} AS key`;
  const calendar = `
  WITH item, c, ${string('c.timeDate')} AS date
  WITH item, c, coalesce(${string('c.timePeriod')}, left(date, 7)) AS month, coalesce(${number('c.timeYear')}, toInteger(left(date, 4))) AS year`;
  switch (groupBy) {
    case 'DONOR':
      return actors('(a)-[:COMMITTED]->(c)');
    case 'RECIPIENT':
      return actors('(c)-[:TO]->(a)');
    case 'KIND':
      return `
  WITH item, c, {id: c.kind, kind: c.kind, label: c.kind} AS key`;
    case 'STATUS':
      return `
  WITH item, c, {id: c.status, status: c.status, label: c.status} AS key`;
    case 'YEAR':
      // The label as JavaScript writes the number: 2022, not 2022.0.
      return `${calendar}
  WITH item, c, {id: year, year: year, label: coalesce(CASE WHEN year = toInteger(year) THEN toString(toInteger(year)) ELSE toString(year) END, $noneLabel)} AS key`;
    case 'MONTH':
      return `${calendar}
  WITH item, c, {id: month, year: year, month: month, label: coalesce(month, $noneLabel)} AS key`;
    case 'SOURCE':
      // Labelled with the source's title once grouped (groupLabel).
      return `
  WITH item, c, {id: item.sourceId} AS key`;
    default: {
      const unreachable: never = groupBy;
      return unreachable;
    }
  }
}

function groupLabel(groupBy: TotalsGroupBy): string {
  return groupBy === 'SOURCE'
    ? `CASE WHEN keyId IS NULL THEN $noneLabel ELSE coalesce(COLLECT { MATCH (s:Source {id: keyId}) RETURN s.name }[0], keyId) END`
    : 'groupKey.label';
}

/** Ties are broken by the group's first commitment, which is the order groups were first met in. */
function groupOrder(groupBy: TotalsGroupBy): string {
  return groupBy === 'YEAR' || groupBy === 'MONTH'
    ? `g.year IS NULL, g.label, coalesce(g.sourceKey, ''), coalesce(g.status, ''), g.firstId`
    : `g.total DESC, g.label, coalesce(g.actor.id, ''), coalesce(g.sourceKey, ''), coalesce(g.status, ''), g.firstId`;
}

/**
 * Rounding is `round(x * $minorUnits) / $minorUnits`: Cypher's round() of one argument rounds half
 * towards positive infinity, as JavaScript's Math.round does, and the arithmetic is the same IEEE
 * double arithmetic, so the figures are exactly those the API gave when it summed in TypeScript
 * (only a total in [-0.005, 0) is 0 here where JavaScript gave -0). A group's total is
 * rounded after each amount, adding them in the order of commitment ids. Labels are ordered by code
 * point, which differs from JavaScript's UTF-16 order only between characters beyond U+FFFF and
 * those from U+E000 to U+FFFF. `where` is rendered from commitmentWhere's fixed fragments; its
 * values travel as parameters.
 */
function totalsQuery(where: string, groupBy: TotalsGroupBy): NamedQuery {
  return cachedQuery(`totals ${groupBy} ${where}`, () =>
    cypher(
      'totals.commitments',
      `
MATCH (c:Commitment)
${where}
WITH collect(c) AS selected
CALL (selected) {
  UNWIND selected AS c
  WITH c,
    EXISTS { MATCH (parent:Commitment)-[:HAS_PART*1..]->(c) WHERE parent IN selected } AS skipped,
    toFloat(${number('c.amountValue')}) AS value,
    ${string('c.amountCurrency')} AS from
  WITH c, skipped, value, from,
    CASE WHEN skipped OR value IS NULL OR from IS NULL OR from = $currency THEN null ELSE COLLECT {
      MATCH (x:ExchangeRate)-[:CONVERTS]->(c)
      WHERE x.rate IS :: INTEGER NOT NULL | FLOAT NOT NULL AND 0 < x.rate < Infinity
        AND ((x.base = from AND x.quote = $currency) OR (x.base = $currency AND x.quote = from))
      WITH x ORDER BY x.base = from DESC, x.id LIMIT 1
      RETURN x
    }[0] END AS rate
  WITH c, value, from, rate,
    CASE WHEN skipped THEN 'skipped' WHEN value IS NULL OR from IS NULL THEN 'withoutAmount'
      WHEN from = $currency OR rate IS NOT NULL THEN 'counted' ELSE 'unconverted' END AS fate,
    CASE WHEN rate IS NULL THEN null WHEN rate.base = from THEN 'STATED_IN_SOURCE' ELSE 'INVERSE_OF_STATED' END AS method
  WITH c, from, rate, method, fate,
    CASE WHEN method = 'STATED_IN_SOURCE' THEN value * rate.rate WHEN method = 'INVERSE_OF_STATED' THEN value / rate.rate ELSE value END AS converted
  ORDER BY c.id
  RETURN count(CASE fate WHEN 'skipped' THEN 1 END) AS partsSkipped,
    count(CASE fate WHEN 'withoutAmount' THEN 1 END) AS withoutAmount,
    collect(CASE fate WHEN 'unconverted' THEN c END) AS unconverted,
    collect(CASE fate WHEN 'counted' THEN {
      c: c, amount: round(converted * $minorUnits) / $minorUnits, rate: rate, method: method, from: from,
      sourceId: ${string('c.sourceId')},
      approximate: c.amountQualifier IS :: STRING NOT NULL OR c.amountLowerBound IS :: INTEGER NOT NULL | FLOAT NOT NULL
        OR c.amountUpperBound IS :: INTEGER NOT NULL | FLOAT NOT NULL OR coalesce(c.amountExpected = true, false)
    } END) AS counted
}
CALL (counted) {
  UNWIND counted AS item
  WITH item, item.c AS c${groupKeys(groupBy)}
  WITH item, c, key, CASE WHEN c.status IN ['committed', 'allocated'] THEN c.status END AS stage
  ORDER BY c.id
  WITH key.id AS keyId, CASE WHEN $combineSources THEN null ELSE item.sourceId END AS sourceKey, stage,
    collect(key)[0] AS groupKey, collect(item.amount) AS amounts, count(*) AS count, true IN collect(item.approximate) AS approximate,
    collect(c) AS commitments, collect(item.sourceId) AS sourceIds, min(c.id) AS firstId
  WITH {
    actor: groupKey.actor, kind: groupKey.kind, status: coalesce(groupKey.status, stage), year: groupKey.year, month: groupKey.month,
    label: ${groupLabel(groupBy)}, sourceKey: sourceKey, count: count, approximate: approximate, commitments: commitments, firstId: firstId,
    total: reduce(total = 0.0, amount IN amounts | round((total + amount) * $minorUnits) / $minorUnits),
    sourceIds: COLLECT { UNWIND sourceIds AS sid WITH DISTINCT sid ORDER BY sid RETURN sid }
  } AS g
  ORDER BY ${groupOrder(groupBy)}
  WITH collect(g) AS groups
  RETURN size(groups) AS groupCount, [g IN groups[0..$groupsFirst] | g {
    .kind, .status, .year, .month, .label, .total, .count, .approximate,
    actor: [a IN [g.actor] | ${projectNode('a')}][0],
    source: CASE WHEN g.sourceKey IS NULL THEN null ELSE COLLECT { MATCH (s:Source {id: g.sourceKey}) RETURN ${projectNode('s')} }[0] END,
    sources: [sid IN g.sourceIds[0..$groupSourcesFirst] | COLLECT { MATCH (s:Source {id: sid}) RETURN ${projectNode('s')} }[0]],
    sourceCount: size(g.sourceIds),
    commitments: [c IN g.commitments[0..$groupCommitmentsFirst] | ${projectNode('c')}]
  }] AS groups
}
CALL (counted) {
  UNWIND counted AS item
  WITH item WHERE item.rate IS NOT NULL
  WITH DISTINCT item.rate AS x, item.method AS method, item.from AS from
  ORDER BY x.id + ' ' + method
  WITH collect({x: x, method: method, from: from}) AS conversions
  RETURN size(conversions) AS conversionCount, [m IN conversions[0..$conversionsFirst] | {
    from: m.from, to: $currency, method: m.method,
    rate: CASE m.method WHEN 'STATED_IN_SOURCE' THEN m.x.rate ELSE 1.0 / m.x.rate END,
    exchangeRate: [x IN [m.x] | ${projectNode('x')}][0]
  }] AS conversions
}
CALL (counted) {
  UNWIND counted AS item
  WITH DISTINCT item.sourceId AS sid
  WITH sid WHERE sid IS NOT NULL
  ORDER BY sid
  WITH collect(sid) AS ids
  RETURN size(ids) AS sourceCount,
    [sid IN ids[0..$sourcesFirst] | COLLECT { MATCH (s:Source {id: sid}) RETURN ${projectNode('s')} }[0]] AS sources
}
RETURN partsSkipped, withoutAmount, size(unconverted) AS unconvertedCount,
  [c IN unconverted[0..$unconvertedFirst] | ${projectNode('c')}] AS unconverted,
  groupCount, groups, conversionCount, conversions, sourceCount, sources`,
    ),
  );
}

/** Units of the currency's minor unit in one major unit, as ICU knows it (100 for GBP, EUR, USD; 1 for JPY). */
function minorUnits(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/** The one query a totals request sends, and its parameters (user values travel only as parameters). */
export function buildTotalsQuery(request: TotalsRequest): { query: NamedQuery; params: Params } {
  const { groupBy, currency, filter, combineSources, pages } = request;
  const where = commitmentWhere(filter, 'c');
  const noneLabel = NONE_LABEL[groupBy];
  const params: Params = {
    ...where.params,
    currency,
    // Neo4j has no table of currencies; the minor unit comes from the runtime's ICU data, as a float.
    minorUnits: minorUnits(currency),
    combineSources,
    ...(noneLabel === null ? {} : { noneLabel }),
    groupsFirst: neo4j.int(pages.groups),
    groupCommitmentsFirst: neo4j.int(pages.groupCommitments),
    groupSourcesFirst: neo4j.int(pages.groupSources),
    conversionsFirst: neo4j.int(pages.conversions),
    unconvertedFirst: neo4j.int(pages.unconverted),
    sourcesFirst: neo4j.int(pages.sources),
  };
  return { query: totalsQuery(renderWhere(where), groupBy), params };
}

/** The totals of the commitments `request.filter` selects, in one query. */
export async function commitmentTotals(executor: Executor, request: TotalsRequest): Promise<TotalsRecord> {
  const { query, params } = buildTotalsQuery(request);
  const [row] = await executor.read(query, params);
  if (!row) throw new TypeError('The totals query returned no row');
  return readTotals(row, request);
}
