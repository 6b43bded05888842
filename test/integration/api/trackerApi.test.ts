/**
 * The tracker's API (figures, monthly series, shares of GDP, heavy weapons) on the seeded graph,
 * checked against numbers computed here from the CSV files of seed/sources/kiel-ust-r29/: no sum
 * is written down, every expected value is read from the files the graph was loaded from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../../support/apiHarness.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'seed', 'sources', 'kiel-ust-r29');
const DATASET = 'dataset:kiel-ust-r29';
const EXPLORER = 'source:kiel-ust-r29-data-explorer';
const WEAPONS = 'source:kiel-ust-r29-weapons';

/** One CSV row: its cells by column, and the line as the file writes it (1-based, the header is line 1). */
interface CsvRow {
  cells: Record<string, string>;
  line: string;
  lineNumber: number;
}

/** A small parser for the tracker's files: comma-separated, `"` quotes with `""` escapes, no line breaks in cells. */
function readCsv(file: string): CsvRow[] {
  const lines = readFileSync(join(DIR, file), 'utf8').split('\n');
  const split = (line: string): string[] => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cell);
        cell = '';
      } else cell += ch;
    }
    cells.push(cell);
    return cells;
  };
  const header = split(lines[0] ?? '');
  return lines.slice(1).flatMap((line, i) => {
    if (line === '') return [];
    const values = split(line);
    return [{ cells: Object.fromEntries(header.map((name, j) => [name, values[j] ?? ''])), line, lineNumber: i + 2 }];
  });
}

/** A decimal cell in € billion as whole euros, exactly (the cells have at most 9 decimals). */
function billions(cell: string): number {
  const negative = cell.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? cell.slice(1) : cell).split('.');
  const euros = Number(whole) * 1e9 + Number(fraction.padEnd(9, '0').slice(0, 9));
  return negative ? -euros : euros;
}

const explorer = readCsv('data_explorer.csv');
const weapons = readCsv('weapons.csv');
const euShares = readCsv('eu_aid_shares.csv');
const published = readCsv('total_allocations.csv');

const period = (row: CsvRow): string => `${row.cells.year}-${(row.cells.month ?? '').padStart(2, '0')}`;
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

interface ErrorShape {
  message: string;
  extensions?: { code?: string; argument?: string; arguments?: string[] };
}

describe('the tracker API', () => {
  const api = useApiHarness();
  const data = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const result = await api.execute<T>(query, variables);
    expect(result.errors).toBeUndefined();
    if (!result.data) throw new Error('no data');
    return result.data;
  };
  const errorOf = async (query: string, variables?: Record<string, unknown>): Promise<ErrorShape> => {
    const result = await api.execute(query, variables);
    const error = result.errors?.[0];
    if (!error) throw new Error(`expected an error from ${query}`);
    return error;
  };

  describe('heavyWeapons and heavyWeaponTotals', () => {
    const usTanks = weapons.find((r) => r.cells.donor === 'United States' && r.cells.category === 'Tanks');

    it('US tanks: count and value are the weapons.csv row, and the row is the evidence', async () => {
      if (!usTanks) throw new Error('no US tanks row in weapons.csv');
      const { heavyWeapons } = await data<{
        heavyWeapons: {
          totalCount: number;
          edges: {
            node: {
              count: number;
              category: string;
              amount: { value: number; currency: string; stated: string };
              listStated: string;
              donors: { id: string }[];
              recipients: { id: string }[];
              systemsCount: number;
              evidence: { selector: string; quote: string; row: number; source: { id: string; path: string } }[];
            };
          }[];
        };
      }>(`{ heavyWeapons(filter: {donorId: "nation:us", category: ["Tanks"]}) {
        totalCount
        edges { node { count category amount { value currency stated } listStated donors { ... on Node { id } } recipients { ... on Node { id } } systemsCount
          evidence { selector quote row source { id path } } } }
      } }`);
      expect(heavyWeapons.totalCount).toBe(1);
      const node = heavyWeapons.edges[0]?.node;
      expect(node).toMatchObject({
        count: Number(usTanks.cells.number_of_weapons),
        category: 'Tanks',
        amount: { value: Number(usTanks.cells.monetary_value_eur), currency: 'EUR', stated: usTanks.cells.monetary_value_eur },
        listStated: usTanks.cells.weapons_list,
        donors: [{ id: 'nation:us' }],
        recipients: [{ id: 'nation:ua' }],
        systemsCount: (usTanks.cells.weapons_list ?? '').split('; ').length,
      });
      expect(node?.evidence).toEqual([
        {
          selector: `row=${usTanks.lineNumber}`,
          quote: usTanks.line,
          row: usTanks.lineNumber,
          source: { id: WEAPONS, path: 'sources/kiel-ust-r29/weapons.csv' },
        },
      ]);

      const { heavyWeaponTotals } = await data<{
        heavyWeaponTotals: {
          groupCount: number;
          groups: { label: string; actor: { id: string }; count: number; value: number; currency: string }[];
        };
      }>(`{ heavyWeaponTotals(groupBy: DONOR, filter: {donorId: "nation:us", category: ["Tanks"]}) {
        groupCount groups { label actor { ... on Node { id } } count value currency }
      } }`);
      expect(heavyWeaponTotals.groupCount).toBe(1);
      expect(heavyWeaponTotals.groups[0]).toMatchObject({
        actor: { id: 'nation:us' },
        count: Number(usTanks.cells.number_of_weapons),
        value: Number(usTanks.cells.monetary_value_eur),
        currency: 'EUR',
      });
    });

    it('per category over all donors equals the sums of weapons.csv, from one source', async () => {
      const expected = new Map<string, { count: number; value: number; items: number }>();
      for (const row of weapons) {
        const category = row.cells.category ?? '';
        const group = expected.get(category) ?? { count: 0, value: 0, items: 0 };
        group.count += Number(row.cells.number_of_weapons);
        group.value += Number(row.cells.monetary_value_eur);
        group.items += 1;
        expected.set(category, group);
      }
      const { heavyWeaponTotals } = await data<{
        heavyWeaponTotals: {
          groupBy: string;
          groupCount: number;
          groups: { label: string; category: string; count: number; value: number; itemsCount: number; source: { id: string } }[];
          sources: { id: string }[];
          sourceCount: number;
        };
      }>(`{ heavyWeaponTotals(groupBy: CATEGORY, filter: {datasetIds: ["${DATASET}"]}) {
        groupBy groupCount groups { label category count value itemsCount source { id } } sources { id } sourceCount
      } }`);
      expect(heavyWeaponTotals.groupBy).toBe('CATEGORY');
      expect(heavyWeaponTotals.groupCount).toBe(expected.size);
      expect(heavyWeaponTotals.sources).toEqual([{ id: WEAPONS }]);
      expect(heavyWeaponTotals.sourceCount).toBe(1);
      const got = new Map(heavyWeaponTotals.groups.map((g) => [g.label, g]));
      for (const [category, group] of expected) {
        expect(got.get(category), category).toEqual({
          label: category,
          category,
          count: group.count,
          value: group.value,
          itemsCount: group.items,
          source: { id: WEAPONS },
        });
      }
      const counts = heavyWeaponTotals.groups.map((g) => g.count);
      expect(counts).toEqual(counts.toSorted((a, b) => b - a));
    });

    it('per donor: every donor of weapons.csv, with its counts and values', async () => {
      const expected = new Map<string, { count: number; value: number }>();
      for (const row of weapons) {
        const donor = row.cells.donor ?? '';
        const group = expected.get(donor) ?? { count: 0, value: 0 };
        group.count += Number(row.cells.number_of_weapons);
        group.value += Number(row.cells.monetary_value_eur);
        expected.set(donor, group);
      }
      const { heavyWeaponTotals } = await data<{
        heavyWeaponTotals: { groupCount: number; groups: { count: number; value: number; items: { evidence: { quote: string }[] }[] }[] };
      }>(`{ heavyWeaponTotals(groupBy: DONOR, filter: {sourceIds: ["${WEAPONS}"]}) {
        groupCount groups(first: 100) { count value items(first: 1) { evidence { quote } } }
      } }`);
      expect(heavyWeaponTotals.groupCount).toBe(expected.size);
      for (const group of heavyWeaponTotals.groups) {
        // The donor as the file names it: the first cell of the row an item rests on.
        const quote = group.items[0]?.evidence[0]?.quote ?? '';
        const donor = weapons.find((r) => r.line === quote)?.cells.donor ?? '';
        expect({ count: group.count, value: group.value }, donor).toEqual(expected.get(donor));
      }
    });

    it('per system: counts from the lists, no value (the file values donor × category rows)', async () => {
      const { heavyWeaponTotals } = await data<{
        heavyWeaponTotals: {
          groupCount: number;
          groups: {
            label: string;
            count: number;
            value: number | null;
            currency: string | null;
            system: { id: string; aliases: string[] };
          }[];
        };
      }>(`{ heavyWeaponTotals(groupBy: SYSTEM, filter: {datasetIds: ["${DATASET}"]}) {
        groupCount groups(first: 100) { label count value currency system { id aliases } }
      } }`);
      expect(heavyWeaponTotals.groupCount).toBeLessThanOrEqual(100);
      expect(sum(heavyWeaponTotals.groups.map((g) => g.count))).toBe(sum(weapons.map((r) => Number(r.cells.number_of_weapons))));
      for (const group of heavyWeaponTotals.groups) {
        expect(group.value).toBeNull();
        expect(group.currency).toBeNull();
      }
      const items = weapons.flatMap((r) =>
        (r.cells.weapons_list ?? '').split('; ').map((item) => {
          const match = /^(?<name>.+) \((?<count>[1-9][0-9]*)\)$/.exec(item);
          return { name: match?.groups?.name ?? '', count: Number(match?.groups?.count) };
        }),
      );
      const m777 = heavyWeaponTotals.groups.find((g) => g.system.aliases.includes('M777 howitzer'));
      if (!m777) throw new Error('no M777 group');
      expect(m777.count).toBe(sum(items.filter((i) => m777.system.aliases.includes(i.name)).map((i) => i.count)));

      const { weaponSystem } = await data<{ weaponSystem: { id: string; suppliedInCount: number } }>(
        `{ weaponSystem(id: "${m777.system.id}") { id suppliedInCount } }`,
      );
      expect(weaponSystem.id).toBe(m777.system.id);
      const { heavyWeapons } = await data<{ heavyWeapons: { totalCount: number } }>(
        `{ heavyWeapons(filter: {systemId: "${m777.system.id}"}) { totalCount } }`,
      );
      expect(heavyWeapons.totalCount).toBe(weaponSystem.suppliedInCount);
      expect(heavyWeapons.totalCount).toBe(
        weapons.filter((r) =>
          items.some((i) => r.cells.weapons_list?.split('; ').includes(`${i.name} (${i.count})`) && m777.system.aliases.includes(i.name)),
        ).length,
      );
    });

    it('pages through every item by value, largest first, each once', async () => {
      const seen: number[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page += 1) {
        interface Page {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { node: { id: string; amount: { value: number } } }[];
        }
        const { heavyWeapons }: { heavyWeapons: Page } = await data<{ heavyWeapons: Page }>(
          `query P($after: String) { heavyWeapons(filter: {sourceIds: ["${WEAPONS}"]}, orderBy: {field: VALUE, direction: DESC}, first: 25, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { id amount { value } } } } }`,
          { after },
        );
        expect(heavyWeapons.totalCount).toBe(weapons.length);
        seen.push(...heavyWeapons.edges.map((e) => e.node.amount.value));
        if (!heavyWeapons.pageInfo.hasNextPage) break;
        after = heavyWeapons.pageInfo.endCursor;
      }
      expect(seen).toEqual(weapons.map((r) => Number(r.cells.monetary_value_eur)).sort((a, b) => b - a));
    });

    it('an actor lists the heavy weapons it supplied', async () => {
      const { nation } = await data<{
        nation: { heavyWeaponsCount: number; heavyWeapons: { category: string; donors: { id: string }[] }[] };
      }>(`{ nation(id: "nation:us") { heavyWeaponsCount heavyWeapons(first: 10) { category donors { ... on Node { id } } } } }`);
      const rows = weapons.filter((r) => r.cells.donor === 'United States');
      expect(nation.heavyWeaponsCount).toBe(rows.length);
      expect(nation.heavyWeapons.map((h) => h.category).sort()).toEqual(rows.map((r) => r.cells.category).sort());
      for (const item of nation.heavyWeapons) expect(item.donors).toEqual([{ id: 'nation:us' }]);
    });

    it('looks up a weapon system by id: null for another type, BAD_USER_INPUT for a malformed id', async () => {
      expect((await data<{ weaponSystem: null }>('{ weaponSystem(id: "nation:us") { id } }')).weaponSystem).toBeNull();
      expect((await data<{ weaponSystem: null }>('{ weaponSystem(id: "weapon-system:no-such-thing") { id } }')).weaponSystem).toBeNull();
      expect((await errorOf('{ weaponSystem(id: "not an id") { id } }')).extensions?.code).toBe('BAD_USER_INPUT');
      const error = await errorOf('{ heavyWeapons(filter: {donorId: "no id"}) { totalCount } }');
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.donorId' });
    });
  });

  describe('monthlySeries', () => {
    const SERIES = `query S($actorId: ID!, $sourceId: ID!, $status: CommitmentStatus! = ALLOCATED, $kind: [CommitmentKind!], $from: String!, $to: String!, $first: Int = 60, $offset: Int = 0) {
      monthlySeries(actorId: $actorId, sourceId: $sourceId, status: $status, kind: $kind, fromMonth: $from, toMonth: $to) {
        actor { ... on Node { id } } source { id } status currency total pointCount
        points(first: $first, offset: $offset) { period year month value commitmentsCount commitments(first: 5) { id evidence { quote } } }
      }
    }`;
    interface Series {
      actor: { id: string };
      source: { id: string };
      status: string;
      currency: string | null;
      total: number;
      pointCount: number;
      points: {
        period: string;
        year: number;
        month: number;
        value: number;
        commitmentsCount: number;
        commitments: { id: string; evidence: { quote: string }[] }[];
      }[];
    }
    const series = async (variables: Record<string, unknown>): Promise<Series> =>
      (await data<{ monthlySeries: Series }>(SERIES, { actorId: 'nation:gb', sourceId: EXPLORER, ...variables })).monthlySeries;

    const uk = explorer.filter((r) => r.cells.iso === 'GBR');
    const months = [...new Set(explorer.map(period))].sort();
    const first = months[0] ?? '';
    const last = months.at(-1) ?? '';
    /** Every month from..to, YYYY-MM. */
    const range = (from: string, to: string): string[] => {
      const out: string[] = [];
      let [y, m] = from.split('-').map(Number) as [number, number];
      for (;;) {
        const p = `${y}-${String(m).padStart(2, '0')}`;
        out.push(p);
        if (p === to) return out;
        m += 1;
        if (m === 13) [y, m] = [y + 1, 1];
      }
    };
    const column = (name: string) => new Map(uk.map((r) => [period(r), billions(r.cells[name] ?? '0')]));

    it('one point per month, 0 where the file has no row; each point is the row’s total and the sum is the column’s', async () => {
      const result = await series({ from: first, to: last });
      const all = range(first, last);
      const totals = column('total');
      expect(result).toMatchObject({ actor: { id: 'nation:gb' }, source: { id: EXPLORER }, status: 'ALLOCATED', currency: 'EUR' });
      expect(result.pointCount).toBe(all.length);
      expect(result.points.map((p) => p.period)).toEqual(all.slice(0, 60));
      expect(result.points.map((p) => p.value)).toEqual(all.slice(0, 60).map((p) => totals.get(p) ?? 0));
      expect(result.total).toBe(sum([...totals.values()]));
      // The CSV is sparse: at least one month in range has no UK row.
      expect(all.some((p) => !totals.has(p))).toBe(true);
      for (const point of result.points) {
        const row = uk.find((r) => period(r) === point.period);
        const kinds = row ? ['financial', 'humanitarian', 'military'].filter((k) => billions(row.cells[k] ?? '0') !== 0).length : 0;
        expect(point.commitmentsCount, point.period).toBe(kinds);
        expect([point.year, point.month]).toEqual(point.period.split('-').map(Number));
        for (const commitment of point.commitments) expect(commitment.evidence.map((e) => e.quote)).toContain(row?.line);
      }
    });

    it('pages its points with first and offset', async () => {
      const all = range(first, last);
      const totals = column('total');
      const result = await series({ from: first, to: last, first: 10, offset: 50 });
      expect(result.points.map((p) => p.period)).toEqual(all.slice(50, 60));
      expect(result.points.map((p) => p.value)).toEqual(all.slice(50, 60).map((p) => totals.get(p) ?? 0));
    });

    it('military only equals the military column; COMMITTED equals the commitments column', async () => {
      const military = column('military');
      const result = await series({ from: first, to: last, kind: ['MILITARY'] });
      expect(result.points.map((p) => p.value)).toEqual(
        range(first, last)
          .slice(0, 60)
          .map((p) => military.get(p) ?? 0),
      );
      expect(result.total).toBe(sum([...military.values()]));

      const committed = column('commitments');
      const stage = await series({ from: first, to: last, status: 'COMMITTED' });
      expect(stage.status).toBe('COMMITTED');
      expect(stage.total).toBe(sum([...committed.values()]));
      expect(stage.points.map((p) => p.value)).toEqual(
        range(first, last)
          .slice(0, 60)
          .map((p) => committed.get(p) ?? 0),
      );
    });

    it('a range of one year sums that year only', async () => {
      const totals = column('total');
      const result = await series({ from: '2023-01', to: '2023-12' });
      expect(result.pointCount).toBe(12);
      expect(result.total).toBe(sum([...totals].filter(([p]) => p.startsWith('2023-')).map(([, v]) => v)));
    });

    it('accepts 120 months (MAX_SERIES_MONTHS) and refuses 121, naming toMonth and the limit', async () => {
      const ok = await series({ from: '2020-01', to: '2029-12' });
      expect(ok.pointCount).toBe(120);
      expect(ok.total).toBe(sum([...column('total').values()]));
      const error = await errorOf(SERIES, { actorId: 'nation:gb', sourceId: EXPLORER, from: '2020-01', to: '2030-01' });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'toMonth' });
      expect(error.message).toMatch(/121 months.*120 \(MAX_SERIES_MONTHS\)/);
    });

    it.each([
      [{ from: '2024-13', to: '2025-01' }, 'fromMonth'],
      [{ from: '2024-01', to: '2024-1' }, 'toMonth'],
      [{ from: '2024-05', to: '2024-04' }, 'toMonth'],
      [{ from: '2024-01', to: '2024-02', sourceId: 'nation:gb' }, 'sourceId'],
      [{ from: '2024-01', to: '2024-02', actorId: EXPLORER }, 'actorId'],
      [{ from: '2024-01', to: '2024-02', actorId: 'not an id' }, 'actorId'],
    ])('refuses %o with BAD_USER_INPUT naming %s', async (variables, argument) => {
      const error = await errorOf(SERIES, { actorId: 'nation:gb', sourceId: EXPLORER, ...variables });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    });

    it('answers NOT_FOUND for an actor or source that does not exist', async () => {
      const error = await errorOf(SERIES, { actorId: 'nation:atlantis', sourceId: 'source:nothing', from: '2024-01', to: '2024-02' });
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', arguments: ['actorId', 'sourceId'] });
    });

    it('a series with no commitment is all zeros, in the source’s currency', async () => {
      const result = await series({ actorId: 'nation:ua', from: '2024-01', to: '2024-03' });
      expect(result.points.map((p) => p.value)).toEqual([0, 0, 0]);
      expect(result.total).toBe(0);
      expect(result.currency).toBe('EUR');
    });
  });

  describe('gdpShares', () => {
    const SHARES = `query G($kind: [CommitmentKind!], $time: TimeRangeInput, $status: CommitmentStatus! = ALLOCATED) {
      gdpShares(datasetId: "${DATASET}", kind: $kind, time: $time, status: $status) {
        currency groupCount withoutGdpCount withoutGdp { ... on Node { id } }
        groups(first: 100) { actor { ... on Node { id } } allocated count percent
          gdp { id measure amount { value currency } evidenceCount evidence(first: 1) { quote selector source { path } } }
          statedCount stated { measure value unit shareOf { id } } }
      }
    }`;
    interface Shares {
      currency: string;
      groupCount: number;
      withoutGdpCount: number;
      withoutGdp: { id: string }[];
      groups: {
        actor: { id: string };
        allocated: number;
        count: number;
        percent: number;
        gdp: {
          id: string;
          measure: string;
          amount: { value: number; currency: string };
          evidenceCount: number;
          evidence: { quote: string; selector: string; source: { path: string } }[];
        };
        statedCount: number;
        stated: { measure: string; value: number; unit: string; shareOf: { id: string } | null }[];
      }[];
    }
    const shares = async (variables: Record<string, unknown> = {}): Promise<Shares> =>
      (await data<{ gdpShares: Shares }>(SHARES, variables)).gdpShares;

    /** Σ column / GDP × 100 per ISO code, from data_explorer.csv, over the rows `keep` keeps. */
    const expected = (columnName: string, keep: (row: CsvRow) => boolean = () => true) => {
      const byIso = new Map<string, { sum: number; gdp: number; rows: number }>();
      for (const row of explorer) {
        const iso = row.cells.iso ?? '';
        const entry = byIso.get(iso) ?? { sum: 0, gdp: Number(row.cells.gdp) * 1e9, rows: 0 };
        entry.rows += 1;
        if (keep(row)) entry.sum += billions(row.cells[columnName] ?? '0');
        byIso.set(iso, entry);
      }
      return byIso;
    };
    const isoOf = (quote: string): string => explorer.find((r) => r.line === quote)?.cells.iso ?? '';

    it('allocations as % of GDP equal Σ total ÷ gdp × 100 from the CSV for every donor; the EU has no GDP', async () => {
      const result = await shares();
      const byIso = expected('total');
      const withGdp = [...byIso].filter(([, e]) => e.gdp !== 0 && e.sum !== 0);
      expect(result.currency).toBe('EUR');
      expect(result.groupCount).toBe(withGdp.length);
      expect(result.groups).toHaveLength(withGdp.length);
      for (const group of result.groups) {
        const iso = isoOf(group.gdp.evidence[0]?.quote ?? '');
        const entry = byIso.get(iso);
        if (!entry) throw new Error(`no CSV rows for ${group.actor.id}`);
        expect(group.allocated, iso).toBe(entry.sum);
        expect(relative(group.gdp.amount.value, entry.gdp), iso).toBeLessThan(1e-9);
        expect(relative(group.percent, (entry.sum / entry.gdp) * 100), iso).toBeLessThan(1e-9);
        // The GDP rests on every row of the donor.
        expect(group.gdp.evidenceCount, iso).toBe(entry.rows);
        expect(group.gdp).toMatchObject({
          measure: 'gdp',
          amount: { currency: 'EUR' },
          evidence: [{ source: { path: 'sources/kiel-ust-r29/data_explorer.csv' } }],
        });
      }
      const percents = result.groups.map((g) => g.percent);
      expect(percents).toEqual(percents.toSorted((a, b) => b - a));
      const without = [...byIso].filter(([, e]) => e.gdp === 0 && e.sum !== 0);
      expect(result.withoutGdpCount).toBe(without.length);
      expect(result.withoutGdp).toContainEqual({ id: 'organization:eu' });
    });

    it('military allocations of 2023 only', async () => {
      const result = await shares({ kind: ['MILITARY'], time: { years: [2023] } });
      const byIso = expected('military', (r) => r.cells.year === '2023');
      expect(result.groupCount).toBe([...byIso.values()].filter((e) => e.gdp !== 0 && e.sum !== 0).length);
      for (const group of result.groups) {
        const entry = byIso.get(isoOf(group.gdp.evidence[0]?.quote ?? ''));
        if (!entry) throw new Error(`no CSV rows for ${group.actor.id}`);
        expect(group.allocated).toBe(entry.sum);
        expect(relative(group.percent, (entry.sum / entry.gdp) * 100)).toBeLessThan(1e-9);
      }
    });

    it('lists the percentages the release states for an EU member beside its own', async () => {
      const result = await shares();
      const denmark = euShares.find((r) => r.cells.iso === 'DNK');
      const group = result.groups.find((g) => isoOf(g.gdp.evidence[0]?.quote ?? '') === 'DNK');
      if (!denmark || !group) throw new Error('no Denmark');
      expect(group.statedCount).toBe(3);
      expect(group.stated).toEqual(
        ['bilateral_pct_gdp', 'eu_share_pct_gdp', 'total_pct_gdp'].map((column) => ({
          measure: column.replace(/_/g, '-'),
          value: Number(denmark.cells[column]),
          unit: 'percent-of-gdp',
          shareOf: { id: 'organization:eu' },
        })),
      );
    });

    it('answers NOT_FOUND for a dataset that does not exist and BAD_USER_INPUT for another kind of id', async () => {
      const missing = await errorOf('{ gdpShares(datasetId: "dataset:nothing") { groupCount } }');
      expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'datasetId' });
      const wrong = await errorOf(`{ gdpShares(datasetId: "${EXPLORER}") { groupCount } }`);
      expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'datasetId' });
      const badMonth = await errorOf(`{ gdpShares(datasetId: "${DATASET}", time: {fromMonth: "2024"}) { groupCount } }`);
      expect(badMonth.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'time.fromMonth' });
    });
  });

  describe('figures', () => {
    interface FigureNode {
      id: string;
      measure: string;
      amount: { value: number; currency: string } | null;
      value: number | null;
      subject: { id: string } | null;
      shareOf: { id: string } | null;
      evidence: { selector: string; quote: string; source: { path: string } }[];
    }
    interface FigurePage {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: FigureNode }[];
    }
    const FIGURES = `query F($filter: FigureFilter, $orderBy: FigureOrder, $first: Int = 100, $after: String) {
      figures(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { id measure amount { value currency } value subject { ... on Node { id } } shareOf { id }
          evidence { selector quote source { path } } } }
      }
    }`;
    const figures = async (variables: Record<string, unknown>): Promise<FigurePage> =>
      (await data<{ figures: FigurePage }>(FIGURES, variables)).figures;

    it('eu-share: one per member, Σ equal to Σ eu_share_bn × 1e9, each resting on its CSV line', async () => {
      const page = await figures({ filter: { measure: ['eu-share'] } });
      expect(page.totalCount).toBe(euShares.length);
      expect(page.edges).toHaveLength(euShares.length);
      const total = sum(page.edges.map((e) => e.node.amount?.value ?? Number.NaN));
      expect(Math.abs(total - sum(euShares.map((r) => Number(r.cells.eu_share_bn) * 1e9)))).toBeLessThan(1);
      for (const { node } of page.edges) {
        expect(node.shareOf).toEqual({ id: 'organization:eu' });
        expect(node.evidence).toHaveLength(1);
        const evidence = node.evidence[0];
        const row = euShares.find((r) => r.line === evidence?.quote);
        if (!row || !evidence) throw new Error(`${node.id} rests on no line of eu_aid_shares.csv`);
        expect(evidence).toEqual({
          selector: `row=${row.lineNumber}`,
          quote: row.line,
          source: { path: 'sources/kiel-ust-r29/eu_aid_shares.csv' },
        });
        expect(node.amount).toEqual({ value: billions(row.cells.eu_share_bn ?? ''), currency: 'EUR' });
      }
    });

    it('published totals of one month, by kind, equal total_allocations.csv', async () => {
      const row = published.find((r) => period(r) === '2024-10');
      if (!row) throw new Error('no 2024-10 in total_allocations.csv');
      const page = await figures({
        filter: { measure: ['published-total'], datasetIds: [DATASET], time: { fromMonth: '2024-10', toMonth: '2024-10' } },
      });
      expect(page.totalCount).toBe(4);
      const military = await figures({
        filter: {
          measure: ['published-total'],
          kind: ['MILITARY'],
          status: ['ALLOCATED'],
          time: { fromMonth: '2024-10', toMonth: '2024-10' },
        },
      });
      expect(military.edges.map((e) => e.node.amount?.value)).toEqual([billions(row.cells.military ?? '')]);
      expect(military.edges[0]?.node.evidence[0]).toEqual({
        selector: `row=${row.lineNumber}`,
        quote: row.line,
        source: { path: 'sources/kiel-ust-r29/total_allocations.csv' },
      });
    });

    it('orders GDPs by value and pages them with keyset cursors, each once', async () => {
      const gdps = [
        ...new Map(explorer.filter((r) => Number(r.cells.gdp) !== 0).map((r) => [r.cells.iso, Number(r.cells.gdp) * 1e9])).values(),
      ].sort((a, b) => b - a);
      const values: number[] = [];
      let after: string | null = null;
      for (let i = 0; i < 20; i += 1) {
        const page: FigurePage = await figures({
          filter: { measure: ['gdp'] },
          orderBy: { field: 'VALUE', direction: 'DESC' },
          first: 7,
          after,
        });
        expect(page.totalCount).toBe(gdps.length);
        values.push(...page.edges.map((e) => e.node.amount?.value ?? Number.NaN));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(values).toHaveLength(gdps.length);
      values.forEach((v, i) => expect(relative(v, gdps[i] ?? Number.NaN)).toBeLessThan(1e-9));
    });

    it('filters by subject and share: a member’s figures about its EU share', async () => {
      const page = await figures({ filter: { subjectId: 'nation:dk', shareOfId: 'organization:eu' } });
      expect(page.edges.map((e) => e.node.measure).sort()).toEqual(['bilateral-pct-gdp', 'eu-share', 'eu-share-pct-gdp', 'total-pct-gdp']);
      for (const { node } of page.edges) expect(node.subject).toEqual({ id: 'nation:dk' });
    });

    it('an actor lists the figures about it', async () => {
      const { nation } = await data<{
        nation: { figuresAboutCount: number; figuresAbout: { measure: string; subject: { id: string } }[] };
      }>(`{ nation(id: "nation:us") { figuresAboutCount figuresAbout(first: 100) { measure subject { ... on Node { id } } } } }`);
      const usa = explorer.filter((r) => r.cells.iso === 'USA');
      // One GDP, and per month its balance and its percentage of GDP when the file states them.
      const expectedFigures =
        1 +
        usa.filter((r) => billions(r.cells.to_be_allocated ?? '0') !== 0).length +
        usa.filter((r) => Number(r.cells.pct_gdp) !== 0).length;
      expect(nation.figuresAboutCount).toBe(expectedFigures);
      expect(nation.figuresAbout).toHaveLength(Math.min(100, expectedFigures));
      expect(nation.figuresAbout.filter((f) => f.measure === 'gdp')).toHaveLength(1);
      for (const figure of nation.figuresAbout) expect(figure.subject).toEqual({ id: 'nation:us' });
    });

    it('refuses malformed filters with BAD_USER_INPUT naming the argument', async () => {
      const tooMany = await errorOf(FIGURES, { filter: { measure: Array.from({ length: 101 }, (_, i) => `m${i}`) } });
      expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.measure' });
      expect(tooMany.message).toMatch(/MAX_FILTER_VALUES/);
      const badSubject = await errorOf(FIGURES, { filter: { subjectId: 'denmark' } });
      expect(badSubject.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.subjectId' });
      const badCursor = await errorOf(FIGURES, { after: 'junk' });
      expect(badCursor.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    });
  });
});
