/**
 * `npx tsx tools/bench/seedThroughput.ts --data <dir> [--mode auto|atomic|batched] [--batch-size N] [--concurrency N] [--timeout-s 300]`:
 * the project's own loader (the steps of `prepareGraph`: validate, plan, migrate, write — in one
 * transaction or in batches, as `writeGraph` chooses or `--mode` forces), timed phase by phase, with
 * rows (nodes + relationships) per second and the process's peak memory. Refuses to run without
 * NEO4J_URI so it never loads a large graph into the dev instance; point it at the bench instance:
 *   eval "$(npx tsx tools/bench/benchInstance.ts start)"
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { createLogger } from '../../src/logger.js';
import { connectRuntime } from '../../src/runtime.js';
import { validateSeedDirs } from '../../seed/validate/validate.js';
import { planGraph } from '../../seed/plan/plan.js';
import { NODE_LABELS, REL_TYPES } from '../../src/model/vocabulary.js';
import { writeGraph } from '../../seed/write/writeGraph.js';
import { GRAPH_SCHEMA } from '../../src/model/graphSchema.js';

/** The wrapped error: AppError (a GraphQLError) keeps the driver's error as `originalError`. */
const causeOf = (e: unknown): unknown =>
  e instanceof Error ? ((e as { originalError?: unknown }).originalError ?? e.cause ?? undefined) : undefined;

const seconds = (since: number): number => Math.round((performance.now() - since) / 100) / 10;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', multiple: true },
      'timeout-s': { type: 'string', default: '300' },
      mode: { type: 'string', default: 'auto' },
      'batch-size': { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  const dirs = values.data ?? [];
  if (dirs.length === 0)
    throw new Error(
      'usage: seedThroughput.ts --data <dir> [--mode auto|atomic|batched] [--batch-size N] [--concurrency N] [--timeout-s 300]',
    );
  const mode = values.mode;
  if (mode !== 'auto' && mode !== 'atomic' && mode !== 'batched') throw new Error('--mode must be auto, atomic or batched');
  const batchRows = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  const config = loadConfig();
  if (!config.neo4j.uri) throw new Error('Set NEO4J_URI (and NEO4J_PASSWORD) to the bench instance; this never touches dev.');
  const logger = createLogger({ logLevel: 'warn' });
  const result: Record<string, unknown> = { data: dirs.join(',') };
  const report = (): void => {
    result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  };
  const started = performance.now();
  let t = performance.now();
  const seed = await validateSeedDirs(dirs);
  result.validateS = seconds(t);
  t = performance.now();
  const plan = planGraph(seed);
  result.planS = seconds(t);
  result.nodes = plan.nodes.length;
  result.rels = plan.rels.length;
  const runtime = await connectRuntime(
    config,
    { uri: config.neo4j.uri, username: config.neo4j.username, password: config.neo4j.password ?? '' },
    logger,
  );
  try {
    t = performance.now();
    await applyMigrations(runtime.executor, GRAPH_SCHEMA);
    result.migrateS = seconds(t);
    // Time per kind of writer query (seed.mergeNodes, seed.pruneNodes, …): what limits the write.
    const byStep: Record<string, number> = {};
    result.writeStepsS = byStep;
    const executor = runtime.executor.withListener((event) => {
      const step = event.name.split('.').slice(0, 2).join('.');
      byStep[step] = Math.round(((byStep[step] ?? 0) + event.durationMs / 1000) * 10) / 10;
    });
    t = performance.now();
    const written = await writeGraph(
      executor,
      plan,
      { labels: NODE_LABELS, relTypes: REL_TYPES },
      {
        mode,
        timeoutMs: Number(values['timeout-s']) * 1000,
        ...(batchRows === undefined ? {} : { batchRows }),
        ...(concurrency === undefined ? {} : { concurrency }),
      },
    );
    result.writeS = seconds(t);
    result.mode = written.mode;
    result.deletedNodes = written.deletedNodes;
    result.deletedRelationships = written.deletedRelationships;
    result.retriedBatches = written.retriedBatches;
    result.totalS = seconds(started);
    result.writeRowsPerS = Math.round((plan.nodes.length + plan.rels.length) / (result.writeS as number));
    result.endToEndRowsPerS = Math.round((plan.nodes.length + plan.rels.length) / (result.totalS as number));
  } catch (err) {
    result.failedAfterS = seconds(t);
    // The Executor maps driver errors to the API's masked AppError; the database's own code is the cause.
    const chain: string[] = [];
    for (let e: unknown = err; e !== undefined; e = causeOf(e))
      chain.push(e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : JSON.stringify(e));
    result.error = chain.join(' <- caused by ');
    process.exitCode = 1;
  } finally {
    await runtime.close();
    report();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
