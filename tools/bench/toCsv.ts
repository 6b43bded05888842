/**
 * `npx tsx tools/bench/toCsv.ts --data <dir> --out <csvDir>`: the graph the project's planner
 * makes of a seed directory (`validateSeedDirs` + `planGraph`, so exactly what the loader
 * writes), as the bulk path's own import files (seed/write/importFiles.ts) for
 * `neo4j-admin database import full`: the floor the loader is compared with. Prints the import
 * arguments on stdout.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { validateSeedDirs } from '../../seed/validate/validate.js';
import { planGraph } from '../../seed/plan/plan.js';
import { writeImportFiles } from '../../seed/write/importFiles.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string', multiple: true }, out: { type: 'string' } } });
  if (!values.data?.length || values.out === undefined) throw new Error('usage: toCsv.ts --data <dir> --out <csvDir>');
  const plan = planGraph(await validateSeedDirs(values.data));
  rmSync(values.out, { recursive: true, force: true });
  const files = await writeImportFiles(plan, values.out);
  process.stderr.write(`${plan.nodes.length} nodes, ${plan.rels.length} relationships\n`);
  process.stdout.write(`${files.args.join(' ')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
