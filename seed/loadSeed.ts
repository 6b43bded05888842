/**
 * What a load writes, decided against what the last one recorded (the load state,
 * src/model/loadState.ts):
 *   1. **Unchanged**: the input fingerprint (data files, the files they name, the loader's code)
 *      equals the recorded one, the last load completed and the graph holds the counts it left:
 *      nothing is validated, planned or written.
 *   2. **Changes**: otherwise the seed is validated and planned, split into load units (one per
 *      source or dataset, plus the shared registry), and only units whose rows changed are
 *      replaced; units gone from the data are removed (writeChanges.ts).
 *   3. **Full**: the whole plan is written and everything else pruned (writeGraph.ts) when there
 *      is no usable record (a first load, a graph loaded by an older version), the last load did
 *      not complete, `full` is asked for, or the graph after a reload does not hold the plan's counts.
 * Nothing is written unless the seed is valid.
 */
import { cypher, type NamedQuery } from '../src/db/cypher.js';
import type { Executor } from '../src/db/Executor.js';
import type { Logger } from '../src/logger.js';
import { NODE_LABELS, REL_TYPES } from '../src/model/vocabulary.js';
import { inputFingerprint, referencedFiles } from './inputFingerprint.js';
import { planGraph, type GraphPlan } from './plan/plan.js';
import { planUnits, SELF_OWNED_LABELS, SHARED_UNIT, type PlanUnit } from './plan/units.js';
import { validateSeedDirs } from './validate/validate.js';
import { countGraph, type GraphCounts } from './write/countGraph.js';
import { readLoadState, writeLoadState, type LoadStateRecord } from './write/loadStateQueries.js';
import type { WriteMode } from './write/SeedWriteError.js';
import { writeChanges } from './write/writeChanges.js';
import { emptyArrays, type EmptyArrays } from './write/importFiles.js';
import { setEmptyArrayOnNodes, setEmptyArrayOnRelationships } from './write/loaderQueries.js';
import { chooseMode, DEFAULT_BATCH_ROWS, writeGraph, type WriteOptions } from './write/writeGraph.js';

/** Any node at all, of any label: the importer only runs into an empty database. */
const ANY_NODE = cypher('seed.anyNodeAtAll', 'MATCH (n) RETURN 1 AS found LIMIT 1');
const VOCABULARY = { labels: NODE_LABELS, relTypes: REL_TYPES };
const DEFAULT_TIMEOUT_MS = 300_000;

export interface LoadOptions extends WriteOptions {
  /** Write the whole plan and prune the rest, whatever the load state says. */
  full?: boolean;
  /**
   * Runs once the input is known to be valid (or unchanged since a load that was), before any
   * write: the schema migrations, so an invalid seed changes nothing, not even the schema.
   */
  beforeWrite?: () => Promise<void>;
  /** Neo4j's own importer, where the operator command can run it (a local instance): see BulkWriter. */
  bulk?: BulkWriter;
  /** Told each stage as it ends, and the rows written so far while writing (ops/progress.ts shows them). */
  progress?: LoadProgress;
}

export interface LoadProgress {
  stage(message: string): void;
  rows(done: number, total: number): void;
}

/**
 * The bulk path (ops/bulkLoad.ts): the plan imported offline by `neo4j-admin database import`
 * into an empty database. `force` (`--bulk`): always, and refused unless the database is empty;
 * `auto`: for a first load into an empty database of more than BULK_ABOVE_ROWS rows.
 */
export interface BulkWriter {
  when: 'auto' | 'force';
  /** Imports the plan; when it resolves the database holds exactly the plan (no schema yet) and answers again. */
  write(plan: GraphPlan): Promise<void>;
}

/**
 * Above this many rows (nodes + relationships) a first load into an empty local database goes
 * through the importer. Measured (docs/benchmarks.md, "Seed throughput"): the import has a fixed
 * cost of about 20 s (stopping and starting Neo4j, the importer's JVM) and then runs several times
 * faster than the online loader's first load; below about half a million rows the online loader
 * finishes first, and it keeps the database online.
 */
export const BULK_ABOVE_ROWS = 500_000;

/** A bulk load that cannot run: nothing was stopped or written. */
export class BulkRefusedError extends Error {
  override name = 'BulkRefusedError';
}

export interface LoadReport extends GraphCounts {
  /** `unchanged`: nothing written; `changes`: only changed units; `full`: the whole plan. */
  action: 'unchanged' | 'changes' | 'full';
  /** Why a full write was chosen. */
  reason?: string;
  /** How the write ran: one transaction, batches, Neo4j's importer, or `none` when nothing was written. */
  mode: WriteMode | 'bulk' | 'none';
  /** Load units (source or dataset ids, `shared`) by what happened to them. */
  units: { skipped: string[]; replaced: string[]; added: string[]; removed: string[] };
  deletedNodes: number;
  deletedRelationships?: number;
  retriedBatches?: number;
  /** Rows (nodes + relationships) written. */
  writtenRows: number;
}

/** Loads `dirs` into the database behind `executor`, writing only what changed since the last load. */
export async function loadSeed(
  executor: Executor,
  logger: Logger,
  dirs: readonly string[],
  options: LoadOptions = {},
): Promise<LoadReport> {
  const before = options.full === true ? undefined : await executor.readTransaction('seed.loadState', readLoadState);
  const counts = () => executor.readTransaction('seed.countGraph', (run) => countGraph(run, VOCABULARY));

  // The graph no longer holds the counts the last load left (changed by hand, or by a test):
  // unit hashes cannot be trusted, so everything is written again.
  let drifted = false;
  if (before?.status === 'complete') {
    const now = await counts();
    drifted = !sameCounts(now, before.counts);
    if (drifted) logger.warn('the graph no longer holds the counts the last load left (changed by hand?): writing it in full');
    else if ((await inputFingerprint(dirs, before.references)).hash === before.inputHash) {
      await options.beforeWrite?.();
      const units = { skipped: before.units.map((u) => u.id), replaced: [], added: [], removed: [] };
      return { action: 'unchanged', mode: 'none', units, deletedNodes: 0, writtenRows: 0, ...now };
    }
  }

  const progress = options.progress;
  let t = performance.now();
  const seed = await validateSeedDirs(dirs);
  progress?.stage(`validated ${seed.sources.length + seed.datasets.length} sources in ${since(t)} s`);
  t = performance.now();
  const plan = planGraph(seed);
  const fingerprint = await inputFingerprint(dirs, await referencedFiles(seed, dirs));
  const units = planUnits(plan);
  progress?.stage(
    `planned ${plan.nodes.length.toLocaleString('en')} nodes and ${plan.rels.length.toLocaleString('en')} relationships (${units.length} load units) in ${since(t)} s`,
  );
  const state: LoadStateRecord = {
    status: 'complete',
    inputHash: fingerprint.hash,
    references: fingerprint.references,
    units: units.map((u) => ({ id: u.id, hash: u.hash, ownerKeys: u.ownerKeys })),
    sharedLabels: [...new Set(units.find((u) => u.id === SHARED_UNIT)?.nodes.map((n) => n.label) ?? [])].sort(),
    counts: planCounts(plan),
  };

  const reason =
    options.full === true
      ? 'a full load was asked for'
      : before === undefined
        ? 'no record of an earlier load'
        : before.status !== 'complete'
          ? 'the last load did not complete'
          : drifted
            ? 'the graph differed from its record'
            : undefined;
  const rows = plan.nodes.length + plan.rels.length;
  if (options.bulk !== undefined && (options.bulk.when === 'force' || (reason !== undefined && rows > BULK_ABOVE_ROWS))) {
    const [any] = await executor.read(ANY_NODE);
    if (any === undefined) {
      progress?.stage(`importing ${rows.toLocaleString('en')} rows with neo4j-admin into the empty database`);
      await options.bulk.write(plan);
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      try {
        t = performance.now();
        await options.beforeWrite?.();
        progress?.stage(`constraints and indexes built in ${since(t)} s`);
        await setEmptyArrays(executor, emptyArrays(plan), options.batchRows ?? DEFAULT_BATCH_ROWS, timeoutMs);
        await executor.writeTransaction('seed.loadState.write', (run) => writeLoadState(run, state), timeoutMs);
      } catch (err) {
        throw new Error(
          'The import wrote the graph, but a step after it failed (schema, empty arrays or the load record). ' +
            'Running the same load again completes it (online, over the imported graph).',
          { cause: err },
        );
      }
      return {
        ...(await executor.readTransaction('seed.countGraph', (run) => countGraph(run, VOCABULARY), timeoutMs)),
        action: 'full',
        reason: options.bulk.when === 'force' ? 'a bulk load was asked for' : `a first load of ${rows.toLocaleString('en')} rows`,
        mode: 'bulk',
        units: { skipped: [], replaced: [], added: units.map((u) => u.id), removed: [] },
        deletedNodes: 0,
        writtenRows: rows,
      };
    }
    if (options.bulk.when === 'force')
      throw new BulkRefusedError(
        'Refusing the bulk load: the database is not empty, and the importer replaces a whole database. ' +
          'Load without --bulk (only what changed is written), or empty the database first.',
      );
  }
  t = performance.now();
  await options.beforeWrite?.();
  progress?.stage(`schema migrations in ${since(t)} s`);
  const writeOptions =
    progress === undefined ? options : { ...options, onRows: (done: number, total: number) => progress.rows(done, total) };
  if (reason !== undefined) {
    progress?.stage(`writing all ${rows.toLocaleString('en')} rows: ${reason}`);
    t = performance.now();
    const report = await full(executor, plan, units, state, writeOptions, reason);
    progress?.stage(`wrote ${rows.toLocaleString('en')} rows (${report.mode}) in ${since(t)} s`);
    return report;
  }

  const recorded = new Map(before!.units.map((u) => [u.id, u]));
  const planned = new Set(units.map((u) => u.id));
  const changed = units.filter((u) => recorded.get(u.id)?.hash !== u.hash);
  const removed = before!.units.filter((u) => !planned.has(u.id));
  const report = {
    skipped: units.filter((u) => recorded.get(u.id)?.hash === u.hash).map((u) => u.id),
    replaced: changed.filter((u) => recorded.has(u.id)).map((u) => u.id),
    added: changed.filter((u) => !recorded.has(u.id)).map((u) => u.id),
    removed: removed.map((u) => u.id),
  };
  if (changed.length === 0 && removed.length === 0) {
    // The files changed but not what they plan (a comment, a reformatted file): only the record moves on.
    if (fingerprint.hash !== before!.inputHash)
      await executor.writeTransaction('seed.loadState.write', (run) => writeLoadState(run, state));
    return { action: 'unchanged', mode: 'none', units: report, deletedNodes: 0, writtenRows: 0, ...(await counts()) };
  }

  const sourceUnits = changed.filter((u) => u.id !== SHARED_UNIT);
  const shared = changed.find((u) => u.id === SHARED_UNIT);
  const rels = dedupe(sourceUnits.flatMap((u) => u.rels));
  const changedRows =
    sourceUnits.reduce((n, u) => n + u.nodes.length, 0) + rels.length + (shared ? shared.nodes.length + shared.rels.length : 0);
  const mode = chooseMode(changedRows, options);
  progress?.stage(
    `writing ${changedRows.toLocaleString('en')} rows of ${changed.length} changed units` +
      (removed.length > 0 ? `, removing ${removed.length}` : '') +
      ` (${report.skipped.length} unchanged units skipped)`,
  );
  t = performance.now();
  const written = await writeChanges(
    executor,
    {
      deleteOwners: [
        ...new Set([...changed, ...removed].flatMap((u) => [...u.ownerKeys, ...(recorded.get(u.id)?.ownerKeys ?? [])])),
      ].sort(),
      nodes: sourceUnits.flatMap((u) => u.nodes),
      rels,
      ...(shared ? { shared: { nodes: shared.nodes, rels: shared.rels } } : {}),
      sharedLabels: [...new Set([...before!.sharedLabels, ...state.sharedLabels])].sort(),
      selfOwnedLabels: SELF_OWNED_LABELS,
    },
    VOCABULARY,
    state,
    {
      mode,
      batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      onRows: progress === undefined ? undefined : (done: number, total: number) => progress.rows(done, total),
    },
  );
  progress?.stage(`wrote ${written.writtenRows.toLocaleString('en')} rows (${mode}) in ${since(t)} s`);
  const after = await counts();
  if (!sameCounts(after, state.counts)) {
    // The reload left other counts than the plan's: the graph held something the record did not
    // know of. A full write makes it exactly the plan again.
    logger.warn({ planned: state.counts, found: after }, 'after the reload the graph does not hold the plan: writing it in full');
    return full(executor, plan, units, state, options, 'the graph differed from its record');
  }
  return {
    action: 'changes',
    mode,
    units: report,
    deletedNodes: written.deletedNodes,
    deletedRelationships: written.deletedRelationships,
    writtenRows: written.writtenRows,
    ...after,
  };
}

async function full(
  executor: Executor,
  plan: GraphPlan,
  units: PlanUnit[],
  loadState: LoadStateRecord,
  options: LoadOptions,
  reason: string,
): Promise<LoadReport> {
  const written = await writeGraph(executor, plan, VOCABULARY, { ...options, loadState });
  return {
    ...written,
    action: 'full',
    reason,
    units: { skipped: [], replaced: [], added: units.map((u) => u.id), removed: [] },
    writtenRows: plan.nodes.length + plan.rels.length,
  };
}

/** After an import: the empty-array properties the importer cannot write (importFiles.ts), in bounded transactions. */
export async function setEmptyArrays(executor: Executor, empty: EmptyArrays, batchRows: number, timeoutMs?: number): Promise<void> {
  const write = (query: NamedQuery, params: Record<string, unknown>) =>
    executor.writeTransaction(query.name, (run) => run(query, params), timeoutMs);
  for (const { label, key, ids } of empty.nodes)
    for (let i = 0; i < ids.length; i += batchRows) await write(setEmptyArrayOnNodes(label, key), { ids: ids.slice(i, i + batchRows) });
  for (const { type, fromLabel, toLabel, key, ends } of empty.rels)
    for (let i = 0; i < ends.length; i += batchRows)
      await write(setEmptyArrayOnRelationships(type, fromLabel, toLabel, key), { ends: ends.slice(i, i + batchRows) });
}

const since = (t: number): string => ((performance.now() - t) / 1000).toFixed(1);

/** A relationship between two replaced units is in both: written once. */
function dedupe(rels: PlanUnit['rels']): PlanUnit['rels'] {
  const seen = new Set<string>();
  return rels.filter((r) => {
    const key = `${r.type}\0${r.from.id}\0${r.to.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Nodes per label and relationships per type of a plan, every label and type of the model listed. */
function planCounts(plan: GraphPlan): GraphCounts {
  const nodes: Record<string, number> = Object.fromEntries(VOCABULARY.labels.map((l) => [l, 0]));
  const relationships: Record<string, number> = Object.fromEntries(VOCABULARY.relTypes.map((t) => [t, 0]));
  for (const n of plan.nodes) nodes[n.label] = (nodes[n.label] ?? 0) + 1;
  for (const r of plan.rels) relationships[r.type] = (relationships[r.type] ?? 0) + 1;
  return { nodes, relationships };
}

/** Equal counts for every label and type either names (a missing one counts 0). */
function sameCounts(a: GraphCounts, b: GraphCounts): boolean {
  const same = (x: Record<string, number>, y: Record<string, number>): boolean =>
    [...new Set([...Object.keys(x), ...Object.keys(y)])].every((k) => (x[k] ?? 0) === (y[k] ?? 0));
  return same(a.nodes, b.nodes) && same(a.relationships, b.relationships);
}
