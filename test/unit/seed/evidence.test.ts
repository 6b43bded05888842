/**
 * Checks every evidence item of the real data against the source text without using the
 * validator's code: YAML is read directly and offsets are counted in code points here.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DATA_DIR, SEED_ROOT } from './paths.js';

interface EvidenceLike {
  quote: string;
  start: number;
  end: number;
}

function collectEvidence(value: unknown, out: EvidenceLike[]): EvidenceLike[] {
  if (Array.isArray(value)) for (const item of value) collectEvidence(item, out);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.quote === 'string') out.push(record as unknown as EvidenceLike);
    else for (const child of Object.values(record)) collectEvidence(child, out);
  }
  return out;
}

const files = (await readdir(path.join(DATA_DIR, 'sources'))).filter((f) => f.endsWith('.yaml'));

describe.each(files)('evidence in %s', (file) => {
  it('is the source text at its code-point offsets, verbatim', async () => {
    const data = parse(await readFile(path.join(DATA_DIR, 'sources', file), 'utf8')) as { source: { path: string } };
    const codePoints = Array.from(await readFile(path.join(SEED_ROOT, data.source.path), 'utf8'));
    const evidence = collectEvidence(data, []);
    expect(evidence.length).toBeGreaterThan(100);
    const wrong = evidence.filter((e) => codePoints.slice(e.start, e.end).join('') !== e.quote);
    expect(wrong).toEqual([]);
  });
});
