/**
 * Every example operation of docs/api.md, run against the seeded graph, gives exactly the result
 * the documentation shows. Refresh both with `npm run docs:api` after an intended change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_DOC, comparableResult, loadExamples } from '../../../tools/apiDocs/examples.js';
import { useApiHarness } from '../../support/apiHarness.js';

const examples = loadExamples();

/** The comparable result, after checking that every list of scored hits is ranked by score. */
function withoutScores(value: unknown): unknown {
  const check = (v: unknown): void => {
    if (Array.isArray(v)) {
      const scores = v.map((item: unknown) => (item && typeof item === 'object' && 'score' in item ? item.score : undefined));
      if (v.length > 0 && scores.every((s) => typeof s === 'number')) expect(scores).toEqual(scores.toSorted((a, b) => b - a));
      v.forEach(check);
    } else if (v && typeof v === 'object') Object.values(v).forEach(check);
  };
  check(value);
  return comparableResult(value);
}

describe('the documented example operations', () => {
  const api = useApiHarness();

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
