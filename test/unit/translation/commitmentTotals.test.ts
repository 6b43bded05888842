/**
 * Translation of Query.commitmentTotals without a database: the operation in, the one Cypher query
 * and its parameters out (see translate.ts). The query sums in Cypher; the page sizes it returns
 * come from the selection, the counts stay whole.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { QueryCommitmentTotalsArgs } from '../../../src/generated/graphql.js';
import { totalsRequest } from '../../../src/graphql/resolvers/totalsResolvers.js';
import { MAX_PAGE_SIZE } from '../../../src/queries/inputChecks.js';
import { buildTotalsQuery } from '../../../src/queries/totals/totalsQueries.js';
import { translateOperation } from './translate.js';

const translate = (operation: string, variables?: Record<string, unknown>) =>
  translateOperation<QueryCommitmentTotalsArgs>(
    'commitmentTotals',
    (args, info) => buildTotalsQuery(totalsRequest(args, info, MAX_PAGE_SIZE)),
    operation,
    variables,
  );

/** The page-size parameters, in the order of TotalsPages. */
const pages = (
  groups: number,
  groupCommitments: number,
  groupSources: number,
  conversions: number,
  unconverted: number,
  sources: number,
) => ({
  groupsFirst: neo4j.int(groups),
  groupCommitmentsFirst: neo4j.int(groupCommitments),
  groupSourcesFirst: neo4j.int(groupSources),
  conversionsFirst: neo4j.int(conversions),
  unconvertedFirst: neo4j.int(unconverted),
  sourcesFirst: neo4j.int(sources),
});

describe('commitmentTotals translates to one Cypher query', () => {
  it('by donor: the filter seeks the donor, the rules run in the query, every value a parameter', async () => {
    const { translations, errors } = await translate(`{
      commitmentTotals(groupBy: DONOR, currency: "gbp", filter: { donorId: "nation:gb", kind: [MILITARY] }) {
        groups { label total commitments(first: 5) { id } } groupCount conversions { rate } unconverted(first: 3) { id } partsSkipped
      }
    }`);
    expect(errors).toEqual([]);
    expect(translations).toHaveLength(1);
    const { query, params } = translations[0]!;
    expect(query.name).toBe('totals.commitments');
    expect(query.text).toMatchInlineSnapshot(`
      "// totals.commitments
      MATCH (c:Commitment)
      MATCH (:Nation {id: $donorId})-[:COMMITTED]->(c)
      WHERE (c.kind IN $kinds)
      WITH collect(c) AS selected
      CALL (selected) {
        UNWIND selected AS c
        WITH c,
          EXISTS { MATCH (parent:Commitment)-[:HAS_PART*1..]->(c) WHERE parent IN selected } AS skipped,
          toFloat(CASE WHEN c.amountValue IS :: INTEGER NOT NULL | FLOAT NOT NULL THEN c.amountValue END) AS value,
          CASE WHEN c.amountCurrency IS :: STRING NOT NULL THEN c.amountCurrency END AS from
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
            sourceId: CASE WHEN c.sourceId IS :: STRING NOT NULL THEN c.sourceId END,
            approximate: c.amountQualifier IS :: STRING NOT NULL OR c.amountLowerBound IS :: INTEGER NOT NULL | FLOAT NOT NULL
              OR c.amountUpperBound IS :: INTEGER NOT NULL | FLOAT NOT NULL OR coalesce(c.amountExpected = true, false)
          } END) AS counted
      }
      CALL (counted) {
        UNWIND counted AS item
        WITH item, item.c AS c
        WITH item, c, COLLECT { MATCH (a)-[:COMMITTED]->(c) WITH a ORDER BY a.id RETURN a } AS actors
        UNWIND CASE WHEN size(actors) = 0 THEN [null] ELSE actors END AS actor
        WITH item, c, {id: actor.id, actor: actor, label: CASE WHEN actor IS NULL THEN $noneLabel ELSE actor.name END} AS key
        WITH item, c, key, CASE WHEN c.status IN ['committed', 'allocated'] THEN c.status END AS stage
        ORDER BY c.id
        WITH key.id AS keyId, CASE WHEN $combineSources THEN null ELSE item.sourceId END AS sourceKey, stage,
          collect(key)[0] AS groupKey, collect(item.amount) AS amounts, count(*) AS count, true IN collect(item.approximate) AS approximate,
          collect(c) AS commitments, collect(item.sourceId) AS sourceIds, min(c.id) AS firstId
        WITH {
          actor: groupKey.actor, kind: groupKey.kind, status: coalesce(groupKey.status, stage), year: groupKey.year, month: groupKey.month,
          label: groupKey.label, sourceKey: sourceKey, count: count, approximate: approximate, commitments: commitments, firstId: firstId,
          total: reduce(total = 0.0, amount IN amounts | round((total + amount) * $minorUnits) / $minorUnits),
          sourceIds: COLLECT { UNWIND sourceIds AS sid WITH DISTINCT sid ORDER BY sid RETURN sid }
        } AS g
        ORDER BY g.total DESC, g.label, coalesce(g.actor.id, ''), coalesce(g.sourceKey, ''), coalesce(g.status, ''), g.firstId
        WITH collect(g) AS groups
        RETURN size(groups) AS groupCount, [g IN groups[0..$groupsFirst] | g {
          .kind, .status, .year, .month, .label, .total, .count, .approximate,
          actor: [a IN [g.actor] | CASE WHEN a:Source THEN a {.*, text: null, __label: 'Source'} ELSE a {.*, __label: labels(a)[0]} END][0],
          source: CASE WHEN g.sourceKey IS NULL THEN null ELSE COLLECT { MATCH (s:Source {id: g.sourceKey}) RETURN CASE WHEN s:Source THEN s {.*, text: null, __label: 'Source'} ELSE s {.*, __label: labels(s)[0]} END }[0] END,
          sources: [sid IN g.sourceIds[0..$groupSourcesFirst] | COLLECT { MATCH (s:Source {id: sid}) RETURN CASE WHEN s:Source THEN s {.*, text: null, __label: 'Source'} ELSE s {.*, __label: labels(s)[0]} END }[0]],
          sourceCount: size(g.sourceIds),
          commitments: [c IN g.commitments[0..$groupCommitmentsFirst] | CASE WHEN c:Source THEN c {.*, text: null, __label: 'Source'} ELSE c {.*, __label: labels(c)[0]} END]
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
          exchangeRate: [x IN [m.x] | CASE WHEN x:Source THEN x {.*, text: null, __label: 'Source'} ELSE x {.*, __label: labels(x)[0]} END][0]
        }] AS conversions
      }
      CALL (counted) {
        UNWIND counted AS item
        WITH DISTINCT item.sourceId AS sid
        WITH sid WHERE sid IS NOT NULL
        ORDER BY sid
        WITH collect(sid) AS ids
        RETURN size(ids) AS sourceCount,
          [sid IN ids[0..$sourcesFirst] | COLLECT { MATCH (s:Source {id: sid}) RETURN CASE WHEN s:Source THEN s {.*, text: null, __label: 'Source'} ELSE s {.*, __label: labels(s)[0]} END }[0]] AS sources
      }
      RETURN partsSkipped, withoutAmount, size(unconverted) AS unconvertedCount,
        [c IN unconverted[0..$unconvertedFirst] | CASE WHEN c:Source THEN c {.*, text: null, __label: 'Source'} ELSE c {.*, __label: labels(c)[0]} END] AS unconverted,
        groupCount, groups, conversionCount, conversions, sourceCount, sources"
    `);
    expect(params).toEqual({
      donorId: 'nation:gb',
      kinds: ['military'],
      currency: 'GBP',
      minorUnits: 100,
      combineSources: false,
      noneLabel: '(no donor)',
      // groups and conversions at the SDL's default (20), commitments and unconverted as asked, no sources selected.
      ...pages(20, 5, 0, 20, 3, 0),
    });
  });

  it.each([
    ['DONOR', '(a)-[:COMMITTED]->(c)', '(no donor)'],
    ['RECIPIENT', '(c)-[:TO]->(a)', '(no recipient)'],
    ['KIND', '{id: c.kind, kind: c.kind, label: c.kind}', undefined],
    ['STATUS', '{id: c.status, status: c.status, label: c.status}', undefined],
    ['YEAR', '{id: year, year: year', '(no year)'],
    ['MONTH', '{id: month, year: year, month: month', '(no month)'],
    ['SOURCE', 'MATCH (s:Source {id: keyId}) RETURN s.name', '(no source)'],
  ])('groups by %s in the query', async (groupBy, fragment, noneLabel) => {
    const { translations } = await translate(`{ commitmentTotals(groupBy: ${groupBy}, currency: "EUR") { groupCount } }`);
    expect(translations).toHaveLength(1);
    const { query, params } = translations[0]!;
    expect(query.text).toContain(fragment);
    expect(query.text).toContain(
      groupBy === 'YEAR' || groupBy === 'MONTH' ? 'ORDER BY g.year IS NULL, g.label' : 'ORDER BY g.total DESC, g.label',
    );
    expect(params.noneLabel).toBe(noneLabel);
    expect(params).toMatchObject(pages(0, 0, 0, 0, 0, 0));
  });

  it('never writes a user value into the text, and gives one text per shape whatever the values', async () => {
    const operation = `query ($currency: String!, $filter: CommitmentFilter, $combine: Boolean, $n: Int) {
      commitmentTotals(groupBy: MONTH, currency: $currency, filter: $filter, combineSources: $combine) { groups(first: $n) { label } }
    }`;
    const filter = (text: string, sourceId: string) => ({
      text,
      sourceIds: [sourceId],
      time: { fromMonth: '2024-01', toMonth: '2024-12' },
    });
    const a = (
      await translate(operation, {
        currency: 'JPY',
        filter: filter("x'}) MATCH (n) DETACH DELETE n //", 'source:evil-1'),
        combine: true,
        n: 7,
      })
    ).translations[0]!;
    const b = (await translate(operation, { currency: 'EUR', filter: filter('drones', 'source:other'), combine: false, n: 2 }))
      .translations[0]!;
    expect(a.query.text).not.toContain('DETACH DELETE');
    expect(a.query.text).not.toContain('evil');
    expect(a.query.text).not.toContain('JPY');
    expect(a.query.text).not.toMatch(/2024/);
    expect(a.params).toMatchObject({
      text: "x'}) MATCH (n) DETACH DELETE n //",
      sourceIds: ['source:evil-1'],
      timeFromMonth: '2024-01',
      timeToMonth: '2024-12',
      currency: 'JPY',
      minorUnits: 1,
      combineSources: true,
      groupsFirst: neo4j.int(7),
    });
    expect(b.query).toBe(a.query);
  });

  it('fetches the largest page any alias or fragment asks of a list, and none of a list not selected', async () => {
    const { translations } = await translate(`{
      commitmentTotals(groupBy: DONOR, currency: "EUR") {
        top: groups(first: 1) { label }
        all: groups(first: 3) { few: commitments(first: 1) { id } many: commitments(first: 4) { id } sources(first: 2) { id } }
        ...More
        sources { id }
      }
    }
    fragment More on CommitmentTotals { ... on CommitmentTotals { groups(first: 2) { commitments(first: 9) { id } } } unconverted(first: 0) { id } }`);
    expect(translations[0]?.params).toMatchObject(pages(3, 9, 2, 0, 0, 20));
  });

  it('gives each root field its own single query', async () => {
    const { translations } = await translate(`{
      gbp: commitmentTotals(groupBy: KIND, currency: "GBP") { groupCount }
      eur: commitmentTotals(groupBy: KIND, currency: "EUR", combineSources: true) { groups(first: 100) { label } }
    }`);
    expect(translations.map((t) => [t.query.name, t.params.currency, t.params.combineSources, t.params.groupsFirst])).toEqual([
      ['totals.commitments', 'GBP', false, neo4j.int(0)],
      ['totals.commitments', 'EUR', true, neo4j.int(100)],
    ]);
    expect(translations[1]?.query).toBe(translations[0]?.query);
  });

  it('refuses a currency that is not an ISO code before translating', async () => {
    const { translations, errors } = await translate('{ commitmentTotals(groupBy: KIND, currency: "GPB") { groupCount } }');
    expect(translations).toEqual([]);
    expect(errors[0]?.message).toContain('"currency"');
  });
});
