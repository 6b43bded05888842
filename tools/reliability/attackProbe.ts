/**
 * The probe of `npm run attack`, in a process of its own so that the load generator's work
 * (reading megabytes of answers) never delays a probe or its clock:
 *
 *   node --import tsx tools/reliability/attackProbe.ts <baseUrl> <healthEveryMs> <cheapEveryMs> [<livenessUrl>]
 *
 * Three probes, each one request at a time (a probe that is still waiting delays the next, rather
 * than opening more connections: Node accepts one new connection per event-loop turn, so a probe
 * that piles up connections would measure its own backlog):
 *
 * - `health`: `GET /health` over a kept-alive connection of its own, every `healthEveryMs`;
 * - `health-new`: `GET /health` on a new connection each time, as an orchestrator's probe does,
 *   every `healthEveryMs`;
 * - `cheap`: the cheap query over a kept-alive connection of its own, every `cheapEveryMs`;
 * - `liveness` (when a fourth argument gives its URL): `GET /health` on the API's liveness port
 *   (HEALTH_PORT, answered by a worker thread), on a new connection each time, every `healthEveryMs`.
 *
 * Writes one JSON line per answer to stdout: `{ kind, at, ms, ok }`, `at` in epoch milliseconds
 * (performance.timeOrigin + now, so the parent can line samples up with its own). Stops when
 * stdin closes, after the probes in flight have finished (each is bounded at 10 s).
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHEAP_QUERY } from './attackMix.js';

const [baseUrl, healthEvery, cheapEvery, livenessUrl] = process.argv.slice(2);
const PROBE_TIMEOUT_MS = 10_000;

if (!baseUrl || !healthEvery || !cheapEvery) {
  process.stderr.write('Usage: attackProbe.ts <baseUrl> <healthEveryMs> <cheapEveryMs>\n');
  process.exit(2);
}

type Kind = 'health' | 'health-new' | 'cheap' | 'liveness';
const now = (): number => performance.timeOrigin + performance.now();
const cheapBody = JSON.stringify({ query: CHEAP_QUERY });
let stopping = false;

/** One kept-alive connection per kept-alive probe, so neither ever waits for a new one to be accepted. */
const agents = {
  health: new http.Agent({ keepAlive: true, maxSockets: 1 }),
  cheap: new http.Agent({ keepAlive: true, maxSockets: 1 }),
  // No agent: a new TCP connection each time, closed after the answer.
  'health-new': false as const,
  // The liveness port (HEALTH_PORT, a worker thread of the API): a new connection each time too.
  liveness: false as const,
};

/** One request; resolves to whether it answered as expected. */
function once(kind: Kind): Promise<boolean> {
  return new Promise((resolveProbe) => {
    const req = http.request(
      kind === 'liveness' ? (livenessUrl ?? '') : `${baseUrl}${kind === 'cheap' ? '/graphql' : '/health'}`,
      {
        method: kind === 'cheap' ? 'POST' : 'GET',
        headers: kind === 'cheap' ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(cheapBody) } : {},
        agent: agents[kind],
        timeout: PROBE_TIMEOUT_MS,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolveProbe(res.statusCode === 200 && (kind !== 'cheap' || text.includes('"name"'))));
        res.on('error', () => resolveProbe(false));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolveProbe(false));
    req.end(kind === 'cheap' ? cheapBody : undefined);
  });
}

async function loop(kind: Kind, everyMs: number): Promise<void> {
  while (!stopping) {
    const t0 = now();
    const ok = await once(kind).catch(() => false);
    const ms = now() - t0;
    process.stdout.write(`${JSON.stringify({ kind, at: t0, ms, ok })}\n`);
    await sleep(Math.max(0, everyMs - ms));
  }
}

const loops = Promise.all([
  loop('health', Number(healthEvery)),
  loop('health-new', Number(healthEvery)),
  loop('cheap', Number(cheapEvery)),
  ...(livenessUrl ? [loop('liveness', Number(healthEvery))] : []),
]);
process.stdin.resume();
process.stdin.on('end', () => {
  stopping = true;
  void loops.then(() => process.exit(0));
});
