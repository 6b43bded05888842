/**
 * Which Neo4j a command talks to: the one NEO4J_URI names (nothing is started), or else the
 * project's local `dev` instance, started if needed.
 */
import type { Config } from '../../src/config.js';
import type { Neo4jTarget } from '../../src/db/driver.js';
import { DEV_INSTANCE, LOCAL_INSTANCES, LocalNeo4jError, start, type InstanceSpec, type Log } from './localNeo4j.js';

export interface ResolvedTarget {
  target: Neo4jTarget;
  /** Set for a local instance: which, where its Browser is, and that its generated login may be shown. */
  local?: { browserUrl: string; spec: InstanceSpec };
}

/**
 * `instance` names one of the project's local instances (`--instance bench`), which is then used
 * whatever NEO4J_URI says.
 */
export async function resolveNeo4jTarget(config: Config, log: Log, instance?: string): Promise<ResolvedTarget> {
  if (instance !== undefined) {
    const spec = LOCAL_INSTANCES[instance];
    if (spec === undefined)
      throw new LocalNeo4jError(`Unknown local instance '${instance}'. Known: ${Object.keys(LOCAL_INSTANCES).join(', ')}.`);
    const local = await start({ ...spec, apiPort: spec.apiPort ?? config.port }, log);
    return { target: local, local: { browserUrl: local.browserUrl, spec } };
  }
  if (config.neo4j.uri) {
    // loadConfig guarantees a password whenever a URI is set.
    return { target: { uri: config.neo4j.uri, username: config.neo4j.username, password: config.neo4j.password ?? '' } };
  }
  // Neo4j Browser loads its style and guide from this API, on the port it will serve.
  const spec = { ...DEV_INSTANCE, apiPort: config.port };
  const local = await start(spec, log);
  return { target: local, local: { browserUrl: local.browserUrl, spec } };
}
