/**
 * A plan as input of Neo4j's own bulk importer (`neo4j-admin database import full`): CSV files of
 * nodes and relationships with typed headers, and the arguments that name them. The import writes
 * the same graph the online loader writes (proved by the graph fingerprint in
 * test/integration/bulkLoad.test.ts), so every property keeps its Neo4j type:
 *   - `bigint` → `long`, `number` → `double`, `boolean`, `string`, and their arrays;
 *   - a property whose type differs between nodes of one label (or relationships of one type)
 *     sends those rows to a file of their own, where the column has the other type;
 *   - an empty array is a property too (the online loader stores it), but the importer reads an
 *     empty array cell as no property at all: `emptyArrays` lists them, and the loader sets them
 *     with Cypher once the import is done;
 *   - arrays are joined with a delimiter that occurs in none of their elements (chosen per plan);
 *   - every text is quoted (quotes doubled), so commas, quotes and newlines survive
 *     (`--multiline-fields=true`); an empty text is `""`, which the importer keeps as an empty string.
 * Node ids form one id space (ids are unique across labels), so relationships name their ends by id.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { PropValue, WritableGraph } from './writableGraph.js';

type CsvType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'long[]' | 'double[]' | 'boolean[]';
type Props = Record<string, PropValue>;

/** Candidates for the array delimiter, in order; the first that no array element contains is used. */
const DELIMITERS = ['¦', '\u001f', '\u001e', '\u241f', '§'];

export interface ImportFiles {
  /** Arguments for `neo4j-admin database import full <db>`, after the database name. */
  args: string[];
  nodeFiles: number;
  relationshipFiles: number;
  bytes: number;
}

/** The Neo4j type of a value, or undefined for null (no property); `[]` is typed by `emptyAs`. */
function typeOf(value: PropValue): CsvType | undefined {
  if (value === null) return undefined;
  if (typeof value === 'bigint') return 'long';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  const first = value[0] as unknown;
  if (first === undefined) return 'string[]';
  return typeof first === 'bigint'
    ? 'long[]'
    : typeof first === 'number'
      ? 'double[]'
      : typeof first === 'boolean'
        ? 'boolean[]'
        : 'string[]';
}

/** Properties holding an empty array, which the importer cannot write: set afterwards by the loader. */
export interface EmptyArrays {
  /** Per label and key, the ids of the nodes. */
  nodes: { label: string; key: string; ids: string[] }[];
  /** Per type, end labels and key, the relationships' ends. */
  rels: { type: string; fromLabel: string; toLabel: string; key: string; ends: { from: string; to: string }[] }[];
}

/** The plan's empty-array properties, grouped by label (or type) and key. */
export function emptyArrays(plan: WritableGraph): EmptyArrays {
  const nodes = new Map<string, { label: string; key: string; ids: string[] }>();
  const rels = new Map<string, EmptyArrays['rels'][number]>();
  for (const n of plan.nodes)
    for (const [key, value] of Object.entries(n.props))
      if (Array.isArray(value) && value.length === 0) {
        const k = `${n.label}\0${key}`;
        (nodes.get(k) ?? nodes.set(k, { label: n.label, key, ids: [] }).get(k)!).ids.push(n.id);
      }
  for (const r of plan.rels)
    for (const [key, value] of Object.entries(r.props))
      if (Array.isArray(value) && value.length === 0) {
        const k = `${r.type}\0${r.from.label}\0${r.to.label}\0${key}`;
        const group = rels.get(k) ?? rels.set(k, { type: r.type, fromLabel: r.from.label, toLabel: r.to.label, key, ends: [] }).get(k)!;
        group.ends.push({ from: r.from.id, to: r.to.id });
      }
  return { nodes: [...nodes.values()], rels: [...rels.values()] };
}

/** A delimiter no array element of the plan contains. */
export function arrayDelimiter(plan: WritableGraph): string {
  const used = new Set<string>();
  const scan = (props: Props): void => {
    for (const value of Object.values(props))
      if (Array.isArray(value))
        for (const item of value) if (typeof item === 'string') for (const d of DELIMITERS) if (item.includes(d)) used.add(d);
  };
  for (const n of plan.nodes) scan(n.props);
  for (const r of plan.rels) scan(r.props);
  const free = DELIMITERS.find((d) => !used.has(d));
  if (free === undefined) throw new Error(`No array delimiter is free: array texts contain every one of ${DELIMITERS.join(' ')}`);
  return free;
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * Groups rows into files: a row goes to the first file of its group whose column types agree with
 * its own (a new column is added to that file), else to a new file. Keys with an empty array are
 * part of the signature, so such a row never shares a column with a differently typed one.
 */
function intoFiles<T>(
  rows: readonly T[],
  group: (row: T) => string,
  props: (row: T) => Props,
): Map<string, { types: Map<string, CsvType>; rows: T[] }[]> {
  const out = new Map<string, { types: Map<string, CsvType>; rows: T[] }[]>();
  for (const row of rows) {
    const files = out.get(group(row)) ?? out.set(group(row), []).get(group(row))!;
    const own = new Map<string, CsvType>();
    for (const [key, value] of Object.entries(props(row))) {
      const type = typeOf(value);
      if (type !== undefined) own.set(key, type);
    }
    let file = files.find((f) => [...own].every(([key, type]) => (f.types.get(key) ?? type) === type));
    if (file === undefined) files.push((file = { types: new Map(), rows: [] }));
    for (const [key, type] of own) file.types.set(key, type);
    file.rows.push(row);
  }
  return out;
}

function cell(value: PropValue | undefined, delimiter: string): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return quote((value as unknown[]).map(String).join(delimiter));
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Cannot bulk-import the number ${value}`);
  return String(value);
}

async function writeCsv(file: string, header: string, lines: Iterable<string>): Promise<number> {
  const stream = createWriteStream(file);
  let bytes = 0;
  const write = async (line: string): Promise<void> => {
    bytes += Buffer.byteLength(line) + 1;
    if (!stream.write(`${line}\n`)) await once(stream, 'drain');
  };
  try {
    await write(header);
    for (const line of lines) await write(line);
  } catch (err) {
    // A row that cannot be written (a NaN): the file is closed before the error goes on, so no
    // pending open or write outlives the call.
    stream.destroy();
    await once(stream, 'close');
    throw err;
  }
  stream.end();
  await once(stream, 'finish');
  return bytes;
}

const column = (key: string, type: CsvType): string => (type === 'string' ? key : `${key}:${type}`);

/** Writes the plan as import files into `dir` (created); returns the importer's arguments. */
export async function writeImportFiles(plan: WritableGraph, dir: string): Promise<ImportFiles> {
  mkdirSync(dir, { recursive: true });
  const delimiter = arrayDelimiter(plan);
  const args = ['--multiline-fields=true', `--array-delimiter=${delimiter}`, '--id-type=string'];
  let bytes = 0;
  let nodeFiles = 0;
  let relationshipFiles = 0;

  for (const [label, files] of intoFiles(
    plan.nodes,
    (n) => n.label,
    (n) => n.props,
  )) {
    for (const [i, { types, rows }] of files.entries()) {
      const keys = [...types.keys()].filter((k) => k !== 'id').sort();
      const file = path.join(dir, `nodes-${label}-${i}.csv`);
      bytes += await writeCsv(
        file,
        ['id:ID', ...keys.map((k) => column(k, types.get(k)!))].join(','),
        (function* () {
          for (const n of rows) yield [quote(n.id), ...keys.map((k) => cell(n.props[k], delimiter))].join(',');
        })(),
      );
      args.push(`--nodes=${label}=${file}`);
      nodeFiles += 1;
    }
  }
  for (const [type, files] of intoFiles(
    plan.rels,
    (r) => r.type,
    (r) => r.props,
  )) {
    for (const [i, { types, rows }] of files.entries()) {
      const keys = [...types.keys()].sort();
      const file = path.join(dir, `rels-${type}-${i}.csv`);
      bytes += await writeCsv(
        file,
        [':START_ID', ':END_ID', ...keys.map((k) => column(k, types.get(k)!))].join(','),
        (function* () {
          for (const r of rows) yield [quote(r.from.id), quote(r.to.id), ...keys.map((k) => cell(r.props[k], delimiter))].join(',');
        })(),
      );
      args.push(`--relationships=${type}=${file}`);
      relationshipFiles += 1;
    }
  }
  return { args, nodeFiles, relationshipFiles, bytes };
}
