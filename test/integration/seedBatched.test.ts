/**
 * The batched loader against the real Neo4j, forced onto the curated seed with tiny batches so
 * that every step (many transactions, the empty-database CREATE path, the MERGE path, pruning)
 * runs on a graph small enough to compare with the atomic load node by node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import type { Executor } from '../../src/db/Executor.js';
import { createLogger } from '../../src/logger.js';
import type { GraphPlan, PlannedRel } from '../../seed/plan/plan.js';
import { NODE_LABELS, REL_TYPES } from '../../src/model/vocabulary.js';
import { SeedWriteError } from '../../seed/write/SeedWriteError.js';
import { writeGraph, type WriteOptions } from '../../seed/write/writeGraph.js';
import { DATA_DIR, planSeed, prepareGraph } from '../../seed/prepareGraph.js';
import { graphFingerprint, type Fingerprint } from '../../tools/reliability/graphFingerprint.js';
import { testRuntime } from '../support/testRuntime.js';

const logger = createLogger({ logLevel: 'silent' });
const SECOND_SOURCE = new URL('../fixtures/seed/second-source/data/', import.meta.url).pathname;
const VOCABULARY = { labels: NODE_LABELS, relTypes: REL_TYPES };
/** Tiny batches: the curated seed (about 1,000 rows) becomes some 150 transactions. */
const BATCHED: WriteOptions = { mode: 'batched', batchRows: 7 };
const WIPE = cypher('test.wipe', 'MATCH (n) DETACH DELETE n');

describe('the batched loader', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let plan: GraphPlan;
  /** The curated seed loaded atomically into an empty database: what every batched load must reproduce. */
  let atomic: Fingerprint;

  /** The executor, also recording the names of the queries it runs. */
  const recording = (): { executor: Executor; names: string[] } => {
    const names: string[] = [];
    return { executor: rt.executor.withListener((event) => names.push(event.name)), names };
  };

  beforeAll(async () => {
    rt = await testRuntime();
    plan = await planSeed();
    await rt.executor.write(WIPE);
    await prepareGraph(rt.executor, logger, [DATA_DIR], { mode: 'atomic' });
    atomic = await graphFingerprint(rt.executor);
  }, 120_000);
  afterAll(async () => {
    await rt.close();
  });

  it('chooses atomic for the curated seed by default, batched above the threshold', async () => {
    expect((await prepareGraph(rt.executor, logger, [DATA_DIR], { full: true })).mode).toBe('atomic');
    expect((await prepareGraph(rt.executor, logger, [DATA_DIR], { full: true, batchedAboveRows: 100, batchRows: 500 })).mode).toBe(
      'batched',
    );
    expect(await graphFingerprint(rt.executor)).toEqual(atomic);
  });

  it('writes an empty database with CREATE (the fast path) and leaves the same graph as the atomic load', async () => {
    await rt.executor.write(WIPE);
    const { executor, names } = recording();
    const report = await writeGraph(executor, plan, VOCABULARY, BATCHED);
    expect(report.mode).toBe('batched');
    expect(names.some((n) => n.startsWith('seed.createNodes.'))).toBe(true);
    expect(names.some((n) => n.startsWith('seed.createRelationships.'))).toBe(true);
    expect(names.some((n) => n.startsWith('seed.merge'))).toBe(false);
    expect(names.filter((n) => n.startsWith('seed.create')).length).toBeGreaterThan(100);
    expect(await graphFingerprint(rt.executor)).toEqual(atomic);
  });

  it('re-runs onto itself with MERGE, changes nothing and prunes nothing (idempotent)', async () => {
    const { executor, names } = recording();
    const report = await writeGraph(executor, plan, VOCABULARY, BATCHED);
    expect(names.some((n) => n.startsWith('seed.mergeNodes.'))).toBe(true);
    expect(names.some((n) => n.startsWith('seed.mergeRelationships.'))).toBe(true);
    expect(names.some((n) => n.startsWith('seed.create'))).toBe(false);
    // The counts match the plan, so no key is read back for pruning.
    expect(names.some((n) => n.startsWith('seed.nodeKeys.') || n.startsWith('seed.relationshipKeys.'))).toBe(false);
    expect(report).toMatchObject({ deletedNodes: 0, deletedRelationships: 0 });
    expect(await graphFingerprint(rt.executor)).toEqual(atomic);
  });

  it('prunes a node and a relationship removed from the seed, as the atomic load does', async () => {
    const statement = plan.nodes.find((n) => n.label === 'Statement')!;
    const located = plan.rels.find((r) => r.type === 'LOCATED_IN')!;
    const smaller: GraphPlan = {
      nodes: plan.nodes.filter((n) => n !== statement),
      rels: plan.rels.filter((r) => r !== located && r.from.id !== statement.id && r.to.id !== statement.id),
    };
    const touching = plan.rels.length - smaller.rels.length - 1;

    await writeGraph(rt.executor, plan, VOCABULARY, BATCHED);
    const report = await writeGraph(rt.executor, smaller, VOCABULARY, BATCHED);
    expect(report.deletedNodes).toBe(1);
    // The statement's own relationships go with it (DETACH DELETE); LOCATED_IN is pruned on its own.
    expect(report.deletedRelationships).toBe(1);
    expect(report.relationships.LOCATED_IN).toBe(plan.rels.filter((r) => r.type === 'LOCATED_IN').length - 1);
    expect(touching).toBeGreaterThan(0);
    const batched = await graphFingerprint(rt.executor);

    await rt.executor.write(WIPE);
    await writeGraph(rt.executor, smaller, VOCABULARY, { mode: 'atomic' });
    expect(batched).toEqual(await graphFingerprint(rt.executor));
    expect(batched).not.toEqual(atomic);
  });

  it('prunes a whole source (the MERGE path from a larger graph) to the same graph as the atomic load', async () => {
    await prepareGraph(rt.executor, logger, [DATA_DIR, SECOND_SOURCE], BATCHED);
    const report = await prepareGraph(rt.executor, logger, [DATA_DIR], BATCHED);
    expect(report.deletedNodes).toBeGreaterThan(0);
    expect(await graphFingerprint(rt.executor)).toEqual(atomic);
  });

  it('says the graph is partially updated when it fails midway, and a re-run of the same seed completes it', async () => {
    await rt.executor.write(WIPE);
    // The last relationship carries a map, which Neo4j refuses as a property value: its batch fails
    // after every node batch and most relationship batches were committed.
    const last = plan.rels[plan.rels.length - 1]!;
    const broken: GraphPlan = {
      ...plan,
      rels: [...plan.rels.slice(0, -1), { ...last, props: { nested: { not: 'a property value' } } as unknown as PlannedRel['props'] }],
    };
    const error = await writeGraph(rt.executor, broken, VOCABULARY, BATCHED).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedWriteError);
    expect((error as SeedWriteError).partial).toBe(true);
    expect((error as Error).message).toMatch(/PARTIALLY UPDATED \(\d+ batches, [\d,]+ of [\d,]+ rows committed/);
    expect((error as Error).message).toMatch(/Re-running the same seed completes it/);
    expect(await graphFingerprint(rt.executor)).not.toEqual(atomic);

    await writeGraph(rt.executor, plan, VOCABULARY, BATCHED);
    expect(await graphFingerprint(rt.executor)).toEqual(atomic);
  });

  it('refuses a relationship to a node the plan does not have before writing anything', async () => {
    const before = await graphFingerprint(rt.executor);
    const dangling: GraphPlan = {
      ...plan,
      rels: [
        ...plan.rels,
        {
          type: 'SAID',
          from: { label: 'Person', id: 'person:keir-starmer' },
          to: { label: 'Statement', id: 'statement:missing' },
          props: {},
        },
      ],
    };
    await expect(writeGraph(rt.executor, dangling, VOCABULARY, BATCHED)).rejects.toThrow(/which the plan does not have/);
    expect(await graphFingerprint(rt.executor)).toEqual(before);
  });

  it('refuses a plan with two relationships of the same type between the same nodes before writing anything', async () => {
    const before = await graphFingerprint(rt.executor);
    const twice: GraphPlan = { ...plan, rels: [...plan.rels, { ...plan.rels[0]!, props: { note: 'again' } }] };
    await expect(writeGraph(rt.executor, twice, VOCABULARY, BATCHED)).rejects.toThrow(/planned twice/);
    expect(await graphFingerprint(rt.executor)).toEqual(before);
  });
});
