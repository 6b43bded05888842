/**
 * `npm start`, the main job: Neo4j up (the local one when NEO4J_URI is unset), migrations applied,
 * the graph seeded, the API serving. Prints where everything is.
 *
 * This process is the supervisor: it does the one-time work above, then runs the API in a child
 * process (src/serve.ts) with a deliberate heap limit (API_MAX_HEAP_MB) and restarts it with
 * backoff whenever it dies unasked, logging why (src/supervisor/). SIGINT/SIGTERM stop the API
 * gracefully, then this process exits 0.
 */
import { fileURLToPath } from 'node:url';
import { ConfigError, childEnvironment, loadConfig, type Config } from '../src/config.js';
import { describeError } from '../src/errors.js';
import { createLogger } from '../src/logger.js';
import { connectRuntime } from '../src/runtime.js';
import { ApiStartError, supervise } from '../src/supervisor/supervise.js';
import { prepareGraph, summarise } from '../seed/prepareGraph.js';
import { SeedValidationError } from '../seed/validate/validate.js';
import { LocalNeo4jError } from './localNeo4j/localNeo4j.js';
import { bulkWriter } from './bulkLoad.js';
import { progressReporter } from './progress.js';
import { resolveNeo4jTarget } from './localNeo4j/resolveTarget.js';

/** Compiled (`npm run build`, dist/) or run from source through tsx (`npm start`). */
const COMPILED = import.meta.url.endsWith('.js');
const API_ENTRY = fileURLToPath(new URL(COMPILED ? '../src/serve.js' : '../src/serve.ts', import.meta.url));

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = createLogger(config);
  await refuseIfAlreadyServing(config);

  const { target, local } = await resolveNeo4jTarget(config, (message) => {
    logger.info(message);
  });
  const runtime = await connectRuntime(config, target, logger);
  logger.info({ neo4j: target.uri, server: runtime.serverInfo.agent }, 'connected to Neo4j');
  // With SEED_ON_START=false the graph is served as it is: seeding is then a separate job
  // (`npm run seed`), as in a deployment, or a benchmark that loaded its own data.
  let seeded: string;
  try {
    if (config.seedOnStart) {
      // A large first load into the empty local instance goes through Neo4j's importer (ops/bulkLoad.ts).
      const progress = progressReporter(process.stderr, { stageLine: (message) => logger.info(message) });
      const bulk =
        local === undefined
          ? undefined
          : bulkWriter(local.spec, runtime.executor, 'auto', (message) => logger.info(message), {
              stage: (message) => progress.stage(message),
              importerOutput: (chunk) => progress.external(chunk),
            });
      const report = await prepareGraph(runtime.executor, logger, undefined, { progress, ...(bulk === undefined ? {} : { bulk }) });
      progress.done();
      seeded = `${summarise(report)}${report.action === 'unchanged' ? ' (unchanged since the last load: nothing written)' : ''}`;
    } else seeded = 'served as it is (SEED_ON_START=false)';
  } finally {
    // The API process opens its own driver; this one keeps no connection while it supervises.
    await runtime.close();
  }

  const supervisor = supervise({
    entry: API_ENTRY,
    // The API process runs as this one does (compiled JavaScript, or TypeScript through tsx), with its own heap limit.
    execArgv: [...(COMPILED ? [] : ['--import', import.meta.resolve('tsx')]), `--max-old-space-size=${config.apiMaxHeapMb}`],
    // The Neo4j this process resolved (the local instance's generated login included), so the
    // API process neither starts a database nor seeds.
    env: childEnvironment({ NEO4J_URI: target.uri, NEO4J_USERNAME: target.username, NEO4J_PASSWORD: target.password }),
    maxHeapMb: config.apiMaxHeapMb,
    logger,
  });

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: stopping the API process (it drains HTTP, then closes its Neo4j driver)');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await supervisor.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const server = await supervisor.firstServing;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const lines = [
    '',
    `Ready in ${seconds} s.`,
    `  GraphQL API    ${server.url}${config.landingPage ? '   (open it in a browser: GraphiQL, works offline)' : ''}`,
    `  Health         http://${config.host}:${server.port}/health   Readiness: /ready${server.healthUrl ? `   Liveness (own thread): ${server.healthUrl}` : ''}`,
    `  Neo4j (Bolt)   ${target.uri}`,
    // The generated password of the project's own local instance is shown; a configured one never is.
    ...(local
      ? [
          `  Neo4j Browser  ${local.browserUrl}`,
          `  Neo4j login    ${target.username} / ${target.password}   (on connect: the project's style and a guide; click ▶ on a query)`,
        ]
      : []),
    `  Graph          ${seeded}`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** A second `npm start` must say clearly that one already serves, not fail with EADDRINUSE. */
async function refuseIfAlreadyServing(config: Config): Promise<void> {
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  try {
    const res = await fetch(`http://${host}:${config.port}/health`, { signal: AbortSignal.timeout(1500) });
    const body = (await res.json().catch(() => ({}))) as { status?: string };
    throw new StartError(
      body.status === 'ok'
        ? `The API is already running at http://${host}:${config.port}/graphql (another \`npm start\`?). Stop it first, or set PORT to run a second one.`
        : `Port ${config.port} on ${host} is already in use by another program. Stop it, or set PORT.`,
    );
  } catch (err) {
    if (err instanceof StartError) throw err;
    // Nothing answered: the port is free.
  }
}

class StartError extends Error {}

main().catch((err: unknown) => {
  if (
    err instanceof ConfigError ||
    err instanceof LocalNeo4jError ||
    err instanceof StartError ||
    err instanceof SeedValidationError ||
    err instanceof ApiStartError
  ) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Start-up failed: ${describeError(err)}\n`);
  }
  process.exit(1);
});
