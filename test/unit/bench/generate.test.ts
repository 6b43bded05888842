import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../../tools/bench/generate/writeDataset.js';
import { validateSeedDirs } from '../../../seed/validate/validate.js';
import { planGraph } from '../../../seed/plan/plan.js';

const root = await mkdtemp(path.join(tmpdir(), 'bench-gen-'));
afterAll(() => rm(root, { recursive: true, force: true }));

/** Generates into a fresh folder; returns its data directory. */
async function generate(scale: number, seed: number, name: string, format?: 'json' | 'yaml'): Promise<string> {
  const summary = await writeDataset({ scale, seed, out: path.join(root, name), ...(format === undefined ? {} : { format }) });
  return summary.dataDir;
}

/** Every file below `dir` with its content, for byte-for-byte comparison. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  const out: Record<string, string> = {};
  for (const f of files) out[path.relative(dir, path.join(f.parentPath, f.name))] = await readFile(path.join(f.parentPath, f.name), 'utf8');
  return out;
}

describe('the synthetic data generator', () => {
  it('produces seed data the project validates and plans, about the size of the first source at scale 1', async () => {
    const plan = planGraph(await validateSeedDirs([await generate(1, 7, 'scale-1')]));
    expect(plan.nodes.length).toBeGreaterThan(250);
    expect(plan.nodes.length).toBeLessThan(450);
    const labels = new Set(plan.nodes.map((n) => n.label));
    for (const label of ['Person', 'Nation', 'Tenure', 'Commitment', 'ExchangeRate', 'Event', 'Statement', 'Stance', 'Group', 'Funding'])
      expect(labels).toContain(label);
    const types = new Set(plan.rels.map((r) => r.type));
    for (const type of ['HAS_PART', 'SAID', 'PARTICIPATED_IN', 'CONFLICTS_WITH', 'CONVERTS', 'SUPPORTED_BY', 'FOUND_IN'])
      expect(types).toContain(type);
    const currencies = new Set(plan.nodes.filter((n) => n.label === 'Commitment').map((n) => n.props.amountCurrency));
    expect(currencies.size).toBeGreaterThan(1);
  });

  it('validates in block YAML too', async () => {
    await expect(validateSeedDirs([await generate(2, 3, 'yaml', 'yaml')])).resolves.toBeDefined();
  });

  it('is reproducible: the same seed and scale give byte-identical files, another seed other data', async () => {
    const [a, b, c] = await Promise.all([generate(3, 42, 'same-a'), generate(3, 42, 'same-b'), generate(3, 43, 'other')]);
    const snapA = await snapshot(path.dirname(a));
    expect(await snapshot(path.dirname(b))).toEqual(snapA);
    expect(await snapshot(path.dirname(c))).not.toEqual(snapA);
  });

  it('grows the graph roughly linearly with the scale', async () => {
    const count = async (scale: number): Promise<number> => {
      const plan = planGraph(await validateSeedDirs([await generate(scale, 1, `linear-${scale}`)]));
      return plan.nodes.length + plan.rels.length;
    };
    const [small, large] = [await count(4), await count(16)];
    expect(large / small).toBeGreaterThan(3.5);
    expect(large / small).toBeLessThan(4.5);
  });
});
