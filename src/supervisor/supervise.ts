/**
 * Runs the API in a child Node process and restarts it, with backoff, whenever it dies without
 * being asked to (a crash, "JavaScript heap out of memory", a SIGKILL), logging the exit status
 * and why. The one-time work (Neo4j, migrations, seed) stays with the caller, so a restart only
 * reconnects and listens again.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Env } from '../config.js';
import type { Logger } from '../logger.js';
import { RESTART_BACKOFF, RestartBackoff, TailBuffer, describeExit, type BackoffPolicy } from './restarts.js';

/** What the API process sends its supervisor over IPC once it listens. */
export interface ServingMessage {
  type: 'serving';
  url: string;
  port: number;
  /** The worker thread's liveness endpoint (HEALTH_PORT), when configured. */
  healthUrl?: string;
}

export function isServingMessage(message: unknown): message is ServingMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<ServingMessage>;
  return m.type === 'serving' && typeof m.url === 'string' && typeof m.port === 'number';
}

export interface SuperviseOptions {
  /** The API process's entry module (a path). */
  entry: string;
  /** Node flags of the API process: a loader for TypeScript, the heap limit. */
  execArgv: string[];
  /** The API process's whole environment. */
  env: Env;
  /** The heap limit set in `execArgv`, for the log lines. */
  maxHeapMb: number;
  logger: Logger;
  policy?: BackoffPolicy;
  /** How long `stop` lets the API process drain before killing it. */
  stopTimeoutMs?: number;
}

export interface Supervisor {
  /** The first process's `serving` message. Rejects if it dies before serving: a start-up failure is reported, not retried. */
  firstServing: Promise<ServingMessage>;
  /** Pid of the API process running now, if any. */
  pid: () => number | undefined;
  /** No more restarts; SIGTERM to the API process (it drains HTTP and closes its driver); resolves once it is gone. */
  stop: () => Promise<void>;
}

export class ApiStartError extends Error {
  override name = 'ApiStartError';
}

export function supervise(options: SuperviseOptions): Supervisor {
  const { logger, maxHeapMb } = options;
  const backoff = new RestartBackoff(options.policy ?? RESTART_BACKOFF);
  let current: ChildProcess | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  let servedOnce = false;
  let resolveFirst: (message: ServingMessage) => void = () => undefined;
  let rejectFirst: (err: Error) => void = () => undefined;
  const firstServing = new Promise<ServingMessage>((resolvePromise, rejectPromise) => {
    resolveFirst = resolvePromise;
    rejectFirst = rejectPromise;
  });

  const launch = (): void => {
    restartTimer = undefined;
    const stderrTail = new TailBuffer();
    // stdout (the JSON log) goes straight to ours; stderr passes through us so that the last
    // lines of a dying process (V8's heap report, an uncaught error's stack) can be quoted.
    const child = fork(options.entry, [], { execArgv: options.execArgv, env: options.env, stdio: ['inherit', 'inherit', 'pipe', 'ipc'] });
    current = child;
    backoff.started();
    const childPid = child.pid;
    logger.info({ childPid, maxHeapMb }, 'API process started');

    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      process.stderr.write(chunk);
      stderrTail.push(chunk);
    });
    child.on('message', (message) => {
      if (!isServingMessage(message)) return;
      backoff.serving();
      if (servedOnce) {
        logger.info({ childPid, url: message.url }, 'API process serving again');
      } else {
        servedOnce = true;
        resolveFirst(message);
      }
    });

    let ended = false;
    const onEnd = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (ended) return;
      ended = true;
      if (current === child) current = undefined;
      if (stopping) return;
      const why = describeExit(code, signal, { stderrTail: stderrTail.toString(), maxHeapMb });
      if (!servedOnce) {
        rejectFirst(new ApiStartError(`The API process ${why} before it served.`));
        return;
      }
      const { crashesInARow, servedMs, delayMs } = backoff.crashed();
      logger.error(
        { childPid, code, signal, servedMs, crashesInARow, restartInMs: delayMs, stderr: stderrTail.toString() || undefined },
        `API process ${why}; restarting it in ${delayMs} ms`,
      );
      restartTimer = setTimeout(launch, delayMs);
    };
    // 'close' rather than 'exit': by then its stderr has been read to the end.
    child.once('close', onEnd);
    child.on('error', (err) => {
      logger.error({ childPid, err }, 'API process error');
      // A process that could not be started at all emits no 'close'.
      if (child.pid === undefined) onEnd(null, null);
    });
  };

  launch();

  return {
    firstServing,
    pid: () => current?.pid,
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const child = current;
      if (!child) return;
      const closed = new Promise((resolveClosed) => child.once('close', resolveClosed));
      child.kill('SIGTERM');
      const force = setTimeout(() => {
        logger.warn({ childPid: child.pid }, 'API process did not stop in time; killing it');
        child.kill('SIGKILL');
      }, options.stopTimeoutMs ?? 15_000);
      await closed;
      clearTimeout(force);
    },
  };
}
