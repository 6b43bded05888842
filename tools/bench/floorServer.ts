/**
 * The benchmark's floor: the very Cypher this API runs for each operation, sent with
 * neo4j-driver alone behind the thinnest HTTP server Node has (`node:http`).
 *
 *   node --import tsx tools/bench/floorServer.ts --port 4702 --params params.json
 *
 * At start it answers each operation once through this API's own Apollo Server, in-process,
 * recording every query the resolvers send (text, parameters, and when each started and ended).
 * Queries that overlapped in time ran concurrently (one DataLoader batch per field and level), so
 * they are grouped into waves; `POST /op/<name>` then replays the waves as the API runs them —
 * one read transaction per request, each wave's queries pipelined on it, the waves one after
 * another, the transaction released after the answer — and answers with the records as JSON. No GraphQL parsing, validation, cost analysis,
 * resolvers or result shaping: what is left is the database work and the driver.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config.js';
import type { QueryEvent } from '../../src/db/Executor.js';
import { createApolloServer } from '../../src/graphql/createApolloServer.js';
import { createContext } from '../../src/graphql/context.js';
import { createLogger } from '../../src/logger.js';
import { connectRuntime } from '../../src/runtime.js';
import { API_OPERATIONS, OPERATION_NAMES, type BenchParams, type OperationName } from './ops.js';
import { groupIntoWaves, type RecordedQuery } from './waves.js';

/** Runs each operation once through the API in-process and records the Cypher it sends. */
async function recordOperations(params: BenchParams): Promise<Map<OperationName, RecordedQuery[][]>> {
  const config = loadConfig();
  const logger = createLogger({ logLevel: 'warn' });
  const uri = config.neo4j.uri;
  if (!uri) throw new Error('NEO4J_URI must be set');
  const runtime = await connectRuntime(config, { uri, username: config.neo4j.username, password: config.neo4j.password ?? '' }, logger);
  const server = createApolloServer(config, logger);
  await server.start();
  try {
    const recorded = new Map<OperationName, RecordedQuery[][]>();
    for (const name of OPERATION_NAMES) {
      const op = API_OPERATIONS[name];
      const events: QueryEvent[] = [];
      const executor = runtime.executor.withListener((event) => events.push(event));
      const response = await server.executeOperation(
        { query: op.query, variables: op.variables(params) },
        { contextValue: createContext(executor, `floor-${name}`, config.limits) },
      );
      if (response.body.kind !== 'single') throw new Error(`${name}: expected a single result`);
      const { errors } = response.body.singleResult;
      if (errors?.length) throw new Error(`${name}: the API answered with errors: ${JSON.stringify(errors)}`);
      recorded.set(name, groupIntoWaves(events));
    }
    return recorded;
  } finally {
    await server.stop();
    await runtime.close();
  }
}

/**
 * Replays the waves as the API runs them: one read transaction for the request, each wave's
 * queries pipelined on it, the waves in order. Returns the rows and the transaction's release,
 * which (as in the API) happens after the answer has been sent.
 */
async function replay(
  driver: Driver,
  database: string,
  waves: readonly RecordedQuery[][],
): Promise<{ rows: unknown[]; release: () => Promise<void> }> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  const release = async (): Promise<void> => {
    if (tx.isOpen()) await tx.commit().catch(() => {});
    await session.close().catch(() => {});
  };
  const tx = session.beginTransaction();
  try {
    const rows: unknown[] = [];
    for (const wave of waves) {
      const results = await Promise.all(wave.map((q) => tx.run(q.text, q.params)));
      for (const result of results) rows.push(result.records.map((record) => record.toObject()));
    }
    return { rows, release };
  } catch (err) {
    await release();
    throw err;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '4702' }, params: { type: 'string' } } });
  if (!values.params) throw new Error('usage: floorServer.ts --port N --params <file>');
  const params = JSON.parse(readFileSync(values.params, 'utf8')) as BenchParams;
  const recorded = await recordOperations(params);

  const config = loadConfig();
  const driver = neo4j.driver(config.neo4j.uri ?? '', neo4j.auth.basic(config.neo4j.username, config.neo4j.password ?? ''), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: config.neo4j.maxPoolSize,
  });
  await driver.verifyConnectivity();
  const database = config.neo4j.database;

  const server = createServer((req, res) => {
    const send = (status: number, body: unknown): void => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.method === 'GET' && req.url === '/ready') return send(200, { ready: true });
    if (req.method === 'GET' && req.url === '/queries') return send(200, Object.fromEntries(recorded));
    const name = req.method === 'POST' && req.url?.startsWith('/op/') ? (req.url.slice(4) as OperationName) : undefined;
    const waves = name ? recorded.get(name) : undefined;
    if (!waves) return send(404, { error: 'unknown operation' });
    req.resume();
    replay(driver, database, waves).then(
      ({ rows, release }) => {
        send(200, { data: rows });
        void release();
      },
      (err: unknown) => send(500, { error: err instanceof Error ? err.message : String(err) }),
    );
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(values.port), '127.0.0.1', () => {
    const summary = [...recorded].map(([name, waves]) => `${name} ${waves.map((w) => w.length).join('+')}`).join(', ');
    process.stdout.write(`listening http://127.0.0.1:${values.port} (queries per wave: ${summary})\n`);
  });
  const stop = (): void => {
    server.close();
    void driver.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
