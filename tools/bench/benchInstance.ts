/**
 * `npx tsx tools/bench/benchInstance.ts start|stop|status`: the benchmarks' own Neo4j
 * (BENCH_INSTANCE: Bolt 7690, 4 GiB heap, 2 GiB page cache), never dev or test.
 * `start` prints the connection as shell exports, so a measurement can run
 * `eval "$(npx tsx tools/bench/benchInstance.ts start)"` and then `npm run seed`.
 */
import { BENCH_INSTANCE, start, status, stop } from '../../ops/localNeo4j/localNeo4j.js';

const log = (message: string): void => void process.stderr.write(`${message}\n`);

async function main(command: string | undefined): Promise<void> {
  switch (command ?? '') {
    case 'start': {
      const c = await start(BENCH_INSTANCE, log);
      process.stdout.write(`export NEO4J_URI=${c.uri} NEO4J_USERNAME=${c.username} NEO4J_PASSWORD='${c.password}'\n`);
      return;
    }
    case 'stop':
      return stop(BENCH_INSTANCE, log);
    case 'status':
      process.stdout.write(`${JSON.stringify(await status(BENCH_INSTANCE))}\n`);
      return;
    default:
      throw new Error('usage: benchInstance.ts start|stop|status');
  }
}

main(process.argv[2]).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
