/**
 * `npm run seed [-- --dry-run] [--data <dir> …] [--full] [--bulk | --online] [--instance <name>] [--atomic | --batched] [--batched-above <rows>] [--batch-size <rows>]`:
 * validate the seed files, apply migrations and load what changed since the last load (every
 * source whose rows are unchanged is skipped; `--full` writes everything), then report counts per
 * label and relationship type. Into an empty local instance, a large first load (or `--bulk`) runs
 * Neo4j's own importer instead (ops/bulkLoad.ts); `--instance` names the local instance (dev by
 * default, used unless NEO4J_URI is set). The write is one transaction up to `--batched-above` rows (default
 * 50,000) and batched above; `--atomic` / `--batched` force either. `--dry-run` validates and
 * plans only; it needs no database.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.js';
import { describeError } from '../src/errors.js';
import { createLogger } from '../src/logger.js';
import { connectRuntime } from '../src/runtime.js';
import { LocalNeo4jError } from './localNeo4j/localNeo4j.js';
import { resolveNeo4jTarget } from './localNeo4j/resolveTarget.js';
import { SeedValidationError } from '../seed/validate/validate.js';
import { SeedWriteError } from '../seed/write/SeedWriteError.js';
import type { WriteOptions } from '../seed/write/writeGraph.js';
import { DATA_DIR, planSeed, prepareGraph, summarise } from '../seed/prepareGraph.js';
import { BulkRefusedError } from '../seed/loadSeed.js';
import { bulkWriter } from './bulkLoad.js';
import { progressReporter } from './progress.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      data: { type: 'string', multiple: true },
      atomic: { type: 'boolean', default: false },
      batched: { type: 'boolean', default: false },
      'batched-above': { type: 'string' },
      'batch-size': { type: 'string' },
      full: { type: 'boolean', default: false },
      bulk: { type: 'boolean', default: false },
      online: { type: 'boolean', default: false },
      instance: { type: 'string' },
    },
  });
  const dirs = values.data?.length ? values.data : [DATA_DIR];
  const write = { ...writeOptions(values), full: values.full === true };
  if (values.bulk && values.online) throw new UsageError('--bulk and --online exclude each other');

  if (values['dry-run']) {
    const plan = await planSeed(dirs);
    const count = (keys: string[]): Record<string, number> =>
      keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
    const nodes = count(plan.nodes.map((n) => n.label));
    const relationships = count(plan.rels.map((r) => r.type));
    process.stdout.write(`Seed is valid (${dirs.join(', ')}). Would write ${summarise({ nodes, relationships })}.\n`);
    printTable('relationships', relationships);
    return;
  }

  const config = loadConfig();
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  if (values.bulk && values.instance === undefined && config.neo4j.uri)
    throw new UsageError(
      `--bulk runs Neo4j's own importer on one of the project's local instances, which it stops and starts; ` +
        `NEO4J_URI points at ${config.neo4j.uri}, a server this command does not manage. Load it without --bulk, ` +
        'or name a local instance with --instance <name>.',
    );
  const { target, local } = await resolveNeo4jTarget(config, (message) => logger.info(message), values.instance);
  const runtime = await connectRuntime(config, target, logger);
  try {
    const startedAt = performance.now();
    const progress = progressReporter(process.stderr);
    const bulk =
      local === undefined || values.online
        ? undefined
        : bulkWriter(local.spec, runtime.executor, values.bulk ? 'force' : 'auto', (message) => logger.info(message), {
            stage: (message) => progress.stage(message),
            importerOutput: (chunk) => progress.external(chunk),
          });
    const report = await prepareGraph(runtime.executor, logger, dirs, {
      ...write,
      ...(bulk === undefined ? {} : { bulk }),
      progress,
    });
    progress.done();
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    const how = { none: 'nothing written', atomic: 'one transaction', batched: 'in batches', bulk: "Neo4j's importer" }[report.mode];
    const what =
      report.action === 'unchanged'
        ? 'unchanged since the last load'
        : report.action === 'full'
          ? `full load, ${report.reason ?? ''}`
          : 'changed sources only';
    process.stdout.write(`Seeded ${target.uri} in ${seconds} s (${what}; ${how}): ${summarise(report)}.\n`);
    for (const [verb, ids] of Object.entries(report.units))
      if (ids.length > 0 && report.action !== 'full') process.stdout.write(`  ${verb.padEnd(8)} ${ids.join(', ')}\n`);
    if (report.deletedNodes > 0) process.stdout.write(`Removed ${report.deletedNodes} nodes no longer in the seed files.\n`);
    if ((report.deletedRelationships ?? 0) > 0)
      process.stdout.write(`Removed ${report.deletedRelationships} relationships no longer in the seed files.\n`);
    printTable('nodes', report.nodes);
    printTable('relationships', report.relationships);
  } finally {
    await runtime.close();
  }
}

/** The write mode and batch sizes from the flags; a bad value is a usage error before anything runs. */
function writeOptions(values: { atomic?: boolean; batched?: boolean; 'batched-above'?: string; 'batch-size'?: string }): WriteOptions {
  if (values.atomic && values.batched) throw new UsageError('--atomic and --batched exclude each other');
  const rows = (flag: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer, got ${JSON.stringify(value)}`);
    return n;
  };
  const batchedAboveRows = rows('--batched-above', values['batched-above']);
  const batchRows = rows('--batch-size', values['batch-size']);
  return {
    mode: values.atomic ? 'atomic' : values.batched ? 'batched' : 'auto',
    ...(batchedAboveRows === undefined ? {} : { batchedAboveRows }),
    ...(batchRows === undefined ? {} : { batchRows }),
  };
}

class UsageError extends Error {}

function printTable(title: string, counts: Record<string, number>): void {
  const rows = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`${title}:\n${rows.map(([k, n]) => `  ${k.padEnd(width)}  ${String(n).padStart(5)}`).join('\n')}\n`);
}

main().catch((err: unknown) => {
  if (
    err instanceof SeedValidationError ||
    err instanceof ConfigError ||
    err instanceof LocalNeo4jError ||
    err instanceof UsageError ||
    err instanceof BulkRefusedError
  ) {
    process.stderr.write(`${err.message}\nNothing was written.\n`);
  } else if (err instanceof SeedWriteError) {
    // It says itself whether anything was written (a batched load may have been partly committed).
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Seeding failed, nothing was written: ${describeError(err)}\n`);
  }
  process.exit(1);
});
