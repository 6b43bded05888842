/**
 * Everything between "Neo4j answers" and "the API may serve": migrations, then the seed data.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Executor } from '../src/db/Executor.js';
import { applyMigrations, desiredSchema } from '../src/db/migrations.js';
import type { Logger } from '../src/logger.js';
import { writeGraph, type WritableGraph } from './load/writeGraph.js';

export const SEED_DIR = dirname(fileURLToPath(import.meta.url));

const VOCABULARY = { labels: ['Source'], relTypes: [] as string[] };

/** Applies migrations and loads the seed; returns a one-line summary of the graph. */
export async function prepareGraph(executor: Executor, logger: Logger): Promise<string> {
  const migrations = await applyMigrations(
    executor,
    desiredSchema({ labels: VOCABULARY.labels, searchable: ['Source'], rangeIndexes: [] }),
  );
  logger.info(migrations, 'migrations applied');
  const report = await writeGraph(executor, planSources(join(SEED_DIR, 'sources')), VOCABULARY);
  logger.info(report, 'seed loaded');
  return Object.entries(report.nodes)
    .map(([label, n]) => `${n} ${label}`)
    .join(', ');
}

/** Registers each source text as a Source node. */
function planSources(dir: string): WritableGraph {
  const nodes = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(resolve(dir, file), 'utf8');
      const id = `source:${file.replace(/\.txt$/, '')}`;
      return {
        label: 'Source',
        id,
        props: {
          name: text.split('\n')[0]?.slice(0, 80) ?? id,
          path: `sources/${file}`,
          sha256: createHash('sha256').update(text).digest('hex'),
          text,
        },
      };
    });
  return { nodes, rels: [] };
}
