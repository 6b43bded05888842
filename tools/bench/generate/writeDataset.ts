/**
 * Writes a synthetic dataset in the project's seed layout:
 *   <out>/data/registry/<kind>.json   <out>/data/sources/<slug>.json   <out>/sources/<slug>.txt
 * JSON by default: the seed reader parses `.json` with `JSON.parse`, about 150 times faster than
 * YAML, and it is faster to write too. `format: 'yaml'` writes block YAML (`.yaml`) instead, to
 * compare parse times or to read the data as a curator would.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { generateSource } from './generateSource.js';
import { World } from './World.js';

export interface DatasetOptions {
  scale: number;
  seed: number;
  out: string;
  format?: 'json' | 'yaml';
}

export interface DatasetSummary {
  dataDir: string;
  sources: number;
  registry: Record<string, number>;
  bytes: number;
}

/** Generates `scale` sources (source k depends only on seed and k) and the registry they mention. */
export async function writeDataset({ scale, seed, out, format = 'json' }: DatasetOptions): Promise<DatasetSummary> {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer, got ${scale}`);
  const dataDir = path.join(out, 'data');
  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(dataDir, 'registry'), { recursive: true });
  await mkdir(path.join(dataDir, 'sources'), { recursive: true });
  await mkdir(path.join(out, 'sources'), { recursive: true });
  const serialise = (value: unknown): string => (format === 'json' ? `${JSON.stringify(value)}\n` : stringify(value, { lineWidth: 0 }));
  const ext = format === 'json' ? 'json' : 'yaml';
  let bytes = 0;
  const write = async (file: string, content: string): Promise<void> => {
    bytes += Buffer.byteLength(content);
    await writeFile(file, content);
  };
  const world = new World(seed);
  for (let k = 0; k < scale; k++) {
    const source = generateSource(world, seed, k);
    await write(path.join(out, 'sources', `${source.slug}.txt`), source.text);
    await write(path.join(dataDir, 'sources', `${source.slug}.${ext}`), serialise(source.file));
  }
  const lists = world.lists();
  const registry: Record<string, number> = {};
  for (const [kind, entries] of Object.entries(lists) as [string, unknown[]][]) {
    registry[kind] = entries.length;
    await write(path.join(dataDir, 'registry', `${kind}.${ext}`), serialise({ [kind]: entries }));
  }
  return { dataDir, sources: scale, registry, bytes };
}
