/**
 * The identities a dataset promises, checked on its typed cells in exact decimals: within a row
 * (sum, difference, list count) and across its files (group sums, the same keys, the release row).
 * An `error` goes to the issue log, a `warning` to the dataset's warnings.
 */
import type { IssueLog } from '../IssueLog.js';
import type { DatasetCheck, Manifest, RowCheck } from './datasetSchemas.js';
import { format, minus, sum, withinRounding, type Decimal } from './decimal.js';
import { where, type Row, type Table } from './cells.js';

/** One row's identity: a violation is reported on the row with both values and their difference. */
export function rowCheck(check: RowCheck, row: Row, file: string, ctx: { log: IssueLog; warnings: string[] }): void {
  const dec = (name: string): Decimal | undefined => {
    const cell = row.cells.get(name);
    return cell?.type === 'decimal' ? cell.value : cell?.type === 'integer' ? { digits: cell.value, scale: 0 } : undefined;
  };
  const report = (message: string): void => {
    const text = `check ${check.id}: ${message}`;
    if (check.severity === 'error') ctx.log.add(file, where(row.record.row), text);
    else ctx.warnings.push(`${file} ${where(row.record.row)}: ${text}${check.note ? ` (${check.note})` : ''}`);
  };
  if (check.kind === 'sum') {
    const target = dec(check.target);
    const parts = check.parts.map(dec);
    if (target === undefined || parts.some((p) => p === undefined)) return report('a column is not numeric');
    const total = sum(parts as Decimal[]);
    if (!withinRounding(total, target, parts.length))
      report(
        `${check.target} ${format(target)} ≠ ${check.parts.join(' + ')} = ${format(total)} (difference ${format(minus(target, total))})`,
      );
  } else if (check.kind === 'difference') {
    const [target, a, b] = [dec(check.target), dec(check.minuend), dec(check.subtrahend)];
    if (target === undefined || a === undefined || b === undefined) return report('a column is not numeric');
    const diff = minus(a, b);
    if (!withinRounding(diff, target, 2))
      report(`${check.target} ${format(target)} ≠ ${check.minuend} − ${check.subtrahend} = ${format(diff)}`);
  } else {
    const list = row.cells.get(check.list);
    const total = row.cells.get(check.column);
    if (list?.type !== 'list' || total?.type !== 'integer') return report('the columns are not a list and an integer');
    const counted = list.value.reduce((acc, item) => acc + (item.count ?? 0n), 0n);
    if (counted !== total.value) report(`the items of ${check.list} count ${counted}, ${check.column} says ${total.value}`);
  }
}

/** The cross-file identities of one dataset. */
export function datasetCheck(
  check: DatasetCheck,
  tables: Map<string, Table>,
  broken: ReadonlySet<string>,
  manifestFile: string,
  manifest: Manifest,
  ctx: { log: IssueLog; warnings: string[] },
): void {
  const report = (file: string, at: string, message: string): void => {
    const text = `check ${check.id}: ${message}`;
    if (check.severity === 'error') ctx.log.add(file, at, text);
    else ctx.warnings.push(`${file}${at ? ` ${at}` : ''}: ${text}${check.note ? ` (${check.note})` : ''}`);
  };
  const table = (key: string): Table | undefined => {
    const t = tables.get(key);
    // A file with problems of its own was reported already: the check cannot run, and says nothing more.
    if (t === undefined && !broken.has(key)) ctx.log.add(manifestFile, `checks (${check.id})`, `no readable file "${key}" in this dataset`);
    return t;
  };
  const keyOf = (row: Row, by: readonly string[]): string => by.map((c) => row.cells.get(c)?.raw ?? '').join(',');
  if (check.kind === 'groupSum') {
    const left = table(check.sum.file);
    const right = table(check.equals.file);
    if (!left || !right) return;
    const matches = (row: Row, w: Record<string, string> | undefined): boolean =>
      Object.entries(w ?? {}).every(([c, v]) => row.cells.get(c)?.raw === v);
    const group = (t: Table, spec: { column: string; by?: string[] | undefined; where?: Record<string, string> | undefined }) => {
      const groups = new Map<string, { values: Decimal[]; rows: number[] }>();
      for (const row of t.rows) {
        if (!matches(row, spec.where)) continue;
        const cell = row.cells.get(spec.column);
        if (cell?.type !== 'decimal') continue;
        const key = keyOf(row, spec.by ?? []);
        const g = groups.get(key) ?? { values: [], rows: [] };
        g.values.push(cell.value);
        g.rows.push(row.record.row);
        groups.set(key, g);
      }
      return groups;
    };
    const sums = group(left, check.sum);
    const expected = group(right, check.equals);
    for (const [key, e] of expected) {
      const s = sums.get(key);
      const expectedValue = sum(e.values);
      const actual = s === undefined ? { digits: 0n, scale: 0 } : sum(s.values);
      if (!withinRounding(actual, expectedValue, (s?.values.length ?? 0) + e.values.length - 1))
        report(
          right.file,
          e.rows.length === 1 ? `row=${e.rows[0]}` : '',
          `${check.equals.column}${key ? ` (${(check.equals.by ?? []).join(', ')} = ${key})` : ''} is ${format(expectedValue)}, but ${left.file}'s ${check.sum.column} adds up to ${format(actual)} over ${s?.values.length ?? 0} rows`,
        );
    }
    for (const [key, s] of sums)
      if (!expected.has(key))
        report(left.file, `row=${s.rows[0]}`, `${(check.sum.by ?? []).join(', ')} = ${key} has no row in ${right.file}`);
  } else if (check.kind === 'sameKeys') {
    const keySets = check.files.map((f) => {
      const t = table(f);
      return t ? { t, keys: new Map(t.rows.map((r) => [keyOf(r, check.by), r.record.row])) } : undefined;
    });
    const [first, ...rest] = keySets;
    if (!first || rest.some((k) => !k)) return;
    for (const other of rest as NonNullable<(typeof keySets)[number]>[]) {
      for (const [key, row] of first.keys)
        if (!other.keys.has(key)) report(first.t.file, `row=${row}`, `${check.by.join(', ')} = ${key} has no row in ${other.t.file}`);
      for (const [key, row] of other.keys)
        if (!first.keys.has(key)) report(other.t.file, `row=${row}`, `${check.by.join(', ')} = ${key} has no row in ${first.t.file}`);
    }
  } else {
    const t = table(check.file);
    if (!t) return;
    if (t.rows.length !== 1) return report(t.file, '', `expected exactly one data row, found ${t.rows.length}`);
    const row = t.rows[0]!;
    for (const [column, field] of Object.entries(check.fields)) {
      const cell = row.cells.get(column);
      const value = cell === undefined ? undefined : cell.type === 'text' ? cell.value : cell.raw;
      if (value !== manifest.dataset[field])
        report(
          t.file,
          `row=${row.record.row} col=${t.mapping.columns.findIndex((c) => c.name === column) + 1} (${column})`,
          `"${value ?? ''}" differs from the manifest's ${field} "${manifest.dataset[field]}"`,
        );
    }
  }
}
