/**
 * The API process: connects to the configured Neo4j and serves. `npm start` (ops/start.ts)
 * runs it as a supervised child, after it has started Neo4j, migrated and seeded, and passes it
 * the resolved NEO4J_* settings; this process never seeds, so a restart after a crash only
 * reconnects and listens. When supervised it reports "serving" over IPC, and exits when the
 * supervisor goes away. SIGINT/SIGTERM drain HTTP, close the driver and exit 0.
 */
import { ConfigError, loadConfig } from './config.js';
import { describeError } from './errors.js';
import { createLogger } from './logger.js';
import { connectRuntime } from './runtime.js';
import { startServer } from './server/startServer.js';
import type { ServingMessage } from './supervisor/supervise.js';

class ServeError extends Error {}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const { uri, username, password } = config.neo4j;
  if (!uri) {
    throw new ServeError('NEO4J_URI is not set. The API process serves a given Neo4j; `npm start` starts the local one and passes it on.');
  }
  const runtime = await connectRuntime(config, { uri, username, password: password ?? '' }, logger);
  const server = await startServer(config, runtime.executor, logger);
  logger.info({ url: server.url }, 'serving');

  let stopping = false;
  const shutdown = async (reason: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down: draining HTTP, then closing the Neo4j driver');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await server.stop();
    await runtime.close();
    process.exit(0);
  };
  // Ctrl-C reaches the whole process group, so this process may see SIGINT beside its supervisor's SIGTERM.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // The supervisor is gone (even killed outright): nobody would stop or restart this process, so it stops.
  process.on('disconnect', () => void shutdown('supervisor gone'));

  const serving: ServingMessage = {
    type: 'serving',
    url: server.url,
    port: server.port,
    ...(server.healthUrl ? { healthUrl: server.healthUrl } : {}),
  };
  process.send?.(serving, undefined, {}, (err) => {
    // The supervisor went away meanwhile; 'disconnect' stops this process.
    if (err) logger.warn({ err: err.message }, 'could not tell the supervisor that the API serves');
  });
}

main().catch((err: unknown) => {
  process.stderr.write(
    err instanceof ConfigError || err instanceof ServeError ? `${err.message}\n` : `API process failed to start: ${describeError(err)}\n`,
  );
  process.exit(1);
});
