/**
 * `npm run attack -- [--clients 64] [--seconds 60] [--before 5] [--after 15] [--port 4302] [--json] [--keep-neo4j]`
 *
 * The hardening target of issue 10, measured: many clients sending the costliest requests the
 * default limits accept (and some they refuse) to the API as an operator runs it (`npm start`:
 * supervised, heap limit API_MAX_HEAP_MB), against the test Neo4j (never the dev one). In
 * parallel, a probe in its own process (attackProbe.ts) sends `GET /health` every 100 ms, over a
 * kept-alive connection and on a new connection each time, and a cheap query every 250 ms, one
 * at a time each, from `--before` seconds before the load until `--after` seconds after it. Reports the
 * answers by status and code, throughput, the API process's memory (sampled RSS and VmHWM),
 * crashes (the supervisor's "restarting it"), /health latency, how long the cheap query took to
 * get back within 1.5× of its latency before the load, and whether the graph is unchanged (a
 * fingerprint before and after). Every loop is bounded; traffic goes to 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { childEnvironment, loadConfig } from '../../src/config.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { createLogger } from '../../src/logger.js';
import { connectRuntime } from '../../src/runtime.js';
import { LocalNeo4jError, TEST_INSTANCE, start, stop, type LocalConnection } from '../../ops/localNeo4j/localNeo4j.js';
import { REPO_ROOT, launchServer, readStatusKb, type ServerProcess, type StopResult } from './serverProcess.js';
import { attackMix, CHEAP_QUERY, type Attack } from './attackMix.js';
import { onInterrupt, parseFlags, runMain } from './cli.js';
import { graphFingerprint, type Fingerprint } from './graphFingerprint.js';
import { Tally, ascending, mib, ms, percentile, table } from './stats.js';

const USAGE = 'Usage: npm run attack -- [--clients 64] [--seconds 60] [--before 5] [--after 15] [--port 4302] [--json] [--keep-neo4j]';
const FLAGS = {
  clients: { default: 64, min: 1, max: 512 },
  seconds: { default: 60, min: 1, max: 600 },
  before: { default: 5, min: 1, max: 60 },
  after: { default: 15, min: 1, max: 120 },
  port: { default: 4302, min: 1024, max: 65535 },
  json: { default: false },
  'keep-neo4j': { default: false },
};
/** A request of the load slower than this is abandoned by its client (and counted). */
const REQUEST_TIMEOUT_MS = 30_000;
const HEALTH_EVERY_MS = 100;
const CHEAP_EVERY_MS = 250;
const RSS_EVERY_MS = 250;
/** The cheap query has recovered when its latency is within this factor of the median before the load. */
const RECOVERY_FACTOR = 1.5;
/** Answers longer than this are not parsed by the load generator (a 200 without errors is OK). */
const PARSE_UP_TO_CHARS = 256 * 1024;
const BUCKET_MS = 5_000;

/** Weights per request of the mix: the accepted costliest ones most, refusals and the answer stopped midway less. */
const WEIGHTS: Record<string, number> = {
  'hub-chain': 10,
  'hub-supports-chain': 10,
  'long-text-ids': 10,
  'long-text-chain': 10,
  'wide-aliases': 10,
  'neighbourhood-500': 10,
  'paths-evidence': 10,
  'answer-too-big': 6,
  'refused-original': 6,
  'refused-cost': 6,
  'refused-page': 6,
  'refused-aliases': 6,
};

interface Answer {
  attack: string;
  /** `<status> <code>` (`200 OK` for data without errors), or a client-side failure. */
  outcome: string;
  bytes: number;
  ms: number;
  /** Epoch ms when the answer (or failure) arrived. */
  end: number;
}

interface ProbeSample {
  kind: 'health' | 'health-new' | 'cheap' | 'liveness';
  at: number;
  ms: number;
  ok: boolean;
}

const now = (): number => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), FLAGS, USAGE);
  const say = (message: string): void => {
    process.stderr.write(`${message}\n`);
  };

  const neo4j = await start(TEST_INSTANCE, say);
  // The settings the API will run with: it inherits this environment (so `MAX_COST=… npm run
  // attack` measures other limits, and the mix follows them), with the connection on top.
  const config = loadConfig(
    childEnvironment({ LOG_LEVEL: 'silent', NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_PASSWORD: neo4j.password }),
  );
  const mix = attackMix(buildSchema(), config.limits);
  let api: ServerProcess | undefined;
  let probe: ChildProcess | undefined;
  const cleanUp = async (): Promise<void> => {
    probe?.kill('SIGTERM');
    await api?.stop();
    if (!neo4j.reused && !flags['keep-neo4j']) await stop(TEST_INSTANCE, say);
  };
  onInterrupt(cleanUp);
  try {
    say(`Starting the API (npm start: supervised, seeded) on 127.0.0.1:${flags.port} against ${neo4j.uri} …`);
    // The API also answers liveness on a port of its own (a worker thread), as docker-compose runs it.
    api = await launchServer({ port: flags.port, neo4j, logName: 'attack-api.log', env: { HEALTH_PORT: String(flags.port + 1) } });
    const baseUrl = api.baseUrl;
    say(`API ready (serving pid ${api.pid}). Fingerprint of the graph …`);
    const before = await fingerprint(config, neo4j);

    say('Each request of the mix once:');
    const sanity: Answer[] = [];
    for (const attack of mix) {
      const answer = await send(baseUrl, attack);
      sanity.push(answer);
      say(
        `  ${attack.name.padEnd(20)} cost ${String(attack.cost ?? '–').padStart(9)}  ${answer.outcome.padEnd(36)} ${kib(answer.bytes).padStart(8)} KiB ${ms(answer.ms).padStart(6)} ms`,
      );
    }

    const samples: ProbeSample[] = [];
    const rss: { at: number; bytes: number }[] = [];
    const rssTimer = setInterval(() => {
      const kb = readStatusKb(api?.pid ?? 0, 'VmRSS');
      if (kb !== undefined) rss.push({ at: now(), bytes: kb * 1024 });
    }, RSS_EVERY_MS);
    probe = startProbe(baseUrl, samples, `http://127.0.0.1:${flags.port + 1}/health`);
    const probeStarted = now();
    say(
      `Probe: /health every ${HEALTH_EVERY_MS} ms (kept-alive and new connections), the cheap query every ${CHEAP_EVERY_MS} ms; ${flags.before} s before the load …`,
    );
    await sleep(flags.before * 1000);

    say(`Load: ${flags.clients} clients for ${flags.seconds} s …`);
    const loadStart = now();
    const answers = await runLoad(baseUrl, mix, flags.clients, flags.seconds * 1000);
    const loadEnd = loadStart + flags.seconds * 1000;
    const drained = now();
    say(`Load stopped; the last answer came ${ms(drained - loadEnd)} ms after it. Probing ${flags.after} s more …`);
    await sleep(Math.max(0, loadEnd + flags.after * 1000 - now()));
    await stopProbe(probe);
    probe = undefined;
    clearInterval(rssTimer);

    const servingPid = api.pid;
    const stillServing = readStatusKb(servingPid, 'VmRSS') !== undefined;
    const rssHwm = api.highWaterMark();
    const rssSampled = api.peakRssSampled();
    const supervisorExited = api.exitedEarly();
    const logProblems = api.logProblems.toObject();
    const restarts = countLines(api.logFile, /restarting it/);
    say('Fingerprint of the graph again …');
    const after = await fingerprint(config, neo4j);
    const stopped = await api.stop();
    api = undefined;

    const report = buildReport({
      flags,
      mix,
      sanity,
      answers,
      samples,
      rss,
      times: { probeStarted, loadStart, loadEnd, drained },
      api: {
        rssHwm,
        rssSampled,
        restarts,
        stillServing,
        supervisorExited: supervisorExited !== undefined,
        stopped,
        logProblems,
        heapMb: config.apiMaxHeapMb,
      },
      fingerprints: { before, after },
      limits: config.limits,
    });
    process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
  } finally {
    await cleanUp();
  }
}

async function fingerprint(config: ReturnType<typeof loadConfig>, neo4j: LocalConnection): Promise<Fingerprint> {
  const runtime = await connectRuntime(config, neo4j, createLogger(config));
  try {
    return await graphFingerprint(runtime.executor);
  } finally {
    await runtime.close();
  }
}

/** Sends one request of the mix and classifies its answer, without parsing megabytes of data. */
async function send(baseUrl: string, attack: Attack, signal?: AbortSignal): Promise<Answer> {
  const t0 = now();
  try {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: attack.body,
      signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) : AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    const end = now();
    return { attack: attack.name, outcome: classify(res.status, text), bytes: Buffer.byteLength(text), ms: end - t0, end };
  } catch (err) {
    const end = now();
    const name = err instanceof Error ? err.name : 'Error';
    const outcome =
      name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : name === 'AbortError' ? 'CLIENT_ABORTED' : `TRANSPORT ${transportReason(err)}`;
    return { attack: attack.name, outcome, bytes: 0, ms: end - t0, end };
  }
}

function transportReason(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

function classify(status: number, text: string): string {
  if (status === 200 && text.length > PARSE_UP_TO_CHARS && text.startsWith('{"data"')) {
    // A large answer: data without errors unless the tail says otherwise (errors come after data).
    return text.lastIndexOf('"errors":[') > text.length - PARSE_UP_TO_CHARS ? `${status} PARTIAL` : `${status} OK`;
  }
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string; limit?: string } }[] };
    const first = body.errors?.[0]?.extensions;
    if (!body.errors?.length) return `${status} OK`;
    return `${status} ${first?.code ?? 'ERROR'}${first?.limit ? ` (${first.limit})` : ''}`;
  } catch {
    return `${status} NOT_JSON`;
  }
}

/** `clients` loops, each sending the weighted mix one request at a time until `durationMs` has passed. */
async function runLoad(baseUrl: string, mix: Attack[], clients: number, durationMs: number): Promise<Answer[]> {
  const deadline = now() + durationMs;
  const answers: Answer[] = [];
  const bag = mix.flatMap((attack) => Array.from({ length: WEIGHTS[attack.name] ?? 1 }, () => attack));
  // A fixed pseudo-random sequence (mulberry32), so every run sends the same mix in the same order.
  let seed = 0x5eed;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const client = async (): Promise<void> => {
    while (now() < deadline) {
      const attack = bag[Math.floor(random() * bag.length)];
      if (attack) answers.push(await send(baseUrl, attack));
    }
  };
  await Promise.all(Array.from({ length: clients }, () => client()));
  return answers;
}

function startProbe(baseUrl: string, samples: ProbeSample[], livenessUrl: string): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'tools', 'reliability', 'attackProbe.ts'),
      baseUrl,
      String(HEALTH_EVERY_MS),
      String(CHEAP_EVERY_MS),
      livenessUrl,
    ],
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        samples.push(JSON.parse(line) as ProbeSample);
      } catch {
        // Not a sample.
      }
    });
  }
  return child;
}

async function stopProbe(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.stdin?.end();
  await Promise.race([exited, sleep(15_000)]);
  child.kill('SIGTERM');
}

function countLines(file: string, pattern: RegExp): number {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => pattern.test(line)).length;
  } catch {
    return Number.NaN;
  }
}

const kib = (bytes: number): string => (bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0);

interface Report {
  clients: number;
  seconds: number;
  limits: { maxCost: number; maxPageSize: number; maxAliases: number; maxAnswerItems: number; maxInflightItems: number };
  mix: { name: string; weight: number; cost: number | undefined; expected: string; sanity: string; kib: number; ms: number; why: string }[];
  requests: number;
  throughputPerSecond: number;
  mibPerSecond: number;
  byOutcome: Record<string, number>;
  byAttack: { name: string; requests: number; p50: number; p99: number; max: number; outcomes: Record<string, number> }[];
  drainMs: number;
  perBucket: {
    t: string;
    answers: number;
    ok: number;
    refused: number;
    overloaded: number;
    other: number;
    rssMib: number;
    healthMaxMs: number;
    healthNewMaxMs: number;
    livenessMaxMs: number;
    cheapP50Ms: number;
  }[];
  health: { before: Latency; during: Latency; after: Latency; failed: number };
  healthNew: { before: Latency; during: Latency; after: Latency; failed: number };
  /** The liveness port (HEALTH_PORT, a worker thread), a new connection each time. */
  liveness: { before: Latency; during: Latency; after: Latency; failed: number };
  cheap: {
    before: Latency;
    during: Latency;
    after: Latency;
    failed: number;
    recoveryMs: number | undefined;
    firstWithinMs: number | undefined;
  };
  api: {
    heapLimitMib: number;
    peakRssBytes: number;
    peakRssSampledBytes: number;
    restarts: number;
    stillServing: boolean;
    supervisorExited: boolean;
    stop: StopResult;
    logProblems: Record<string, number>;
  };
  fingerprint: { before: Fingerprint; after: Fingerprint; equal: boolean };
}

interface Latency {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

function latency(values: number[]): Latency {
  const sorted = ascending(values);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

function buildReport(input: {
  flags: { clients: number; seconds: number };
  mix: Attack[];
  sanity: Answer[];
  answers: Answer[];
  samples: ProbeSample[];
  rss: { at: number; bytes: number }[];
  times: { probeStarted: number; loadStart: number; loadEnd: number; drained: number };
  api: {
    rssHwm: number;
    rssSampled: number;
    restarts: number;
    stillServing: boolean;
    supervisorExited: boolean;
    stopped: StopResult;
    logProblems: Record<string, number>;
    heapMb: number;
  };
  fingerprints: { before: Fingerprint; after: Fingerprint };
  limits: ReturnType<typeof loadConfig>['limits'];
}): Report {
  const { answers, samples, times } = input;
  const byOutcome = new Tally();
  for (const a of answers) byOutcome.add(a.outcome);
  const bytes = answers.reduce((sum, a) => sum + a.bytes, 0);
  const phase = (s: ProbeSample): 'before' | 'during' | 'after' =>
    s.at < times.loadStart ? 'before' : s.at < times.loadEnd ? 'during' : 'after';
  const of = (kind: ProbeSample['kind'], p: 'before' | 'during' | 'after'): number[] =>
    samples.filter((s) => s.kind === kind && phase(s) === p).map((s) => s.ms);

  // Recovery: from the end of the load to the first cheap probe sent after it from which every
  // later one is within RECOVERY_FACTOR × the median before the load.
  const cheapBefore = latency(of('cheap', 'before'));
  const threshold = cheapBefore.p50 * RECOVERY_FACTOR;
  const cheapAfter = samples.filter((s) => s.kind === 'cheap' && s.at >= times.loadEnd).sort((a, b) => a.at - b.at);
  let recoveredAt: number | undefined;
  for (let i = cheapAfter.length - 1; i >= 0; i--) {
    const s = cheapAfter[i];
    if (!s || !s.ok || s.ms > threshold) break;
    recoveredAt = s.at;
  }
  const firstWithin = cheapAfter.find((s) => s.ok && s.ms <= threshold);

  const perBucket: Report['perBucket'] = [];
  const end = times.loadEnd + 15_000;
  for (let t = times.loadStart - BUCKET_MS; t < end; t += BUCKET_MS) {
    const inBucket = <T>(items: T[], at: (item: T) => number): T[] => items.filter((x) => at(x) >= t && at(x) < t + BUCKET_MS);
    const mine = inBucket(answers, (a) => a.end);
    const count = (test: (o: string) => boolean): number => mine.filter((a) => test(a.outcome)).length;
    const health = inBucket(samples, (s) => s.at).filter((s) => s.kind === 'health');
    const healthNew = inBucket(samples, (s) => s.at).filter((s) => s.kind === 'health-new');
    const liveness = inBucket(samples, (s) => s.at).filter((s) => s.kind === 'liveness');
    const cheap = inBucket(samples, (s) => s.at).filter((s) => s.kind === 'cheap');
    perBucket.push({
      t: `${Math.round((t - times.loadStart) / 1000)}–${Math.round((t + BUCKET_MS - times.loadStart) / 1000)}`,
      answers: mine.length,
      ok: count((o) => o === '200 OK'),
      refused: count((o) => o.startsWith('400 ')),
      overloaded: count((o) => o.includes('OVERLOADED')),
      other: count((o) => o !== '200 OK' && !o.startsWith('400 ') && !o.includes('OVERLOADED')),
      rssMib: Math.max(0, ...inBucket(input.rss, (r) => r.at).map((r) => r.bytes)) / 1024 / 1024,
      healthMaxMs: Math.max(0, ...health.map((s) => s.ms)),
      healthNewMaxMs: Math.max(0, ...healthNew.map((s) => s.ms)),
      livenessMaxMs: Math.max(0, ...liveness.map((s) => s.ms)),
      cheapP50Ms: percentile(ascending(cheap.map((s) => s.ms)), 50),
    });
  }

  return {
    clients: input.flags.clients,
    seconds: input.flags.seconds,
    limits: {
      maxCost: input.limits.maxCost,
      maxPageSize: input.limits.maxPageSize,
      maxAliases: input.limits.maxAliases,
      maxAnswerItems: input.limits.maxAnswerItems,
      maxInflightItems: input.limits.maxInflightItems,
    },
    mix: input.mix.map((attack, i) => ({
      name: attack.name,
      weight: WEIGHTS[attack.name] ?? 1,
      cost: attack.cost,
      expected: attack.refused ? 'refused' : 'accepted',
      sanity: input.sanity[i]?.outcome ?? '–',
      kib: (input.sanity[i]?.bytes ?? 0) / 1024,
      ms: input.sanity[i]?.ms ?? Number.NaN,
      why: attack.why,
    })),
    requests: answers.length,
    throughputPerSecond: answers.length / input.flags.seconds,
    mibPerSecond: bytes / 1024 / 1024 / input.flags.seconds,
    byOutcome: byOutcome.toObject(),
    byAttack: input.mix.map((attack) => {
      const mine = answers.filter((a) => a.attack === attack.name);
      const outcomes = new Tally();
      for (const a of mine) outcomes.add(a.outcome);
      const l = latency(mine.map((a) => a.ms));
      return { name: attack.name, requests: mine.length, p50: l.p50, p99: l.p99, max: l.max, outcomes: outcomes.toObject() };
    }),
    drainMs: times.drained - times.loadEnd,
    perBucket,
    health: {
      before: latency(of('health', 'before')),
      during: latency(of('health', 'during')),
      after: latency(of('health', 'after')),
      failed: samples.filter((s) => s.kind === 'health' && !s.ok).length,
    },
    healthNew: {
      before: latency(of('health-new', 'before')),
      during: latency(of('health-new', 'during')),
      after: latency(of('health-new', 'after')),
      failed: samples.filter((s) => s.kind === 'health-new' && !s.ok).length,
    },
    liveness: {
      before: latency(of('liveness', 'before')),
      during: latency(of('liveness', 'during')),
      after: latency(of('liveness', 'after')),
      failed: samples.filter((s) => s.kind === 'liveness' && !s.ok).length,
    },
    cheap: {
      before: cheapBefore,
      during: latency(of('cheap', 'during')),
      after: latency(of('cheap', 'after')),
      failed: samples.filter((s) => s.kind === 'cheap' && !s.ok).length,
      recoveryMs: recoveredAt === undefined ? undefined : Math.max(0, recoveredAt - times.loadEnd),
      firstWithinMs: firstWithin === undefined ? undefined : Math.max(0, firstWithin.at - times.loadEnd),
    },
    api: {
      heapLimitMib: input.api.heapMb,
      peakRssBytes: input.api.rssHwm,
      peakRssSampledBytes: input.api.rssSampled,
      restarts: input.api.restarts,
      stillServing: input.api.stillServing,
      supervisorExited: input.api.supervisorExited,
      stop: input.api.stopped,
      logProblems: input.api.logProblems,
    },
    fingerprint: { ...input.fingerprints, equal: input.fingerprints.before.hash === input.fingerprints.after.hash },
  };
}

function renderReport(r: Report): string {
  const lat = (l: Latency): string => `p50 ${ms(l.p50)}, p99 ${ms(l.p99)}, max ${ms(l.max)} (n ${l.n})`;
  const outcomes = (o: Record<string, number>): string =>
    Object.entries(o)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const mixTable = table(
    ['request', 'weight', 'cost', 'expected', 'alone: answer', 'KiB', 'ms'],
    r.mix.map((m) => [m.name, m.weight, m.cost ?? '–', m.expected, m.sanity, m.kib.toFixed(m.kib < 10 ? 1 : 0), ms(m.ms)]),
    [false, true, true, false, false, true, true],
  );
  const summary = table(
    ['measure', 'value'],
    [
      ['clients × seconds', `${r.clients} × ${r.seconds}`],
      ['requests answered', r.requests],
      ['throughput (req/s)', r.throughputPerSecond.toFixed(1)],
      ['answer data (MiB/s)', r.mibPerSecond.toFixed(1)],
      ['answers by status and code', outcomes(r.byOutcome)],
      ['last answer after the load stopped (ms)', ms(r.drainMs)],
      [`API peak RSS (VmHWM, MiB; heap limit ${r.api.heapLimitMib} MiB)`, mib(r.api.peakRssBytes)],
      ['API peak RSS (sampled / 100 ms, MiB)', mib(r.api.peakRssSampledBytes)],
      ['API restarts (supervisor "restarting it")', r.api.restarts],
      ['same API process serving at the end', r.api.stillServing ? 'yes' : 'NO'],
      ['/health (kept-alive connection) before the load', lat(r.health.before)],
      ['/health (kept-alive connection) during the load', lat(r.health.during)],
      ['/health (kept-alive connection) after the load', lat(r.health.after)],
      ['/health (kept-alive connection) probes failed', r.health.failed],
      ['/health (new connection each) before the load', lat(r.healthNew.before)],
      ['/health (new connection each) during the load', lat(r.healthNew.during)],
      ['/health (new connection each) after the load', lat(r.healthNew.after)],
      ['/health (new connection each) probes failed', r.healthNew.failed],
      ['liveness port (HEALTH_PORT, new connection each) before the load', lat(r.liveness.before)],
      ['liveness port during the load', lat(r.liveness.during)],
      ['liveness port after the load', lat(r.liveness.after)],
      ['liveness port probes failed', r.liveness.failed],
      ['cheap query before the load', lat(r.cheap.before)],
      ['cheap query during the load', lat(r.cheap.during)],
      ['cheap query after the load', lat(r.cheap.after)],
      ['cheap query probes failed', r.cheap.failed],
      [
        `cheap query back within ${RECOVERY_FACTOR}× its median (first / for good), ms after the load`,
        `${r.cheap.firstWithinMs === undefined ? 'never' : ms(r.cheap.firstWithinMs)} / ${r.cheap.recoveryMs === undefined ? 'never' : ms(r.cheap.recoveryMs)}`,
      ],
      [
        'graph fingerprint before = after',
        `${r.fingerprint.equal ? 'yes' : 'NO'} (${r.fingerprint.before.nodes} nodes, ${r.fingerprint.before.relationships} relationships, ${r.fingerprint.before.hash.slice(0, 12)} → ${r.fingerprint.after.hash.slice(0, 12)})`,
      ],
      [
        'API stop on SIGTERM',
        `${r.api.stop.graceful ? 'graceful' : 'NOT graceful'}: exit code ${r.api.stop.code}${r.api.stop.signal ? `, signal ${r.api.stop.signal}` : ''}, ${ms(r.api.stop.ms)} ms`,
      ],
    ],
    [false, true],
  );
  const perAttack = table(
    ['request', 'answers', 'p50 ms', 'p99 ms', 'max ms', 'outcomes'],
    r.byAttack.map((a) => [a.name, a.requests, ms(a.p50), ms(a.p99), ms(a.max), outcomes(a.outcomes)]),
    [false, true, true, true, true, false],
  );
  const buckets = table(
    [
      't (s)',
      'answers',
      '200',
      '400',
      '503',
      'other',
      'RSS max MiB',
      '/health max ms',
      '/health new conn. max ms',
      'liveness max ms',
      'cheap p50 ms',
    ],
    r.perBucket.map((b) => [
      b.t,
      b.answers,
      b.ok,
      b.refused,
      b.overloaded,
      b.other,
      b.rssMib.toFixed(0),
      ms(b.healthMaxMs),
      ms(b.healthNewMaxMs),
      ms(b.livenessMaxMs),
      ms(b.cheapP50Ms),
    ]),
  );
  const problems = Object.entries(r.api.logProblems);
  return [
    '',
    `Attack: ${r.clients} clients, ${r.seconds} s; cheap query ${CHEAP_QUERY}; limits MAX_COST ${r.limits.maxCost}, MAX_PAGE_SIZE ${r.limits.maxPageSize}, MAX_ALIASES ${r.limits.maxAliases}, MAX_ANSWER_ITEMS ${r.limits.maxAnswerItems}, MAX_INFLIGHT_ITEMS ${r.limits.maxInflightItems}`,
    '',
    'The mix (each request once, alone, before the load):',
    '',
    mixTable,
    '',
    summary,
    '',
    'Per request of the mix, under load:',
    '',
    perAttack,
    '',
    'Per 5 s (t from the start of the load):',
    '',
    buckets,
    '',
    `API warnings/errors in its log: ${problems.length === 0 ? 'none' : problems.map(([k, n]) => `${k} × ${n}`).join('; ')}`,
    '',
  ].join('\n');
}

runMain(main, [LocalNeo4jError]);
