/**
 * A server the measurements start as a child process: by default the API the way an operator runs
 * it (`ops/start.ts`), or any of the benchmark's servers (the @neo4j/graphql peer, the driver
 * floor, a baseline checkout), started with
 * `node --import tsx` rather than `npx tsx` so that the child's pid is the real Node process whose
 * memory we sample. Its logs go to a file under `.tmp/reliability/`; warnings and errors are
 * counted by message, so a report can say what the API itself complained about.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Tally } from './stats.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUTPUT_DIR = join(REPO_ROOT, '.tmp', 'reliability');

const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;
const SAMPLE_EVERY_MS = 100;

export interface ServerOptions {
  port: number;
  neo4j: { uri: string; username: string; password: string };
  /** Name of the log file under OUTPUT_DIR. */
  logName: string;
  /** The program to run (default `ops/start.ts`) and its arguments. */
  script?: string;
  args?: string[];
  /** More environment for the child (e.g. SEED_ON_START=false). */
  env?: Record<string, string>;
  /** Where the log file goes (default OUTPUT_DIR). */
  outputDir?: string;
  /** The path that answers 200 once the server is ready (default `/ready`). */
  readyPath?: string;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StopResult extends ExitInfo {
  /** From SIGTERM to exit. */
  ms: number;
  /** Exit code 0 after SIGTERM, within the time limit. */
  graceful: boolean;
}

export interface ServerProcess {
  /**
   * The process that serves, whose memory is measured: under `npm start`'s supervisor its child
   * (src/serve.ts), known once ready; otherwise (a single-process baseline) the started process.
   */
  pid: number;
  baseUrl: string;
  logFile: string;
  /** Set when the process exited on its own (before `stop`). */
  exitedEarly: () => ExitInfo | undefined;
  /** Warning and error log lines of the API, by level and message. */
  logProblems: Tally;
  /** Highest VmRSS seen by sampling every 100 ms, in bytes. */
  peakRssSampled: () => number;
  /** The kernel's own high-water mark of the resident set (VmHWM), in bytes; read it before stopping. */
  highWaterMark: () => number;
  stop: () => Promise<StopResult>;
}

/** Starts the API and resolves once `/ready` answers 200; throws with the log's tail if it does not. */
export async function launchServer(options: ServerOptions): Promise<ServerProcess> {
  const outputDir = options.outputDir ?? OUTPUT_DIR;
  mkdirSync(outputDir, { recursive: true });
  const logFile = join(outputDir, options.logName);
  const log = createWriteStream(logFile);
  const script = options.script ?? join(REPO_ROOT, 'ops', 'start.ts');
  // Compiled JavaScript (`npm run build`, dist/) runs as it is; TypeScript goes through tsx.
  const loader = script.endsWith('.js') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, script, ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: {
      // The child inherits this environment (PATH, HOME) plus the settings of the run.
      // eslint-disable-next-line no-restricted-properties
      ...process.env,
      NEO4J_URI: options.neo4j.uri,
      NEO4J_USERNAME: options.neo4j.username,
      NEO4J_PASSWORD: options.neo4j.password,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('Could not start the API process.');

  let exit: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolveExit) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolveExit(exit);
    });
  });
  let stopping = false;

  const logProblems = new Tally();
  pipeLines(child, (line) => {
    log.write(`${line}\n`);
    const entry = parseLogLine(line);
    if (entry && entry.level >= 40)
      logProblems.add(`${entry.level >= 50 ? 'error' : 'warn'}: ${entry.msg}${entry.code ? ` (${entry.code})` : ''}`);
  });

  let peakRss = 0;
  let measuredPid = pid;
  const sampler = setInterval(() => {
    const rss = readStatusKb(measuredPid, 'VmRSS');
    if (rss !== undefined) peakRss = Math.max(peakRss, rss * 1024);
  }, SAMPLE_EVERY_MS);

  const baseUrl = `http://127.0.0.1:${options.port}`;
  const api: ServerProcess = {
    pid,
    baseUrl,
    logFile,
    exitedEarly: () => (stopping ? undefined : exit),
    logProblems,
    peakRssSampled: () => peakRss,
    highWaterMark: () => (readStatusKb(measuredPid, 'VmHWM') ?? Number.NaN) * 1024,
    stop: async () => {
      stopping = true;
      clearInterval(sampler);
      const t0 = performance.now();
      if (exit) return { ...exit, ms: 0, graceful: false };
      child.kill('SIGTERM');
      const result = await Promise.race([exited, sleep(STOP_TIMEOUT_MS).then(() => undefined)]);
      if (!result) {
        child.kill('SIGKILL');
        const killed = await exited;
        log.end();
        return { ...killed, ms: performance.now() - t0, graceful: false };
      }
      log.end();
      return { ...result, ms: performance.now() - t0, graceful: result.code === 0 };
    },
  };

  try {
    await waitReady(`${baseUrl}${options.readyPath ?? '/ready'}`, () => exit);
    // From now on the API process alone is measured, as before supervision (the supervisor's
    // seeding is not the API's memory).
    measuredPid = servingPid(pid);
    api.pid = measuredPid;
    peakRss = 0;
  } catch (err) {
    await api.stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\nLast lines of ${logFile}:\n${tail(logFile, 15)}`);
  }
  return api;
}

async function waitReady(readyUrl: string, exited: () => ExitInfo | undefined): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`The API exited during start-up (code ${exit.code}, signal ${exit.signal}).`);
    try {
      const res = await fetch(readyUrl, { signal: AbortSignal.timeout(3000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`The API was not ready within ${READY_TIMEOUT_MS / 1000} s.`);
}

/** The only child of `pid` (the API process under the supervisor), or `pid` itself if it has none. */
function servingPid(pid: number): number {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.length === 1 && children[0] !== undefined ? children[0] : pid;
  } catch {
    return pid;
  }
}

/** A field of /proc/<pid>/status in kB, or undefined when the process is gone. */
export function readStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function pipeLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
    stream?.on('end', () => {
      if (rest) onLine(rest);
    });
  }
}

function parseLogLine(line: string): { level: number; msg: string; code?: string } | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const entry = JSON.parse(line) as { level?: unknown; msg?: unknown; code?: unknown };
    if (typeof entry.level !== 'number') return undefined;
    return {
      level: entry.level,
      msg: typeof entry.msg === 'string' ? entry.msg : '',
      ...(typeof entry.code === 'string' ? { code: entry.code } : {}),
    };
  } catch {
    return undefined;
  }
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
