/**
 * Reads every dataset manifest (`datasets/*.{yaml,yml,json}`) of a data directory: the table files
 * it lists (checked against their sha256), each file's mapping, every cell typed, every actor
 * resolved against the registry, the facts each row states, and the identities the dataset
 * promises (row sums, monthly totals). Every problem is logged with its file, row and column
 * (`row=57 col=4 (month)`), or its mapping path; the caller writes nothing if any was found.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { idSlug, idType } from '../../../src/model/ids.js';
import { LABEL_BY_ID_TYPE, RELATIONSHIPS, type RelType } from '../../../src/model/vocabulary.js';
import { isIsoCurrency } from '../../../src/model/currency.js';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES } from '../factSchemas.js';
import type { IssueLog } from '../IssueLog.js';
import { readCsv } from '../readCsv.js';
import { parseSeedText, seedFiles } from '../readSeedFiles.js';
import type { Registry } from '../ValidatedSeed.js';
import { ManifestSchema, MappingSchema, type Column, type FactSpec, type Manifest, type Mapping, type Value } from './datasetSchemas.js';
import { isZeroCell, propOf, scaleWord, typeCell, where, type Row, type Table, type Typed } from './cells.js';
import { datasetCheck, rowCheck } from './checks.js';
import type { LoadedDataset, LoadedTable, TableFact, TableMention, TableProp } from './tableTypes.js';

const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const pad2 = (n: number): string => String(n).padStart(2, '0');

interface ActorIndex {
  byIso3: Map<string, string>;
  byName: Map<string, string>;
  nameOf: Map<string, string>;
}

function actorIndex(registry: Registry): ActorIndex {
  const byIso3 = new Map<string, string>();
  const byName = new Map<string, string>();
  const nameOf = new Map<string, string>();
  for (const n of registry.nations) byIso3.set(n.iso3, n.id);
  for (const e of [...registry.nations, ...registry.organizations, ...registry.people]) {
    byName.set(e.name, e.id);
    nameOf.set(e.id, e.name);
  }
  return { byIso3, byName, nameOf };
}

/** Everything a template or a cell reference can read in one row. */
interface Scope {
  row: Row;
  vars: Map<string, string>;
  column?: string;
  item?: { name: string; count: bigint | null; text: string };
}

class MappingError extends Error {}

function lookup(scope: Scope, expr: string): string {
  const [name = '', ...filters] = expr.split('|').map((s) => s.trim());
  let value: string | undefined;
  if (name === 'column') value = scope.column;
  else if (name.startsWith('item.')) {
    const field = name.slice('item.'.length);
    const item = scope.item;
    value =
      item === undefined
        ? undefined
        : field === 'name'
          ? item.name
          : field === 'text'
            ? item.text
            : field === 'count'
              ? String(item.count ?? '')
              : undefined;
  } else value = scope.vars.get(name) ?? scope.row.cells.get(name)?.raw;
  if (value === undefined) throw new MappingError(`unknown name "${name}" in a template`);
  for (const filter of filters) {
    if (filter === 'slug') value = slugify(value);
    else if (filter === 'lower') value = value.toLowerCase();
    else throw new MappingError(`unknown template filter "${filter}" (known: slug, lower)`);
  }
  return value;
}

/** `'{donor.name}: {column} aid'` in a row. */
function fill(template: string, scope: Scope): string {
  return template.replace(/\{([^{}]+)\}/g, (_m, expr: string) => lookup(scope, expr));
}

/** The cell a reference names: a column, `$column`, or `item.count`. */
function cellOf(ref: string, scope: Scope, columns: Map<string, Column>): { cell: Typed; column: Column | undefined; name: string } {
  if (ref === 'item.count') {
    const count = scope.item?.count;
    if (count === undefined || count === null) throw new MappingError('item.count outside a list item with a count');
    return { cell: { type: 'integer', raw: String(count), value: count }, column: undefined, name: ref };
  }
  const name = ref === '$column' ? scope.column : ref;
  if (name === undefined) throw new MappingError('$column outside forEach.columns');
  const cell = scope.row.cells.get(name);
  if (cell === undefined) throw new MappingError(`unknown column "${name}"`);
  return { cell, column: columns.get(name), name };
}

function valueOf(value: Value, scope: Scope, columns: Map<string, Column>, read: Set<string>): TableProp {
  if (typeof value === 'string') {
    for (const m of value.matchAll(/\{([^{}|]+)/g)) if (columns.has(m[1]!.trim())) read.add(m[1]!.trim());
    return fill(value, scope);
  }
  // A whole number written in a mapping is an integer property (Neo4j Integer), as counts and years are.
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (typeof value === 'boolean') return value;
  if ('list' in value) return value.list.map((t) => fill(t, scope));
  const { cell, column, name } = cellOf(value.cell, scope, columns);
  if (column !== undefined) read.add(name);
  return propOf(cell, column);
}

/** Which stored properties each label needs, and what they may hold. */
function checkContract(fact: TableFact): string | undefined {
  const p = fact.props;
  const str = (k: string): boolean => typeof p[k] === 'string' && p[k] !== '';
  if (!str('name')) return 'a fact needs a non-empty "name"';
  switch (fact.label) {
    case 'Commitment':
      if (!(COMMITMENT_KINDS as readonly unknown[]).includes(p.kind))
        return `kind "${String(p.kind)}" is none of ${COMMITMENT_KINDS.join(', ')}`;
      if (!(COMMITMENT_STATUSES as readonly unknown[]).includes(p.status))
        return `status "${String(p.status)}" is none of ${COMMITMENT_STATUSES.join(', ')}`;
      return undefined;
    case 'Figure':
      if (!str('measure')) return 'a Figure needs a "measure"';
      if (p.kind !== undefined && !(COMMITMENT_KINDS as readonly unknown[]).includes(p.kind))
        return `kind "${String(p.kind)}" is none of ${COMMITMENT_KINDS.join(', ')}`;
      if (p.status !== undefined && !(COMMITMENT_STATUSES as readonly unknown[]).includes(p.status))
        return `status "${String(p.status)}" is none of ${COMMITMENT_STATUSES.join(', ')}`;
      if (p.amountValue === undefined && p.value === undefined) return 'a Figure needs an amount or a "value"';
      return undefined;
    case 'HeavyWeapons':
      if (!str('category')) return 'HeavyWeapons needs a "category"';
      if (typeof p.count !== 'bigint') return 'HeavyWeapons needs an integer "count"';
      return undefined;
    case 'WeaponSystem':
      return undefined;
  }
}

function monthProps(year: number, month: number): Record<string, TableProp> {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const period = `${year}-${pad2(month)}`;
  return {
    timePrecision: 'month',
    timeYear: BigInt(year),
    timeMonth: BigInt(month),
    timePeriod: period,
    timeDateMin: `${period}-01`,
    timeDateMax: `${period}-${pad2(last)}`,
  };
}

/** Reads one mapping's rows into facts and mentions; returns the typed rows for the dataset's checks. */
function readTable(
  table: { key: string; file: string; mappingFile: string; sourceId: string; text: string; mapping: Mapping },
  ctx: { manifest: Manifest; actors: ActorIndex; log: IssueLog; warnings: string[] },
  out: { facts: Map<string, { fact: TableFact; spec: FactSpec; row: number }>; mentions: TableMention[] },
): { rows: Row[]; ok: boolean } | undefined {
  const { file, mapping, mappingFile, text } = table;
  const { log, manifest, actors } = ctx;
  const parsed = readCsv(text, file);
  if (!parsed.ok) {
    for (const p of parsed.problems) log.add(file, `row=${p.row}${p.column === undefined ? '' : ` col=${p.column}`}`, p.reason);
    return undefined;
  }
  const header = parsed.table.header;
  const expected = mapping.columns.map((c) => c.name);
  const missing = expected.filter((c) => !header.includes(c));
  const extra = header.filter((c) => !expected.includes(c));
  for (const c of missing) log.add(file, 'row=1', `missing column "${c}" (the mapping expects ${expected.join(', ')})`);
  for (const c of extra) log.add(file, 'row=1', `unexpected column "${c}" (the mapping expects ${expected.join(', ')})`);
  if (missing.length === 0 && extra.length === 0 && header.join(',') !== expected.join(','))
    log.add(file, 'row=1', `columns out of order: ${header.join(', ')} (the mapping expects ${expected.join(', ')})`);
  if (missing.length > 0 || extra.length > 0 || header.join(',') !== expected.join(',')) return undefined;

  const columns = new Map(mapping.columns.map((c) => [c.name, c]));
  const rows: Row[] = [];
  let cellsOk = true;
  for (const record of parsed.table.records) {
    const cells = new Map<string, Typed>();
    mapping.columns.forEach((column, index) => {
      const typed = typeCell(column, record.cells[index] ?? '');
      if (typeof typed === 'string') {
        log.add(file, where(record.row, { index, name: column.name }), typed);
        cellsOk = false;
      } else cells.set(column.name, typed);
    });
    rows.push({ record, cells, evidence: { quote: record.text, start: record.start, end: record.end, row: record.row } });
  }
  // Keys unique.
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = mapping.key.map((k) => row.cells.get(k)?.raw ?? '').join('\u0000');
    const first = seen.get(key);
    if (first !== undefined)
      log.add(
        file,
        where(row.record.row),
        `duplicate key (${mapping.key.join(', ')}) = (${key.split('\u0000').join(', ')}), first at row=${first}`,
      );
    else seen.set(key, row.record.row);
  }
  if (!cellsOk) {
    // The rows cannot state facts, but every unknown actor is still reported in this same run.
    for (const row of rows)
      for (const [name, binding] of Object.entries(mapping.bind ?? {}))
        if ('actor' in binding && [binding.actor.code, binding.actor.name].every((c) => c === undefined || row.cells.has(c)))
          resolveActor(binding.actor, row, name, file, mapping, ctx);
    return { rows, ok: false };
  }

  // Row checks.
  for (const check of mapping.checks ?? []) for (const row of rows) rowCheck(check, row, file, ctx);

  // Row flags by key.
  const flagsByKey = new Map<string, { kind: string; note: string }[]>();
  (mapping.rowFlags ?? []).forEach((flag, i) => {
    const key = flag.key.join('\u0000');
    if (!seen.has(key)) log.add(mappingFile, `rowFlags[${i}].key`, `no row has the key (${flag.key.join(', ')})`);
    flagsByKey.set(key, [...(flagsByKey.get(key) ?? []), flag]);
  });

  const datasetVars: [string, string][] = [
    ['dataset.id', manifest.dataset.id],
    ['dataset.slug', idSlug(manifest.dataset.id)],
    ['dataset.period', manifest.dataset.period],
    ['dataset.release', manifest.dataset.release],
  ];
  const badSpecs = new Set<number>();
  for (const row of rows) {
    const vars = new Map<string, string>(datasetVars);
    const mentionColumns: string[] = [];
    let bound = true;
    for (const [name, binding] of Object.entries(mapping.bind ?? {})) {
      if ('actor' in binding) {
        const resolved = resolveActor(binding.actor, row, name, file, mapping, ctx);
        if (resolved === undefined) {
          bound = false;
          continue;
        }
        vars.set(`${name}.id`, resolved.id);
        vars.set(`${name}.slug`, idSlug(resolved.id));
        vars.set(`${name}.name`, actors.nameOf.get(resolved.id) ?? resolved.id);
        vars.set(`$${name}`, resolved.id);
        out.mentions.push({
          sourceId: table.sourceId,
          entity: resolved.id,
          surfaceForm: resolved.surfaceForm,
          evidence: row.evidence,
          columns: resolved.columns,
        });
        mentionColumns.push(...resolved.columns);
      } else {
        const year = row.cells.get(binding.month.year);
        const month = row.cells.get(binding.month.month);
        if (year?.type !== 'integer' || month?.type !== 'integer' || month.value < 1n || month.value > 12n) {
          log.add(mappingFile, `bind.${name}`, 'a month binding needs integer year and month (1–12) columns');
          bound = false;
          continue;
        }
        vars.set(name, `${year.value}-${pad2(Number(month.value))}`);
        vars.set(`${name}.year`, String(year.value));
        vars.set(`${name}.month`, String(month.value));
      }
    }
    if (manifest.dataset.recipient !== undefined) vars.set('$recipient', manifest.dataset.recipient);
    if (!bound) continue;
    const rowKey = mapping.key.map((k) => row.cells.get(k)?.raw ?? '').join('\u0000');
    const flags = flagsByKey.get(rowKey) ?? [];

    (mapping.facts ?? []).forEach((spec, specIndex) => {
      if (badSpecs.has(specIndex)) return;
      const scopes: Scope[] = [];
      const base: Scope = { row, vars };
      if (spec.forEach === undefined) scopes.push(base);
      else if ('columns' in spec.forEach) for (const column of spec.forEach.columns) scopes.push({ ...base, column });
      else {
        const cell = row.cells.get(spec.forEach.items);
        if (cell?.type !== 'list') {
          log.add(mappingFile, `facts[${specIndex}].forEach.items`, `"${spec.forEach.items}" is not a list column`);
          badSpecs.add(specIndex);
          return;
        }
        for (const item of cell.value) scopes.push({ ...base, item });
      }
      for (const scope of scopes) {
        try {
          planRowFact(spec, scope, { columns, file, mappingFile, sourceId: table.sourceId, flags, mentionColumns }, ctx, out);
        } catch (err) {
          if (!(err instanceof MappingError)) throw err;
          log.add(mappingFile, `facts[${specIndex}]`, `${err.message} (at ${file} row=${row.record.row})`);
          badSpecs.add(specIndex);
          return;
        }
      }
    });
  }
  return { rows, ok: true };
}

function resolveActor(
  actor: { code?: string | undefined; name?: string | undefined },
  row: Row,
  binding: string,
  file: string,
  mapping: Mapping,
  ctx: { manifest: Manifest; actors: ActorIndex; log: IssueLog },
): { id: string; surfaceForm: string; columns: string[] } | undefined {
  const col = (name: string) => ({ index: mapping.columns.findIndex((c) => c.name === name), name });
  const byCode = ctx.manifest.actors?.byCode ?? {};
  const byName = ctx.manifest.actors?.byName ?? {};
  const code = actor.code === undefined ? undefined : row.cells.get(actor.code)?.raw;
  const name = actor.name === undefined ? undefined : row.cells.get(actor.name)?.raw;
  let id: string | undefined;
  if (code !== undefined && actor.code !== undefined) {
    id = byCode[code] ?? ctx.actors.byIso3.get(code);
    if (id === undefined) {
      ctx.log.add(
        file,
        where(row.record.row, col(actor.code)),
        `unknown actor code "${code}": no registry nation has iso3 ${code} and the manifest's actors.byCode has no entry`,
      );
      return undefined;
    }
  }
  if (name !== undefined && actor.name !== undefined) {
    const byItsName = byName[name] ?? ctx.actors.byName.get(name);
    if (id === undefined) {
      if (byItsName === undefined) {
        ctx.log.add(
          file,
          where(row.record.row, col(actor.name)),
          `unknown actor name "${name}": no registry entry has it as its name and the manifest's actors.byName has no entry`,
        );
        return undefined;
      }
      id = byItsName;
    } else if (byItsName !== id) {
      ctx.log.add(
        file,
        where(row.record.row, col(actor.name)),
        `name "${name}" does not name ${id} (${ctx.actors.nameOf.get(id) ?? '?'}), which the code "${code ?? ''}" resolves to`,
      );
      return undefined;
    }
  }
  if (id === undefined) {
    ctx.log.add(file, where(row.record.row), `binding "${binding}" names no actor`);
    return undefined;
  }
  const columns = [actor.code, actor.name].filter((c): c is string => c !== undefined);
  return { id, surfaceForm: name ?? code ?? id, columns };
}

function planRowFact(
  spec: FactSpec,
  scope: Scope,
  table: {
    columns: Map<string, Column>;
    file: string;
    mappingFile: string;
    sourceId: string;
    flags: { kind: string; note: string }[];
    mentionColumns: string[];
  },
  ctx: { manifest: Manifest; log: IssueLog },
  out: { facts: Map<string, { fact: TableFact; spec: FactSpec; row: number }> },
): void {
  const { columns } = table;
  if (spec.when !== undefined) {
    const { cell } = cellOf(spec.when.nonzero, scope, columns);
    if (isZeroCell(cell)) return;
  }
  const read = new Set<string>();
  const id = fill(spec.id, scope);
  const type = idType(id);
  if (type === undefined || LABEL_BY_ID_TYPE[type] !== spec.label) throw new MappingError(`id "${id}" is not a valid ${spec.label} id`);
  const props: Record<string, TableProp> = {};
  for (const [key, value] of Object.entries(spec.props)) props[key] = valueOf(value, scope, columns, read);
  if (spec.amount !== undefined) {
    const { cell, column, name } = cellOf(spec.amount.cell === '$column' ? '$column' : spec.amount.cell, scope, columns);
    if (
      column === undefined ||
      (column.type !== 'decimal' && column.type !== 'float') ||
      column.unit === undefined ||
      !isIsoCurrency(column.unit)
    )
      throw new MappingError(`amount: column "${name}" is not a decimal or float column with an ISO 4217 unit`);
    read.add(name);
    props.amountStated = cell.raw;
    props.amountValue = propOf(cell, column);
    props.amountCurrency = column.unit;
    props.amountStatedUnit = `${column.unit}${scaleWord(column.scale)}`;
  }
  if (spec.time !== undefined) {
    const period = 'month' in spec.time ? scope.vars.get(spec.time.month) : fill(spec.time.period, scope);
    const m = period === undefined ? null : /^(\d{4})-(\d{2})$/.exec(period);
    if (!m) throw new MappingError(`time: "${period ?? ''}" is not a YYYY-MM period`);
    Object.assign(props, monthProps(Number(m[1]), Number(m[2])));
    if ('note' in spec.time && spec.time.note !== undefined) props.timeNote = spec.time.note;
    if ('month' in spec.time) {
      const binding = spec.time.month;
      for (const c of ['year', 'month']) if (scope.vars.has(`${binding}.${c}`)) read.add(c);
    }
  }
  if (spec.label !== 'WeaponSystem') {
    props.sourceId = table.sourceId;
    props.datasetId = ctx.manifest.dataset.id;
  }
  if (spec.label === 'Commitment') props.isPart = false;
  if (table.flags.length > 0 && spec.label !== 'WeaponSystem') {
    props.flags = [...new Set(table.flags.map((f) => f.kind))].sort();
    props.notes = table.flags.map((f) => `${f.kind}: ${f.note}`);
  }
  const ref = (r: string | undefined): string =>
    r === undefined ? id : r.startsWith('$') ? (scope.vars.get(r) ?? fail(`unknown binding ${r}`)) : fill(r, scope);
  const rels = (spec.rels ?? []).map((rel) => {
    if (!(rel.type in RELATIONSHIPS)) throw new MappingError(`unknown relationship type ${rel.type}`);
    const relProps: Record<string, TableProp> = {};
    for (const [key, value] of Object.entries(rel.props ?? {})) relProps[key] = valueOf(value, scope, columns, read);
    return { type: rel.type as RelType, from: ref(rel.from), to: ref(rel.to), props: relProps, merge: rel.merge };
  });
  const columnsRead =
    spec.columns ?? [...new Set([...table.mentionColumns, ...read])].sort((a, b) => indexOf(columns, a) - indexOf(columns, b));
  const fact: TableFact = {
    id,
    label: spec.label,
    props,
    rels: rels.map(({ merge: _merge, ...r }) => r),
    evidence: [
      {
        sourceId: table.sourceId,
        evidence: scope.row.evidence,
        columns: columnsRead.map((c) => (c === '$column' ? (scope.column ?? c) : c)),
      },
    ],
  };
  const problem = checkContract(fact);
  if (problem !== undefined) throw new MappingError(problem);
  const existing = out.facts.get(id);
  if (existing === undefined) {
    out.facts.set(id, { fact, spec, row: scope.row.record.row });
    return;
  }
  // One node from many rows (merge: true), or from two items of one row (two spellings of one system).
  if (existing.spec === spec && (spec.merge === true || existing.row === scope.row.record.row)) {
    mergeInto(existing.fact, fact, spec, rels);
    return;
  }
  ctx.log.add(
    table.file,
    where(scope.row.record.row),
    `id "${id}" is stated again (first at row=${existing.row}); set merge: true in the mapping if rows may share a node`,
  );
  function fail(message: string): never {
    throw new MappingError(message);
  }
}

const indexOf = (columns: Map<string, Column>, name: string): number => [...columns.keys()].indexOf(name);

/** Merges a fact stated again (by another row, or another item of the same row) into the first. */
function mergeInto(
  target: TableFact,
  again: TableFact,
  spec: FactSpec,
  rels: { type: string; from: string; to: string; props: Record<string, TableProp>; merge?: 'sum' | undefined }[],
): void {
  for (const [key, value] of Object.entries(again.props)) {
    const before = target.props[key];
    if (Array.isArray(before) && Array.isArray(value)) target.props[key] = [...new Set([...before, ...value])].sort();
    else if (before === undefined) target.props[key] = value;
    else if ((spec.firstWins ?? []).includes(key)) continue;
    else if (JSON.stringify(before, bigintJson) !== JSON.stringify(value, bigintJson))
      throw new MappingError(
        `merged node ${target.id}: property "${key}" is ${JSON.stringify(before, bigintJson)} in one row and ${JSON.stringify(value, bigintJson)} in another`,
      );
  }
  for (const rel of rels) {
    const existing = target.rels.find((r) => r.type === rel.type && r.from === rel.from && r.to === rel.to);
    if (existing === undefined) {
      target.rels.push({ type: rel.type, from: rel.from, to: rel.to, props: rel.props });
      continue;
    }
    for (const [key, value] of Object.entries(rel.props)) {
      const before = existing.props[key];
      if (rel.merge === 'sum' && typeof before === 'bigint' && typeof value === 'bigint') existing.props[key] = before + value;
      else if (rel.merge === 'sum' && typeof before === 'number' && typeof value === 'number') existing.props[key] = before + value;
      else if (rel.merge === 'sum' && typeof before === 'string' && typeof value === 'string') existing.props[key] = `${before}; ${value}`;
      else if (JSON.stringify(before, bigintJson) !== JSON.stringify(value, bigintJson))
        throw new MappingError(
          `relationship ${rel.type} from ${rel.from} to ${rel.to}: "${key}" differs between rows (set merge: sum to add them)`,
        );
    }
  }
  for (const ev of again.evidence) {
    const same = target.evidence.find((e) => e.sourceId === ev.sourceId && e.evidence.row === ev.evidence.row);
    if (same === undefined) target.evidence.push(ev);
    else same.columns = [...new Set([...same.columns, ...ev.columns])];
  }
}

const bigintJson = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? `${value}n` : value);

/**
 * Reads the datasets of one data directory; `complete` is false when any problem was found. `label` prefixes file names in issues when several
 * directories are read; table paths are relative to the seed root (the parent of `dataDir`).
 */
export async function readDatasets(
  dataDir: string,
  label: string,
  registry: Registry,
  log: IssueLog,
): Promise<{ datasets: LoadedDataset[]; complete: boolean }> {
  const datasets: LoadedDataset[] = [];
  // A dataset with any problem may not have named every actor its rows name: the caller then skips
  // the "every entity is mentioned" check rather than report each of them.
  const issuesBefore = log.issues.length;
  const actors = actorIndex(registry);
  const root = path.dirname(dataDir);
  for (const name of await seedFiles(path.join(dataDir, 'datasets'))) {
    const manifestFile = path.posix.join(label, 'datasets', name);
    const raw = parseSeedText(await readFile(path.join(dataDir, 'datasets', name), 'utf8'), manifestFile, log);
    if (raw === undefined) continue;
    const parsed = ManifestSchema.safeParse(raw);
    if (!parsed.success) {
      log.addZod(manifestFile, [], parsed.error);
      continue;
    }
    const manifest = parsed.data;
    const slug = idSlug(manifest.dataset.id);
    const expectedName = name.replace(/\.(yaml|yml|json)$/, '');
    if (expectedName !== slug) log.add(manifestFile, 'dataset.id', `a dataset manifest must be named after its id: ${slug}.yaml`);
    for (const [key, id] of [...Object.entries(manifest.actors?.byCode ?? {}), ...Object.entries(manifest.actors?.byName ?? {})])
      if (!actors.nameOf.has(id)) log.add(manifestFile, `actors (${key})`, `"${id}" is not in the registry`);
    if (manifest.dataset.recipient !== undefined && !actors.nameOf.has(manifest.dataset.recipient))
      log.add(manifestFile, 'dataset.recipient', `"${manifest.dataset.recipient}" is not in the registry`);
    if (manifest.dataset.readme !== undefined) {
      const readable = await readFile(path.join(root, manifest.dataset.readme)).then(
        () => true,
        () => false,
      );
      if (!readable) log.add(manifestFile, 'dataset.readme', `cannot read ${manifest.dataset.readme}`);
    }
    const warnings: string[] = [];
    const ctx = { manifest, actors, log, warnings };
    const out = { facts: new Map<string, { fact: TableFact; spec: FactSpec; row: number }>(), mentions: [] as TableMention[] };
    const tables = new Map<string, Table>();
    const broken = new Set<string>();
    const loaded: LoadedTable[] = [];
    for (const [index, entry] of manifest.files.entries()) {
      const file = path.posix.join(label, entry.path);
      const mappingFile = path.posix.join(label, 'datasets', slug, entry.mapping);
      let text: string;
      try {
        text = await readFile(path.join(root, entry.path), 'utf8');
      } catch {
        log.add(manifestFile, `files[${index}].path`, `cannot read ${entry.path} (relative to ${root})`);
        continue;
      }
      const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
      if (sha256 !== entry.sha256)
        log.add(
          file,
          '',
          `the file differs from the manifest's sha256 (${entry.sha256.slice(0, 12)}…; this file hashes to ${sha256.slice(0, 12)}…)`,
        );
      let mappingText: string;
      try {
        mappingText = await readFile(path.join(dataDir, 'datasets', slug, entry.mapping), 'utf8');
      } catch {
        log.add(manifestFile, `files[${index}].mapping`, `cannot read the mapping ${mappingFile}`);
        continue;
      }
      const mappingRaw = parseSeedText(mappingText, mappingFile, log);
      if (mappingRaw === undefined) continue;
      const mapping = MappingSchema.safeParse(mappingRaw);
      if (!mapping.success) {
        log.addZod(mappingFile, [], mapping.error);
        continue;
      }
      const key = path.basename(entry.path, '.csv');
      const read = readTable({ key, file, mappingFile, sourceId: entry.id, text, mapping: mapping.data }, ctx, out);
      if (read === undefined) {
        broken.add(key);
        continue;
      }
      const { rows } = read;
      // Checks across files compare typed cells: a file with a cell that did not type is left out of them.
      if (read.ok) tables.set(key, { key, mapping: mapping.data, rows, file });
      else broken.add(key);
      loaded.push({
        path: entry.path,
        mappingFile,
        sourceId: entry.id,
        title: mapping.data.title,
        text,
        sha256,
        header: mapping.data.columns.map((c) => c.name),
        rowCount: rows.length,
      });
    }
    for (const check of manifest.checks ?? []) datasetCheck(check, tables, broken, manifestFile, manifest, ctx);
    const known = new Set([...actors.nameOf.keys(), ...out.facts.keys()]);
    for (const { fact } of out.facts.values())
      for (const rel of fact.rels)
        for (const end of [rel.from, rel.to])
          if (!known.has(end))
            log.add(
              manifestFile,
              fact.id,
              `relationship ${rel.type} names "${end}", which is neither in the registry nor stated by this dataset`,
            );
    datasets.push({
      file: manifestFile,
      meta: manifest.dataset,
      tables: loaded,
      facts: [...out.facts.values()].map(({ fact }) => fact),
      mentions: out.mentions,
      warnings,
    });
  }
  return { datasets, complete: log.issues.length === issuesBefore };
}
