/**
 * The benchmark harness's own logic: how the floor groups the API's queries into waves, and how
 * the report checks each target of the issue.
 */
import { describe, expect, it } from 'vitest';
import { API_OPERATIONS, OPERATION_NAMES } from '../../../tools/bench/ops.js';
import { PEER_OPERATIONS } from '../../../tools/bench/peers/neo4jGraphql/operations.js';
import { renderReport, type BenchReport, type Measurement } from '../../../tools/bench/report.js';
import { groupIntoWaves } from '../../../tools/bench/waves.js';

const event = (text: string, startedAt: number, durationMs: number) => ({ text, params: {}, startedAt, durationMs });

describe('groupIntoWaves', () => {
  it('puts overlapping queries in one wave and sequential ones in order', () => {
    const waves = groupIntoWaves([event('c', 10, 3), event('a', 0, 5), event('b', 1, 2), event('d', 11, 1), event('e', 20, 1)]);
    expect(waves.map((wave) => wave.map((q) => q.text))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('starts a new wave when a query starts exactly as the last one ends', () => {
    expect(groupIntoWaves([event('a', 0, 5), event('b', 5, 1)])).toHaveLength(2);
    expect(groupIntoWaves([])).toEqual([]);
  });
});

describe('the operations', () => {
  it('exist for this API and the library, with digests of the same shape', () => {
    for (const name of OPERATION_NAMES) {
      expect(API_OPERATIONS[name].query).toMatch(/^query /);
      expect(PEER_OPERATIONS[name].query).toMatch(/^query /);
      // An empty answer digests to the same value on both sides: the digests read the same facts.
      expect(JSON.stringify(PEER_OPERATIONS[name].digest({}))).toBe(JSON.stringify(API_OPERATIONS[name].digest({})));
    }
  });
});

function measurement(op: Measurement['op'], target: Measurement['target'], throughput: number, singleP50: number): Measurement {
  return {
    op,
    target,
    throughput,
    singleP50,
    p50: 1,
    p99: 2,
    singleP99: 3,
    responseBytes: 100,
    requests: 10,
    failures: 0,
    cpuMsPerRequest: { server: 1, neo4j: 1 },
  };
}

function report(api: number, peer: number, apiLatency: number, memory: number): BenchReport {
  const scale = (n: number, latency: number) => ({
    scale: n,
    load: { nodes: 10 * n, relationships: 20 * n, seconds: 1, rowsPerSecond: 30 * n },
    params: {} as BenchReport['scales'][number]['params'],
    equivalence: { nested: 'equal' },
    measurements: [
      measurement('nested', 'api', api, latency),
      measurement('nested', 'neo4j-graphql', peer, 1),
      measurement('nested', 'driver', 1000, 1),
    ],
    memory: { api: memory },
  });
  return {
    startedAt: 'now',
    machine: { cpus: '2', memoryGiB: 1, node: 'v20', neo4j: '5' },
    settings: { seconds: 1, connections: 1, warmupSeconds: 0, seed: 1 },
    scales: [scale(10, 1), scale(100, apiLatency)],
  };
}

describe('the report', () => {
  it('marks nested as met at 1.5× the library and within 1.5× of the floor, and memory under 300 MB', () => {
    const text = renderReport(report(150, 100, 1.5, 200e6));
    expect(text).toContain('| nested | 1.50× | ≥ 1.5×: met | 1.50× | met |');
    expect(text).toContain('api 200 MB (target < 300 MB: met)');
    expect(text).toContain('| nested | api | 1.00 | 1.50 | 1.50× |');
  });

  it('marks what misses as missed', () => {
    const text = renderReport(report(149, 100, 1.6, 300e6));
    expect(text).toContain('| nested | 1.49× | ≥ 1.5×: **missed** | 1.60× | **missed** |');
    expect(text).toContain('(target < 300 MB: **missed**)');
  });
});
