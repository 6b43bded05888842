/**
 * The input fingerprint: one SHA-256 over everything a load is made from, so a start whose input
 * is unchanged can skip validation, planning and writing altogether.
 *   - every file under each data directory (registry, sources, datasets, mappings);
 *   - the files the data names outside them (source texts, tables, a dataset's README), as the
 *     last validation listed them: if the data directories are unchanged, so is that list;
 *   - the loader's own code (`seed/validate`, `seed/plan`, `src/model`): a planner that changed
 *     plans a different graph from the same files.
 * Paths are relative (data directory by position), so moving the checkout changes nothing.
 */
import { createHash } from 'node:crypto';
import { access, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidatedSeed } from './validate/ValidatedSeed.js';

const SEED_DIR = path.dirname(fileURLToPath(import.meta.url));
/** The code that turns files into a plan, compiled (dist/) or not. */
const CODE_DIRS = [path.join(SEED_DIR, 'validate'), path.join(SEED_DIR, 'plan'), path.join(SEED_DIR, '..', 'src', 'model')];

export interface InputFingerprint {
  hash: string;
  /** Files the data names outside the data directories, `<dir index>:<path relative to its parent>`. */
  references: string[];
}

/** Files outside the data directories that the validated seed was read from. */
export async function referencedFiles(seed: ValidatedSeed, dataDirs: readonly string[]): Promise<string[]> {
  // Every path in the data is relative to the parent of a data directory; which one is not
  // recorded per source, so each is tried in order, the first where it exists counting.
  const out = new Set<string>();
  for (const s of seed.sources) out.add(s.data.source.path);
  for (const d of seed.datasets) {
    for (const t of d.tables) out.add(t.path);
    if (typeof d.meta.readme === 'string') out.add(d.meta.readme);
  }
  const refs: string[] = [];
  for (const p of [...out].sort()) {
    for (const [i, dir] of dataDirs.entries()) {
      if (
        await access(path.join(path.dirname(dir), p)).then(
          () => true,
          () => false,
        )
      ) {
        refs.push(`${i}:${p}`);
        break;
      }
    }
  }
  return refs;
}

/** The fingerprint of `dataDirs` and the `references` a previous validation listed. */
export async function inputFingerprint(dataDirs: readonly string[], references: readonly string[]): Promise<InputFingerprint> {
  const lines: string[] = [];
  for (const [i, dir] of dataDirs.entries())
    for (const file of await listFiles(dir)) lines.push(`data${i}/${path.relative(dir, file)}\0${await sha256(file)}`);
  for (const ref of references) {
    const [index, ...rest] = ref.split(':');
    const dir = dataDirs[Number(index)];
    if (dir === undefined) continue;
    lines.push(`ref${index}/${rest.join(':')}\0${await sha256(path.join(path.dirname(dir), rest.join(':')))}`);
  }
  for (const [i, dir] of CODE_DIRS.entries())
    for (const file of await listFiles(dir))
      if (/\.(ts|js)$/.test(file) && !file.endsWith('.d.ts')) lines.push(`code${i}/${path.relative(dir, file)}\0${await sha256(file)}`);
  return { hash: createHash('sha256').update(lines.join('\n')).digest('hex'), references: [...references] };
}

/** Every file under `dir`, recursively, sorted; none if it is missing. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Hex SHA-256 of a file, or `missing` when it cannot be read (a change like any other). */
async function sha256(file: string): Promise<string> {
  try {
    return createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  } catch {
    return 'missing';
  }
}
