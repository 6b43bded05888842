/**
 * Every rule of commitmentTotals (src/queries/totals/totalsQueries.ts), each on commitments made
 * here for it: parts inside a selected parent skipped, amounts without a currency, conversion only
 * by a stated rate (direct preferred, lowest id first, unusable rates ignored), several donors,
 * "(no donor)", rounding to the minor unit, sources and stages never added, calendar groups,
 * kinds, statuses, sources by title, approximate totals, ordering, and pages that are bounded while
 * their counts stay exact. The test's nodes carry `test-totals-` ids and are removed afterwards.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../../src/db/cypher.js';
import { useApiHarness } from '../../support/apiHarness.js';
import { testRuntime } from '../../support/testRuntime.js';

const P = 'test-totals-';
const ARTICLE = `source:${P}article`;
const TRACKER = `source:${P}tracker`;
const TWIN = `source:${P}twin`;
const COMBINE_A = `source:${P}combine-a`;
const COMBINE_B = `source:${P}combine-b`;
const RATES = `source:${P}rates`;
const KINDS = `source:${P}kinds`;
const DATES = `source:${P}dates`;
const ALAND = `nation:${P}aland`;
const BLAND = `nation:${P}bland`;
const CLAND = `nation:${P}cland`;
const DLAND = `nation:${P}dland`;
const id = (slug: string) => `commitment:${P}${slug}`;
const rate = (slug: string) => `exchange-rate:${P}${slug}`;

interface Made {
  slug: string;
  sourceId?: string;
  status?: string;
  kind?: string;
  value?: number;
  currency?: string;
  more?: Record<string, unknown>;
  donors?: string[];
  recipients?: string[];
  rates?: string[];
}

const SOURCES = [
  [ARTICLE, 'Test article'],
  [TRACKER, 'Test tracker'],
  [TWIN, 'Test article'],
  [COMBINE_A, 'Combine A'],
  [COMBINE_B, 'Combine B'],
  [RATES, 'Test rates'],
  [KINDS, 'Test kinds'],
  [DATES, 'Test dates'],
];
const ACTORS = [
  [ALAND, 'Aland'],
  [BLAND, 'Bland'],
  [CLAND, 'Cland'],
  [DLAND, 'Dland'],
];
const RATE_NODES: [string, string, string, number][] = [
  [rate('eur-gbp'), 'EUR', 'GBP', 0.8384615384615385],
  [rate('gbp-usd'), 'GBP', 'USD', 1.3],
  [rate('0-zero'), 'EUR', 'GBP', 0],
  [rate('a-gbp-eur'), 'GBP', 'EUR', 1.25],
  [rate('b-eur-gbp'), 'EUR', 'GBP', 0.9],
  [rate('c-eur-gbp'), 'EUR', 'GBP', 0.7],
  [rate('chf-gbp'), 'CHF', 'GBP', -2],
];
const month = (period: string) => ({ timePeriod: period, timeYear: neo4j.int(Number(period.slice(0, 4))) });

const COMMITMENTS: Made[] = [
  // Sources and stages.
  { slug: 'article-pledge', sourceId: ARTICLE, status: 'agreed', value: 100, currency: 'EUR', donors: [ALAND] },
  {
    slug: 'tracker-allocated-1',
    sourceId: TRACKER,
    status: 'allocated',
    value: 40,
    currency: 'EUR',
    more: month('2022-03'),
    donors: [ALAND],
  },
  {
    slug: 'tracker-allocated-2',
    sourceId: TRACKER,
    status: 'allocated',
    value: 2,
    currency: 'EUR',
    more: month('2022-04'),
    donors: [ALAND],
  },
  {
    slug: 'tracker-committed',
    sourceId: TRACKER,
    status: 'committed',
    value: 50,
    currency: 'EUR',
    more: month('2022-03'),
    donors: [ALAND],
  },
  { slug: 'combine-a', sourceId: COMBINE_A, status: 'agreed', value: 1, currency: 'EUR', donors: [BLAND] },
  { slug: 'combine-b', sourceId: COMBINE_B, status: 'signed', value: 2, currency: 'EUR', donors: [BLAND] },
  // Conversion, classification, parts, several donors, no donor (asked in GBP).
  { slug: 'r-direct', sourceId: RATES, value: 100, currency: 'EUR', donors: [ALAND], recipients: [CLAND], rates: [rate('eur-gbp')] },
  { slug: 'r-inverse', sourceId: RATES, value: 1000, currency: 'USD', donors: [ALAND], rates: [rate('gbp-usd')] },
  {
    slug: 'r-prefer-direct',
    sourceId: RATES,
    value: 10,
    currency: 'EUR',
    donors: [ALAND],
    rates: [rate('0-zero'), rate('a-gbp-eur'), rate('b-eur-gbp'), rate('c-eur-gbp')],
  },
  { slug: 'r-unusable', sourceId: RATES, value: 10, currency: 'CHF', donors: [ALAND], rates: [rate('chf-gbp')] },
  { slug: 'r-unrelated', sourceId: RATES, value: 10, currency: 'JPY', donors: [ALAND], rates: [rate('eur-gbp')] },
  { slug: 'r-gbp', sourceId: RATES, value: 0.125, currency: 'GBP', donors: [ALAND] },
  { slug: 'r-noamount', sourceId: RATES, donors: [ALAND] },
  { slug: 'r-nocurrency', sourceId: RATES, value: 5, donors: [ALAND] },
  { slug: 'r-parent', sourceId: RATES, value: 100, currency: 'GBP', donors: [BLAND] },
  { slug: 'r-part', sourceId: RATES, value: 40, currency: 'GBP', donors: [BLAND], more: { isPart: true } },
  { slug: 'r-grandpart', sourceId: RATES, value: 10, currency: 'GBP', donors: [BLAND], more: { isPart: true } },
  { slug: 'r-multi', sourceId: RATES, value: 7, currency: 'GBP', donors: [BLAND, ALAND] },
  { slug: 'r-nodonor', sourceId: RATES, value: 3, currency: 'GBP' },
  // Kinds, statuses, approximate amounts, a currency without minor unit (JPY).
  { slug: 'k-financial', sourceId: KINDS, kind: 'financial', value: 1234.5, currency: 'JPY', more: { amountQualifier: 'nearly' } },
  { slug: 'k-military', sourceId: KINDS, kind: 'military', status: 'signed', value: 100, currency: 'JPY', more: { amountLowerBound: 90 } },
  {
    slug: 'k-humanitarian',
    sourceId: KINDS,
    kind: 'humanitarian',
    status: 'signed',
    value: 50,
    currency: 'JPY',
    more: { amountExpected: true },
  },
  { slug: 'k-economic', sourceId: KINDS, kind: 'economic', value: 20, currency: 'JPY', more: { amountExpected: false } },
  { slug: 'k-policy', sourceId: KINDS, kind: 'policy', value: 20, currency: 'JPY', more: { amountUpperBound: 25 } },
  // Sources by title.
  { slug: 's-article', sourceId: ARTICLE, value: 5, currency: 'EUR', donors: [DLAND] },
  { slug: 's-twin', sourceId: TWIN, value: 5, currency: 'EUR', donors: [DLAND] },
  { slug: 's-nosource', value: 1, currency: 'EUR', donors: [DLAND] },
  { slug: 's-tracker', sourceId: TRACKER, status: 'allocated', value: 10, currency: 'EUR', donors: [DLAND] },
  // The calendar from a stated date.
  { slug: 'd-date', sourceId: DATES, value: 4, currency: 'EUR', more: { timeDate: '2021-07-15' } },
  { slug: 'd-month', sourceId: DATES, value: 6, currency: 'EUR', more: month('2021-07') },
];
const PARTS = [
  [id('r-parent'), id('r-part')],
  [id('r-part'), id('r-grandpart')],
];

async function makeNodes(): Promise<void> {
  const rt = await testRuntime();
  try {
    await rt.executor.writeTransaction('test.totalsRules.make', async (run) => {
      await run(cypher('test.totalsRules.sources', 'UNWIND $rows AS row CREATE (:Source {id: row[0], name: row[1]})'), { rows: SOURCES });
      await run(cypher('test.totalsRules.actors', 'UNWIND $rows AS row CREATE (:Nation {id: row[0], name: row[1]})'), { rows: ACTORS });
      await run(
        cypher(
          'test.totalsRules.rates',
          'UNWIND $rows AS row CREATE (:ExchangeRate {id: row[0], name: row[0], base: row[1], quote: row[2], rate: row[3]})',
        ),
        { rows: RATE_NODES },
      );
      const rows = COMMITMENTS.map((c) => ({
        props: {
          id: id(c.slug),
          name: c.slug,
          kind: c.kind ?? 'military',
          status: c.status ?? 'agreed',
          ...(c.sourceId === undefined ? {} : { sourceId: c.sourceId }),
          ...(c.value === undefined ? {} : { amountValue: c.value }),
          ...(c.currency === undefined ? {} : { amountCurrency: c.currency }),
          ...c.more,
        },
        donors: c.donors ?? [],
        recipients: c.recipients ?? [],
        rates: c.rates ?? [],
      }));
      await run(
        cypher(
          'test.totalsRules.commitments',
          `UNWIND $rows AS row
           CREATE (c:Commitment) SET c = row.props
           WITH c, row
           CALL (c, row) { UNWIND row.donors AS d MATCH (a:Nation {id: d}) CREATE (a)-[:COMMITTED]->(c) }
           CALL (c, row) { UNWIND row.recipients AS r MATCH (a:Nation {id: r}) CREATE (c)-[:TO]->(a) }
           CALL (c, row) { UNWIND row.rates AS x MATCH (e:ExchangeRate {id: x}) CREATE (e)-[:CONVERTS]->(c) }`,
        ),
        { rows },
      );
      await run(
        cypher(
          'test.totalsRules.parts',
          'UNWIND $rows AS row MATCH (p:Commitment {id: row[0]}), (c:Commitment {id: row[1]}) CREATE (p)-[:HAS_PART]->(c)',
        ),
        { rows: PARTS },
      );
    });
  } finally {
    await rt.close();
  }
}

async function removeNodes(): Promise<void> {
  const rt = await testRuntime();
  try {
    await rt.executor.write(
      cypher(
        'test.totalsRules.remove',
        `MATCH (n) WHERE (n:Commitment OR n:Source OR n:Nation OR n:ExchangeRate) AND n.id CONTAINS ':${P}' DETACH DELETE n`,
      ),
    );
  } finally {
    await rt.close();
  }
}

interface Group {
  actor: { id: string } | null;
  kind: string | null;
  status: string | null;
  year: number | null;
  month: string | null;
  label: string;
  total: number;
  count: number;
  approximate: boolean;
  source: { id: string } | null;
  sources: { id: string }[];
  sourceCount: number;
  commitments: { id: string }[];
}
interface Totals {
  currency: string;
  groups: Group[];
  groupCount: number;
  conversions: { from: string; to: string; rate: number; method: string; exchangeRate: { id: string } }[];
  conversionCount: number;
  unconverted: { id: string }[];
  unconvertedCount: number;
  partsSkipped: number;
  withoutAmount: number;
  combineSources: boolean;
  sources: { id: string }[];
  sourceCount: number;
}

const ALL_FIELDS = `currency
  groups(first: 100) {
    actor { ... on Node { id } } kind status year month label total count approximate
    source { id } sources { id } sourceCount commitments(first: 100) { id }
  }
  groupCount
  conversions(first: 100) { from to rate method exchangeRate { id } } conversionCount
  unconverted(first: 100) { id } unconvertedCount
  partsSkipped withoutAmount combineSources
  sources(first: 100) { id } sourceCount`;

describe('the rules of commitmentTotals', () => {
  const api = useApiHarness();
  beforeAll(makeNodes);
  afterAll(removeNodes);

  async function totals(
    args: { groupBy: string; currency: string; filter: Record<string, unknown>; combineSources?: boolean },
    fields = ALL_FIELDS,
  ): Promise<Totals> {
    const result = await api.execute<{ commitmentTotals: Totals }>(
      `query ($groupBy: TotalsGroupBy!, $currency: String!, $filter: CommitmentFilter, $combine: Boolean) {
        commitmentTotals(groupBy: $groupBy, currency: $currency, filter: $filter, combineSources: $combine) { ${fields} }
      }`,
      { groupBy: args.groupBy, currency: args.currency, filter: args.filter, combine: args.combineSources ?? false },
    );
    expect(result.errors).toBeUndefined();
    expect(result.queries.map((q) => q.name)).toEqual(['totals.commitments']);
    return result.data!.commitmentTotals;
  }
  const ids = (list: { id: string }[]) => list.map((x) => x.id);

  describe('sources and stages', () => {
    const filter = { sourceIds: [ARTICLE, TRACKER], donorId: ALAND };

    it('gives each source its own group for the same donor, and each tracker stage its own', async () => {
      const result = await totals({ groupBy: 'DONOR', currency: 'EUR', filter });
      expect(result.groups.map((g) => [g.label, g.source?.id, g.status, g.total, ids(g.sources), g.sourceCount])).toEqual([
        ['Aland', ARTICLE, null, 100, [ARTICLE], 1],
        ['Aland', TRACKER, 'COMMITTED', 50, [TRACKER], 1],
        ['Aland', TRACKER, 'ALLOCATED', 42, [TRACKER], 1],
      ]);
      expect(ids(result.sources)).toEqual([ARTICLE, TRACKER]);
      expect(result.combineSources).toBe(false);
    });

    it('adds sources together only when asked, listing them; stages still apart', async () => {
      const result = await totals({ groupBy: 'DONOR', currency: 'EUR', filter, combineSources: true });
      expect(result.combineSources).toBe(true);
      expect(result.groups.map((g) => [g.source, g.status, g.total, ids(g.sources)])).toEqual([
        [null, null, 100, [ARTICLE]],
        [null, 'COMMITTED', 50, [TRACKER]],
        [null, 'ALLOCATED', 42, [TRACKER]],
      ]);
      const plain = await totals({
        groupBy: 'DONOR',
        currency: 'EUR',
        filter: { sourceIds: [COMBINE_A, COMBINE_B] },
        combineSources: true,
      });
      expect(plain.groups.map((g) => [g.label, g.total, g.count, ids(g.sources), g.sourceCount])).toEqual([
        ['Bland', 3, 2, [COMBINE_A, COMBINE_B], 2],
      ]);
    });

    it('groups by month and year in calendar order, with undated commitments last', async () => {
      const months = await totals({ groupBy: 'MONTH', currency: 'EUR', filter });
      expect(months.groups.map((g) => [g.label, g.month, g.year, g.status, g.total])).toEqual([
        ['2022-03', '2022-03', 2022, 'ALLOCATED', 40],
        ['2022-03', '2022-03', 2022, 'COMMITTED', 50],
        ['2022-04', '2022-04', 2022, 'ALLOCATED', 2],
        ['(no month)', null, null, null, 100],
      ]);
      const years = await totals({ groupBy: 'YEAR', currency: 'EUR', filter });
      expect(years.groups.map((g) => [g.label, g.year, g.month, g.status, g.total])).toEqual([
        ['2022', 2022, null, 'ALLOCATED', 42],
        ['2022', 2022, null, 'COMMITTED', 50],
        ['(no year)', null, null, null, 100],
      ]);
    });

    it('reads the calendar from a stated date when there is no month', async () => {
      const filter = { sourceIds: [DATES] };
      expect((await totals({ groupBy: 'MONTH', currency: 'EUR', filter })).groups.map((g) => [g.label, g.year, g.total, g.count])).toEqual([
        ['2021-07', 2021, 10, 2],
      ]);
      expect((await totals({ groupBy: 'YEAR', currency: 'EUR', filter })).groups.map((g) => [g.label, g.year, g.total])).toEqual([
        ['2021', 2021, 10],
      ]);
    });
  });

  describe('conversion, parts and donors', () => {
    const filter = { sourceIds: [RATES] };

    it('converts only by stated rates, skips parts inside a selected parent, counts several donors fully and gathers "(no donor)"', async () => {
      const result = await totals({ groupBy: 'DONOR', currency: 'GBP', filter });
      expect(result.groups.map((g) => [g.actor?.id ?? null, g.label, g.total, g.count, ids(g.commitments)])).toEqual([
        // 100 € × 0.8384… = 83.85; 0.125 → 0.13; 1000 $ ÷ 1.3 = 769.23; 7; 10 € × 0.9 = 9.
        [ALAND, 'Aland', 869.21, 5, [id('r-direct'), id('r-gbp'), id('r-inverse'), id('r-multi'), id('r-prefer-direct')]],
        // The parent's 100; its part and the part's part are inside it.
        [BLAND, 'Bland', 107, 2, [id('r-multi'), id('r-parent')]],
        [null, '(no donor)', 3, 1, [id('r-nodonor')]],
      ]);
      expect(result.partsSkipped).toBe(2);
      expect(result.withoutAmount).toBe(2);
      expect(ids(result.unconverted)).toEqual([id('r-unrelated'), id('r-unusable')]);
      expect(result.unconvertedCount).toBe(2);
      expect(result.conversions).toEqual([
        { from: 'EUR', to: 'GBP', rate: 0.9, method: 'STATED_IN_SOURCE', exchangeRate: { id: rate('b-eur-gbp') } },
        { from: 'EUR', to: 'GBP', rate: 0.8384615384615385, method: 'STATED_IN_SOURCE', exchangeRate: { id: rate('eur-gbp') } },
        { from: 'USD', to: 'GBP', rate: 1 / 1.3, method: 'INVERSE_OF_STATED', exchangeRate: { id: rate('gbp-usd') } },
      ]);
      expect(result.conversionCount).toBe(3);
      expect(result.groupCount).toBe(3);
    });

    it('by recipient, with "(no recipient)"', async () => {
      const result = await totals({ groupBy: 'RECIPIENT', currency: 'GBP', filter });
      expect(result.groups.map((g) => [g.actor?.id ?? null, g.label, g.total, g.count])).toEqual([
        [null, '(no recipient)', 888.36, 6],
        [CLAND, 'Cland', 83.85, 1],
      ]);
    });

    it('counts a part whose parent the filter leaves out', async () => {
      const result = await totals({ groupBy: 'DONOR', currency: 'GBP', filter: { sourceIds: [RATES], text: 'part' } });
      // The part's parent is left out, so the part counts; the part's own part is inside it.
      expect(result.groups.map((g) => [g.label, g.total, ids(g.commitments)])).toEqual([['Bland', 40, [id('r-part')]]]);
      expect(result.partsSkipped).toBe(1);
    });

    it('returns at most `first` items of each list and counts them all', async () => {
      const result = await totals(
        { groupBy: 'DONOR', currency: 'GBP', filter },
        `groups(first: 1) { label count commitments(first: 2) { id } sources(first: 0) { id } sourceCount }
         groupCount conversions(first: 1) { exchangeRate { id } } conversionCount
         unconverted(first: 1) { id } unconvertedCount sources(first: 0) { id } sourceCount`,
      );
      expect(result).toEqual({
        groups: [{ label: 'Aland', count: 5, commitments: [{ id: id('r-direct') }, { id: id('r-gbp') }], sources: [], sourceCount: 1 }],
        groupCount: 3,
        conversions: [{ exchangeRate: { id: rate('b-eur-gbp') } }],
        conversionCount: 3,
        unconverted: [{ id: id('r-unrelated') }],
        unconvertedCount: 2,
        sources: [],
        sourceCount: 1,
      });
    });

    it('answers each alias and fragment with its own page size', async () => {
      const result = await api.execute<{ commitmentTotals: Record<string, { label: string; few?: unknown[]; many?: unknown[] }[]> }>(
        `query ($filter: CommitmentFilter) {
          commitmentTotals(groupBy: DONOR, currency: "GBP", filter: $filter) {
            top: groups(first: 1) { label }
            all: groups(first: 3) { label few: commitments(first: 1) { id } many: commitments(first: 4) { id } }
            ...More
          }
        }
        fragment More on CommitmentTotals { more: groups(first: 2) { label ... on TotalsGroup { commitments(first: 5) { id } } } }`,
        { filter },
      );
      expect(result.errors).toBeUndefined();
      const out = result.data!.commitmentTotals;
      expect(out.top?.map((g) => g.label)).toEqual(['Aland']);
      expect(out.all?.map((g) => [g.label, g.few?.length, g.many?.length])).toEqual([
        ['Aland', 1, 4],
        ['Bland', 1, 2],
        ['(no donor)', 1, 1],
      ]);
      expect(out.more?.map((g) => [g.label, (g as { commitments?: unknown[] }).commitments?.length])).toEqual([
        ['Aland', 5],
        ['Bland', 2],
      ]);
    });

    it('answers an empty selection with empty groups and zero counts', async () => {
      const result = await totals({ groupBy: 'DONOR', currency: 'GBP', filter: { sourceIds: [`source:${P}nothing`] } });
      expect(result).toMatchObject({
        groups: [],
        groupCount: 0,
        conversions: [],
        conversionCount: 0,
        unconverted: [],
        unconvertedCount: 0,
        partsSkipped: 0,
        withoutAmount: 0,
        sources: [],
        sourceCount: 0,
      });
    });
  });

  describe('kinds, statuses, sources and approximate totals', () => {
    it('by kind in a currency without minor unit: largest first, ties by label, approximate for a qualifier, a bound or a forecast', async () => {
      const result = await totals({ groupBy: 'KIND', currency: 'JPY', filter: { sourceIds: [KINDS] } });
      expect(result.groups.map((g) => [g.kind, g.label, g.total, g.approximate, g.actor, g.status])).toEqual([
        ['FINANCIAL', 'financial', 1235, true, null, null],
        ['MILITARY', 'military', 100, true, null, null],
        ['HUMANITARIAN', 'humanitarian', 50, true, null, null],
        ['ECONOMIC', 'economic', 20, false, null, null],
        ['POLICY', 'policy', 20, true, null, null],
      ]);
    });

    it('by status', async () => {
      const result = await totals({ groupBy: 'STATUS', currency: 'JPY', filter: { sourceIds: [KINDS] } });
      expect(result.groups.map((g) => [g.status, g.label, g.total, g.count, g.approximate, g.kind])).toEqual([
        ['AGREED', 'agreed', 1275, 3, true, null],
        ['SIGNED', 'signed', 150, 2, true, null],
      ]);
    });

    it('by source, labelled with its title; equal totals and titles by source id, "(no source)" for none', async () => {
      const filter = { donorId: DLAND };
      const split = await totals({ groupBy: 'SOURCE', currency: 'EUR', filter });
      expect(split.groups.map((g) => [g.label, g.source?.id ?? null, g.status, g.total, ids(g.sources)])).toEqual([
        ['Test tracker', TRACKER, 'ALLOCATED', 10, [TRACKER]],
        ['Test article', ARTICLE, null, 5, [ARTICLE]],
        ['Test article', TWIN, null, 5, [TWIN]],
        ['(no source)', null, null, 1, []],
      ]);
      expect(ids(split.sources)).toEqual([ARTICLE, TRACKER, TWIN]);
      // Combined, the two equal groups keep the order of their first commitments.
      const combined = await totals({ groupBy: 'SOURCE', currency: 'EUR', filter, combineSources: true });
      expect(combined.groups.map((g) => [g.label, g.source, g.total, ids(g.sources)])).toEqual([
        ['Test tracker', null, 10, [TRACKER]],
        ['Test article', null, 5, [ARTICLE]],
        ['Test article', null, 5, [TWIN]],
        ['(no source)', null, 1, []],
      ]);
    });
  });
});
