/**
 * Every defined id with its kind and location, built once; duplicate ids are reported
 * here because ids are global across all files (a second source reuses registry ids and
 * must not redefine them).
 */
import { idType, type IdType } from '../../src/model/ids.js';
import type { IssueLog } from './IssueLog.js';
import type { Locations, Where } from './readSeedFiles.js';
import type { LoadedSource, Registry } from './ValidatedSeed.js';

/** A defined id. */
export interface Definition {
  id: string;
  type: IdType;
  where: Where;
}

/** All items that define an id, in file order: registry first, then each source. */
export function definedItems(registry: Registry, sources: readonly LoadedSource[]): { id: string }[] {
  const items: { id: string }[] = [
    ...registry.people,
    ...registry.nations,
    ...registry.organizations,
    ...registry.places,
    ...registry.offices,
    ...registry.topics,
  ];
  for (const { data } of sources) {
    items.push(
      data.source,
      ...(data.groups ?? []),
      ...(data.fundings ?? []),
      ...(data.tenures ?? []),
      ...(data.commitments ?? []),
      ...(data.exchangeRates ?? []),
      ...(data.events ?? []),
      ...(data.statements ?? []),
      ...(data.stances ?? []),
    );
  }
  return items;
}

/** Builds the id index, reporting every redefinition of an id. */
export function buildIdIndex(
  registry: Registry,
  sources: readonly LoadedSource[],
  where: Locations,
  log: IssueLog,
): Map<string, Definition> {
  const index = new Map<string, Definition>();
  for (const item of definedItems(registry, sources)) {
    const at = where.get(item) ?? { file: '?', path: '?' };
    const type = idType(item.id);
    if (type === undefined) continue; // malformed ids were already reported by the schema
    const first = index.get(item.id);
    if (first !== undefined) {
      log.add(at.file, `${at.path}.id`, `duplicate id "${item.id}" (first defined in ${first.where.file} at ${first.where.path})`);
      continue;
    }
    index.set(item.id, { id: item.id, type, where: at });
  }
  return index;
}
