/** The benchmark's results and their Markdown tables, with each target of the issue checked. */
import type { BenchParams, OperationName } from './ops.js';

/** `baseline`: this API from an earlier commit (`npm run bench -- --baseline <checkout>`). */
export type TargetName = 'api' | 'neo4j-graphql' | 'driver' | 'baseline';

export interface LoadResult {
  nodes: number;
  relationships: number;
  /** Wall time of `npm run seed -- --data <dir>` (validation, planning, migrations, writing). */
  seconds: number;
  rowsPerSecond: number;
}

export interface Measurement {
  op: OperationName;
  target: TargetName;
  responseBytes: number;
  /** Requests per second with the run's concurrent clients. */
  throughput: number;
  p50: number;
  p99: number;
  /** Latency with one client (no queueing). */
  singleP50: number;
  singleP99: number;
  requests: number;
  failures: number;
  /** CPU time per request during the throughput run: the server process, and Neo4j. */
  cpuMsPerRequest: { server: number; neo4j: number };
  /** Set when the server could not answer the operation at all: why (then the numbers are NaN). */
  error?: string;
}

export interface ScaleReport {
  scale: number;
  load: LoadResult;
  params: BenchParams;
  /** Per operation: `equal`, or how this API's and the library's answers differ. */
  equivalence: Partial<Record<OperationName, string>>;
  measurements: Measurement[];
  /** Peak resident memory (VmHWM) of each server process over the scale's whole run, in bytes. */
  memory: Partial<Record<TargetName, number>>;
}

export interface BenchReport {
  startedAt: string;
  machine: { cpus: string; memoryGiB: number; node: string; neo4j: string };
  settings: { seconds: number; connections: number; warmupSeconds: number; seed: number };
  scales: ScaleReport[];
}

/** Operations whose throughput must be at least 1.5× the library's; the others at least 1×. */
const HIGHER_BAR: readonly OperationName[] = ['nested', 'search', 'totals'];
/** The "300 MB", read strictly as decimal megabytes. */
const API_MEMORY_LIMIT = 300e6;

const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n) ? n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–';
const ratio = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '–');
const mb = (bytes: number | undefined): string => (bytes === undefined || !Number.isFinite(bytes) ? '–' : `${(bytes / 1e6).toFixed(0)} MB`);
const mark = (ok: boolean): string => (ok ? 'met' : '**missed**');

function table(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export function renderReport(report: BenchReport): string {
  const s = report.settings;
  const out: string[] = [
    `Run of ${report.startedAt} — ${report.machine.cpus}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, Neo4j ${report.machine.neo4j}. ` +
      `Each (operation, server) pair: ${s.warmupSeconds} s warm-up, ${s.seconds} s with ${s.connections} concurrent clients (throughput, p50, p99), ` +
      `then ${s.seconds} s with one client (p50 ×1). Dataset seed ${s.seed}.`,
  ];

  out.push('', '#### Loading through the project loader (`npm run seed`, wall time into an empty database)', '');
  out.push(
    table(
      ['scale', 'nodes', 'relationships', 'rows', 'time', 'rows/s'],
      report.scales.map((r) => [
        String(r.scale),
        fmt(r.load.nodes),
        fmt(r.load.relationships),
        fmt(r.load.nodes + r.load.relationships),
        `${r.load.seconds.toFixed(1)} s`,
        fmt(r.load.rowsPerSecond),
      ]),
    ),
  );

  for (const r of report.scales) {
    out.push('', `#### Scale ${r.scale} (${fmt(r.load.nodes)} nodes, ${fmt(r.load.relationships)} relationships)`, '');
    out.push(
      table(
        [
          'operation',
          'server',
          'req/s',
          'p50 ms',
          'p99 ms',
          'p50 ms ×1',
          'p99 ms ×1',
          'CPU ms/req server',
          'CPU ms/req Neo4j',
          'answer bytes',
          'failed / requests',
        ],
        r.measurements.map((m) => [
          m.op,
          m.target,
          fmt(m.throughput),
          fmt(m.p50),
          fmt(m.p99),
          fmt(m.singleP50, 2),
          fmt(m.singleP99, 2),
          fmt(m.cpuMsPerRequest.server, 2),
          fmt(m.cpuMsPerRequest.neo4j, 2),
          fmt(m.responseBytes),
          m.error ? `**could not answer**: ${m.error.replace(/\|/g, '/')}` : `${m.failures} / ${fmt(m.requests)}`,
        ]),
      ),
    );
    out.push('', 'Ratios and targets:', '');
    const ops = [...new Set(r.measurements.map((m) => m.op))];
    out.push(
      table(
        [
          'operation',
          'req/s api ÷ neo4j-graphql',
          'target',
          'p50 ×1 api ÷ driver',
          'target (≤ 1.5×)',
          'p50 ×1 neo4j-graphql ÷ driver',
          'same answers',
        ],
        ops.map((op) => {
          const get = (t: TargetName): Measurement | undefined => r.measurements.find((m) => m.op === op && m.target === t);
          const api = get('api');
          const peer = get('neo4j-graphql');
          const floor = get('driver');
          const bar = HIGHER_BAR.includes(op) ? 1.5 : 1;
          const thr = api && peer ? api.throughput / peer.throughput : Number.NaN;
          const lat = api && floor ? api.singleP50 / floor.singleP50 : Number.NaN;
          return [
            op,
            ratio(thr),
            Number.isFinite(thr)
              ? `≥ ${bar}×: ${mark(thr >= bar)}`
              : peer?.error && api && !api.error
                ? `≥ ${bar}×: met (neo4j-graphql could not answer)`
                : '–',
            ratio(lat),
            Number.isFinite(lat) ? mark(lat <= 1.5) : '–',
            ratio(peer && floor ? peer.singleP50 / floor.singleP50 : Number.NaN),
            r.equivalence[op] === undefined
              ? '–'
              : r.equivalence[op] === 'equal'
                ? 'yes'
                : r.equivalence[op]?.startsWith('not compared')
                  ? 'not compared'
                  : '**no**',
          ];
        }),
      ),
    );
    const baselined = ops.filter((op) => r.measurements.some((m) => m.op === op && m.target === 'baseline'));
    if (baselined.length > 0) {
      out.push('', 'This API against its baseline (an earlier commit, same run):', '');
      out.push(
        table(
          [
            'operation',
            'req/s api ÷ baseline',
            'p50 ×1 baseline ÷ api',
            'CPU ms/req server: baseline → api',
            'CPU ms/req Neo4j: baseline → api',
          ],
          baselined.map((op) => {
            const api = r.measurements.find((m) => m.op === op && m.target === 'api');
            const base = r.measurements.find((m) => m.op === op && m.target === 'baseline');
            if (!api || !base) return [op, '–', '–', '–', '–'];
            return [
              op,
              ratio(api.throughput / base.throughput),
              ratio(base.singleP50 / api.singleP50),
              `${fmt(base.cpuMsPerRequest.server, 2)} → ${fmt(api.cpuMsPerRequest.server, 2)}`,
              `${fmt(base.cpuMsPerRequest.neo4j, 2)} → ${fmt(api.cpuMsPerRequest.neo4j, 2)}`,
            ];
          }),
        ),
      );
    }
    const apiMemory = r.memory.api;
    out.push(
      '',
      `Peak memory (VmHWM over the whole scale): api ${mb(apiMemory)} (target < 300 MB: ${mark((apiMemory ?? Infinity) < API_MEMORY_LIMIT)}), ` +
        `neo4j-graphql ${mb(r.memory['neo4j-graphql'])}, driver floor ${mb(r.memory.driver)}.`,
    );
    const differing = Object.entries(r.equivalence).filter(([, v]) => v !== 'equal');
    if (differing.length) out.push('', ...differing.map(([op, v]) => `- ${op}: ${v}`));
  }

  if (report.scales.length >= 2) {
    const small = report.scales[0];
    const large = report.scales.at(-1);
    if (small && large) {
      out.push(
        '',
        `#### Latency against graph size: scale ${small.scale} → ${large.scale} (${fmt((large.load.nodes + large.load.relationships) / (small.load.nodes + small.load.relationships), 1)}× the rows)`,
        '',
      );
      out.push(
        table(
          [
            'operation',
            'server',
            `p50 ms ×1 at ${small.scale}`,
            `p50 ms ×1 at ${large.scale}`,
            'ratio',
            `answer bytes ${small.scale} → ${large.scale}`,
          ],
          large.measurements.map((m) => {
            const before = small.measurements.find((b) => b.op === m.op && b.target === m.target);
            return [
              m.op,
              m.target,
              fmt(before?.singleP50 ?? Number.NaN, 2),
              fmt(m.singleP50, 2),
              ratio(before ? m.singleP50 / before.singleP50 : Number.NaN),
              `${fmt(before?.responseBytes ?? Number.NaN)} → ${fmt(m.responseBytes)}`,
            ];
          }),
        ),
      );
    }
  }
  return out.join('\n');
}
