/**
 * docs/api.md shows every example operation also as a `curl` command. The commands must be what
 * the generator writes now (no stale copy), and a shell must read each one as a POST of exactly
 * that operation: bash runs it with `curl` replaced by a function that prints the body it was given.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_DOC, API_URL, curlCommand, loadExamples, renderApiDoc } from '../../tools/apiDocs/examples.js';

const examples = loadExamples();

describe('the curl commands of docs/api.md', () => {
  it('are all in the document, as the generator writes them', () => {
    const doc = readFileSync(API_DOC, 'utf8');
    const results = new Map(examples.map((e) => [e.name, JSON.parse(readFileSync(e.resultFile, 'utf8')) as unknown]));
    expect(renderApiDoc(doc, examples, results)).toBe(doc);
    for (const example of examples) expect(doc).toContain(curlCommand(example.operation));
  });

  it.each(examples)('$name: the shell passes curl the operation, as JSON, to the API', ({ operation }) => {
    const fakeCurl = `curl() { printf '%s\\n' "$1" "$2" "$3" "$4" "$5"; printf '%s' "$6"; }`;
    const run = spawnSync('bash', ['-c', `${fakeCurl}\n${curlCommand(operation)}`], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual(['-s', API_URL, '-H', 'content-type: application/json', '-d']);
    expect(JSON.parse(lines.slice(5).join('\n'))).toEqual({ query: operation });
  });

  it('survives a single quote in the operation', () => {
    const operation = `{ search(query: "O'Brien") { score } }`;
    const run = spawnSync('bash', ['-c', `curl() { printf '%s' "$6"; }\n${curlCommand(operation)}`], { encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).toEqual({ query: operation });
  });
});
