/**
 * The benchmark's `@neo4j/graphql` peer: the Neo4j GraphQL Library (v7) serving the type
 * definitions in `typeDefs.graphql` over the same database as this repository's API, with Apollo
 * Server 5 on Express 5 at the same path (`/graphql`), plus `GET /health`.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_USERNAME=neo4j NEO4J_PASSWORD=… \
 *     node --import tsx tools/bench/peers/neo4jGraphql/server.ts --port 4200 [--host 127.0.0.1]
 *
 * Read-only (the type definitions generate no mutations), introspection off, no caching beyond the
 * libraries' defaults. The driver gets the API's pool size and each transaction the API's
 * server-side timeout (NEO4J_MAX_POOL_SIZE / NEO4J_QUERY_TIMEOUT_MS, defaults 50 and 5000), so the
 * two differ in how they turn GraphQL into Cypher, not in how they talk to Neo4j. Prints
 * `listening <url>` when ready; SIGTERM/SIGINT drain HTTP, close the driver and exit 0.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL, type Neo4jGraphQLContext } from '@neo4j/graphql';
import express from 'express';
import neo4j, { type Driver } from 'neo4j-driver';

const HERE = dirname(fileURLToPath(import.meta.url));
export const TYPE_DEFS_FILE = join(HERE, 'typeDefs.graphql');

interface PeerSettings {
  uri: string;
  username: string;
  password: string;
  maxPoolSize: number;
  queryTimeoutMs: number;
}

/** The peer's connection settings. Like tools/reliability/apiProcess.ts, a bench tool outside src/ reads its own environment. */
function settingsFromEnv(): PeerSettings {
  // eslint-disable-next-line no-restricted-properties -- a benchmark peer, not the API: it takes the same NEO4J_* variables the harness gives the API, without the API's config module.
  const env = process.env;
  const missing = ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`Set ${missing.join(', ')} (the Neo4j the peer serves).`);
  return {
    uri: String(env.NEO4J_URI),
    username: String(env.NEO4J_USERNAME),
    password: String(env.NEO4J_PASSWORD),
    maxPoolSize: positiveInt(env.NEO4J_MAX_POOL_SIZE, 50, 'NEO4J_MAX_POOL_SIZE'),
    queryTimeoutMs: positiveInt(env.NEO4J_QUERY_TIMEOUT_MS, 5000, 'NEO4J_QUERY_TIMEOUT_MS'),
  };
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

export interface RunningPeer {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

/** Builds the schema and serves it; resolves once the HTTP server listens. */
export async function startPeer(options: { port: number; host: string; driver: Driver; queryTimeoutMs: number }): Promise<RunningPeer> {
  const typeDefs = readFileSync(TYPE_DEFS_FILE, 'utf8');
  const neoSchema = new Neo4jGraphQL({
    typeDefs,
    driver: options.driver,
    // Leaves out the generated fields the library itself marks deprecated (v6-style `id_EQ`
    // filters and the like): a smaller schema, the same queries.
    features: {
      excludeDeprecatedFields: {
        mutationOperations: true,
        aggregationFilters: true,
        aggregationFiltersOutsideConnection: true,
        relationshipFilters: true,
        attributeFilters: true,
      },
    },
  });
  const schema = await neoSchema.getSchema();

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Neo4jGraphQLContext>({
    schema,
    introspection: false,
    includeStacktraceInErrorResponses: false,
    // main() owns the signals, so stop() runs once.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      {
        // Errors are logged here, once per request, with the operation's name.
        requestDidStart: () =>
          Promise.resolve({
            didEncounterErrors: ({ errors, operationName }) => {
              for (const error of errors) {
                process.stderr.write(`${JSON.stringify({ level: 'error', operationName, message: error.message, path: error.path })}\n`);
              }
              return Promise.resolve();
            },
          }),
      },
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: () => Promise.resolve({ transaction: { timeout: options.queryTimeoutMs } }),
    }),
  );
  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found. The GraphQL endpoint is /graphql.' });
  });

  await new Promise<void>((resolvePromise, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolvePromise());
  });
  const { port } = httpServer.address() as AddressInfo;
  return { url: `http://${options.host}:${port}/graphql`, port, stop: () => apollo.stop() };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4200' }, host: { type: 'string', default: '127.0.0.1' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${values.port}"`);
  const settings = settingsFromEnv();
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    maxConnectionPoolSize: settings.maxPoolSize,
    userAgent: 'bench-peer-neo4j-graphql',
  });
  await driver.verifyConnectivity();
  const peer = await startPeer({ port, host: values.host, driver, queryTimeoutMs: settings.queryTimeoutMs });
  process.stdout.write(`listening ${peer.url}\n`);

  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await peer.stop();
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
