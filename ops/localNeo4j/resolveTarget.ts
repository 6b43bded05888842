/**
 * Which Neo4j a command talks to: the one NEO4J_URI names (nothing is started), or else the
 * project's local `dev` instance, started if needed.
 */
import type { Config } from '../../src/config.js';
import type { Neo4jTarget } from '../../src/db/driver.js';
import { DEV_INSTANCE, start, type Log } from './localNeo4j.js';

export interface ResolvedTarget {
  target: Neo4jTarget;
  /** Set for the local instance: where its Browser is, and that its generated login may be shown. */
  local?: { browserUrl: string };
}

export async function resolveNeo4jTarget(config: Config, log: Log): Promise<ResolvedTarget> {
  if (config.neo4j.uri) {
    // loadConfig guarantees a password whenever a URI is set.
    return { target: { uri: config.neo4j.uri, username: config.neo4j.username, password: config.neo4j.password ?? '' } };
  }
  // Neo4j Browser loads its style and guide from this API, on the port it will serve.
  const local = await start({ ...DEV_INSTANCE, apiPort: config.port }, log);
  return { target: local, local: { browserUrl: local.browserUrl } };
}
