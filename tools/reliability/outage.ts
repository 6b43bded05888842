/**
 * `npm run outage -- [--seconds 40] [--clients 10] [--port 4301] [--stop-at 10] [--restart-at 20] [--json]`
 *
 * A Neo4j outage under steady load: the throwaway OUTAGE Neo4j instance (Bolt 7689), the API as a
 * child process against it, autocannon with a modest number of clients; Neo4j is stopped at
 * `--stop-at` seconds and started again at `--restart-at`. Reports per second what the clients saw
 * and what /ready said, how long after Neo4j was back the first request succeeded, whether the API
 * stayed up, and every request slower than 5 s. Stops everything it started. 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { LocalNeo4jError, OUTAGE_INSTANCE, start, stop } from '../../ops/localNeo4j/localNeo4j.js';
import { REPO_ROOT, launchServer, type ServerProcess, type StopResult } from './serverProcess.js';
import { parseFlags, runMain, UsageError } from './cli.js';
import { mixedRequest, type Answer } from './loadMix.js';
import { loadOperations } from './operations.js';
import { ascending, mib, ms, percentile, table } from './stats.js';

const USAGE = 'Usage: npm run outage -- [--seconds 40] [--clients 10] [--port 4301] [--stop-at 10] [--restart-at 20] [--json]';
const FLAGS = {
  seconds: { default: 40, min: 10, max: 300 },
  clients: { default: 10, min: 1, max: 200 },
  port: { default: 4301, min: 1024, max: 65535 },
  'stop-at': { default: 10, min: 1, max: 300 },
  'restart-at': { default: 20, min: 2, max: 300 },
  json: { default: false },
};
const REQUEST_TIMEOUT_S = 10;
/** A request slower than this counts as hung. */
const HUNG_MS = 5000;
/** When Neo4j is slow to come back, the load goes on at most this long past --seconds, to see recovery. */
const GRACE_S = 45;

interface Second {
  t: number;
  neo4j: string;
  ready: string;
  health: string;
  ok: number;
  unavailable: number;
  otherErrors: Record<string, number>;
  http5xx: number;
  timeouts: number;
  p99: number;
  max: number;
}

interface Timeline {
  stopIssued?: number;
  stopDone?: number;
  startIssued?: number;
  neo4jBack?: number;
  /** The first documented answer after Neo4j had stopped. */
  firstOkAfterOutage?: number;
  lastFailure?: number;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), FLAGS, USAGE);
  if (flags['restart-at'] <= flags['stop-at'] || flags['restart-at'] >= flags.seconds) {
    throw new UsageError(`Need --stop-at < --restart-at < --seconds.\n${USAGE}`);
  }
  const say = (message: string): void => {
    process.stderr.write(`${message}\n`);
  };
  const operations = loadOperations();
  const neo4j = await start(OUTAGE_INSTANCE, say);
  let api: ServerProcess | undefined;
  const cleanUp = async (): Promise<void> => {
    await api?.stop();
    if (!neo4j.reused) await stop(OUTAGE_INSTANCE, say);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    say(`Starting the API on 127.0.0.1:${flags.port} against ${neo4j.uri} …`);
    api = await launchServer({ port: flags.port, neo4j, logName: 'outage-api.log' });
    const baseUrl = api.baseUrl;
    say(
      `API ready (pid ${api.pid}). Load: ${flags.clients} clients; Neo4j stops at ${flags['stop-at']} s and restarts at ${flags['restart-at']} s.`,
    );

    const answers: Answer[] = [];
    const timeouts: number[] = [];
    const otherTransport: { at: number; message: string }[] = [];
    const probes = new Map<number, { ready: string; health: string }>();
    const timeline: Timeline = {};
    const t0 = performance.now();
    const sec = (at: number): number => (at - t0) / 1000;

    const instance = autocannon(
      {
        url: baseUrl,
        connections: flags.clients,
        pipelining: 1,
        duration: flags.seconds + GRACE_S + 5,
        timeout: REQUEST_TIMEOUT_S,
        requests: [mixedRequest(operations, (answer) => answers.push(answer))],
      },
      () => undefined,
    );
    instance.on('reqError', (err: Error) => {
      if (err.message === 'request timed out') timeouts.push(performance.now());
      else otherTransport.push({ at: performance.now(), message: err.message });
    });
    const done = new Promise<void>((resolveDone) => instance.once('done', () => resolveDone()));

    let outage: Promise<void> | undefined;
    let outageError: unknown;
    for (let tick = 0; tick < flags.seconds + GRACE_S; tick++) {
      const next = t0 + (tick + 1) * 1000;
      if (tick === flags['stop-at']) {
        outage = runOutage(flags['restart-at'] - flags['stop-at'], timeline, say).catch((err: unknown) => {
          outageError = err;
        });
      }
      // Not awaited: a slow /ready must not shift the one-second grid.
      const second = tick;
      void probe(baseUrl).then((result) => probes.set(second, result));
      await sleep(Math.max(0, next - performance.now()));
      timeline.firstOkAfterOutage ??= firstOkAfter(answers, timeline.stopDone);
      // Past --seconds, go on only while recovery is still to be seen (at most GRACE_S longer).
      const recovered = timeline.firstOkAfterOutage !== undefined && performance.now() - timeline.firstOkAfterOutage > 3000;
      if (tick + 1 >= flags.seconds && (recovered || outageError !== undefined)) break;
    }
    instance.stop();
    await done;
    await outage;

    const crashed = api.exitedEarly();
    const rssHwm = api.highWaterMark();
    const logProblems = api.logProblems.toObject();
    const stopped = await api.stop();
    api = undefined;

    if (outageError !== undefined)
      say(`The outage did not go as planned: ${outageError instanceof Error ? outageError.message : 'unknown error'}`);
    timeline.firstOkAfterOutage ??= firstOkAfter(answers, timeline.stopDone);
    const failures = answers.filter((a) => a.outcome !== 'OK' && a.outcome !== 'OK_UNCOMPARABLE');
    timeline.lastFailure = Math.max(...failures.map((a) => a.at), ...timeouts, -Infinity);
    const seconds = perSecond(answers, timeouts, probes, timeline, sec);
    const hung = answers.filter((a) => a.latencyMs > HUNG_MS);
    const report = {
      clients: flags.clients,
      secondsRun: seconds.length,
      timelineSeconds: Object.fromEntries(
        Object.entries(timeline).map(([k, v]) => [k, Number.isFinite(v) ? Number(sec(v as number).toFixed(2)) : null]),
      ),
      recoveryMs:
        timeline.neo4jBack !== undefined && timeline.firstOkAfterOutage !== undefined
          ? timeline.firstOkAfterOutage - timeline.neo4jBack
          : null,
      answers: answers.length,
      outcomes: countBy(answers.map((a) => a.outcome)),
      failuresByOperation: countBy(failures.map((a) => `${a.op.name} ${a.outcome}`)),
      hungOver5s: hung.map((a) => ({ t: Number(sec(a.at).toFixed(2)), op: a.op.name, ms: Math.round(a.latencyMs), outcome: a.outcome })),
      timeouts: timeouts.length,
      transportErrors: countBy(otherTransport.map((e) => e.message)),
      apiStayedUp: crashed === undefined && [...probes.values()].every((p) => p.health === '200'),
      apiPeakRssBytes: rssHwm,
      apiStop: stopped,
      apiLogProblems: logProblems,
      perSecond: seconds,
    };
    process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : render(report, stopped));
  } finally {
    await cleanUp();
  }
}

/** Stops Neo4j, waits, starts it again; each step in a child process so the load generator's event loop never blocks. */
async function runOutage(downSeconds: number, timeline: Timeline, say: (m: string) => void): Promise<void> {
  timeline.stopIssued = performance.now();
  say('Stopping Neo4j …');
  await dbCommand('stop');
  timeline.stopDone = performance.now();
  await sleep(Math.max(0, timeline.stopIssued + downSeconds * 1000 - performance.now()));
  timeline.startIssued = performance.now();
  say('Starting Neo4j again …');
  await dbCommand('start');
  timeline.neo4jBack = performance.now();
  say('Neo4j is back.');
}

function dbCommand(command: 'start' | 'stop'): Promise<void> {
  return new Promise((resolveCommand, reject) => {
    // Output discarded: `db.ts start` prints the instance's password.
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'ops', 'db.ts'), command, '--instance', 'outage'], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 200_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolveCommand();
      else reject(new Error(`db.ts ${command} --instance outage exited with ${code}`));
    });
  });
}

async function probe(baseUrl: string): Promise<{ ready: string; health: string }> {
  const status = async (path: string): Promise<string> => {
    try {
      const res = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(2500) });
      await res.arrayBuffer();
      return String(res.status);
    } catch (err) {
      return err instanceof Error && err.name === 'TimeoutError' ? 'slow' : 'down';
    }
  };
  const [ready, health] = await Promise.all([status('/ready'), status('/health')]);
  return { ready, health };
}

function perSecond(
  answers: Answer[],
  timeouts: number[],
  probes: Map<number, { ready: string; health: string }>,
  timeline: Timeline,
  sec: (at: number) => number,
): Second[] {
  const last = Math.max(probes.size, ...answers.map((a) => Math.floor(sec(a.at)) + 1));
  const neo4jState = (t: number): string => {
    const within = (a?: number, b?: number): boolean => a !== undefined && sec(a) < t + 1 && (b === undefined || sec(b) > t);
    if (timeline.neo4jBack !== undefined && sec(timeline.neo4jBack) <= t) return 'up';
    if (within(timeline.startIssued, timeline.neo4jBack)) return 'starting';
    if (within(timeline.stopIssued, timeline.stopDone)) return 'stopping';
    if (timeline.stopDone !== undefined && sec(timeline.stopDone) <= t) return 'down';
    return 'up';
  };
  return Array.from({ length: last }, (_, t): Second => {
    const mine = answers.filter((a) => Math.floor(sec(a.at)) === t);
    const latencies = ascending(mine.map((a) => a.latencyMs));
    const other: Record<string, number> = {};
    for (const a of mine) {
      if (a.outcome === 'OK' || a.outcome === 'OK_UNCOMPARABLE' || a.outcome === 'UNAVAILABLE') continue;
      other[a.outcome] = (other[a.outcome] ?? 0) + 1;
    }
    const p = probes.get(t);
    return {
      t,
      neo4j: neo4jState(t),
      ready: p?.ready ?? '–',
      health: p?.health ?? '–',
      ok: mine.filter((a) => a.outcome === 'OK' || a.outcome === 'OK_UNCOMPARABLE').length,
      unavailable: mine.filter((a) => a.outcome === 'UNAVAILABLE').length,
      otherErrors: other,
      http5xx: mine.filter((a) => a.status >= 500).length,
      timeouts: timeouts.filter((at) => Math.floor(sec(at)) === t).length,
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
    };
  });
}

function firstOkAfter(answers: Answer[], after: number | undefined): number | undefined {
  if (after === undefined) return undefined;
  return answers.find((a) => a.at > after && (a.outcome === 'OK' || a.outcome === 'OK_UNCOMPARABLE'))?.at;
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function render(
  r: {
    clients: number;
    secondsRun: number;
    timelineSeconds: Record<string, number | null>;
    recoveryMs: number | null;
    answers: number;
    outcomes: Record<string, number>;
    failuresByOperation: Record<string, number>;
    hungOver5s: { t: number; op: string; ms: number; outcome: string }[];
    timeouts: number;
    transportErrors: Record<string, number>;
    apiStayedUp: boolean;
    apiPeakRssBytes: number;
    apiLogProblems: Record<string, number>;
    perSecond: Second[];
  },
  stopped: StopResult,
): string {
  const tl = r.timelineSeconds;
  const at = (k: string): string => (tl[k] === null || tl[k] === undefined ? '–' : `${tl[k]} s`);
  const perSecondTable = table(
    ['t (s)', 'Neo4j', '/ready', 'OK', 'UNAVAILABLE', 'other errors', '5xx', 'timeouts', 'p99 ms', 'max ms'],
    r.perSecond.map((s) => [
      s.t,
      s.neo4j,
      s.ready,
      s.ok,
      s.unavailable,
      Object.entries(s.otherErrors)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || '0',
      s.http5xx,
      s.timeouts,
      ms(s.p99),
      ms(s.max),
    ]),
    [true, false, false, true, true, false, true, true, true, true],
  );
  const summary = table(
    ['measure', 'value'],
    [
      ['clients', r.clients],
      ['answers', r.answers],
      [
        'answers by outcome',
        Object.entries(r.outcomes)
          .map(([k, n]) => `${k} ${n}`)
          .join(', '),
      ],
      [
        'failed answers by operation',
        Object.entries(r.failuresByOperation)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || 'none',
      ],
      ['Neo4j stop issued / stopped', `${at('stopIssued')} / ${at('stopDone')}`],
      ['Neo4j start issued / answering', `${at('startIssued')} / ${at('neo4jBack')}`],
      ['first OK answer after the stop', at('firstOkAfterOutage')],
      ['recovery time (Neo4j answering → first OK)', r.recoveryMs === null ? 'not recovered' : `${Math.round(r.recoveryMs)} ms`],
      ['last failed answer', at('lastFailure')],
      [
        'requests slower than 5 s',
        r.hungOver5s.length === 0 ? 'none' : r.hungOver5s.map((h) => `${h.t} s ${h.op} ${h.ms} ms ${h.outcome}`).join('; '),
      ],
      ['timeouts (> 10 s)', r.timeouts],
      ['transport errors', Object.keys(r.transportErrors).length === 0 ? 'none' : JSON.stringify(r.transportErrors)],
      ['API stayed up (process alive, /health 200 every second)', r.apiStayedUp ? 'yes' : 'NO'],
      ['API peak RSS (VmHWM, MiB)', mib(r.apiPeakRssBytes)],
      [
        'API stop on SIGTERM',
        `${stopped.graceful ? 'graceful' : 'NOT graceful'}: exit code ${stopped.code}${stopped.signal ? `, signal ${stopped.signal}` : ''}, ${ms(stopped.ms)} ms`,
      ],
    ],
    [false, true],
  );
  const problems = Object.entries(r.apiLogProblems);
  return [
    '',
    `Outage: ${r.clients} clients, ${r.secondsRun} s`,
    '',
    summary,
    '',
    'Per second (t from the start of the load; Neo4j column: state during that second; /ready: status probed at the start of it):',
    '',
    perSecondTable,
    '',
    `API warnings/errors in its log: ${problems.length === 0 ? 'none' : problems.map(([k, n]) => `${k} × ${n}`).join('; ')}`,
    '',
  ].join('\n');
}

runMain(main, [LocalNeo4jError]);
