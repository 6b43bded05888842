/**
 * `npm run load -- [--clients 50] [--seconds 30] [--port 4300] [--json] [--keep-neo4j] [--compiled]`
 *
 * Load on the API as a whole: the test Neo4j (never the dev one), the API as a child process
 * (`ops/start.ts`, which migrates and seeds), then autocannon with many concurrent clients for
 * a fixed time over a weighted mix of the documented operations. Reports requests, throughput,
 * every error by operation and code, latency percentiles, and the API process's peak memory; then
 * stops the API with SIGTERM and checks that it exits cleanly. Traffic goes to 127.0.0.1 only.
 */
import { join } from 'node:path';
import autocannon from 'autocannon';
import { LocalNeo4jError, TEST_INSTANCE, start, stop } from '../../ops/localNeo4j/localNeo4j.js';
import { REPO_ROOT, launchServer, type ServerProcess, type StopResult } from './serverProcess.js';
import { onInterrupt, parseFlags, runMain } from './cli.js';
import { mixedRequest, sanityPass, type Answer } from './loadMix.js';
import { loadOperations, type Operation } from './operations.js';
import { Tally, ascending, mib, ms, percentile, table } from './stats.js';

const USAGE = 'Usage: npm run load -- [--clients 50] [--seconds 30] [--port 4300] [--json] [--keep-neo4j] [--compiled]';
const FLAGS = {
  clients: { default: 50, min: 1, max: 1000 },
  seconds: { default: 30, min: 1, max: 600 },
  port: { default: 4300, min: 1024, max: 65535 },
  json: { default: false },
  'keep-neo4j': { default: false },
  /** Run the compiled build (`npm run build`, dist/ops/start.js) instead of the sources through tsx. */
  compiled: { default: false },
};
/** autocannon's per-request limit: an answer slower than this counts as a timeout. */
const REQUEST_TIMEOUT_S = 10;

interface OperationReport {
  name: string;
  weight: number;
  requests: number;
  outcomes: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), FLAGS, USAGE);
  const say = (message: string): void => {
    process.stderr.write(`${message}\n`);
  };
  const operations = loadOperations();

  const neo4j = await start(TEST_INSTANCE, say);
  let api: ServerProcess | undefined;
  const cleanUp = async (): Promise<void> => {
    await api?.stop();
    if (!neo4j.reused && !flags['keep-neo4j']) await stop(TEST_INSTANCE, say);
  };
  onInterrupt(cleanUp);
  try {
    say(`Starting the API on 127.0.0.1:${flags.port} against ${neo4j.uri} (migrate, seed, serve) …`);
    api = await launchServer({
      port: flags.port,
      neo4j,
      logName: 'load-api.log',
      ...(flags.compiled ? { script: join(REPO_ROOT, 'dist', 'ops', 'start.js') } : {}),
    });
    say(`API ready (pid ${api.pid}). Sanity pass: every operation once …`);
    const sanity = await sanityPass(api.baseUrl, operations);
    say([...sanity.entries()].map(([name, outcome]) => `  ${name}: ${outcome}`).join('\n'));

    say(`Load: ${flags.clients} clients for ${flags.seconds} s …`);
    const answers: Answer[] = [];
    const transportErrors = new Tally();
    const result = await runAutocannon(api.baseUrl, flags.clients, flags.seconds, operations, answers, transportErrors);

    const rssHwm = api.highWaterMark();
    const rssSampled = api.peakRssSampled();
    const crashed = api.exitedEarly();
    const logProblems = api.logProblems;
    const stopped = await api.stop();
    api = undefined;

    const report = buildReport({ flags, result, answers, transportErrors, rssHwm, rssSampled, crashed, stopped, sanity, operations });
    report.apiLogProblems = logProblems.toObject();
    process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
  } finally {
    await cleanUp();
  }
}

function runAutocannon(
  baseUrl: string,
  clients: number,
  seconds: number,
  operations: Operation[],
  answers: Answer[],
  transportErrors: Tally,
): Promise<autocannon.Result> {
  return new Promise((resolveRun, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: clients,
        pipelining: 1,
        duration: seconds,
        timeout: REQUEST_TIMEOUT_S,
        requests: [mixedRequest(operations, (answer) => answers.push(answer))],
      },
      (err: unknown, result) => (err ? reject(err instanceof Error ? err : new Error('autocannon failed')) : resolveRun(result)),
    );
    instance.on('reqError', (err: Error) => transportErrors.add(err.message));
  });
}

interface Report {
  clients: number;
  seconds: number;
  sanityPass: Record<string, string>;
  requests: number;
  throughputPerSecond: number;
  bytesPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: {
    total: number;
    non2xx: number;
    timeouts: number;
    transport: Record<string, number>;
    byOutcome: Record<string, number>;
    byOperation: Record<string, Record<string, number>>;
  };
  operations: OperationReport[];
  api: {
    peakRssBytes: number;
    peakRssSampledBytes: number;
    exitedDuringLoad: boolean;
    stop: StopResult;
  };
  /** The API's warnings and errors by message, counted from its log. */
  apiLogProblems: Record<string, number>;
}

function buildReport(input: {
  flags: { clients: number; seconds: number };
  result: autocannon.Result;
  answers: Answer[];
  transportErrors: Tally;
  rssHwm: number;
  rssSampled: number;
  crashed: { code: number | null; signal: string | null } | undefined;
  stopped: StopResult;
  sanity: Map<string, string>;
  operations: Operation[];
}): Report {
  const { result, answers } = input;
  const byOutcome = new Tally();
  const byOperation: Record<string, Record<string, number>> = {};
  for (const answer of answers) {
    byOutcome.add(answer.outcome);
    if (answer.outcome !== 'OK' && answer.outcome !== 'OK_UNCOMPARABLE') {
      const forOp = (byOperation[answer.op.name] ??= {});
      forOp[answer.outcome] = (forOp[answer.outcome] ?? 0) + 1;
    }
  }
  const failed = answers.filter((a) => a.outcome !== 'OK' && a.outcome !== 'OK_UNCOMPARABLE').length;
  const operations = input.operations.map((op): OperationReport => {
    const mine = answers.filter((a) => a.op.name === op.name);
    const outcomes = new Tally();
    for (const a of mine) outcomes.add(a.outcome);
    const latencies = ascending(mine.map((a) => a.latencyMs));
    return {
      name: op.name,
      weight: op.weight,
      requests: mine.length,
      outcomes: outcomes.toObject(),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
    };
  });
  return {
    clients: input.flags.clients,
    seconds: input.flags.seconds,
    sanityPass: Object.fromEntries(input.sanity),
    requests: result.requests.total,
    throughputPerSecond: result.requests.total / result.duration,
    bytesPerSecond: result.throughput.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    errors: {
      total: failed + result.errors,
      non2xx: result.non2xx,
      timeouts: result.timeouts,
      transport: input.transportErrors.toObject(),
      byOutcome: byOutcome.toObject(),
      byOperation,
    },
    operations,
    api: {
      peakRssBytes: input.rssHwm,
      peakRssSampledBytes: input.rssSampled,
      exitedDuringLoad: input.crashed !== undefined,
      stop: input.stopped,
    },
    apiLogProblems: {},
  };
}

function renderReport(r: Report): string {
  const failures = Object.entries({ ...r.errors.byOutcome, ...r.errors.transport }).filter(([k]) => k !== 'OK' && k !== 'OK_UNCOMPARABLE');
  const errorsLine = r.errors.total === 0 ? 'none' : `${r.errors.total} (${failures.map(([k, n]) => `${k} ${n}`).join(', ')})`;
  const summary = table(
    ['measure', 'value'],
    [
      ['clients × seconds', `${r.clients} × ${r.seconds}`],
      ['requests (answered)', r.requests],
      ['throughput (req/s)', r.throughputPerSecond.toFixed(1)],
      ['data (KiB/s)', (r.bytesPerSecond / 1024).toFixed(0)],
      ['latency p50 (ms)', ms(r.latencyMs.p50)],
      ['latency p90 (ms)', ms(r.latencyMs.p90)],
      ['latency p99 (ms)', ms(r.latencyMs.p99)],
      ['latency max (ms)', ms(r.latencyMs.max)],
      ['non-2xx answers', r.errors.non2xx],
      ['timeouts (> 10 s)', r.errors.timeouts],
      ['transport errors', Object.keys(r.errors.transport).length === 0 ? 'none' : JSON.stringify(r.errors.transport)],
      [
        'answers by outcome',
        Object.entries(r.errors.byOutcome)
          .map(([k, n]) => `${k} ${n}`)
          .join(', '),
      ],
      ['API peak RSS (VmHWM, MiB)', mib(r.api.peakRssBytes)],
      ['API peak RSS (sampled / 100 ms, MiB)', mib(r.api.peakRssSampledBytes)],
      ['API stayed up during load', r.api.exitedDuringLoad ? 'NO' : 'yes'],
      [
        'API stop on SIGTERM',
        `${r.api.stop.graceful ? 'graceful' : 'NOT graceful'}: exit code ${r.api.stop.code}${r.api.stop.signal ? `, signal ${r.api.stop.signal}` : ''}, ${ms(r.api.stop.ms)} ms`,
      ],
    ],
    [false, true],
  );
  const perOp = table(
    ['operation', 'weight', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'outcomes'],
    r.operations.map((o) => [
      o.name,
      o.weight,
      o.requests,
      ms(o.p50),
      ms(o.p99),
      ms(o.max),
      Object.entries(o.outcomes)
        .map(([k, n]) => `${k} ${n}`)
        .join(', '),
    ]),
    [false, true, true, true, true, true, false],
  );
  const problems = Object.entries(r.apiLogProblems);
  return [
    '',
    `Load: ${r.clients} clients, ${r.seconds} s — errors: ${errorsLine}`,
    '',
    summary,
    '',
    'Per operation (latency from the moment the request was built, so it includes the load generator’s own delays):',
    '',
    perOp,
    '',
    `API warnings/errors in its log: ${problems.length === 0 ? 'none' : problems.map(([k, n]) => `${k} × ${n}`).join('; ')}`,
    '',
  ].join('\n');
}

runMain(main, [LocalNeo4jError]);
