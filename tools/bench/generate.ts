/**
 * `npm run gen -- --scale N [--seed S] [--out dir] [--format json|yaml] [--check]`: a synthetic
 * dataset in the project's own seed format, reproducible from the seed (same seed and scale →
 * byte-identical files). Scale 1 is about the size of the first curated source (~340 nodes);
 * each unit adds one source document and the entities it mentions, so ~3,000 gives ~1 million
 * nodes. Load it with `npm run seed -- --data <out>/data`. `--check` validates and plans it with
 * the project's own code and prints the node and relationship counts.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { validateSeedDirs } from '../../seed/validate/validate.js';
import { planGraph } from '../../seed/plan/plan.js';
import { writeDataset } from './generate/writeDataset.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      format: { type: 'string', default: 'json' },
      check: { type: 'boolean', default: false },
    },
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale must be a positive integer, got ${values.scale}`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got ${values.seed}`);
  if (values.format !== 'json' && values.format !== 'yaml') throw new Error('--format must be json or yaml');
  const out = path.resolve(values.out ?? path.join('.tmp', 'bench', `scale-${scale}-seed-${seed}`));
  const startedAt = performance.now();
  const summary = await writeDataset({ scale, seed, out, format: values.format });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const registry = Object.entries(summary.registry)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  process.stdout.write(
    `Wrote ${summary.sources} sources and a registry of ${registry} (${(summary.bytes / 1e6).toFixed(1)} MB) to ${out} in ${seconds} s.\n` +
      `Load it with: npm run seed -- --data ${summary.dataDir}\n`,
  );
  if (values.check) {
    const checkedAt = performance.now();
    const plan = planGraph(await validateSeedDirs([summary.dataDir]));
    process.stdout.write(
      `Valid: ${plan.nodes.length} nodes, ${plan.rels.length} relationships (validated and planned in ${((performance.now() - checkedAt) / 1000).toFixed(1)} s).\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
