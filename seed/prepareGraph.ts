/**
 * Everything between "Neo4j answers" and "the API may serve": validate the seed files, plan the
 * graph, apply migrations, write the plan (in one transaction, or in batches for a large plan).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Executor } from '../src/db/Executor.js';
import { applyMigrations } from '../src/db/migrations.js';
import { GRAPH_SCHEMA } from '../src/model/graphSchema.js';
import type { Logger } from '../src/logger.js';
import { validateSeedDirs } from './validate/validate.js';
import { planGraph, type GraphPlan } from './plan/plan.js';
import type { WriteReport } from './write/writeGraph.js';
import { loadSeed, type LoadOptions, type LoadReport } from './loadSeed.js';

/** The loader is an operator's job, not a request: its statements (index builds included) may run for minutes. */
const LOADER_TIMEOUT_MS = 300_000;

export const SEED_DIR = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = join(SEED_DIR, 'data');

/** Validates and plans the seed data in `dirs` without touching any database. Throws SeedValidationError. */
export async function planSeed(dirs: readonly string[] = [DATA_DIR]): Promise<GraphPlan> {
  return planGraph(await validateSeedDirs(dirs));
}

/**
 * Migrates, validates and loads what changed since the last load (loadSeed.ts). Nothing is
 * written unless the seed is valid; the write is atomic up to `write.batchedAboveRows` rows,
 * batched (and resumable by a re-run) above, or as `write.mode` forces.
 */
export async function prepareGraph(
  executor: Executor,
  logger: Logger,
  dirs: readonly string[] = [DATA_DIR],
  write: LoadOptions = {},
): Promise<LoadReport> {
  const migrate = async (): Promise<void> => {
    const migrations = await applyMigrations(executor, GRAPH_SCHEMA, write.timeoutMs ?? LOADER_TIMEOUT_MS);
    // Counts for the reader; the names (a fresh database creates some thirty indexes) only at debug.
    logger.info(
      { created: migrations.created.length, recreated: migrations.recreated.length, unchanged: migrations.unchanged.length },
      'migrations applied',
    );
    logger.debug({ created: migrations.created, recreated: migrations.recreated }, 'migrations applied: names');
  };
  const report = await loadSeed(executor, logger, dirs, { ...write, beforeWrite: migrate });
  const total = (counts: Record<string, number>): number => Object.values(counts).reduce((sum, n) => sum + n, 0);
  // Totals for the reader (the ready block of `npm start` lists them by label); by label and type at debug.
  logger.info(
    {
      action: report.action,
      ...(report.reason === undefined ? {} : { reason: report.reason }),
      mode: report.mode,
      units: Object.fromEntries(Object.entries(report.units).filter(([, ids]) => ids.length > 0)),
      writtenRows: report.writtenRows,
      nodes: total(report.nodes),
      relationships: total(report.relationships),
      deletedNodes: report.deletedNodes,
      deletedRelationships: report.deletedRelationships,
    },
    'seed loaded',
  );
  logger.debug({ nodes: report.nodes, relationships: report.relationships }, 'seed loaded: counts by label and type');
  return report;
}

/** "61 nodes (9 Person, …), 240 relationships" for humans. */
export function summarise(report: Pick<WriteReport, 'nodes' | 'relationships'>): string {
  const nodes = Object.values(report.nodes).reduce((a, b) => a + b, 0);
  const rels = Object.values(report.relationships).reduce((a, b) => a + b, 0);
  const perLabel = Object.entries(report.nodes)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}`)
    .join(', ');
  return `${nodes} nodes (${perLabel}), ${rels} relationships`;
}
