/**
 * What every answer of the API must look like, whatever was sent: no 5xx, no unexpected
 * (INTERNAL_SERVER_ERROR) errors, error bodies in JSON with a known code, and nothing of the
 * server's insides (driver errors, Cypher, stack frames) in the body.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Exchange } from './httpExchange.js';

const API_DOC = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'api.md');

/** The error codes the "Errors" table of docs/api.md lists, so the tests follow the documentation. */
export function documentedErrorCodes(doc: string = readFileSync(API_DOC, 'utf8')): Set<string> {
  const section = /^## Errors\n([\s\S]*?)^## /m.exec(doc)?.[1] ?? '';
  const codes = new Set<string>();
  for (const line of section.split('\n')) {
    const firstCell = line.startsWith('|') ? (line.split('|')[1] ?? '') : '';
    for (const match of firstCell.matchAll(/`([A-Z][A-Z_]+)`/g)) codes.add(match[1] as string);
  }
  return codes;
}

/**
 * Codes the server gives clients by design although the "Errors" table of docs/api.md does not
 * list them (yet): the HTTP layer's (a body too large or not JSON), Apollo's persisted-query
 * codes, and the request limits' refusals. Tests accept them and print which of them they met,
 * so the gap in the documentation stays visible.
 */
export const PASS_THROUGH_CODES: ReadonlySet<string> = new Set([
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'LIMIT_EXCEEDED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_ALLOWED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Signs of the server's insides. Each counts only when the request did not contain the same
 * thing: GraphQL quotes bad variable values and syntax back, which is fine.
 */
export const LEAK_MARKERS: readonly RegExp[] = [
  /Neo4jError/,
  /Neo\.(?:Client|Transient|Database)Error/,
  /\b(?:MATCH|MERGE|UNWIND|DETACH DELETE)\b/,
  /\bCypher\b/i,
  /\bat (?:async )?[\w$.<>]+ \([^)]*:\d+:\d+\)/,
  /node_modules/,
  /\/(?:src|seed|test)\/[\w/]+\.(?:ts|js):\d+/,
  /"(?:stacktrace|stack)"\s*:/,
];

export type ProblemKind = 'no-answer' | 'status-5xx' | 'internal-error' | 'not-json' | 'unknown-code' | 'no-code' | 'leak';

export interface Problem {
  kind: ProblemKind;
  detail: string;
}

interface ErrorBody {
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
}

/** The error codes in a JSON body, or null when the body is not JSON. */
export function errorCodes(text: string): (string | undefined)[] | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  const errors = body && typeof body === 'object' && Array.isArray((body as ErrorBody).errors) ? (body as ErrorBody).errors : [];
  return (errors ?? []).map((e) => (typeof e?.extensions?.code === 'string' ? e.extensions.code : undefined));
}

/** Everything wrong with one exchange; empty when the answer is acceptable. */
export function problemsOf(ex: Exchange, acceptedCodes: ReadonlySet<string>): Problem[] {
  if (ex.status === 0) return [{ kind: 'no-answer', detail: ex.networkError ?? 'no answer' }];
  const problems: Problem[] = [];
  if (ex.status >= 500) problems.push({ kind: 'status-5xx', detail: `HTTP ${ex.status}` });
  const codes = errorCodes(ex.text);
  const isError = ex.status >= 400 || (codes !== null && codes.length > 0);
  // A HEAD answer has no body by definition (RFC 9110), so there is nothing to be JSON.
  if (isError && ex.request.method !== 'HEAD' && (codes === null || !/json/i.test(ex.contentType)))
    problems.push({ kind: 'not-json', detail: `HTTP ${ex.status} ${ex.contentType || '(no content-type)'}: ${ex.text.slice(0, 200)}` });
  for (const code of codes ?? []) {
    if (code === 'INTERNAL_SERVER_ERROR') problems.push({ kind: 'internal-error', detail: ex.text.slice(0, 300) });
    else if (code === undefined) problems.push({ kind: 'no-code', detail: ex.text.slice(0, 300) });
    else if (!acceptedCodes.has(code)) problems.push({ kind: 'unknown-code', detail: code });
  }
  const sent = requestText(ex);
  for (const marker of LEAK_MARKERS) {
    const found = marker.exec(ex.text);
    if (found && !marker.test(sent)) problems.push({ kind: 'leak', detail: `${String(marker)} → …${contextOf(ex.text, found.index)}…` });
  }
  return problems;
}

function requestText(ex: Exchange): string {
  const { path, body } = ex.request;
  const bodyText = body === undefined ? '' : typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  let decodedPath = path;
  try {
    decodedPath = decodeURIComponent(path.replace(/\+/g, ' '));
  } catch {
    // A deliberately broken percent-encoding: compare with the raw path.
  }
  // What the server may echo: the raw text, and strings as JSON-decoded (a client's "\u0041" comes back as "A").
  return [path, decodedPath, bodyText, unescapeJson(bodyText)].join('\n');
}

function unescapeJson(text: string): string {
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => (strings.push(k), collect(v)));
  };
  try {
    collect(JSON.parse(text));
  } catch {
    // Not JSON: the raw text is already compared.
  }
  return strings.join('\n');
}

function contextOf(text: string, index: number): string {
  return text.slice(Math.max(0, index - 60), index + 60);
}

/** Counts of items by key, sorted by key, for readable summaries. */
export function tally<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** What an answer was, for tallies: `data`, its error codes joined (`BAD_USER_INPUT`), or `HTTP 405 (not JSON)`. */
export function codeSummary(ex: Exchange): string {
  const codes = errorCodes(ex.text);
  if (codes === null) return `HTTP ${ex.status} (not JSON)`;
  return codes.length === 0 ? 'data' : [...new Set(codes.map((c) => c ?? '(none)'))].sort().join('+');
}

/** The error codes in `exchanges` that the "Errors" table of docs/api.md does not list. */
export function undocumentedCodes(exchanges: readonly Exchange[]): string[] {
  const documented = documentedErrorCodes();
  return [...new Set(exchanges.flatMap((ex) => errorCodes(ex.text) ?? []))].filter(
    (c): c is string => c !== undefined && !documented.has(c),
  );
}

/** A failure message: how many requests failed, the first few, and what the server logged. */
export function failureReport(lines: readonly string[], logged: readonly string[] = [], heading = ''): string {
  const shown = lines.slice(0, 12).join('\n');
  const more = lines.length > 12 ? `\n… and ${lines.length - 12} more` : '';
  const log = logged.length > 0 ? `\nServer log:\n${logged.slice(0, 10).join('\n')}` : '';
  return `${heading}${lines.length} failing requests:\n${shown}${more}${log}`;
}
