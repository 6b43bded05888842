/**
 * Checks that a peer answers the benchmark's operations as this API does: runs each operation
 * against both, reduces the answers with their digests and compares them.
 *
 *   node --import tsx tools/bench/peers/check.ts --api http://127.0.0.1:4100/graphql \
 *     --peer http://127.0.0.1:4200/graphql --params .tmp/bench/dev-params.json [--only lookup,path]
 *
 * Prints one line per operation (equal, or the differences), exits 1 when any differs or fails.
 * `compareAnswers` is exported for the harness, which checks before it times.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { API_OPERATIONS, OPERATION_NAMES, type BenchParams, type GraphqlOperation, type OperationName } from '../ops.js';
import { PEER_OPERATIONS } from './neo4jGraphql/operations.js';

export interface AnswerComparison {
  operation: OperationName;
  equal: boolean;
  /** True when the API's digest carries nothing (no node, no rows): equal answers then prove little. */
  empty: boolean;
  api: unknown;
  peer: unknown;
  /** One line per difference (`path: api … ≠ peer …`), or the errors of a failed request. */
  differences: string[];
}

export interface CompareOptions {
  apiUrl: string;
  peerUrl: string;
  params: BenchParams;
  /** The peer's operations; the `@neo4j/graphql` peer's by default. */
  peerOperations?: Record<OperationName, GraphqlOperation>;
  apiOperations?: Record<OperationName, GraphqlOperation>;
  operations?: readonly OperationName[];
  timeoutMs?: number;
}

type Answer = { ok: true; digest: unknown } | { ok: false; error: string };

/** Runs each operation against the API and the peer, in turn, and compares the digests. */
export async function compareAnswers(options: CompareOptions): Promise<AnswerComparison[]> {
  const { apiUrl, peerUrl, params, peerOperations = PEER_OPERATIONS, apiOperations = API_OPERATIONS, timeoutMs = 30_000 } = options;
  const results: AnswerComparison[] = [];
  for (const operation of options.operations ?? OPERATION_NAMES) {
    const [api, peer] = await Promise.all([
      ask(apiUrl, apiOperations[operation], params, timeoutMs),
      ask(peerUrl, peerOperations[operation], params, timeoutMs),
    ]);
    const differences: string[] = [];
    if (!api.ok) differences.push(`api failed: ${api.error}`);
    if (!peer.ok) differences.push(`peer failed: ${peer.error}`);
    if (api.ok && peer.ok) diff(api.digest, peer.digest, '', differences);
    results.push({
      operation,
      equal: differences.length === 0,
      empty: api.ok && isEmptyDigest(api.digest),
      api: api.ok ? api.digest : null,
      peer: peer.ok ? peer.digest : null,
      differences,
    });
  }
  return results;
}

/** Posts one operation; a transport error, an HTTP error or GraphQL errors make a failed answer. */
async function ask(url: string, operation: GraphqlOperation, params: BenchParams, timeoutMs: number): Promise<Answer> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation.query, variables: operation.variables(params) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: { data?: unknown; errors?: { message?: string }[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return { ok: false, error: `HTTP ${res.status}: ${text.slice(0, 300)}` };
    }
    if (body.errors && body.errors.length > 0) {
      return { ok: false, error: body.errors.map((e) => e.message ?? JSON.stringify(e)).join('; ') };
    }
    if (!res.ok || body.data === undefined || body.data === null) return { ok: false, error: `HTTP ${res.status} without data` };
    return { ok: true, digest: operation.digest(body.data) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

const MAX_DIFFERENCES = 20;

/** Appends the differences between `a` (the API's digest) and `b` (the peer's) to `out`. */
function diff(a: unknown, b: unknown, path: string, out: string[]): void {
  if (out.length >= MAX_DIFFERENCES || isDeepStrictEqual(a, b)) return;
  const where = path || '(root)';
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.every(isScalar) && b.every(isScalar)) {
      const missing = a.filter((x) => !b.includes(x));
      const extra = b.filter((x) => !a.includes(x));
      if (missing.length > 0) out.push(`${where}: only the api has ${JSON.stringify(missing)}`);
      if (extra.length > 0) out.push(`${where}: only the peer has ${JSON.stringify(extra)}`);
      if (missing.length === 0 && extra.length === 0) out.push(`${where}: same items, different order or counts`);
      return;
    }
    if (a.length !== b.length) out.push(`${where}: api has ${a.length} items, peer ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) diff(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[key], b[key], path ? `${path}.${key}` : key, out);
    return;
  }
  out.push(`${where}: api ${JSON.stringify(a)} ≠ peer ${JSON.stringify(b)}`);
}

/** An empty list, or a record of nothing but null, undefined and empty lists (a lookup of an id that does not exist). */
function isEmptyDigest(digest: unknown): boolean {
  if (Array.isArray(digest)) return digest.length === 0;
  if (isRecord(digest)) return Object.values(digest).every((v) => v === null || v === undefined || (Array.isArray(v) && v.length === 0));
  return digest === null || digest === undefined;
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const PARAM_KEYS: Record<keyof BenchParams, 'string' | 'number'> = {
  commitmentId: 'string',
  nationId: 'string',
  currency: 'string',
  searchText: 'string',
  pageOffset: 'number',
  pageCursor: 'string',
  pathToId: 'string',
};

/** Reads and checks a BenchParams JSON file. */
export function readParams(file: string): BenchParams {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isRecord(value)) throw new Error(`${file}: expected a JSON object of BenchParams`);
  const wrong = Object.entries(PARAM_KEYS).filter(([key, type]) => typeof value[key] !== type);
  if (wrong.length > 0) throw new Error(`${file}: missing or wrong ${wrong.map(([key, type]) => `${key} (${type})`).join(', ')}`);
  return value as unknown as BenchParams;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { api: { type: 'string' }, peer: { type: 'string' }, params: { type: 'string' }, only: { type: 'string' } },
  });
  if (!values.api || !values.peer || !values.params) {
    throw new Error('Usage: check.ts --api <url> --peer <url> --params <BenchParams.json> [--only lookup,nested,…]');
  }
  const operations = values.only ? values.only.split(',').map((name) => name.trim()) : [...OPERATION_NAMES];
  const unknown = operations.filter((name) => !(OPERATION_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown operation(s) ${unknown.join(', ')}; known: ${OPERATION_NAMES.join(', ')}`);

  const results = await compareAnswers({
    apiUrl: values.api,
    peerUrl: values.peer,
    params: readParams(values.params),
    operations: operations as OperationName[],
  });
  for (const result of results) {
    const verdict = result.equal ? (result.empty ? 'equal, but both empty: the params select nothing' : 'equal') : 'DIFFERENT';
    process.stdout.write(`${result.operation.padEnd(9)} ${verdict}\n`);
    for (const line of result.differences) process.stdout.write(`          ${line}\n`);
  }
  const failed = results.filter((r) => !r.equal).length;
  process.stdout.write(failed === 0 ? `All ${results.length} operations agree.\n` : `${failed} of ${results.length} operations differ.\n`);
  process.exitCode = failed === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  });
}
