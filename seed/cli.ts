/**
 * `npm run seed [-- --dry-run] [--data <dir> …]`: validate the seed files, apply migrations and
 * load the graph (atomically), then report counts per label and relationship type.
 * `--dry-run` validates and plans only; it needs no database.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.js';
import { describeError } from '../src/errors.js';
import { createLogger } from '../src/logger.js';
import { connectRuntime } from '../src/runtime.js';
import { LocalNeo4jError } from '../scripts/localNeo4j/localNeo4j.js';
import { resolveNeo4jTarget } from '../scripts/localNeo4j/resolveTarget.js';
import { SeedValidationError } from './format/validate.js';
import { DATA_DIR, planSeed, prepareGraph, summarise } from './prepareGraph.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, data: { type: 'string', multiple: true } } });
  const dirs = values.data?.length ? values.data : [DATA_DIR];

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
  const { target } = await resolveNeo4jTarget(config, (message) => logger.info(message));
  const runtime = await connectRuntime(config, target, logger);
  try {
    const startedAt = performance.now();
    const report = await prepareGraph(runtime.executor, logger, dirs);
    process.stdout.write(`Seeded ${target.uri} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s: ${summarise(report)}.\n`);
    if (report.deletedNodes > 0) process.stdout.write(`Removed ${report.deletedNodes} nodes no longer in the seed files.\n`);
    printTable('nodes', report.nodes);
    printTable('relationships', report.relationships);
  } finally {
    await runtime.close();
  }
}

function printTable(title: string, counts: Record<string, number>): void {
  const rows = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`${title}:\n${rows.map(([k, n]) => `  ${k.padEnd(width)}  ${String(n).padStart(5)}`).join('\n')}\n`);
}

main().catch((err: unknown) => {
  if (err instanceof SeedValidationError || err instanceof ConfigError || err instanceof LocalNeo4jError) {
    process.stderr.write(`${err.message}\nNothing was written.\n`);
  } else {
    process.stderr.write(`Seeding failed, nothing was written: ${describeError(err)}\n`);
  }
  process.exit(1);
});
