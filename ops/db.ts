/**
 * `npm run db:start | db:stop | db:status [-- --instance test]`: the local Neo4j, without Docker.
 */
import {
  DEV_INSTANCE,
  OUTAGE_INSTANCE,
  LocalNeo4jError,
  TEST_INSTANCE,
  TEST_B_INSTANCE,
  TEST_C_INSTANCE,
  connectionOf,
  start,
  status,
  stop,
  type InstanceSpec,
} from './localNeo4j/localNeo4j.js';

const INSTANCES: Record<string, InstanceSpec> = {
  dev: DEV_INSTANCE,
  test: TEST_INSTANCE,
  'test-b': TEST_B_INSTANCE,
  'test-c': TEST_C_INSTANCE,
  outage: OUTAGE_INSTANCE,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flag = rest.indexOf('--instance');
  const name = flag >= 0 ? rest[flag + 1] : 'dev';
  const spec = name === undefined ? undefined : INSTANCES[name];
  if (!spec) {
    console.error(`Unknown instance '${name ?? ''}'. Known: ${Object.keys(INSTANCES).join(', ')}.`);
    return 2;
  }
  const log = (message: string): void => console.log(message);
  switch (command) {
    case 'start': {
      const conn = await start(spec, log);
      console.log(`Bolt:    ${conn.uri}\nBrowser: ${conn.browserUrl}\nLogin:   ${conn.username} / ${conn.password}`);
      return 0;
    }
    case 'stop':
      await stop(spec, log);
      return 0;
    case 'status': {
      const st = await status(spec);
      switch (st.state) {
        case 'running':
          console.log(`Neo4j '${spec.name}' is running (pid ${st.pid}, ${st.version}) at ${connectionOf(spec).uri}.`);
          return 0;
        case 'starting':
          console.log(`Neo4j '${spec.name}' is starting (pid ${st.pid}).`);
          return 0;
        case 'port-busy':
          console.log(`Neo4j '${spec.name}' is not running, and port ${st.port} is taken by another process.`);
          return 1;
        case 'stopped':
          console.log(`Neo4j '${spec.name}' is not running${st.stalePid ? ` (stale pid file for ${st.stalePid})` : ''}.`);
          return 1;
        default: {
          const unreachable: never = st;
          return unreachable;
        }
      }
    }
    case undefined:
    default:
      console.error('Usage: tsx ops/db.ts start|stop|status [--instance dev|test|test-b|test-c|outage]');
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof LocalNeo4jError ? err.message : err);
    process.exit(1);
  },
);
