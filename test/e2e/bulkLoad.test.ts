/**
 * The bulk path against a real Neo4j: the plan imported by `neo4j-admin database import` gives the
 * same graph as the online loader (the graph fingerprint, and the load record), with the schema
 * built afterwards; a damaged seed, a non-empty database and a remote server are refused before
 * anything is stopped. Runs on the throwaway `outage` instance, which it stops and starts (the
 * suite's own test database is never stopped); e2e files run one at a time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, loadConfig } from '../../src/config.js';
import { cypher } from '../../src/db/cypher.js';
import { createLogger } from '../../src/logger.js';
import { GRAPH_SCHEMA } from '../../src/model/graphSchema.js';
import { LOAD_STATE_ID, LOAD_STATE_LABEL } from '../../src/model/loadState.js';
import { connectRuntime, type Runtime } from '../../src/runtime.js';
import { BulkRefusedError, setEmptyArrays, type LoadOptions } from '../../seed/loadSeed.js';
import { DATA_DIR, planSeed, prepareGraph } from '../../seed/prepareGraph.js';
import type { GraphPlan } from '../../seed/plan/plan.js';
import { emptyArrays } from '../../seed/write/importFiles.js';
import { writeGraph } from '../../seed/write/writeGraph.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { NODE_LABELS, REL_TYPES } from '../../src/model/vocabulary.js';
import { SeedValidationError } from '../../seed/validate/validate.js';
import { bulkWriter } from '../../ops/bulkLoad.js';
import { OUTAGE_INSTANCE as INSTANCE, start, status, stop } from '../../ops/localNeo4j/localNeo4j.js';
import { graphFingerprint } from '../../tools/reliability/graphFingerprint.js';

const quiet = (): void => {};
const VOCABULARY = { labels: NODE_LABELS, relTypes: REL_TYPES };
const logger = createLogger({ logLevel: 'silent' });
const WIPE = cypher('test.wipe', 'MATCH (n) DETACH DELETE n');
const STATE = cypher('test.loadState', `MATCH (s:${LOAD_STATE_LABEL} {id: $id}) RETURN properties(s) AS s`);

describe('the bulk path (neo4j-admin import)', () => {
  let runtime: Runtime;
  const stages: string[] = [];
  const bulk = (): LoadOptions => ({ bulk: bulkWriter(INSTANCE, runtime.executor, 'force', quiet, { stage: (m) => stages.push(m) }) });
  const pid = async (): Promise<number | undefined> => {
    const s = await status(INSTANCE);
    return s.state === 'running' ? s.pid : undefined;
  };

  beforeAll(async () => {
    const conn = await start(INSTANCE, quiet);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', NEO4J_URI: conn.uri, NEO4J_PASSWORD: conn.password });
    runtime = await connectRuntime(config, conn, logger);
  }, 180_000);
  afterAll(async () => {
    await runtime?.close();
    await stop(INSTANCE, quiet);
  }, 120_000);

  it('imports the same graph the online loader writes, schema and load record included', async () => {
    await runtime.executor.write(WIPE);
    const online = await prepareGraph(runtime.executor, logger);
    expect(online.mode).toBe('atomic');
    const onlineGraph = await graphFingerprint(runtime.executor);
    const [onlineState] = await runtime.executor.read(STATE, { id: LOAD_STATE_ID });

    await runtime.executor.write(WIPE);
    const before = await pid();
    const report = await prepareGraph(runtime.executor, logger, [DATA_DIR], bulk());
    expect(report).toMatchObject({ action: 'full', mode: 'bulk', reason: 'a bulk load was asked for' });
    expect(await pid()).not.toBe(before); // stopped, imported, started
    expect(stages.some((s) => s.startsWith('neo4j-admin import and restart took'))).toBe(true);

    const bulkGraph = await graphFingerprint(runtime.executor);
    expect(bulkGraph).toEqual(onlineGraph);
    // The fingerprint tells an Integer from a Float of the same value, so the equality covers types.
    const retype = (fn: string) =>
      runtime.executor.write(
        cypher('test.retype', `MATCH (c:Commitment) WITH c ORDER BY c.id LIMIT 1 SET c.amountValue = ${fn}(c.amountValue)`),
      );
    await retype('toInteger');
    expect(await graphFingerprint(runtime.executor)).not.toEqual(bulkGraph);
    await retype('toFloat');
    expect(await graphFingerprint(runtime.executor)).toEqual(bulkGraph);
    expect((await runtime.executor.read(STATE, { id: LOAD_STATE_ID }))[0]).toEqual(onlineState);
    const constraints = await runtime.executor.read(cypher('test.constraints', 'SHOW CONSTRAINTS YIELD name RETURN name'));
    const indexes = await runtime.executor.read(
      cypher('test.indexes', "SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name"),
    );
    const names = new Set([...constraints, ...indexes].map((r) => r.name));
    for (const item of GRAPH_SCHEMA) expect(names).toContain(item.name);

    // The record is in place: the next load writes nothing.
    expect((await prepareGraph(runtime.executor, logger)).action).toBe('unchanged');
  }, 240_000);

  it('writes empty arrays, which the importer cannot, as the online loader does', async () => {
    const plan = await planSeed();
    const person = plan.nodes.find((n) => n.label === 'Person')!;
    const supported = plan.rels.find((r) => r.type === 'SUPPORTED_BY' && Array.isArray(r.props.columns))!;
    const edited: GraphPlan = {
      nodes: plan.nodes.map((n) => (n === person ? { ...n, props: { ...n.props, aliases: [] } } : n)),
      rels: plan.rels.map((r) => (r === supported ? { ...r, props: { ...r.props, columns: [] } } : r)),
    };
    await runtime.executor.write(WIPE);
    await writeGraph(runtime.executor, edited, VOCABULARY, { mode: 'atomic' });
    const online = await graphFingerprint(runtime.executor);

    await runtime.executor.write(WIPE);
    await bulkWriter(INSTANCE, runtime.executor, 'force', quiet, { stage: quiet }).write(edited);
    await applyMigrations(runtime.executor, GRAPH_SCHEMA);
    const [before] = await runtime.executor.read(cypher('test.aliases', 'MATCH (p:Person {id: $id}) RETURN p.aliases AS aliases'), {
      id: person.id,
    });
    expect(before?.aliases).toBeNull(); // what the importer alone leaves
    await setEmptyArrays(runtime.executor, emptyArrays(edited), 1000);
    expect(await graphFingerprint(runtime.executor)).toEqual(online);
  }, 240_000);

  it('refuses a non-empty database before stopping anything', async () => {
    const before = await pid();
    const graph = await graphFingerprint(runtime.executor);
    await expect(prepareGraph(runtime.executor, logger, [DATA_DIR], { ...bulk(), full: true })).rejects.toThrow(BulkRefusedError);
    expect(await pid()).toBe(before);
    expect(await graphFingerprint(runtime.executor)).toEqual(graph);
  });

  it('refuses a damaged seed before stopping anything', async () => {
    await runtime.executor.write(WIPE);
    const before = await pid();
    const root = mkdtempSync(join(tmpdir(), 'seed-bulk-broken-'));
    try {
      cpSync(DATA_DIR, join(root, 'data'), { recursive: true });
      cpSync(join(DATA_DIR, '..', 'sources'), join(root, 'sources'), { recursive: true });
      const file = join(root, 'sources', 'kiel-ust-r29', 'weapons.csv');
      const lines = readFileSync(file, 'utf8').split('\n');
      lines[2] = lines[2]!.replace(/,(\d+),/, ',4x9,');
      writeFileSync(file, lines.join('\n'));
      await expect(prepareGraph(runtime.executor, logger, [join(root, 'data')], bulk())).rejects.toThrow(SeedValidationError);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    expect(await pid()).toBe(before);
    expect((await graphFingerprint(runtime.executor)).nodes).toBe(0);
  });

  it('is refused for a server named by NEO4J_URI, with the reason, before anything runs', () => {
    const run = spawnSync('npx', ['tsx', 'ops/seed.ts', '--bulk'], {
      encoding: 'utf8',
      env: childEnvironment({ NEO4J_URI: 'bolt://db.example.org:7687', NEO4J_PASSWORD: 'x', LOG_LEVEL: 'silent' }),
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--bulk runs Neo4j's own importer on one of the project's local instances/);
    expect(run.stderr).toMatch(/Nothing was written/);
  });
});
