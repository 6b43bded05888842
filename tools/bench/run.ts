/**
 * `npm run bench -- [--scales 100,1000] [--seconds 10] [--warmup 3] [--connections 8] [--ops lookup,nested,…]
 *                   [--targets api,neo4j-graphql,driver] [--seed 1] [--out docs/benchmarks.md] [--no-write]
 *                   [--instance bench|scratch] [--reuse] [--baseline <checkout of an earlier commit>]`
 *
 * This API side by side with the Neo4j GraphQL Library and the bare driver, on the same data, the
 * same machine, in one run. For each scale: generate the dataset (`npm run gen`, cached under
 * .tmp/bench), empty the bench Neo4j and load it through the project's own loader (timed: seed
 * throughput), pick parameters whose answers have the same size at every scale, start the three
 * servers as child processes, check that this API and the library give the same answers, then
 * load each (operation, server) pair with autocannon: after a warm-up of every pair, a second of
 * warm-up, a throughput run with
 * `--connections` concurrent clients and a latency run with one client. The pairs are interleaved
 * (operation by operation, the three servers in turn) so drift on the shared machine hits all
 * three alike. Writes the results as JSON under .tmp/bench/ and the tables into `--out` between
 * the `bench:results` markers.
 */
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { NEO4J_VERSION } from '../../ops/localNeo4j/versions.js';
import { BENCH_INSTANCE, SCRATCH_INSTANCE, start, status, stop, type InstanceSpec } from '../../ops/localNeo4j/localNeo4j.js';
import { REPO_ROOT, launchServer, type ServerProcess } from '../reliability/serverProcess.js';
import { writeDataset } from './generate/writeDataset.js';
import {
  API_OPERATIONS,
  BASELINE_OPERATIONS,
  OPERATION_NAMES,
  type BenchParams,
  type GraphqlOperation,
  type OperationName,
} from './ops.js';
import { apiCursorAt, pickParams } from './pickParams.js';
import { renderReport, type BenchReport, type LoadResult, type Measurement, type ScaleReport, type TargetName } from './report.js';

const TARGETS: readonly TargetName[] = ['api', 'neo4j-graphql', 'driver'];
const PORTS: Record<TargetName, number> = { api: 4700, 'neo4j-graphql': 4701, driver: 4702, baseline: 4703 };
const OUT_DIR = join(REPO_ROOT, '.tmp', 'bench');
const WARMUP_SECONDS = 3;
/** Linux's USER_HZ (`getconf CLK_TCK`), the unit of /proc/<pid>/stat times; 100 on every common platform. */
const CLOCK_TICKS_PER_SECOND = 100;

interface Flags {
  scales: number[];
  seconds: number;
  warmup: number;
  connections: number;
  ops: OperationName[];
  targets: TargetName[];
  seed: number;
  out: string;
  write: boolean;
  instance: InstanceSpec;
  /** Measure the graph already loaded (one scale only): no generation, no reload, no load timing. */
  reuse: boolean;
  /** A checkout of an earlier version of this repository, measured as the `baseline` server. */
  baseline: string | undefined;
}

function parseFlags(argv: string[]): Flags {
  const { values } = parseArgs({
    args: argv,
    options: {
      scales: { type: 'string', default: '100,1000' },
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: String(WARMUP_SECONDS) },
      connections: { type: 'string', default: '8' },
      ops: { type: 'string', default: OPERATION_NAMES.join(',') },
      targets: { type: 'string', default: TARGETS.join(',') },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: join(REPO_ROOT, 'docs', 'benchmarks.md') },
      'no-write': { type: 'boolean', default: false },
      instance: { type: 'string', default: 'bench' },
      reuse: { type: 'boolean', default: false },
      baseline: { type: 'string' },
    },
  });
  const ints = (name: string, text: string): number[] =>
    text.split(',').map((part) => {
      const n = Number(part);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: '${part}' is not a positive integer`);
      return n;
    });
  const names = <T extends string>(name: string, text: string, allowed: readonly T[]): T[] =>
    text.split(',').map((part) => {
      if (!(allowed as readonly string[]).includes(part)) throw new Error(`--${name}: '${part}' is not one of ${allowed.join(', ')}`);
      return part as T;
    });
  return {
    scales: ints('scales', values.scales),
    seconds: ints('seconds', values.seconds)[0] ?? 10,
    warmup: values.warmup === '0' ? 0 : (ints('warmup', values.warmup)[0] ?? WARMUP_SECONDS),
    connections: ints('connections', values.connections)[0] ?? 8,
    ops: names('ops', values.ops, OPERATION_NAMES),
    targets: [...names('targets', values.targets, TARGETS), ...(values.baseline ? (['baseline'] as const) : [])],
    baseline: values.baseline,
    seed: ints('seed', values.seed)[0] ?? 1,
    out: values.out,
    write: !values['no-write'],
    reuse: values.reuse,
    instance: names('instance', values.instance, ['bench', 'scratch'] as const)[0] === 'scratch' ? SCRATCH_INSTANCE : BENCH_INSTANCE,
  };
}

const say = (message: string): void => void process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  mkdirSync(OUT_DIR, { recursive: true });
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      neo4j: `${NEO4J_VERSION} Community ('${flags.instance.name}' instance: heap ${flags.instance.heap}, page cache ${flags.instance.pageCache})`,
    },
    settings: { seconds: flags.seconds, connections: flags.connections, warmupSeconds: flags.warmup, seed: flags.seed },
    scales: [],
  };
  for (const scale of flags.scales) report.scales.push(await runScale(scale, flags));
  await stop(flags.instance, say);

  const json = join(OUT_DIR, `results-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  const markdown = renderReport(report);
  process.stdout.write(`${markdown}\n`);
  say(`Results: ${json}`);
  if (flags.write) {
    writeResults(flags.out, markdown);
    say(`Tables written into ${flags.out}`);
  }
}

async function runScale(scale: number, flags: Flags): Promise<ScaleReport> {
  let neo4jTarget: { uri: string; username: string; password: string };
  let load: LoadResult;
  if (flags.reuse) {
    neo4jTarget = await start(flags.instance, say);
    load = await countGraph(neo4jTarget);
  } else {
    const dataDir = await ensureDataset(scale, flags.seed);
    neo4jTarget = await emptyDatabase(flags.instance);
    load = await loadThroughLoader(dataDir, neo4jTarget);
  }
  say(
    `Loaded scale ${scale}: ${load.nodes} nodes, ${load.relationships} relationships in ${load.seconds.toFixed(1)} s (${Math.round(load.rowsPerSecond)} rows/s).`,
  );

  const driver = neo4j.driver(neo4jTarget.uri, neo4j.auth.basic(neo4jTarget.username, neo4jTarget.password));
  let picked;
  try {
    picked = await pickParams(driver, 'neo4j');
  } finally {
    await driver.close();
  }

  const servers = new Map<TargetName, ServerProcess>();
  const stopAll = async (): Promise<void> => {
    for (const server of servers.values()) await server.stop();
  };
  /** A server as a child process on its port, connected to this scale's Neo4j, in production mode. */
  const launch = async (
    target: TargetName,
    options: { script?: string; args?: string[]; env?: Record<string, string>; readyPath?: string } = {},
  ): Promise<void> => {
    servers.set(
      target,
      await launchServer({
        port: PORTS[target],
        neo4j: neo4jTarget,
        logName: `${target}-scale-${scale}.log`,
        outputDir: OUT_DIR,
        ...options,
        env: { NODE_ENV: 'production', ...options.env },
      }),
    );
  };
  try {
    // The API as deployed, serving the graph as loaded; the baseline is the same API from an
    // earlier commit (a `git worktree`), started the same way: what changed since.
    await launch('api', { env: { SEED_ON_START: 'false' } });
    // A baseline checkout from before the layout move keeps its start script under scripts/.
    const baselineStart = (dir: string): string =>
      existsSync(join(dir, 'ops', 'start.ts')) ? join(dir, 'ops', 'start.ts') : join(dir, 'scripts', 'start.ts');
    if (flags.baseline) await launch('baseline', { script: baselineStart(flags.baseline), env: { SEED_ON_START: 'false' } });
    const params: BenchParams = { ...picked, pageCursor: await apiCursorAt(`${url('api')}/graphql`, picked.pageOffset) };
    const paramsFile = join(OUT_DIR, `params-scale-${scale}.json`);
    writeFileSync(paramsFile, `${JSON.stringify(params, null, 2)}\n`);
    say(`Parameters: ${JSON.stringify(params)}`);
    if (flags.targets.includes('neo4j-graphql'))
      await launch('neo4j-graphql', {
        script: join(REPO_ROOT, 'tools', 'bench', 'peers', 'neo4jGraphql', 'server.ts'),
        args: ['--port', String(PORTS['neo4j-graphql'])],
        readyPath: '/health',
      });
    if (flags.targets.includes('driver'))
      await launch('driver', {
        script: join(REPO_ROOT, 'tools', 'bench', 'floorServer.ts'),
        args: ['--port', String(PORTS.driver), '--params', paramsFile],
      });

    // Loaded only when the library is measured (it is the heaviest import of the harness).
    const peerOperations = flags.targets.includes('neo4j-graphql')
      ? (await import('./peers/neo4jGraphql/operations.js')).PEER_OPERATIONS
      : undefined;
    const neo4jState = await status(flags.instance);
    const neo4jPid = neo4jState.state === 'running' ? neo4jState.pid : undefined;
    const measurements: Measurement[] = [];
    const equivalence: ScaleReport['equivalence'] = {};
    // Each server's first answer to each operation, asked once and kept: the reference every later
    // answer must equal, and what the equivalence check compares. A server that cannot answer an
    // operation at all (an error, not a slow answer) is recorded as failed for it, with the
    // reason, and the run goes on with the others.
    const answers = new Map<string, Answer>();
    const failed = new Map<string, string>();
    const failKey = (op: OperationName, target: TargetName): string => `${op}|${target}`;
    const tryAnswer = async (op: OperationName, target: TargetName, request: TargetRequest): Promise<Answer | undefined> => {
      const key = failKey(op, target);
      if (failed.has(key)) return undefined;
      const known = answers.get(key);
      if (known) return known;
      try {
        const fresh = await answer(request);
        answers.set(key, fresh);
        return fresh;
      } catch (err) {
        const reason = shortError(err);
        failed.set(key, reason);
        say(`  ${op} on ${target}: FAILED: ${reason}`);
        return undefined;
      }
    };
    // Warm every server and Neo4j on every operation first: Neo4j has just been restarted, and the
    // first pair measured would otherwise pay for its JIT and page-cache warm-up alone.
    if (flags.warmup > 0) {
      say(`Warming up: every operation on every server for ${flags.warmup} s …`);
      for (const op of flags.ops) {
        for (const [target, request] of buildRequests(op, params, flags.targets, peerOperations)) {
          const expected = await tryAnswer(op, target, request);
          if (expected) await cannon(request, flags.connections, flags.warmup, expected.body);
        }
      }
    }
    for (const op of flags.ops) {
      const requests = buildRequests(op, params, flags.targets, peerOperations);
      const apiRequest = requests.get('api');
      const peerRequest = requests.get('neo4j-graphql');
      if (apiRequest && peerRequest) {
        const apiAnswer = await tryAnswer(op, 'api', apiRequest);
        const peerAnswer = await tryAnswer(op, 'neo4j-graphql', peerRequest);
        if (apiAnswer && peerAnswer) {
          const same = JSON.stringify(apiAnswer.digest) === JSON.stringify(peerAnswer.digest);
          equivalence[op] = same
            ? 'equal'
            : `DIFFERENT: api ${JSON.stringify(apiAnswer.digest)} vs neo4j-graphql ${JSON.stringify(peerAnswer.digest)}`;
          say(`  ${op}: answers ${same ? 'equal' : 'DIFFER'} (${apiAnswer.bytes} and ${peerAnswer.bytes} bytes)`);
        } else {
          equivalence[op] = `not compared: ${[...failed]
            .filter(([key]) => key.startsWith(`${op}|`))
            .map(([key, reason]) => `${key.split('|')[1]} failed (${reason})`)
            .join('; ')}`;
        }
      }
      const baselineRequest = requests.get('baseline');
      if (apiRequest && baselineRequest) {
        const apiAnswer = await tryAnswer(op, 'api', apiRequest);
        const baselineAnswer = await tryAnswer(op, 'baseline', baselineRequest);
        if (apiAnswer && baselineAnswer) {
          const same = JSON.stringify(apiAnswer.digest) === JSON.stringify(baselineAnswer.digest);
          say(`  ${op}: api and baseline answers ${same ? 'equal' : 'DIFFER'} (${apiAnswer.bytes} and ${baselineAnswer.bytes} bytes)`);
        }
      }
      for (const target of flags.targets) {
        const request = requests.get(target);
        if (!request) continue;
        const expected = await tryAnswer(op, target, request);
        if (!expected) {
          measurements.push(failedMeasurement(op, target, failed.get(failKey(op, target)) ?? 'failed'));
          continue;
        }
        if (flags.warmup > 0) await cannon(request, flags.connections, 1, expected.body);
        const serverPid = servers.get(target)?.pid;
        const cpuBefore = { server: cpuMs(serverPid), neo4j: cpuMs(neo4jPid) };
        const loaded = await cannon(request, flags.connections, flags.seconds, expected.body);
        const cpu = {
          server: (cpuMs(serverPid) - cpuBefore.server) / Math.max(1, loaded.requests),
          neo4j: (cpuMs(neo4jPid) - cpuBefore.neo4j) / Math.max(1, loaded.requests),
        };
        const single = await oneClient(request, flags.seconds, expected.body);
        measurements.push({
          op,
          target,
          responseBytes: expected.bytes,
          throughput: loaded.throughput,
          p50: loaded.p50,
          p99: loaded.p99,
          singleP50: single.p50,
          singleP99: single.p99,
          requests: loaded.requests + single.requests,
          failures: loaded.failures + single.failures,
          cpuMsPerRequest: cpu,
        });
        say(
          `  ${op} on ${target}: ${loaded.throughput.toFixed(0)} req/s, p50 ${loaded.p50} ms, p99 ${loaded.p99} ms; one client p50 ${single.p50.toFixed(2)} ms; ` +
            `CPU per request: server ${cpu.server.toFixed(2)} ms, Neo4j ${cpu.neo4j.toFixed(2)} ms; failures ${loaded.failures + single.failures}`,
        );
      }
    }
    const memory: ScaleReport['memory'] = {};
    for (const [target, server] of servers) memory[target] = server.highWaterMark();
    return { scale, load, params, equivalence, measurements, memory };
  } finally {
    await stopAll();
  }
}

function failedMeasurement(op: OperationName, target: TargetName, error: string): Measurement {
  const none = Number.NaN;
  return {
    op,
    target,
    error,
    responseBytes: none,
    throughput: none,
    p50: none,
    p99: none,
    singleP50: none,
    singleP99: none,
    requests: 0,
    failures: 0,
    cpuMsPerRequest: { server: none, neo4j: none },
  };
}

/** The gist of an error for a table cell: the database's message when there is one. */
function shortError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const message = /"message":"([^"]+)"/.exec(text)?.[1] ?? text;
  return message.replace(/\s+/g, ' ').slice(0, 160);
}

function url(target: TargetName): string {
  return `http://127.0.0.1:${PORTS[target]}`;
}

interface TargetRequest {
  path: string;
  body: string;
  digest?: (data: unknown) => unknown;
  port: number;
}

function buildRequests(
  op: OperationName,
  params: BenchParams,
  targets: readonly TargetName[],
  peerOperations: Record<OperationName, GraphqlOperation> | undefined,
): Map<TargetName, TargetRequest> {
  const graphql = (operation: GraphqlOperation, port: number): TargetRequest => ({
    path: '/graphql',
    body: JSON.stringify({ query: operation.query, variables: operation.variables(params) }),
    digest: operation.digest,
    port,
  });
  const requests = new Map<TargetName, TargetRequest>();
  for (const target of targets) {
    if (target === 'api') requests.set(target, graphql(API_OPERATIONS[op], PORTS[target]));
    if (target === 'baseline') requests.set(target, graphql(BASELINE_OPERATIONS[op], PORTS[target]));
    if (target === 'neo4j-graphql' && peerOperations) requests.set(target, graphql(peerOperations[op], PORTS[target]));
    if (target === 'driver') requests.set(target, { path: `/op/${op}`, body: '{}', port: PORTS.driver });
  }
  return requests;
}

interface Answer {
  body: string;
  bytes: number;
  digest: unknown;
}

/** One request, checked: HTTP 200 and no GraphQL errors. */
async function answer(request: TargetRequest): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${request.port}${request.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: request.body,
  });
  const body = await res.text();
  const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || parsed.errors) throw new Error(`${request.port}${request.path} answered ${res.status}: ${body.slice(0, 500)}`);
  return { body, bytes: Buffer.byteLength(body), digest: request.digest ? request.digest(parsed.data) : null };
}

/** autocannon for `seconds`; every answer must be 200 and byte-identical to `expected` (else it counts as a failure). */
async function cannon(
  request: TargetRequest,
  connections: number,
  seconds: number,
  expected: string,
): Promise<{ throughput: number; p50: number; p99: number; requests: number; failures: number }> {
  const result = await autocannon({
    url: `http://127.0.0.1:${request.port}${request.path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: request.body,
    connections,
    duration: seconds,
    timeout: 10,
    expectBody: expected,
  });
  return {
    throughput: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0),
  };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc; NaN when unknown. */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/**
 * One client, one request at a time, for `seconds`: latency without queueing, timed in the
 * client with sub-millisecond resolution (autocannon's histogram counts whole milliseconds, too
 * coarse for answers that take 1–5 ms). Keep-alive, as autocannon does.
 */
async function oneClient(
  request: TargetRequest,
  seconds: number,
  expected: string,
): Promise<{ p50: number; p99: number; requests: number; failures: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let failures = 0;
  const send = (): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: request.port,
          path: request.path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end(request.body);
    });
  const deadline = performance.now() + seconds * 1000;
  try {
    while (performance.now() < deadline) {
      const started = performance.now();
      const res = await send().catch(() => ({ status: 0, body: '' }));
      latencies.push(performance.now() - started);
      if (res.status !== 200 || res.body !== expected) failures++;
    }
  } finally {
    agent.destroy();
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number): number => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? Number.NaN;
  return { p50: at(50), p99: at(99), requests: latencies.length, failures };
}

/** The loaded graph's size, for `--reuse` (no load was timed). */
async function countGraph(target: { uri: string; username: string; password: string }): Promise<LoadResult> {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
  try {
    const { records } = await driver.executeQuery('MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels');
    const nodes = Number(records[0]?.get('nodes') ?? 0);
    const relationships = Number(records[0]?.get('rels') ?? 0);
    return { nodes, relationships, seconds: Number.NaN, rowsPerSecond: Number.NaN };
  } finally {
    await driver.close();
  }
}

async function ensureDataset(scale: number, seed: number): Promise<string> {
  const out = join(OUT_DIR, `scale-${scale}-seed-${seed}`);
  const dataDir = join(out, 'data');
  if (existsSync(join(out, '.complete'))) return dataDir;
  say(`Generating scale ${scale} (seed ${seed}) …`);
  rmSync(out, { recursive: true, force: true });
  await writeDataset({ scale, seed, out, format: 'json' });
  writeFileSync(join(out, '.complete'), `${new Date().toISOString()}\n`);
  return dataDir;
}

/** Stops the instance, deletes its database files and starts it again: an empty graph. */
async function emptyDatabase(instance: InstanceSpec): Promise<{ uri: string; username: string; password: string }> {
  await stop(instance, say);
  const home = join(REPO_ROOT, '.neo4j', instance.name);
  rmSync(join(home, 'data', 'databases', 'neo4j'), { recursive: true, force: true });
  rmSync(join(home, 'data', 'transactions', 'neo4j'), { recursive: true, force: true });
  const started = await start(instance, say);
  return { uri: started.uri, username: started.username, password: started.password };
}

/** `npm run seed -- --data <dir>` against the bench instance, timed from spawn to exit. */
async function loadThroughLoader(dataDir: string, target: { uri: string; username: string; password: string }): Promise<LoadResult> {
  say(`Loading ${dataDir} through the loader …`);
  const startedAt = performance.now();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'ops', 'seed.ts'), '--data', dataDir], {
      cwd: REPO_ROOT,
      env: {
        // eslint-disable-next-line no-restricted-properties -- the child needs PATH and HOME, plus the bench connection
        ...process.env,
        NEO4J_URI: target.uri,
        NEO4J_USERNAME: target.username,
        NEO4J_PASSWORD: target.password,
        LOG_LEVEL: 'warn',
        // The loader holds the whole validated seed and its plan in memory: ~3.8 GB at 3.4 million
        // rows, past Node's default heap limit (docs/benchmarks.md, "Seed throughput").
        NODE_OPTIONS: '--max-old-space-size=8192',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`The loader failed (exit ${code}):\n${text.slice(-2000)}`)),
    );
  });
  const seconds = (performance.now() - startedAt) / 1000;
  const match = /: (\d+) nodes \(.*\), (\d+) relationships/.exec(output);
  if (!match) throw new Error(`Could not read the loader's counts from:\n${output.slice(0, 1000)}`);
  const nodes = Number(match[1]);
  const relationships = Number(match[2]);
  return { nodes, relationships, seconds, rowsPerSecond: (nodes + relationships) / seconds };
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

function writeResults(file: string, markdown: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const block = `${START}\n\n${markdown}\n\n${END}`;
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  const next = from >= 0 && to > from ? `${text.slice(0, from)}${block}${text.slice(to + END.length)}` : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

main().catch((err: unknown) => {
  say(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
