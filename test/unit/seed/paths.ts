/** Locations shared by the seed tests. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The real seed data directory. */
export const DATA_DIR = path.join(repo, 'seed/data');
/** The seed root that source text paths are relative to. */
export const SEED_ROOT = path.join(repo, 'seed');
/** A fixture's data directory. */
export const fixture = (name: string): string => path.join(repo, 'test/fixtures/seed', name, 'data');
