/**
 * The example operations of docs/api.md: one `.graphql` file each in docs/examples/, whose
 * leading `#` lines are its title and description, with its real result beside it in
 * `<name>.result.json`. `npm run docs:api` refreshes the results and the document; an
 * integration test fails when the API's answer differs from the documented one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'examples');
export const API_DOC = resolve(EXAMPLES_DIR, '..', 'api.md');

export interface Example {
  name: string;
  title: string;
  description: string;
  /** The operation without its comment header. */
  operation: string;
  resultFile: string;
}

export function loadExamples(dir: string = EXAMPLES_DIR): Example[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const lines = text.split('\n');
      const header = lines.filter((line, i) => line.startsWith('#') && lines.slice(0, i).every((l) => l.startsWith('#')));
      const [title = file, ...description] = header.map((line) => line.replace(/^#\s?/, ''));
      return {
        name: file.replace(/\.graphql$/, ''),
        title,
        description: description.join(' ').trim(),
        operation: lines.slice(header.length).join('\n').trim(),
        resultFile: join(dir, file.replace(/\.graphql$/, '.result.json')),
      };
    });
}

/** The result as documented: stable JSON, two-space indented. */
export function formatResult(result: unknown): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** Where `npm start` serves the API, as the curl commands call it. */
export const API_URL = 'http://127.0.0.1:4000/graphql';

/**
 * The operation as a copy-paste `curl` command: a POST of `{"query": …}` as JSON. The body is in
 * single quotes for the shell, so a single quote in it is closed, escaped and reopened (`'\''`).
 */
export function curlCommand(operation: string, url: string = API_URL): string {
  const body = JSON.stringify({ query: operation }).replaceAll("'", "'\\''");
  return [`curl -s ${url} \\`, `  -H 'content-type: application/json' \\`, `  -d '${body}'`].join('\n');
}

/** Replaces every `<!-- example: NAME -->…<!-- /example -->` block of the document with the example and its result. */
export function renderApiDoc(doc: string, examples: Example[], results: Map<string, unknown>): string {
  let out = doc;
  for (const example of examples) {
    const start = `<!-- example: ${example.name} -->`;
    const end = '<!-- /example -->';
    const at = out.indexOf(start);
    if (at < 0) throw new Error(`docs/api.md has no block for example ${example.name}: add "${start}" and "${end}"`);
    const stop = out.indexOf(end, at);
    if (stop < 0) throw new Error(`docs/api.md: the block of ${example.name} is not closed with "${end}"`);
    const body = [
      start,
      `**${example.title}.** ${example.description}`,
      '',
      '```graphql',
      example.operation,
      '```',
      '',
      'With `npm start` running:',
      '',
      '```sh',
      curlCommand(example.operation),
      '```',
      '',
      '<details><summary>Result on the seeded graph</summary>',
      '',
      '```json',
      formatResult(results.get(example.name)).trimEnd(),
      '```',
      '',
      '</details>',
      '',
    ].join('\n');
    out = out.slice(0, at) + body + out.slice(stop);
  }
  return out;
}

/**
 * A result made comparable across databases: every relevance `score` becomes "SCORE". Lucene's
 * scores depend on the index's statistics, which count documents deleted by earlier loads, so the
 * same graph gives different scores in different databases; the rank order is what is stable.
 */
export function comparableResult(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparableResult);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'score' && typeof v === 'number' ? 'SCORE' : comparableResult(v)]),
    );
  }
  return value;
}
