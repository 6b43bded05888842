/**
 * Reloads against the real Neo4j: what is unchanged is skipped (nothing written at all), a changed
 * source replaces only its own facts and evidence, a changed registry entry rewrites the shared
 * entities, a source added or removed comes or goes alone, and every time the graph equals what a full load of the same
 * files writes. A batched load that did not finish is reported and completed by the next load.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import type { Executor, QueryEvent } from '../../src/db/Executor.js';
import { createLogger } from '../../src/logger.js';
import { LOAD_STATE_ID, LOAD_STATE_LABEL } from '../../src/model/loadState.js';
import { DATA_DIR, prepareGraph } from '../../seed/prepareGraph.js';
import type { LoadOptions, LoadReport } from '../../seed/loadSeed.js';
import { markWriting } from '../../seed/write/loadStateQueries.js';
import { graphFingerprint, type Fingerprint } from '../../tools/reliability/graphFingerprint.js';
import { testRuntime } from '../support/testRuntime.js';

const logger = createLogger({ logLevel: 'silent' });
const ARTICLE = 'source:uk-france-coalition-ukraine-support';
const TRACKER = 'dataset:kiel-ust-r29';
const SECOND_SOURCE = new URL('../fixtures/seed/second-source/data/', import.meta.url).pathname;
const SECOND = 'source:test-second-source-starmer';
const WIPE = cypher('test.wipe', 'MATCH (n) DETACH DELETE n');

/** A private copy of seed/ (data and the texts and tables it names), to edit. */
function copySeed(): { root: string; data: string; edit: (file: string, from: string, to: string) => void } {
  const root = mkdtempSync(join(tmpdir(), 'seed-reload-'));
  cpSync(DATA_DIR, join(root, 'data'), { recursive: true });
  cpSync(join(DATA_DIR, '..', 'sources'), join(root, 'sources'), { recursive: true });
  return {
    root,
    data: join(root, 'data'),
    edit: (file, from, to) => {
      const path = join(root, file);
      const text = readFileSync(path, 'utf8');
      if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
      writeFileSync(path, text.replace(from, to));
    },
  };
}

describe('reloading', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let seed: ReturnType<typeof copySeed>;

  /** Loads the copy, recording every query it runs. */
  const load = async (options: LoadOptions = {}, dirs = [seed.data]): Promise<{ report: LoadReport; events: QueryEvent[] }> => {
    const events: QueryEvent[] = [];
    const executor: Executor = rt.executor.withListener((e) => events.push(e));
    return { report: await prepareGraph(executor, logger, dirs, options), events };
  };
  /** The graph a full load of the copy, as it is now, writes. */
  const fullLoad = async (dirs = [seed.data]): Promise<Fingerprint> => {
    await load({ full: true }, dirs);
    return graphFingerprint(rt.executor);
  };
  const readState = async () => {
    const [row] = await rt.executor.read(cypher('test.loadState', `MATCH (s:${LOAD_STATE_LABEL} {id: $id}) RETURN properties(s) AS s`), {
      id: LOAD_STATE_ID,
    });
    return row?.s as Record<string, unknown> | undefined;
  };

  beforeAll(async () => {
    rt = await testRuntime();
    seed = copySeed();
    await rt.executor.write(WIPE);
  }, 120_000);
  afterAll(async () => {
    rmSync(seed.root, { recursive: true, force: true });
    // The other test files expect the curated seed.
    await prepareGraph(rt.executor, logger);
    await rt.close();
  });

  it('loads an empty database in full and records what it loaded', async () => {
    const { report } = await load();
    expect(report).toMatchObject({ action: 'full', reason: 'no record of an earlier load', mode: 'atomic' });
    expect(report.units.added).toEqual([TRACKER, 'shared', ARTICLE]);
    const state = await readState();
    expect(state).toMatchObject({ id: LOAD_STATE_ID, status: 'complete' });
    expect(JSON.parse(state!.unitsJson as string)).toHaveLength(3);
  });

  it('writes nothing when nothing changed', async () => {
    const before = await graphFingerprint(rt.executor);
    const { report, events } = await load();
    expect(report).toMatchObject({ action: 'unchanged', mode: 'none', writtenRows: 0 });
    expect(report.units.skipped).toEqual([TRACKER, 'shared', ARTICLE]);
    // Migrations find the schema in place; no query of the loader writes.
    const loaderWrites = events.filter((e) => e.mode === 'WRITE' && !e.name.startsWith('schema.'));
    expect(loaderWrites.map((e) => e.name)).toEqual([]);
    expect(events.filter((e) => e.name.startsWith('schema.create') || e.name.startsWith('schema.drop'))).toEqual([]);
    expect(await graphFingerprint(rt.executor)).toEqual(before);
  });

  it('replaces only the changed source: its facts and evidence, nothing of the tracker', async () => {
    seed.edit('data/sources/uk-france-coalition-ukraine-support.yaml', 'value: 2260000000', 'value: 2270000000');
    const { report, events } = await load();
    expect(report).toMatchObject({ action: 'changes', mode: 'atomic' });
    expect(report.units).toEqual({ skipped: [TRACKER, 'shared'], replaced: [ARTICLE], added: [], removed: [] });
    // Only the article's rows are written: far fewer than the 22,000 of the whole graph.
    expect(report.writtenRows).toBeGreaterThan(100);
    expect(report.writtenRows).toBeLessThan(2_000);
    const writes = events.filter((e) => e.mode === 'WRITE' && !e.name.startsWith('schema.')).map((e) => e.name);
    expect(writes).toContain('seed.deleteOwned.Commitment');
    expect(writes).toContain('seed.loadState.write');
    // The shared entities are not rewritten: no MERGE of a registry label.
    expect(writes.filter((n) => /^seed\.mergeNodes\.(Nation|Person|Office|WeaponSystem)$/.test(n))).toEqual([]);
    const [row] = await rt.executor.read(cypher('test.era', `MATCH (c:Commitment) WHERE c.amountValue = 2270000000 RETURN count(c) AS n`));
    expect(row?.n).toBe(1);
    const incremental = await graphFingerprint(rt.executor);
    expect(incremental).toEqual(await fullLoad());
  });

  it('rewrites the shared entities when a registry entry changes, and leaves the sources alone', async () => {
    seed.edit(
      'data/registry/nations.yaml',
      'description: Sovereign state in western Europe.',
      'description: A republic in western Europe.',
    );
    const { report } = await load();
    expect(report.units).toEqual({ skipped: [TRACKER, ARTICLE], replaced: ['shared'], added: [], removed: [] });
    expect(await graphFingerprint(rt.executor)).toEqual(await fullLoad());
  });

  it('writes in batches too, to the same graph, and says "writing" only while it does', async () => {
    seed.edit('data/sources/uk-france-coalition-ukraine-support.yaml', 'value: 2270000000', 'value: 2280000000');
    const { report, events } = await load({ batchedAboveRows: 10, batchRows: 50 });
    expect(report).toMatchObject({ action: 'changes', mode: 'batched' });
    expect(report.units.replaced).toEqual([ARTICLE]);
    const writes = events.filter((e) => e.mode === 'WRITE' && !e.name.startsWith('schema.')).map((e) => e.name);
    expect(writes.length).toBeGreaterThan(20);
    expect(writes[0]).toBe('seed.loadState.writing');
    expect(writes.at(-1)).toBe('seed.loadState.write');
    expect((await readState())?.status).toBe('complete');
    expect(await graphFingerprint(rt.executor)).toEqual(await fullLoad());
  });

  it('after a load that did not complete, writes everything again', async () => {
    await rt.executor.writeTransaction('test.markWriting', markWriting);
    expect((await readState())?.status).toBe('writing');
    const { report } = await load();
    expect(report).toMatchObject({ action: 'full', reason: 'the last load did not complete' });
    expect((await readState())?.status).toBe('complete');
  });

  it('notices a graph changed by hand (its counts) and writes it in full', async () => {
    const before = await graphFingerprint(rt.executor);
    await rt.executor.write(cypher('test.dropOne', `MATCH (c:Commitment {sourceId: $s}) WITH c LIMIT 1 DETACH DELETE c`), { s: ARTICLE });
    const { report } = await load();
    expect(report).toMatchObject({ action: 'full', reason: 'the graph differed from its record' });
    expect(await graphFingerprint(rt.executor)).toEqual(before);
  });

  it('adds a source from another data directory, then removes it again, keeping the entities it shares', async () => {
    const added = await load({}, [seed.data, SECOND_SOURCE]);
    expect(added.report.units).toMatchObject({ skipped: [TRACKER, ARTICLE], added: [SECOND], removed: [] });
    // Its mentions of Keir Starmer add to the shared person: the shared unit changes with it.
    expect(added.report.units.replaced).toEqual(['shared']);
    expect(await graphFingerprint(rt.executor)).toEqual(await fullLoad([seed.data, SECOND_SOURCE]));

    const removed = await load();
    expect(removed.report.units).toEqual({ skipped: [TRACKER, ARTICLE], replaced: ['shared'], added: [], removed: [SECOND] });
    const [row] = await rt.executor.read(
      cypher(
        'test.second',
        `RETURN COUNT { MATCH (s:Source) } AS sources, COUNT { MATCH (p:Person {id: 'person:keir-starmer'}) } AS starmer`,
      ),
    );
    expect(row).toEqual({ sources: 7, starmer: 1 });
    expect(await graphFingerprint(rt.executor)).toEqual(await fullLoad());
  });

  it('refuses a damaged source before writing anything, the record included', async () => {
    const before = await graphFingerprint(rt.executor);
    const state = await readState();
    seed.edit('data/sources/uk-france-coalition-ukraine-support.yaml', 'currency: GBP', 'currency: GPB');
    await expect(load()).rejects.toThrow(/GPB/);
    expect(await graphFingerprint(rt.executor)).toEqual(before);
    expect(await readState()).toEqual(state);
  });
});
