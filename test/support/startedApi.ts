/**
 * `npm start` as a real process for the e2e tests (shutdown, supervision, the compiled build):
 * `node --import tsx ops/start.ts` (or `node dist/ops/start.js`) against the test Neo4j on a free
 * port, its stdout and stderr collected.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { Readable } from 'node:stream';

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** One JSON log line of the process (pino). */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface StartedApi {
  process: ChildProcessByStdio<null, Readable, Readable>;
  port: number;
  /** Everything written to stdout and stderr so far. */
  output: () => string;
  /** The JSON log lines so far. */
  logLines: () => LogLine[];
  /** Polls until `predicate` holds (true) or the time is up or the process exited (false). */
  waitFor: (predicate: () => boolean, timeoutMs: number) => Promise<boolean>;
  /** Resolves with the exit code and signal (at once if it already exited). */
  exited: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The entry points: from source through tsx (what `npm start` runs), or the compiled build (`npm run build`). */
const ENTRIES = { source: ['--import', 'tsx', 'ops/start.ts'], compiled: ['dist/ops/start.js'] } as const;

export async function startApi(
  neo4j: { uri: string; password: string },
  env: Record<string, string> = {},
  entry: keyof typeof ENTRIES = 'source',
): Promise<StartedApi> {
  const port = await freePort();
  const child = spawn(process.execPath, [...ENTRIES[entry]], {
    env: {
      // The child is a whole process: it needs PATH and the rest of this environment, plus its settings.
      // eslint-disable-next-line no-restricted-properties
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_PASSWORD: neo4j.password,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  );
  return {
    process: child,
    port,
    output: () => output,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as LogLine];
          } catch {
            return [];
          }
        }),
    waitFor: async (predicate, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null) return false;
        await new Promise((r) => setTimeout(r, 50));
      }
      return true;
    },
    exited: () => exit,
  };
}
