/**
 * Every example operation of docs/api.md, run against the seeded graph, gives exactly the result
 * the documentation shows. Refresh both with `npm run docs:api` after an intended change.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_DOC, loadExamples } from '../../../scripts/apiDocs/examples.js';
import { apiHarness, type ApiHarness } from '../../support/apiHarness.js';

const examples = loadExamples();

/**
 * The value with every relevance `score` replaced by a marker. Lucene scores depend on the index's
 * statistics, which include documents deleted by earlier loads, so they differ between databases
 * with the same graph; the rank order does not, and it is checked here instead.
 */
function withoutScores(value: unknown): unknown {
  if (Array.isArray(value)) {
    const scores = value.map((item: unknown) => (item && typeof item === 'object' && 'score' in item ? item.score : undefined));
    if (value.length > 0 && scores.every((s) => typeof s === 'number')) expect(scores).toEqual(scores.toSorted((a, b) => b - a));
    return value.map(withoutScores);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'score' && typeof v === 'number' ? 'SCORE' : withoutScores(v)]),
    );
  }
  return value;
}

describe('the documented example operations', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  it('cover every capability of the API', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples)('$name answers as documented', async (example) => {
    const { data, errors } = await api.execute(example.operation);
    const documented = readFileSync(example.resultFile, 'utf8');
    expect(withoutScores(errors ? { errors, data } : { data })).toEqual(withoutScores(JSON.parse(documented)));
    expect(readFileSync(API_DOC, 'utf8')).toContain(documented.trimEnd());
  });
});
