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
import { SeedValidationError } from './SeedValidationError.js';
import type { LoadedSource, Registry, ValidatedSeed } from './ValidatedSeed.js';

export { SeedValidationError, type SeedIssue } from './SeedValidationError.js';
export type { LoadedSource, Registry, ValidatedSeed } from './ValidatedSeed.js';

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
    // An empty directory is almost always a wrong path (e.g. a fixture root instead of its data/).
    if (countEntries(registry) === before.registry && read.sources.length === 0 && log.issues.length === before.issues) {
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
  const index = buildIdIndex(registry, sources, where, log);
  checkReferences(registry, sources, index, where, log);
  checkEvidence(sources, where, log);
  // An unreadable source may hold the mentions that are missing: do not report them twice.
  checkFacts(registry, sources, where, log, { checkMentioned: complete });
  if (log.issues.length > 0) throw new SeedValidationError(log.issues);
  sources.sort((a, b) => a.data.source.id.localeCompare(b.data.source.id));
  return { registry, sources };
}
