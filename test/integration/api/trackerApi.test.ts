/**
 * The tracker's API (heavy weapons, their totals and weapon systems) on the seeded graph,
 * checked against numbers computed here from the CSV files of seed/sources/kiel-ust-r29/: no sum
 * is written down, every expected value is read from the files the graph was loaded from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../../support/apiHarness.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'seed', 'sources', 'kiel-ust-r29');
const DATASET = 'dataset:kiel-ust-r29';
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

const weapons = readCsv('weapons.csv');

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

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
});
