/**
 * Entry point of seed validation: reads every registry and source file, runs every check,
 * and fails once with all problems, or returns data the graph planner can trust.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { checkEvidence } from './checkEvidence.js';
import { checkFacts } from './checkFacts.js';
import { checkReferences } from './checkReferences.js';
import { buildIdIndex } from './idIndex.js';
import { IssueLog } from './IssueLog.js';
import { readRegistry, readSources, type Locations } from './readSeedFiles.js';
import { readDatasets } from './datasets/readDatasets.js';
import type { LoadedDataset } from './datasets/tableTypes.js';
import { SeedValidationError } from './SeedValidationError.js';
import type { LoadedSource, Registry, ValidatedSeed } from './ValidatedSeed.js';

export { SeedValidationError, type SeedIssue } from './SeedValidationError.js';
export type { LoadedDataset, LoadedSource, Registry, ValidatedSeed } from './ValidatedSeed.js';

function countEntries(registry: Registry): number {
  const { people, nations, organizations, places, offices, topics } = registry;
  return people.length + nations.length + organizations.length + places.length + offices.length + topics.length;
}

/**
 * Validates one seed data directory (`registry/*.yaml`, `sources/*.yaml`, or `.yml`/`.json`; source texts
 * relative to the directory's parent). Issue file names are relative to `dir`.
 *
 * @throws SeedValidationError listing every problem found.
 */
export function validateSeedDir(dir: string): Promise<ValidatedSeed> {
  return validateSeedDirs([dir]);
}

/**
 * Validates several data directories as one seed (e.g. the real data plus a test source):
 * ids are shared, so a second source adds evidence to the same registry entities. Issue file
 * names are relative to their directory, prefixed by the directory when there are several.
 *
 * @throws SeedValidationError listing every problem found.
 */
export async function validateSeedDirs(dirs: readonly string[]): Promise<ValidatedSeed> {
  const log = new IssueLog();
  const where: Locations = new WeakMap();
  const registry: Registry = { people: [], nations: [], organizations: [], places: [], offices: [], topics: [] };
  const sources: LoadedSource[] = [];
  const datasets: LoadedDataset[] = [];
  const datasetDirs: { dir: string; label: string }[] = [];
  let complete = true;
  for (const dir of dirs) {
    const label = dirs.length === 1 ? '' : path.relative(process.cwd(), dir);
    const isDir = await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) {
      log.add(dir, '', 'seed data directory does not exist');
      continue;
    }
    const before = { registry: countEntries(registry), issues: log.issues.length };
    await readRegistry(dir, label, registry, log, where);
    const read = await readSources(dir, label, log, where);
    datasetDirs.push({ dir, label });
    // An empty directory is almost always a wrong path (e.g. a fixture root instead of its data/).
    const hasDatasets = await stat(path.join(dir, 'datasets')).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (countEntries(registry) === before.registry && read.sources.length === 0 && !hasDatasets && log.issues.length === before.issues) {
      const hint = (await stat(path.join(dir, 'data')).then(
        (s) => s.isDirectory(),
        () => false,
      ))
        ? ` (did you mean ${path.join(dir, 'data')}?)`
        : '';
      log.add(dir, '', `no registry/*.{yaml,yml,json} or sources/*.{yaml,yml,json} files found${hint}`);
    }
    sources.push(...read.sources);
    complete &&= read.complete;
  }
  // Datasets resolve actors against the whole registry, so they are read once every registry file is.
  for (const { dir, label } of datasetDirs) datasets.push(...(await readDatasets(dir, label, registry, log)));
  const index = buildIdIndex(registry, sources, where, log);
  checkDatasetIds(datasets, index, log);
  checkReferences(registry, sources, index, where, log);
  checkEvidence(sources, where, log);
  // An unreadable source may hold the mentions that are missing: do not report them twice.
  checkFacts(registry, sources, where, log, {
    checkMentioned: complete,
    alsoMentioned: datasets.flatMap((d) => d.mentions.map((m) => m.entity)),
  });
  if (log.issues.length > 0) throw new SeedValidationError(log.issues);
  sources.sort((a, b) => a.data.source.id.localeCompare(b.data.source.id));
  datasets.sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  return { registry, sources, datasets };
}

/** Ids are global: a dataset's ids (its own, its files', its facts') may not be defined anywhere else. */
function checkDatasetIds(
  datasets: readonly LoadedDataset[],
  index: ReadonlyMap<string, { where: { file: string; path: string } }>,
  log: IssueLog,
): void {
  const seen = new Map<string, string>();
  for (const dataset of datasets) {
    const ids = [
      dataset.meta.id,
      ...dataset.tables.map((t) => t.sourceId),
      ...dataset.facts.filter((f) => f.label !== 'WeaponSystem').map((f) => f.id),
    ];
    for (const id of ids) {
      const other = index.get(id)?.where.file ?? seen.get(id);
      if (other !== undefined) log.add(dataset.file, '', `duplicate id "${id}" (also defined in ${other})`);
      seen.set(id, dataset.file);
    }
  }
}
