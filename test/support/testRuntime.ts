/**
 * A connection to the dedicated test Neo4j for one test file, built with the same config and
 * runtime code as the application.
 */
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { connectRuntime, type Runtime } from '../../src/runtime.js';

export function testConfig(overrides: Record<string, string> = {}): Config {
  const neo4j = inject('neo4j');
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    ...overrides,
  });
}

export async function testRuntime(overrides: Record<string, string> = {}): Promise<Runtime & { config: Config }> {
  const config = testConfig(overrides);
  const runtime = await connectRuntime(
    config,
    { uri: config.neo4j.uri ?? '', username: config.neo4j.username, password: config.neo4j.password ?? '' },
    createLogger(config),
  );
  return { ...runtime, config };
}
