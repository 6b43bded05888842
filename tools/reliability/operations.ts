/**
 * The load mix: the documented example operations of docs/api.md (docs/examples/*.graphql), each
 * with a weight saying how often a frontend would send it, and the documented result to check
 * every answer against. The two error examples are left out: the load should see no errors.
 */
import { readFileSync } from 'node:fs';
import { loadExamples, comparableResult } from '../apiDocs/examples.js';

export interface Operation {
  name: string;
  weight: number;
  /** The JSON request body, built once. */
  body: string;
  /** The documented result, re-serialised, to compare answers with. */
  expected: string;
}

/** Out of 100: lookups and search most often, whole-graph computations (totals, paths) least. */
export const WEIGHTS: Record<string, number> = {
  '01-lookup-commitment': 14,
  '02-person': 14,
  '03-evidence': 10,
  '04-list-commitments': 10,
  '05-list-next-page': 6,
  '06-statements-by-speaker': 8,
  '07-search': 14,
  '08-totals': 5,
  '09-paths': 5,
  '10-timeline': 6,
  '11-neighbourhood': 8,
};

export function loadOperations(): Operation[] {
  const examples = loadExamples().filter((example) => WEIGHTS[example.name] !== undefined);
  const missing = Object.keys(WEIGHTS).filter((name) => !examples.some((example) => example.name === name));
  if (missing.length > 0) throw new Error(`docs/examples has no operation named ${missing.join(', ')}`);
  return examples.map((example) => ({
    name: example.name,
    weight: WEIGHTS[example.name] ?? 0,
    body: JSON.stringify({ query: example.operation }),
    expected: JSON.stringify(comparableResult(JSON.parse(readFileSync(example.resultFile, 'utf8')))),
  }));
}

/** Picks an operation with probability proportional to its weight. */
export function pickWeighted(operations: readonly Operation[], random: () => number = Math.random): Operation {
  const total = operations.reduce((sum, op) => sum + op.weight, 0);
  let at = random() * total;
  for (const op of operations) {
    at -= op.weight;
    if (at < 0) return op;
  }
  const last = operations.at(-1);
  if (!last) throw new Error('no operations to pick from');
  return last;
}

/**
 * What a client saw: `OK` (the documented answer), `DIFFERENT` (no errors, but not the documented
 * answer), a GraphQL error code (the first error's `extensions.code`), `HTTP_<status>` for a
 * non-2xx answer without a GraphQL body, or `BAD_BODY` for a body that is not JSON.
 */
export function classify(status: number, body: string, op: Operation): string {
  let parsed: { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return status >= 200 && status < 300 ? 'BAD_BODY' : `HTTP_${status}`;
  }
  const first = parsed.errors?.[0];
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'NO_CODE';
    return status >= 200 && status < 300 ? code : `HTTP_${status} ${code}`;
  }
  if (status < 200 || status >= 300) return `HTTP_${status}`;
  if (JSON.stringify(comparableResult(parsed)) === op.expected) return 'OK';
  // autocannon joins body chunks as strings; a multi-byte character split across two TCP reads
  // turns into U+FFFD. Such a body cannot be compared, and is not the API's fault.
  return body.includes('\uFFFD') ? 'OK_UNCOMPARABLE' : 'DIFFERENT';
}
