/**
 * The probe of `npm run attack`, in a process of its own so that the load generator's work
 * (reading megabytes of answers) never delays a probe or its clock:
 *
 *   node --import tsx scripts/reliability/attackProbe.ts <baseUrl> <healthEveryMs> <cheapEveryMs>
 *
 * Sends `GET /health` and the cheap query on fixed schedules (a new probe does not wait for a slow
 * one: a stalled API shows in every probe that was due), and writes one JSON line per answer to
 * stdout: `{ kind, at, ms, ok }`, `at` in epoch milliseconds (performance.timeOrigin + now, so
 * the parent can line samples up with its own). Stops when stdin closes, after letting the probes
 * in flight finish (each is bounded at 10 s).
 */
import { CHEAP_QUERY } from './attackMix.js';

const [baseUrl, healthEvery, cheapEvery] = process.argv.slice(2);
const PROBE_TIMEOUT_MS = 10_000;
/** At most this many probes of one kind in flight; one more due is counted as missed. */
const MAX_IN_FLIGHT = 200;

if (!baseUrl || !healthEvery || !cheapEvery) {
  process.stderr.write('Usage: attackProbe.ts <baseUrl> <healthEveryMs> <cheapEveryMs>\n');
  process.exit(2);
}

const now = (): number => performance.timeOrigin + performance.now();
const cheapBody = JSON.stringify({ query: CHEAP_QUERY });
const inFlight = { health: 0, cheap: 0 };
const pending = new Set<Promise<void>>();

function emit(kind: 'health' | 'cheap', at: number, ms: number, ok: boolean): void {
  process.stdout.write(`${JSON.stringify({ kind, at, ms, ok })}\n`);
}

function probe(kind: 'health' | 'cheap'): void {
  if (inFlight[kind] >= MAX_IN_FLIGHT) {
    emit(kind, now(), Number.POSITIVE_INFINITY, false);
    return;
  }
  inFlight[kind]++;
  const t0 = now();
  const request =
    kind === 'health'
      ? fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
      : fetch(`${baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: cheapBody,
          signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
        });
  const done = request
    .then(async (res) => {
      const text = await res.text();
      const ok = res.status === 200 && (kind === 'health' || text.includes('"name"'));
      emit(kind, t0, now() - t0, ok);
    })
    .catch(() => emit(kind, t0, now() - t0, false))
    .finally(() => {
      inFlight[kind]--;
      pending.delete(done);
    });
  pending.add(done);
}

const timers = [setInterval(() => probe('health'), Number(healthEvery)), setInterval(() => probe('cheap'), Number(cheapEvery))];
process.stdin.resume();
process.stdin.on('end', () => {
  for (const timer of timers) clearInterval(timer);
  void Promise.allSettled([...pending]).then(() => process.exit(0));
});
