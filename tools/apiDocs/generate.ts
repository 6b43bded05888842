/**
 * `npm run docs:api`: runs every example operation against the test Neo4j, seeded with the
 * project's seed data, and writes the real results into docs/examples/*.result.json and
 * docs/api.md. Uses the dedicated test instance, never the dev data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../../src/config.js';
import { createContext } from '../../src/graphql/context.js';
import { createApolloServer } from '../../src/graphql/createApolloServer.js';
import { createLogger } from '../../src/logger.js';
import { connectRuntime } from '../../src/runtime.js';
import { prepareGraph } from '../../seed/prepareGraph.js';
import { start, testInstance } from '../../ops/localNeo4j/localNeo4j.js';
import { API_DOC, formatResult, loadExamples, renderApiDoc } from './examples.js';

async function main(): Promise<void> {
  const conn = await start(testInstance(), (message) => {
    process.stderr.write(`${message}\n`);
  });
  const config = loadConfig({ LOG_LEVEL: 'silent', NEO4J_URI: conn.uri, NEO4J_PASSWORD: conn.password });
  const logger = createLogger(config);
  const runtime = await connectRuntime(config, conn, logger);
  const server = createApolloServer(config, logger);
  try {
    await prepareGraph(runtime.executor, logger);
    await server.start();
    const examples = loadExamples();
    const results = new Map<string, unknown>();
    for (const example of examples) {
      const response = await server.executeOperation(
        { query: example.operation },
        { contextValue: createContext(runtime.executor, 'docs', config.limits) },
      );
      if (response.body.kind !== 'single') throw new Error(`${example.name}: expected a single result`);
      const { data, errors } = response.body.singleResult;
      const result = errors ? { errors, data } : { data };
      results.set(example.name, result);
      writeFileSync(example.resultFile, formatResult(result));
      process.stdout.write(`${example.name}: ${errors ? `${errors.length} error(s)` : 'ok'}\n`);
    }
    writeFileSync(API_DOC, renderApiDoc(readFileSync(API_DOC, 'utf8'), examples, results));
  } finally {
    await server.stop();
    await runtime.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
