/**
 * Every example operation of docs/api.md, run against the seeded graph, gives exactly the result
 * the documentation shows. Refresh both with `npm run docs:api` after an intended change.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_DOC, formatResult, loadExamples } from '../../../scripts/apiDocs/examples.js';
import { apiHarness, type ApiHarness } from '../../support/apiHarness.js';

const examples = loadExamples();

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
    const actual = formatResult(errors ? { errors, data } : { data });
    expect(actual).toBe(readFileSync(example.resultFile, 'utf8'));
    expect(readFileSync(API_DOC, 'utf8')).toContain(actual.trimEnd());
  });
});
