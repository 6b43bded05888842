/**
 * `npx tsx tools/bench/toCsv.ts --data <dir> --out <csvDir>`: the graph the project's planner
 * makes of a seed directory (`validateSeedDirs` + `planGraph`, so exactly what the loader
 * writes), as CSV files for `neo4j-admin database import full` — the fastest bulk path Neo4j
 * offers, used as the floor the loader is compared with. Prints the import arguments.
 * Arrays use ARRAY_DELIMITER; fields are quoted, so texts may hold commas, quotes and newlines
 * (import with --multiline-fields=true).
 */
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { validateSeedDirs } from '../../seed/validate/validate.js';
import { planGraph, type PropValue } from '../../seed/plan/plan.js';

export const ARRAY_DELIMITER = '¦';

type CsvType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'double[]';

function typeOf(value: PropValue): CsvType | undefined {
  if (value === null) return undefined;
  if (typeof value === 'bigint') return 'long';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return value.length > 0 && typeof value[0] === 'number' ? 'double[]' : 'string[]';
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function cell(value: PropValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return quote(value.map(String).join(ARRAY_DELIMITER));
  if (typeof value === 'string') return quote(value);
  return String(value);
}

/** Columns of a set of rows: every property key, typed by its first non-null value. */
function columns(rows: Record<string, PropValue>[], skip: string[]): [string, CsvType][] {
  const types = new Map<string, CsvType>();
  for (const props of rows)
    for (const [key, value] of Object.entries(props)) {
      if (skip.includes(key) || types.has(key)) continue;
      const type = typeOf(value);
      if (type !== undefined) types.set(key, type);
    }
  return [...types.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** `Map.groupBy` is Node 21+; the project supports Node 20. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
}

async function writeCsv(file: string, header: string, lines: Iterable<string>): Promise<void> {
  const stream = createWriteStream(file);
  stream.write(`${header}\n`);
  for (const line of lines) if (!stream.write(`${line}\n`)) await once(stream, 'drain');
  stream.end();
  await once(stream, 'finish');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string', multiple: true }, out: { type: 'string' } } });
  if (!values.data?.length || values.out === undefined) throw new Error('usage: toCsv.ts --data <dir> --out <csvDir>');
  const plan = planGraph(await validateSeedDirs(values.data));
  rmSync(values.out, { recursive: true, force: true });
  mkdirSync(values.out, { recursive: true });
  const args: string[] = [];
  const byLabel = groupBy(plan.nodes, (n) => n.label);
  for (const [label, nodes] of byLabel) {
    const cols = columns(
      nodes.map((n) => n.props),
      ['id'],
    );
    const file = path.join(values.out, `nodes-${label}.csv`);
    const header = ['id:ID', ...cols.map(([k, t]) => (t === 'string' ? k : `${k}:${t}`))].join(',');
    await writeCsv(
      file,
      header,
      (function* () {
        for (const n of nodes) yield [quote(n.id), ...cols.map(([k]) => cell(n.props[k]))].join(',');
      })(),
    );
    args.push(`--nodes=${label}=${path.resolve(file)}`);
  }
  const byType = groupBy(plan.rels, (r) => r.type);
  for (const [type, rels] of byType) {
    const cols = columns(
      rels.map((r) => r.props),
      [],
    );
    const file = path.join(values.out, `rels-${type}.csv`);
    const header = [':START_ID', ':END_ID', ...cols.map(([k, t]) => (t === 'string' ? k : `${k}:${t}`))].join(',');
    await writeCsv(
      file,
      header,
      (function* () {
        for (const r of rels) yield [quote(r.from.id), quote(r.to.id), ...cols.map(([k]) => cell(r.props[k]))].join(',');
      })(),
    );
    args.push(`--relationships=${type}=${path.resolve(file)}`);
  }
  process.stderr.write(`${plan.nodes.length} nodes, ${plan.rels.length} relationships\n`);
  process.stdout.write(`${args.join(' ')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
