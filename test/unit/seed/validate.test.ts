import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SeedValidationError, validateSeedDir, type SeedIssue } from '../../../seed/validate/validate.js';
import { DATA_DIR, fixture } from './paths.js';

/** Runs validation on a fixture and returns the issues it must fail with. */
async function issuesOf(name: string): Promise<readonly SeedIssue[]> {
  try {
    await validateSeedDir(fixture(name));
  } catch (error) {
    expect(error).toBeInstanceOf(SeedValidationError);
    return (error as SeedValidationError).issues;
  }
  throw new Error(`fixture ${name} unexpectedly validated`);
}

describe('validateSeedDir', () => {
  it('accepts the real seed data', async () => {
    const seed = await validateSeedDir(DATA_DIR);
    expect(seed.sources.map((s) => s.data.source.id)).toEqual(['source:uk-france-coalition-ukraine-support']);
    expect(seed.registry.people.length).toBeGreaterThan(5);
  });

  it('accepts the smallest valid fixture', async () => {
    const seed = await validateSeedDir(fixture('valid-tiny'));
    expect(seed.sources[0]?.data.commitments?.[0]?.amount?.value).toBe(5_000_000);
  });

  it('reports a duplicate id with both locations', async () => {
    expect(await issuesOf('duplicate-id')).toEqual([
      {
        file: 'registry/entities.yaml',
        path: 'people[1].id',
        message: 'duplicate id "person:ann-example" (first defined in registry/entities.yaml at people[0])',
      },
    ]);
  });

  it('reports an unknown reference with the expected kinds and a hint', async () => {
    const [issue, ...rest] = await issuesOf('unknown-reference');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ file: 'sources/tiny.yaml', path: 'commitments[0].recipients[0]' });
    expect(issue?.message).toContain('unknown id "nation:uk"');
    expect(issue?.message).toContain('expected one of: person, nation, organization, group');
    expect(issue?.message).toContain('did you mean nation:ua');
  });

  it('rejects the currency code "GPB" and suggests GBP', async () => {
    expect(await issuesOf('bad-currency')).toEqual([
      {
        file: 'sources/tiny.yaml',
        path: 'commitments[0].amount.currency',
        message: 'unknown ISO 4217 currency code "GPB" (did you mean GBP?)',
      },
    ]);
  });

  it('reports a quote that is not at its offsets and says where it is', async () => {
    expect(await issuesOf('quote-not-at-offsets')).toEqual([
      {
        file: 'sources/tiny.yaml',
        path: 'mentions[1].evidence[0]',
        message: 'quote is not at 96-103 (the text there is " Ukrain"); the quote occurs at 97-104',
      },
    ]);
  });

  it('rejects a fact with no evidence', async () => {
    expect(await issuesOf('no-evidence')).toEqual([
      {
        file: 'sources/tiny.yaml',
        path: 'commitments[0].evidence',
        message: 'missing evidence: every fact needs at least one evidence item',
      },
    ]);
  });

  it('reports a YAML syntax error with its line', async () => {
    const issues = await issuesOf('yaml-syntax');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'sources/tiny.yaml', path: '' });
    expect(issues[0]?.message).toMatch(/^YAML syntax error at line 28, column \d+: /);
  });

  it('reports several problems in several files at once', async () => {
    const issues = await issuesOf('many-problems');
    expect(issues.map((i) => `${i.file} ${i.path}`)).toEqual([
      'sources/tiny.yaml commitments[0].amount.currency',
      'sources/tiny.yaml commitments[1].recipients[0]',
      'sources/tiny.yaml commitments[1].partOf',
      'sources/tiny.yaml mentions[1].evidence[0]',
      'registry/entities.yaml nations[1]',
    ]);
    expect(issues[2]?.message).toBe('parent commitment does not exist: "commitment:no-such-loan" (expected a commitment)');
    expect(issues[4]?.message).toContain('"nation:fr" has no evidence: no source mentions it');
  });

  it('rejects a directory with no seed files and points at its data/ folder', async () => {
    const root = fixture('second-source').replace(/data$/, '');
    const error = await validateSeedDir(root).catch((e: unknown) => e);
    expect((error as SeedValidationError).issues).toEqual([
      {
        file: root,
        path: '',
        message: `no registry/*.{yaml,yml,json} or sources/*.{yaml,yml,json} files found (did you mean ${fixture('second-source')}?)`,
      },
    ]);
  });

  it('lists every problem in the error message, one per line', async () => {
    const error = await validateSeedDir(fixture('many-problems')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toBe('Seed validation failed with 5 problems:');
    expect(lines.slice(1)).toHaveLength(5);
    expect(lines[1]).toBe('  sources/tiny.yaml commitments[0].amount.currency: unknown ISO 4217 currency code "GPB" (did you mean GBP?)');
  });
});

describe('one mistake, one issue', () => {
  it('does not report references to an item that failed its schema as unknown ids', async () => {
    const root = mkdtempSync(join(tmpdir(), 'seed-cascade-'));
    const seedDir = new URL('../../../seed/', import.meta.url).pathname;
    cpSync(join(seedDir, 'data'), join(root, 'data'), { recursive: true });
    cpSync(join(seedDir, 'sources'), join(root, 'sources'), { recursive: true });
    const file = join(root, 'data', 'sources', 'uk-france-coalition-ukraine-support.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('currency: GBP', 'currency: GPB'));
    const error = await validateSeedDir(join(root, 'data')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as SeedValidationError).issues.map((i) => i.message)).toEqual([
      'unknown ISO 4217 currency code "GPB" (did you mean GBP?)',
    ]);
  });
});
