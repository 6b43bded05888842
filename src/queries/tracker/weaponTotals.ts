/**
 * heavyWeaponTotals: the heavy-weapons items a filter selects, with their donors and the systems
 * their lists include (fetched in one query), counted and valued per donor, category or system.
 * A group never adds two sources together (a later release restates the same weapons), and never
 * adds two currencies: values are only summed in the items' one currency.
 */
import type { HeavyWeaponsFilter, WeaponsGroupBy } from '../../generated/graphql.js';
import { cypher } from '../../db/cypher.js';
import type { Executor } from '../../db/Executor.js';
import type { Plain } from '../../db/toPlain.js';
import { heavyWeaponsWhere } from '../filters/heavyWeaponsFilter.js';
import { renderWhere } from '../filters/whereClause.js';
import { cachedQuery } from '../cachedQuery.js';
import { asNodeRecord, num, projectNode, str, type NodeRecord } from '../records.js';

export interface WeaponsGroupRecord {
  label: string;
  actor: NodeRecord | null;
  category: string | null;
  system: NodeRecord | null;
  sourceId: string | null;
  count: number;
  value: number | null;
  currency: string | null;
  items: NodeRecord[];
}

export interface WeaponTotalsRecord {
  groupBy: WeaponsGroupBy;
  groups: WeaponsGroupRecord[];
  /** Every source with an item in a group, sorted. */
  sourceIds: string[];
}

export interface WeaponRow {
  item: NodeRecord;
  donors: NodeRecord[];
  /** The systems the item's list includes, with the count the list gives each. */
  systems: { system: NodeRecord; count: number }[];
}

export const NO_DONOR_LABEL = '(no donor)';
export const NO_CATEGORY_LABEL = '(no category)';

function rowsQuery(where: string) {
  return cachedQuery(`weapons.totals ${where}`, () =>
    cypher(
      'weapons.totals',
      `
MATCH (n:HeavyWeapons)
${where}
RETURN ${projectNode('n')} AS item,
  COLLECT { MATCH (a)-[:COMMITTED]->(n) WITH a ORDER BY a.id RETURN ${projectNode('a')} } AS donors,
  COLLECT { MATCH (n)-[r:INCLUDES]->(w:WeaponSystem) WITH w, r ORDER BY w.id RETURN {system: ${projectNode('w')}, count: r.count} } AS systems
ORDER BY n.id`,
    ),
  );
}

/** The selected items, ordered by id. */
export async function weaponRows(executor: Executor, filter: HeavyWeaponsFilter | null | undefined): Promise<WeaponRow[]> {
  const where = heavyWeaponsWhere(filter, 'n');
  const rows = await executor.read(rowsQuery(renderWhere(where)), where.params);
  return rows.map((row) => ({
    item: asNodeRecord(row.item),
    donors: Array.isArray(row.donors) ? row.donors.map(asNodeRecord) : [],
    systems: (Array.isArray(row.systems) ? row.systems : []).map((value) => {
      const entry = value as { system: Plain; count: Plain };
      return { system: asNodeRecord(entry.system), count: typeof entry.count === 'number' ? entry.count : 0 };
    }),
  }));
}

interface Key {
  id: string;
  label: string;
  actor: NodeRecord | null;
  category: string | null;
  system: NodeRecord | null;
  /** The weapons this item adds to the group. */
  count: number;
}

function keysOf(row: WeaponRow, groupBy: WeaponsGroupBy): Key[] {
  const count = num(row.item, 'count') ?? 0;
  const category = str(row.item, 'category');
  switch (groupBy) {
    case 'DONOR':
      if (row.donors.length === 0) return [{ id: '', label: NO_DONOR_LABEL, actor: null, category: null, system: null, count }];
      return row.donors.map((a) => ({ id: a.id, label: a.name, actor: a, category: null, system: null, count }));
    case 'CATEGORY':
      return [{ id: category ?? '', label: category ?? NO_CATEGORY_LABEL, actor: null, category, system: null, count }];
    case 'SYSTEM':
      return row.systems.map(({ system, count: n }) => ({
        id: system.id,
        label: system.name,
        actor: null,
        category: str(system, 'category'),
        system,
        count: n,
      }));
  }
}

/**
 * Counts and values `rows` per group; pure. A value is the sum of the items' stated values when
 * every item has one in the same currency, else null; grouping by system it is always null.
 * Groups: most weapons first, then by label.
 */
export function computeWeaponTotals(rows: readonly WeaponRow[], groupBy: WeaponsGroupBy): WeaponTotalsRecord {
  const groups = new Map<string, WeaponsGroupRecord & { valued: boolean; currencies: Set<string> }>();
  const sources = new Set<string>();
  for (const row of rows) {
    const sourceId = str(row.item, 'sourceId');
    const value = num(row.item, 'amountValue');
    const currency = str(row.item, 'amountCurrency');
    for (const key of keysOf(row, groupBy)) {
      const id = `${key.id}\u0000${sourceId ?? ''}`;
      const group = groups.get(id) ?? {
        label: key.label,
        actor: key.actor,
        category: key.category,
        system: key.system,
        sourceId,
        count: 0,
        value: 0,
        currency: null,
        items: [],
        valued: groupBy !== 'SYSTEM',
        currencies: new Set<string>(),
      };
      group.count += key.count;
      group.items.push(row.item);
      if (value === null || currency === null) group.valued = false;
      else {
        group.value = (group.value ?? 0) + value;
        group.currencies.add(currency);
      }
      groups.set(id, group);
      if (sourceId !== null) sources.add(sourceId);
    }
  }
  const result = [...groups.values()].map(({ valued, currencies, ...group }) => {
    const one = valued && currencies.size === 1;
    return { ...group, value: one ? group.value : null, currency: one ? ([...currencies][0] ?? null) : null };
  });
  result.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label) || ((a.sourceId ?? '') < (b.sourceId ?? '') ? -1 : 1));
  for (const group of result) group.items.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  return { groupBy, groups: result, sourceIds: [...sources].sort() };
}
