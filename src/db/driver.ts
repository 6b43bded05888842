/**
 * One driver per process, configured to fail fast: an API request must not hang for the driver's
 * default 30 s of retries when Neo4j is down.
 */
import neo4j, { type Driver, type ServerInfo } from 'neo4j-driver';
import type { Config } from '../config.js';

export interface Neo4jTarget {
  uri: string;
  username: string;
  password: string;
}

export function createDriver(target: Neo4jTarget, cfg: Config['neo4j']): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
    maxConnectionPoolSize: cfg.maxPoolSize,
    connectionTimeout: cfg.connectTimeoutMs,
    // A request waits for a connection at most a second longer than it takes to open one.
    connectionAcquisitionTimeout: cfg.connectTimeoutMs + 1000,
    maxTransactionRetryTime: cfg.maxRetryTimeMs,
    disableLosslessIntegers: false,
    userAgent: 'ukraine-support-graph/0.1',
  });
}

/**
 * Waits until Neo4j answers, retrying with exponential backoff (0.5 s, 1 s, 2 s … capped at 5 s).
 * Throws a message naming the URI and the last error after `attempts` tries.
 */
export async function waitForNeo4j(
  driver: Driver,
  uri: string,
  attempts: number,
  onRetry: (attempt: number, delayMs: number, err: unknown) => void = () => {},
): Promise<ServerInfo> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await driver.getServerInfo();
    } catch (err) {
      lastError = err;
      if (isAuthError(err)) break;
      if (attempt < attempts) {
        const delay = Math.min(500 * 2 ** (attempt - 1), 5000);
        onRetry(attempt, delay, err);
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(
    isAuthError(lastError)
      ? `Neo4j at ${uri} refused the credentials (check NEO4J_USERNAME / NEO4J_PASSWORD): ${reason}`
      : `Neo4j at ${uri} did not answer after ${attempts} attempts: ${reason}. Is it running? (npm run db:status)`,
  );
}

function isAuthError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && String(err.code).startsWith('Neo.ClientError.Security.');
}
