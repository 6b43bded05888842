/**
 * `npx tsx tools/bench/fingerprint.ts [--instance bench]`: prints the graph fingerprint
 * (tools/reliability/graphFingerprint.ts: every node and relationship with its properties and
 * their Neo4j types) of a local instance, so two loads of the same data can be compared.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { connectRuntime } from '../../src/runtime.js';
import { connectionOf, LOCAL_INSTANCES } from '../../ops/localNeo4j/localNeo4j.js';
import { graphFingerprint } from '../reliability/graphFingerprint.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { instance: { type: 'string', default: 'bench' } } });
  const spec = LOCAL_INSTANCES[values.instance];
  if (spec === undefined) throw new Error(`unknown instance ${values.instance}`);
  const conn = connectionOf(spec);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: conn.uri,
    NEO4J_PASSWORD: conn.password,
    NEO4J_QUERY_TIMEOUT_MS: '600000',
  });
  const runtime = await connectRuntime(config, conn, createLogger({ logLevel: 'silent' }));
  try {
    process.stdout.write(`${JSON.stringify(await graphFingerprint(runtime.executor))}\n`);
  } finally {
    await runtime.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
