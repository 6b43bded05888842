/**
 * A real Neo4j Community server without Docker: assembled from Maven Central's jars with the
 * machine's Java 17 and Maven, kept in the git-ignored `.neo4j/` folder, bound to 127.0.0.1.
 *
 * Several named instances can live side by side (`dev` for `npm start`, `test` for the test
 * suite, throwaway ones for outage tests); each has its own home, ports and generated password.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { NEO4J_BROWSER_VERSION, NEO4J_VERSION } from './versions.js';

export interface InstanceSpec {
  /** Folder name under `.neo4j/`; also how messages refer to the instance. */
  name: string;
  boltPort: number;
  httpPort: number;
  heap: string;
  pageCache: string;
  /**
   * The port of the API whose `/browser/` style and guide this instance's Neo4j Browser applies
   * when a user connects (`browserSettings`); unset: none.
   */
  apiPort?: number;
}

/** The instance `npm start` uses: the standard ports, so Neo4j Browser's defaults just work. */
export const DEV_INSTANCE: InstanceSpec = { name: 'dev', boltPort: 7687, httpPort: 7474, heap: '1g', pageCache: '512m', apiPort: 4000 };

/** The test suite's own instance: other ports, so tests never touch data a user seeded into dev. */
export const TEST_INSTANCE: InstanceSpec = {
  name: 'test',
  boltPort: 7688,
  httpPort: 7475,
  heap: '1g',
  pageCache: '256m',
  // The browser test (test/e2e/browser.test.ts) serves the API here.
  apiPort: 4790,
};

/** A throwaway instance the outage tests stop and restart under a running API. */
/**
 * A second test instance, for a second working tree whose suite runs at the same time as the
 * first's (`NEO4J_TEST_INSTANCE=test-b npm test`): the suites wipe their database freely.
 */
export const TEST_B_INSTANCE: InstanceSpec = {
  name: 'test-b',
  boltPort: 7692,
  httpPort: 7479,
  heap: '1g',
  pageCache: '256m',
  apiPort: 4791,
};
/** A third, for a third working tree. */
export const TEST_C_INSTANCE: InstanceSpec = {
  name: 'test-c',
  boltPort: 7693,
  httpPort: 7480,
  heap: '1g',
  pageCache: '256m',
  apiPort: 4792,
};

/** The test instance the suite and the docs generator use: `test`, or `test-b`/`test-c` when NEO4J_TEST_INSTANCE says so. */
export function testInstance(env: NodeJS.ProcessEnv = process.env): InstanceSpec {
  const name = env.NEO4J_TEST_INSTANCE;
  if (name === undefined || name === '' || name === 'test') return TEST_INSTANCE;
  if (name === 'test-b') return TEST_B_INSTANCE;
  if (name === 'test-c') return TEST_C_INSTANCE;
  throw new LocalNeo4jError(`NEO4J_TEST_INSTANCE must be 'test', 'test-b' or 'test-c', not '${name}'.`);
}

export const OUTAGE_INSTANCE: InstanceSpec = { name: 'outage', boltPort: 7689, httpPort: 7476, heap: '512m', pageCache: '64m' };

/** The benchmarks' instance (`tools/bench/`): large synthetic graphs stay off dev and test. */
export const BENCH_INSTANCE: InstanceSpec = { name: 'bench', boltPort: 7690, httpPort: 7477, heap: '4g', pageCache: '2g' };

/** A small benchmark instance for trying the harness (`npm run bench -- --instance scratch`) while `bench` measures. */
export const SCRATCH_INSTANCE: InstanceSpec = { name: 'scratch', boltPort: 7691, httpPort: 7478, heap: '1g', pageCache: '512m' };

/** The project's local instances by name (`--instance <name>` of the operator commands). */
export const LOCAL_INSTANCES: Readonly<Record<string, InstanceSpec>> = {
  dev: DEV_INSTANCE,
  test: TEST_INSTANCE,
  'test-b': TEST_B_INSTANCE,
  'test-c': TEST_C_INSTANCE,
  outage: OUTAGE_INSTANCE,
  bench: BENCH_INSTANCE,
  scratch: SCRATCH_INSTANCE,
};

export interface LocalConnection {
  uri: string;
  username: string;
  password: string;
  httpUrl: string;
  browserUrl: string;
}

export type InstanceState =
  | { state: 'running'; pid: number; version: string }
  | { state: 'starting'; pid: number }
  | { state: 'stopped'; stalePid?: number }
  | { state: 'port-busy'; port: number };

export type Log = (message: string) => void;

/** A missing prerequisite or a refusal we can explain; callers print `message` and exit. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BASE_DIR = join(REPO_ROOT, '.neo4j');
const LIB_DIR = join(BASE_DIR, `lib-${NEO4J_VERSION}`);
const POM = join(REPO_ROOT, 'ops', 'localNeo4j', 'pom.xml');
const USERNAME = 'neo4j';
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

/** Flags Neo4j 5 needs on Java 17 (its own launcher adds them; we start the JVM directly). */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.tls.ephemeralDHKeySize=2048',
];

const homeOf = (spec: InstanceSpec): string => join(BASE_DIR, spec.name);
const pidFileOf = (spec: InstanceSpec): string => join(homeOf(spec), 'run', 'neo4j.pid');
const credentialsFileOf = (spec: InstanceSpec): string => join(homeOf(spec), 'credentials.json');

/** Connection details of an instance; the password is generated on its first start. */
export function connectionOf(spec: InstanceSpec): LocalConnection {
  const password = readCredentials(spec)?.password;
  if (!password) throw new LocalNeo4jError(`The local '${spec.name}' Neo4j has no credentials yet: start it first (npm run db:start).`);
  return {
    uri: `bolt://127.0.0.1:${spec.boltPort}`,
    username: USERNAME,
    password,
    httpUrl: `http://127.0.0.1:${spec.httpPort}`,
    // `dbms` fills in the connect form, user name included, so a user types only the password.
    browserUrl: `http://127.0.0.1:${spec.httpPort}/browser/?dbms=bolt://${USERNAME}@127.0.0.1:${spec.boltPort}`,
  };
}

/** What the instance is doing now, judged by its pid file, the process and its HTTP port. */
export async function status(spec: InstanceSpec): Promise<InstanceState> {
  const pid = readPid(spec);
  if (pid !== undefined && isAlive(pid)) {
    const version = await httpVersion(spec);
    return version ? { state: 'running', pid, version } : { state: 'starting', pid };
  }
  if (await portOpen(spec.boltPort)) return { state: 'port-busy', port: spec.boltPort };
  if (await portOpen(spec.httpPort)) return { state: 'port-busy', port: spec.httpPort };
  return pid === undefined ? { state: 'stopped' } : { state: 'stopped', stalePid: pid };
}

/**
 * Starts the instance, or reuses it when it already runs. Idempotent and safe to call from
 * several processes at once (a lock serialises the start).
 */
export async function start(spec: InstanceSpec, log: Log): Promise<LocalConnection & { reused: boolean }> {
  const before = await status(spec);
  if (before.state === 'running') {
    log(`Neo4j '${spec.name}' is already running (pid ${before.pid}, ${before.version}); reusing it.`);
    return { ...connectionOf(spec), reused: true };
  }
  if (before.state === 'port-busy') {
    throw new LocalNeo4jError(
      `Port ${before.port} is in use by a process this project did not start, so the local '${spec.name}' Neo4j cannot bind it. ` +
        `Stop that process, or point the project at that server with NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD.`,
    );
  }
  return withLock(join(BASE_DIR, `.start-${spec.name}.lock`), async () => {
    const now = await status(spec);
    if (now.state === 'running') return { ...connectionOf(spec), reused: true };
    if (now.state === 'starting') {
      log(`Neo4j '${spec.name}' is starting in another process (pid ${now.pid}); waiting for it.`);
      await waitUntilReady(spec, now.pid);
      return { ...connectionOf(spec), reused: true };
    }
    if (now.state === 'stopped' && now.stalePid !== undefined) {
      log(`Removing the stale pid file of Neo4j '${spec.name}' (pid ${now.stalePid} is not running).`);
      rmSync(pidFileOf(spec), { force: true });
    }
    checkJava();
    await assemble(log);
    writeConfig(spec);
    const password = ensurePassword(spec, log);
    const startedAt = Date.now();
    const pid = launch(spec);
    log(`Starting Neo4j ${NEO4J_VERSION} '${spec.name}' (pid ${pid}) on bolt://127.0.0.1:${spec.boltPort} …`);
    await waitUntilReady(spec, pid);
    log(`Neo4j '${spec.name}' is ready after ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
    return { ...connectionOf(spec), password, reused: false };
  });
}

/** Stops the instance gracefully (SIGTERM, then SIGKILL after a minute). */
export async function stop(spec: InstanceSpec, log: Log): Promise<void> {
  const pid = readPid(spec);
  if (pid === undefined || !isAlive(pid)) {
    if (pid !== undefined) rmSync(pidFileOf(spec), { force: true });
    log(`Neo4j '${spec.name}' is not running.`);
    return;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) {
    log(`Neo4j '${spec.name}' did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing pid ${pid}.`);
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(100);
  }
  rmSync(pidFileOf(spec), { force: true });
  log(`Neo4j '${spec.name}' stopped.`);
}

/** The outcome of `importDatabase`: the importer's own summary lines and its wall time. */
export interface ImportResult {
  seconds: number;
  /** The importer's last lines (counts, peak memory, time). */
  summary: string;
}

/**
 * Replaces the instance's `neo4j` database with `neo4j-admin database import full` of the given
 * files (the stopped instance's store is overwritten; Community cannot stop one database while the
 * server runs, so the whole instance is stopped first and started again after). When the import
 * fails, the half-written store is removed, so the instance starts with an empty `neo4j`
 * database, and the importer's error is thrown. `heap` bounds the importer's JVM.
 */
export async function importDatabase(
  spec: InstanceSpec,
  args: readonly string[],
  log: Log,
  options: { heap?: string; onOutput?: (chunk: string) => void } = {},
): Promise<ImportResult> {
  await stop(spec, log);
  const home = homeOf(spec);
  const startedAt = Date.now();
  const child = spawn(
    'java',
    [
      `-Xmx${options.heap ?? '2g'}`,
      ...JVM_FLAGS.filter((f) => f.startsWith('--add-opens')),
      '-cp',
      `${join(home, 'conf')}/*:${LIB_DIR}/*`,
      'org.neo4j.cli.AdminTool',
      'database',
      'import',
      'full',
      'neo4j',
      '--overwrite-destination=true',
      `--report-file=${join(home, 'logs', 'import.report')}`,
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') } },
  );
  // The importer's output is kept (its tail tells what went wrong) and passed on for progress.
  let output = '';
  const keep = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-200_000);
    options.onOutput?.(text);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const status = await new Promise<number | null>((resolveExit) => {
    child.on('error', () => resolveExit(null));
    child.on('close', (code) => resolveExit(code));
  });
  const seconds = (Date.now() - startedAt) / 1000;
  const result = { status, stdout: output, stderr: '' };
  if (result.status !== 0) {
    rmSync(join(home, 'data', 'databases', 'neo4j'), { recursive: true, force: true });
    rmSync(join(home, 'data', 'transactions', 'neo4j'), { recursive: true, force: true });
    await start(spec, log);
    throw new LocalNeo4jError(
      `neo4j-admin database import failed after ${seconds.toFixed(1)} s; the '${spec.name}' database was left empty:\n${tail(`${result.stdout}${result.stderr}`, 25)}`,
    );
  }
  await start(spec, log);
  return { seconds, summary: tail(result.stdout, 8) };
}

/** Deletes an instance's whole home (data included). Only for throwaway instances. */
export async function destroy(spec: InstanceSpec, log: Log): Promise<void> {
  await stop(spec, log);
  rmSync(homeOf(spec), { recursive: true, force: true });
}

function checkJava(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error) {
    throw new LocalNeo4jError(
      'Java 17 is needed to run a local Neo4j, and `java` was not found. Install a Java 17 runtime ' +
        '(Debian/Ubuntu: apt-get install openjdk-17-jre-headless) — or, with Docker, run `docker compose up` instead.',
    );
  }
  const major = Number(/version "(\d+)/.exec(java.stderr)?.[1]);
  if (!(major === 17 || major === 21)) {
    throw new LocalNeo4jError(
      `Neo4j ${NEO4J_VERSION} runs on Java 17 or 21, but \`java\` is version ${Number.isNaN(major) ? 'unknown' : major}. ` +
        'Put a Java 17 first on PATH — or, with Docker, run `docker compose up` instead.',
    );
  }
}

/** Copies the server's jars from Maven Central (or ~/.m2 after the first run) into LIB_DIR. */
async function assemble(log: Log): Promise<void> {
  const marker = join(LIB_DIR, '.complete');
  if (existsSync(marker)) return;
  await withLock(join(BASE_DIR, '.assemble.lock'), () => {
    if (existsSync(marker)) return Promise.resolve();
    if (spawnSync('mvn', ['-v'], { encoding: 'utf8' }).error) {
      throw new LocalNeo4jError(
        "Maven is needed once to fetch Neo4j's jars from Maven Central, and `mvn` was not found. " +
          'Install Maven 3 (Debian/Ubuntu: apt-get install maven) — or, with Docker, run `docker compose up` instead.',
      );
    }
    log(`Assembling Neo4j ${NEO4J_VERSION} + Browser ${NEO4J_BROWSER_VERSION} from Maven Central into ${LIB_DIR} …`);
    const tmp = `${LIB_DIR}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    const mvn = spawnSync(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        POM,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${tmp}`,
        '-DincludeScope=runtime',
        '-Dmdep.prependGroupId=true',
        `-Dneo4j.version=${NEO4J_VERSION}`,
        `-Dneo4j.browser.version=${NEO4J_BROWSER_VERSION}`,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (mvn.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      throw new LocalNeo4jError(`Maven could not fetch Neo4j's jars (exit ${mvn.status}):\n${tail(mvn.stdout + mvn.stderr, 30)}`);
    }
    writeFileSync(join(tmp, '.complete'), `${NEO4J_VERSION}\n`);
    rmSync(LIB_DIR, { recursive: true, force: true });
    renameSync(tmp, LIB_DIR);
    return Promise.resolve();
  });
}

/**
 * Neo4j Browser settings that style and guide a user the moment they connect: `post_connect_cmd`
 * runs `:style` and `:play` against the API's `/browser/` files (src/server/browserFiles.ts), and
 * the allow-list lets Browser fetch them. `localhost`, not 127.0.0.1: Browser matches the host
 * name against the list, and the list's own default names `localhost`. docker-compose.yml sets
 * the same values (test/unit/browserStyle.test.ts checks).
 */
export function browserSettings(apiPort: number): Record<'browser.post_connect_cmd' | 'browser.remote_content_hostname_whitelist', string> {
  const origin = `http://localhost:${apiPort}`;
  return {
    'browser.post_connect_cmd': `style ${origin}/browser/style.grass; play ${origin}/browser/guide.html`,
    'browser.remote_content_hostname_whitelist': 'localhost',
  };
}

function writeConfig(spec: InstanceSpec): void {
  const home = homeOf(spec);
  for (const dir of ['conf', 'data', 'logs', 'run', 'import', 'plugins']) mkdirSync(join(home, dir), { recursive: true });
  const conf = [
    '# Generated by ops/localNeo4j/localNeo4j.ts on every start; edit that file, not this one.',
    `server.directories.data=${join(home, 'data')}`,
    `server.directories.logs=${join(home, 'logs')}`,
    `server.directories.run=${join(home, 'run')}`,
    `server.directories.import=${join(home, 'import')}`,
    `server.directories.plugins=${join(home, 'plugins')}`,
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${spec.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${spec.boltPort}`,
    'server.http.enabled=true',
    `server.http.listen_address=127.0.0.1:${spec.httpPort}`,
    `server.http.advertised_address=127.0.0.1:${spec.httpPort}`,
    'server.https.enabled=false',
    // A 2-core, 24 GiB machine runs the dev and test instances side by side with room to spare.
    `server.memory.heap.initial_size=${spec.heap}`,
    `server.memory.heap.max_size=${spec.heap}`,
    `server.memory.pagecache.size=${spec.pageCache}`,
    'server.jvm.additional=-XX:+UseG1GC',
    'dbms.usage_report.enabled=false',
    'client.allow_telemetry=false',
    'dbms.security.auth_enabled=true',
    // Slow queries are visible in logs/query.log while developing.
    'db.logs.query.enabled=INFO',
    'db.logs.query.threshold=200ms',
    ...Object.entries(spec.apiPort === undefined ? {} : browserSettings(spec.apiPort)).map(([key, value]) => `${key}=${value}`),
    '',
  ].join('\n');
  writeFileSync(join(home, 'conf', 'neo4j.conf'), conf);
}

/**
 * A random password: 144 bits in base64url, drawn again while it starts with '-'. neo4j-admin reads
 * an argument starting with '-' as an option, printed its help and failed the instance's first start
 * (seen once in a clean-clone CI run; about one start in 64).
 */
export function newPassword(): string {
  for (;;) {
    const password = randomBytes(18).toString('base64url');
    if (!password.startsWith('-')) return password;
  }
}

/** A random password per instance, set before its first start and kept in credentials.json (mode 600). */
function ensurePassword(spec: InstanceSpec, log: Log): string {
  const existing = readCredentials(spec);
  if (existing) return existing.password;
  if (existsSync(join(homeOf(spec), 'data', 'databases'))) {
    throw new LocalNeo4jError(
      `The local '${spec.name}' Neo4j has data but its credentials file ${credentialsFileOf(spec)} is missing. ` +
        `Delete ${homeOf(spec)} to start afresh (its data is lost), or restore the file.`,
    );
  }
  const password = newPassword();
  const admin = spawnSync(
    'java',
    ['-cp', `${join(homeOf(spec), 'conf')}/*:${LIB_DIR}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', password],
    {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_HOME: homeOf(spec), NEO4J_CONF: join(homeOf(spec), 'conf') },
    },
  );
  if (admin.status !== 0) {
    throw new LocalNeo4jError(`Could not set the initial password of Neo4j '${spec.name}':\n${tail(admin.stdout + admin.stderr, 20)}`);
  }
  writeFileSync(credentialsFileOf(spec), JSON.stringify({ username: USERNAME, password }, null, 2), { mode: 0o600 });
  log(`Generated a password for Neo4j '${spec.name}' (kept in ${credentialsFileOf(spec)}).`);
  return password;
}

function launch(spec: InstanceSpec): number {
  const home = homeOf(spec);
  const out = openSync(join(home, 'logs', 'console.log'), 'a');
  const child = spawn(
    'java',
    [
      `-Xms${spec.heap}`,
      `-Xmx${spec.heap}`,
      ...JVM_FLAGS,
      '-cp',
      `${join(home, 'conf')}/*:${LIB_DIR}/*`,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${home}`,
      `--config-dir=${join(home, 'conf')}`,
    ],
    // Detached with its output in a file: the server outlives the command that started it, and
    // holds no pipe of ours open (CI would otherwise wait for it).
    { detached: true, stdio: ['ignore', out, out], env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') } },
  );
  closeSync(out);
  if (child.pid === undefined) throw new LocalNeo4jError(`Could not launch java for Neo4j '${spec.name}'.`);
  child.unref();
  writeFileSync(pidFileOf(spec), `${child.pid}\n`);
  return child.pid;
}

async function waitUntilReady(spec: InstanceSpec, pid: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      rmSync(pidFileOf(spec), { force: true });
      throw new LocalNeo4jError(`Neo4j '${spec.name}' exited during start-up. Last lines of its logs:\n${logTail(spec)}`);
    }
    if ((await httpVersion(spec)) && (await portOpen(spec.boltPort))) return;
    await sleep(250);
  }
  throw new LocalNeo4jError(
    `Neo4j '${spec.name}' did not answer within ${START_TIMEOUT_MS / 1000} s. Last lines of its logs:\n${logTail(spec)}`,
  );
}

function logTail(spec: InstanceSpec): string {
  const files = ['console.log', 'neo4j.log', 'debug.log'].map((f) => join(homeOf(spec), 'logs', f)).filter(existsSync);
  return files.map((f) => `--- ${f}\n${tail(readFileSync(f, 'utf8'), 15)}`).join('\n');
}

async function httpVersion(spec: InstanceSpec): Promise<string | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${spec.httpPort}/`, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json()) as { neo4j_version?: string; neo4j_edition?: string };
    return body.neo4j_version ? `${body.neo4j_version} ${body.neo4j_edition ?? ''}`.trim() : undefined;
  } catch {
    return undefined;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolvePromise(false);
    });
    socket.once('error', () => resolvePromise(false));
  });
}

function readPid(spec: InstanceSpec): number | undefined {
  try {
    const pid = Number(readFileSync(pidFileOf(spec), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function readCredentials(spec: InstanceSpec): { password: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(credentialsFileOf(spec), 'utf8')) as { password?: unknown };
    return typeof parsed.password === 'string' ? { password: parsed.password } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A cross-process lock: mkdir is atomic. A lock older than 15 minutes is taken as abandoned. */
async function withLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      const age = Date.now() - (safeMtime(lockDir) ?? Date.now());
      if (age > 15 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline)
        throw new LocalNeo4jError(`Timed out waiting for the lock ${lockDir}; delete it if no other start is running.`);
      else await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function safeMtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
