/**
 * The Kiel tracker through the API: sums over the API equal the same sums computed here from the
 * CSV files (exact decimal arithmetic, in euros), sources are never added together, stages never
 * mixed, and the article's nations are the tracker's donors, one node each.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../../support/apiHarness.js';

const DIR = new URL('../../../seed/sources/kiel-ust-r29/', import.meta.url);
const ARTICLE = 'source:uk-france-coalition-ukraine-support';
const DATA_EXPLORER = 'source:kiel-ust-r29-data-explorer';
const DATASET = 'dataset:kiel-ust-r29';

/** The rows of a tracker CSV (text cells are quoted and hold no comma in these files). */
function csv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(new URL(name, DIR), 'utf8').trimEnd().split('\n');
  const names = header!.split(',').map((h) => h.replace(/"/g, ''));
  return lines.map((line) => Object.fromEntries(line.split(',').map((c, i) => [names[i]!, c.replace(/"/g, '')])));
}

/** € billion as printed ("0.622992") → whole euros, exactly. */
function euros(billions: string): bigint {
  const negative = billions.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? billions.slice(1) : billions).split('.');
  const value = BigInt(whole) * 1_000_000_000n + BigInt(fraction.padEnd(9, '0').slice(0, 9));
  return negative ? -value : value;
}

const rows = csv('data_explorer.csv');
const sum = (selected: Record<string, string>[], column: string): number =>
  Number(selected.reduce((acc, r) => acc + euros(r[column]!), 0n));

interface Group {
  label: string;
  total: number;
  count: number;
  status: string | null;
  year: number | null;
  month: string | null;
  source: { id: string } | null;
  sources: { id: string }[];
}

describe('the Kiel tracker through the API', () => {
  const api = useApiHarness();

  async function totals(
    groupBy: string,
    filter: Record<string, unknown>,
    combineSources = false,
  ): Promise<{ groups: Group[]; sources: { id: string }[] }> {
    const result = await api.execute<{ commitmentTotals: { groups: Group[]; sources: { id: string }[] } }>(
      `query ($groupBy: TotalsGroupBy!, $filter: CommitmentFilter, $combine: Boolean) {
        commitmentTotals(groupBy: $groupBy, currency: "EUR", filter: $filter, combineSources: $combine) {
          groups(first: 100) { label total count status year month source { id } sources { id } }
          sources { id }
        }
      }`,
      { groupBy, filter, combine: combineSources },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.commitmentTotals;
  }

  it("sums a donor's military allocations in a calendar year as the CSV does", async () => {
    for (const [donor, iso, year, kind] of [
      ['nation:gb', 'GBR', 2022, 'military'],
      ['nation:de', 'DEU', 2023, 'military'],
      ['organization:eu', 'EU', 2024, 'financial'],
    ] as const) {
      const { groups } = await totals('DONOR', {
        donorId: donor,
        kind: [kind.toUpperCase()],
        status: ['ALLOCATED'],
        time: { years: [year] },
      });
      const expected = sum(
        rows.filter((r) => r.iso === iso && r.year === String(year)),
        kind,
      );
      expect(expected).toBeGreaterThan(0);
      expect(groups.map((g) => [g.total, g.status, g.source?.id])).toEqual([[expected, 'ALLOCATED', DATA_EXPLORER]]);
    }
  });

  it("sums a donor's allocations over all months, and its commitments apart from them (the stages never mix)", async () => {
    const { groups } = await totals('DONOR', { donorId: 'nation:us', datasetIds: [DATASET] });
    const us = rows.filter((r) => r.iso === 'USA');
    expect(groups.map((g) => [g.status, g.total])).toEqual(
      [
        ['ALLOCATED', sum(us, 'total')],
        ['COMMITTED', sum(us, 'commitments')],
      ].sort((a, b) => Number(b[1]) - Number(a[1])),
    );
  });

  it("sums a month over all donors as the CSV's rows do, and as the published total says", async () => {
    const published = csv('total_allocations.csv');
    const { groups } = await totals('MONTH', {
      status: ['ALLOCATED'],
      datasetIds: [DATASET],
      time: { fromMonth: '2024-01', toMonth: '2024-12' },
    });
    expect(groups.map((g) => g.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    for (const group of groups) {
      const [year, month] = group.month!.split('-').map(Number);
      const inMonth = rows.filter((r) => r.year === String(year) && r.month === String(month));
      expect(group.total).toBe(sum(inMonth, 'total'));
      const row = published.find((r) => r.year === String(year) && r.month === String(month))!;
      expect(group.total).toBe(Number(euros(row.total_allocations!)));
    }
  });

  it('sums every year as the CSV does', async () => {
    const { groups } = await totals('YEAR', { status: ['ALLOCATED'], datasetIds: [DATASET] });
    const years = [...new Set(rows.map((r) => r.year!))].sort();
    expect(groups.map((g) => [g.year, g.total])).toEqual(
      years.map((y) => [
        Number(y),
        sum(
          rows.filter((r) => r.year === y),
          'total',
        ),
      ]),
    );
  });

  it("never adds the article's claims to the tracker's figures unless asked, and says which sources a total summed", async () => {
    // In euros: the tracker's allocations and commitments, one source per group; the article's
    // pounds have no stated rate to euros, so they are listed as unconverted, never added.
    const split = await totals('DONOR', { donorId: 'nation:gb' });
    for (const g of split.groups) expect(g.sources).toEqual([g.source]);
    expect(split.sources.map((s) => s.id)).toEqual([DATA_EXPLORER]);
    const unconverted = await api.execute<{ commitmentTotals: { unconverted: { id: string }[] } }>(
      '{ commitmentTotals(groupBy: DONOR, currency: "EUR", filter: {donorId: "nation:gb"}) { unconverted { id } } }',
    );
    expect(unconverted.data?.commitmentTotals.unconverted.map((c) => c.id)).toContain('commitment:uk-ukraine-era-loan-2-26bn');
    // In pounds it is the other way round: the article's loan is summed, the tracker's euros are not.
    const pounds = await api.execute<{ commitmentTotals: { groups: { source: { id: string } }[]; unconvertedCount: number } }>(
      '{ commitmentTotals(groupBy: DONOR, currency: "GBP", filter: {donorId: "nation:gb"}) { groups { source { id } } unconvertedCount } }',
    );
    expect(pounds.data?.commitmentTotals.groups.map((g) => g.source.id)).toEqual([ARTICLE]);
    expect(pounds.data?.commitmentTotals.unconvertedCount).toBeGreaterThan(100);
    // Combined (asked for): no group names one source, each lists those it summed; the stages still stay apart.
    const combined = await totals('DONOR', { donorId: 'nation:gb' }, true);
    expect(combined.groups.every((g) => g.source === null && g.sources.length > 0)).toBe(true);
    expect(combined.groups.map((g) => g.status).sort()).toEqual(['ALLOCATED', 'COMMITTED']);
  });

  it('groups by source, with the source named', async () => {
    const { groups } = await totals('SOURCE', { donorId: 'nation:fr' });
    expect(groups.some((g) => g.source?.id === DATA_EXPLORER && g.label.includes('Kiel UST R29'))).toBe(true);
  });

  it('filters commitments by source, dataset, stage and month, each with its row as evidence', async () => {
    const result = await api.execute<{
      commitments: {
        totalCount: number;
        edges: {
          node: {
            id: string;
            status: string;
            amount: { stated: string; value: number; statedUnit: string };
            time: { period: string; precision: string };
            evidence: { selector: string; quote: string; source: { path: string; dataset: { attribution: string } } }[];
          };
        }[];
      };
    }>(`{
      commitments(filter: { sourceIds: ["${DATA_EXPLORER}"], status: [ALLOCATED], donorId: "nation:gb", kind: [MILITARY], time: { fromMonth: "2022-03", toMonth: "2022-03" } }) {
        totalCount
        edges { node { id status amount { stated value statedUnit } time { period precision } evidence { selector quote source { path dataset { attribution } } } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const [edge] = result.data!.commitments.edges;
    const lines = readFileSync(new URL('data_explorer.csv', DIR), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('"United Kingdom","GBR",2022,3,')) + 1;
    expect(result.data!.commitments.totalCount).toBe(1);
    expect(edge!.node).toMatchObject({
      status: 'ALLOCATED',
      amount: { stated: '0.622992', value: 622_992_000, statedUnit: 'EUR billion' },
      time: { period: '2022-03', precision: 'MONTH' },
    });
    expect(edge!.node.evidence).toEqual([
      {
        selector: `row=${line}`,
        quote: lines[line - 1],
        source: {
          path: 'sources/kiel-ust-r29/data_explorer.csv',
          dataset: { attribution: expect.stringContaining('Kiel Institute') as unknown },
        },
      },
    ]);
  });

  it('refuses a month that is not YYYY-MM and ids of the wrong kind, naming the argument', async () => {
    const bad = async (filter: string) => (await api.execute(`{ commitments(filter: ${filter}) { totalCount } }`)).errors?.[0]?.extensions;
    expect(await bad('{ time: { fromMonth: "2024-13" } }')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.time.fromMonth' });
    expect(await bad('{ sourceIds: ["dataset:kiel-ust-r29"] }')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.sourceIds[0]' });
  });

  it('holds one node each for the United Kingdom, France, the United States and the EU, with the article and the tracker behind it', async () => {
    const result = await api.execute<Record<string, { id: string; mentions: { evidence: { source: { id: string } } }[] } | null>>(`{
      gb: node(id: "nation:gb") { ...m } fr: node(id: "nation:fr") { ...m } us: node(id: "nation:us") { ...m } eu: node(id: "organization:eu") { ...m }
    }
    fragment m on Node { id ... on Nation { mentions(first: 100) { evidence { source { id } } } } ... on Organization { mentions(first: 100) { evidence { source { id } } } } }`);
    expect(result.errors).toBeUndefined();
    for (const key of ['gb', 'fr', 'us', 'eu']) {
      const sources = new Set(result.data![key]!.mentions.map((m) => m.evidence.source.id));
      expect(sources.has(ARTICLE), key).toBe(true);
      expect(
        [...sources].some((s) => s.startsWith('source:kiel-ust-r29-')),
        key,
      ).toBe(true);
    }
    const search = await api.execute<{ nations: { totalCount: number } }>('{ nations(filter: {text: "United Kingdom"}) { totalCount } }');
    expect(search.data?.nations.totalCount).toBe(1);
  });
});
