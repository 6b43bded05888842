/**
 * Seed files in JSON (`.json`, read with JSON.parse) next to YAML: the same data gives the same
 * plan, and a syntax error still names the file, line and column.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SeedValidationError, validateSeedDir } from '../../../seed/validate/validate.js';
import { planGraph } from '../../../seed/plan/plan.js';
import { DATA_DIR, SEED_ROOT } from './paths.js';

/** A copy of the real seed with every data file turned into JSON; returns its data directory. */
function jsonCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'seed-json-'));
  cpSync(DATA_DIR, join(root, 'data'), { recursive: true });
  cpSync(join(SEED_ROOT, 'sources'), join(root, 'sources'), { recursive: true });
  for (const folder of ['registry', 'sources']) {
    const dir = join(root, 'data', folder);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const file = join(dir, name);
      writeFileSync(file.replace(/\.yaml$/, '.json'), JSON.stringify(parse(readFileSync(file, 'utf8')), null, 2));
      rmSync(file);
    }
  }
  return join(root, 'data');
}

const issuesOf = async (dir: string) => {
  const error = await validateSeedDir(dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SeedValidationError);
  return (error as SeedValidationError).issues;
};

describe('JSON seed files', () => {
  it('validate and plan exactly as the same data in YAML', async () => {
    const fromJson = planGraph(await validateSeedDir(jsonCopy()));
    const fromYaml = planGraph(await validateSeedDir(DATA_DIR));
    expect(fromJson).toEqual(fromYaml);
  });

  it('report a syntax error with the file, line and column', async () => {
    const dir = jsonCopy();
    const file = join(dir, 'sources', 'uk-france-coalition-ukraine-support.json');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = `${lines[2]},,`; // line 3 gets a stray comma
    writeFileSync(file, lines.join('\n'));
    const issues = await issuesOf(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'sources/uk-france-coalition-ukraine-support.json', path: '' });
    expect(issues[0]?.message).toMatch(/^JSON syntax error at line 3, column \d+: /);
  });

  it('report a file cut short at its end', async () => {
    const dir = jsonCopy();
    const file = join(dir, 'registry', readdirSync(join(dir, 'registry'))[0]!);
    const text = readFileSync(file, 'utf8');
    const cut = text.slice(0, text.lastIndexOf('}'));
    writeFileSync(file, cut);
    const [issue] = await issuesOf(dir);
    expect(issue?.message).toMatch(new RegExp(`^JSON syntax error at line ${cut.split('\n').length}, column \\d+: Expected`));
  });

  it('must be named after the source id, with their own extension', async () => {
    const dir = jsonCopy();
    const sources = join(dir, 'sources');
    writeFileSync(join(sources, 'renamed.json'), readFileSync(join(sources, 'uk-france-coalition-ukraine-support.json')));
    rmSync(join(sources, 'uk-france-coalition-ukraine-support.json'));
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual({
      file: 'sources/renamed.json',
      path: 'source.id',
      message: 'source file must be named uk-france-coalition-ukraine-support.json after its id',
    });
  });
});
