/**
 * Reads registry and source files — YAML (`.yaml`, `.yml`) or JSON (`.json`) — checking syntax
 * and schema item by item so that one bad entry does not hide the problems of the others.
 * JSON is read with `JSON.parse`, about 150 times faster than the YAML parser on the same text:
 * curated files stay YAML (comments), generated bulk data is JSON.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { IssueLog } from './IssueLog.js';
import { REGISTRY_LISTS } from './registrySchema.js';
import { SOURCE_LISTS, SourceMetaSchema, type SourceFile } from './sourceFileSchema.js';
import type { LoadedSource, Registry } from './ValidatedSeed.js';

/** The file name extensions of seed files. */
export const SEED_FILE_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** The extension of a seed file name (`.yaml`, `.yml`, `.json`), or undefined for any other file. */
export function seedFileExtension(name: string): (typeof SEED_FILE_EXTENSIONS)[number] | undefined {
  return SEED_FILE_EXTENSIONS.find((ext) => name.endsWith(ext));
}

/** Seed files directly inside `dir`, sorted; none if the folder is missing. */
export async function seedFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => seedFileExtension(f) !== undefined).sort();
  } catch {
    return [];
  }
}

/** Parses a seed file by its extension; syntax errors are reported with their line and column. */
async function readSeedFile(absolute: string, file: string, log: IssueLog): Promise<unknown> {
  return parseSeedText(await readFile(absolute, 'utf8'), file, log);
}

/** Parses a seed file's text by the extension of `file` (JSON or YAML); undefined after a syntax error, which is logged. */
export function parseSeedText(text: string, file: string, log: IssueLog): unknown {
  return file.endsWith('.json') ? parseJson(text, file, log) : parseYaml(text, file, log);
}

/**
 * `JSON.parse`, with V8's "at position N" turned into the line and column a curator's editor
 * shows (1-based, like the YAML parser's); an error without a position (unexpected end of
 * input) is placed at the end of the text.
 */
function parseJson(text: string, file: string, log: IssueLog): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const position = /at position (\d+)/.exec(message)?.[1];
    const offset = position === undefined ? text.length : Number(position);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const col = offset - before.lastIndexOf('\n');
    const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^(.*?), ".*" is not valid JSON$/s, '$1');
    log.add(file, '', `JSON syntax error at line ${line}, column ${col}: ${reason}`);
    return undefined;
  }
}

/** Parses YAML, reporting syntax errors with their line. */
function parseYaml(text: string, file: string, log: IssueLog): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = error.linePos?.[0];
      const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
      const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      log.add(file, '', `YAML syntax error${where}: ${message}`);
    }
    return undefined;
  }
  return doc.toJS();
}

/** Top-level shape: known list keys only; the items are checked one by one afterwards. */
function topLevel<K extends string>(keys: readonly K[], extra: Record<string, z.ZodType> = {}) {
  const shape: Record<string, z.ZodType> = { ...extra };
  for (const key of keys) shape[key] = z.array(z.unknown()).optional();
  return z.strictObject(shape);
}

/** Where a parsed item came from, so later checks can name its file and original path. */
export interface Where {
  file: string;
  path: string;
}

/** Locations of parsed items (keyed by the parsed object). */
export type Locations = WeakMap<object, Where>;

/** Parses a list item by item; valid items are kept and their location recorded. */
function parseItems<T extends object>(
  schema: z.ZodType<T>,
  items: unknown,
  key: string,
  file: string,
  log: IssueLog,
  where: Locations,
): T[] {
  if (!Array.isArray(items)) return [];
  const parsed: T[] = [];
  items.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) {
      parsed.push(result.data);
      where.set(result.data, { file, path: `${key}[${index}]` });
    } else {
      log.addZod(file, [key, index], result.error);
      const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
      if (typeof id === 'string') log.rejectedIds.add(id);
    }
  });
  return parsed;
}

/** Reads every `registry/*.{yaml,yml,json}` under `dataDir` into `registry`. */
export async function readRegistry(dataDir: string, label: string, registry: Registry, log: IssueLog, where: Locations): Promise<void> {
  const keys = Object.keys(REGISTRY_LISTS) as (keyof typeof REGISTRY_LISTS)[];
  for (const name of await seedFiles(path.join(dataDir, 'registry'))) {
    const file = path.posix.join(label, 'registry', name);
    const raw = await readSeedFile(path.join(dataDir, 'registry', name), file, log);
    if (raw === undefined) continue;
    const top = topLevel(keys).safeParse(raw ?? {});
    if (!top.success) {
      log.addZod(file, [], top.error);
      continue;
    }
    const data = top.data as Record<string, unknown>;
    for (const key of keys) {
      // Each list's items are checked by its own schema, so they are of the list's type.
      (registry[key] as object[]).push(...parseItems(REGISTRY_LISTS[key] as z.ZodType<object>, data[key], key, file, log, where));
    }
  }
}

/**
 * Reads every `sources/*.{yaml,yml,json}` under `dataDir` and the text each points at; `complete` is
 * false when a file could not be read at all (its mentions are then unknown). Text paths are
 * relative to the seed root, the parent of `dataDir` (`seed/` for `seed/data`).
 */
export async function readSources(
  dataDir: string,
  label: string,
  log: IssueLog,
  where: Locations,
): Promise<{ sources: LoadedSource[]; complete: boolean }> {
  const loaded: LoadedSource[] = [];
  let complete = true;
  const keys = Object.keys(SOURCE_LISTS) as (keyof typeof SOURCE_LISTS)[];
  for (const name of await seedFiles(path.join(dataDir, 'sources'))) {
    const file = path.posix.join(label, 'sources', name);
    const raw = await readSeedFile(path.join(dataDir, 'sources', name), file, log);
    if (raw === undefined) {
      complete = false;
      continue;
    }
    const top = topLevel(keys, { source: z.unknown() }).safeParse(raw ?? {});
    if (!top.success) {
      log.addZod(file, [], top.error);
      complete = false;
      continue;
    }
    const data = top.data as Record<string, unknown>;
    const meta = SourceMetaSchema.safeParse(data.source);
    if (!meta.success) {
      log.addZod(file, ['source'], meta.error);
      complete = false;
      continue;
    }
    where.set(meta.data, { file, path: 'source' });
    const expectedName = `${meta.data.id.slice('source:'.length)}${seedFileExtension(name) ?? '.yaml'}`;
    if (name !== expectedName) log.add(file, 'source.id', `source file must be named ${expectedName} after its id`);
    let text: string;
    try {
      text = await readFile(path.join(path.dirname(dataDir), meta.data.path), 'utf8');
    } catch {
      log.add(file, 'source.path', `cannot read source text ${meta.data.path} (relative to ${path.dirname(dataDir)})`);
      complete = false;
      continue;
    }
    const source: SourceFile = {
      source: meta.data,
      // Each list's items were checked by that list's schema in SOURCE_LISTS, so they are of its type.
      ...Object.fromEntries(keys.map((key) => [key, parseItems(SOURCE_LISTS[key] as z.ZodType<object>, data[key], key, file, log, where)])),
    };
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    loaded.push({ file, data: source, text, sha256 });
  }
  return { sources: loaded, complete };
}
