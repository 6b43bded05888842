/**
 * Connecting to Neo4j the same way everywhere (API, seed CLI, tests): one driver, a start-up
 * connectivity check with bounded retry and backoff, one Executor.
 */
import type { Driver, ServerInfo } from 'neo4j-driver';
import type { Config } from './config.js';
import { createDriver, waitForNeo4j, type Neo4jTarget } from './db/driver.js';
import { CircuitBreaker } from './db/CircuitBreaker.js';
import { Executor } from './db/Executor.js';
import type { Logger } from './logger.js';

export interface Runtime {
  driver: Driver;
  executor: Executor;
  serverInfo: ServerInfo;
  close: () => Promise<void>;
}

export async function connectRuntime(config: Config, target: Neo4jTarget, logger: Logger): Promise<Runtime> {
  const driver = createDriver(target, config.neo4j);
  try {
    const serverInfo = await waitForNeo4j(driver, target.uri, config.neo4j.startupAttempts, (attempt, delayMs, err) =>
      logger.warn(
        { attempt, delayMs, err: err instanceof Error ? err.message : String(err) },
        `Neo4j at ${target.uri} not reachable yet; retrying`,
      ),
    );
    const executor = new Executor(driver, {
      database: config.neo4j.database,
      timeoutMs: config.neo4j.queryTimeoutMs,
      breaker: new CircuitBreaker(config.neo4j.unavailableCooldownMs),
    });
    return { driver, executor, serverInfo, close: () => driver.close() };
  } catch (err) {
    await driver.close();
    throw err;
  }
}
