/**
 * Liveness on a port of its own, answered by a worker thread. The API's `/health` shares the
 * event loop with every request: under a flood of expensive requests its answer waits for the
 * loop (seconds, measured in docs/reliability.md, "Attack"), and a new connection is accepted only
 * once per turn, so an orchestrator's probe would time out and kill a process that is working.
 * The worker has a loop of its own and answers at once; what it answers is still the main
 * thread's state: the main thread stamps a heartbeat into shared memory every 100 ms, and the
 * worker says 503 "stalled" when the stamp is older than `stallMs`.
 */
import { Worker } from 'node:worker_threads';

export interface HealthListener {
  /** The port it listens on (useful when 0 asked for any free port). */
  port: number;
  close: () => Promise<void>;
}

const HEARTBEAT_MS = 100;

/** Plain JavaScript, run as the worker's script: no loader needed, compiled or not. */
const WORKER_SOURCE = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const beat = new BigInt64Array(workerData.heartbeat);
const server = http.createServer((req, res) => {
  const url = (req.url || '').split('?')[0];
  if (req.method !== 'GET' || url !== '/health') {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'Not found. This port answers GET /health only.' }));
    return;
  }
  const stalledMs = Date.now() - Number(Atomics.load(beat, 0));
  const ok = stalledMs < workerData.stallMs;
  res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(ok ? { status: 'ok' } : { status: 'stalled', stalledMs }));
});
server.listen(workerData.port, workerData.host, () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => { if (message === 'close') server.close(() => process.exit(0)); });
`;

/** Starts the worker and its listener; resolves once it listens. */
export async function startHealthListener(options: { host: string; port: number; stallMs: number }): Promise<HealthListener> {
  const heartbeat = new SharedArrayBuffer(8);
  const beat = new BigInt64Array(heartbeat);
  const stamp = (): void => {
    Atomics.store(beat, 0, BigInt(Date.now()));
  };
  stamp();
  const timer = setInterval(stamp, HEARTBEAT_MS);
  timer.unref();
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...options, heartbeat } });
  worker.unref();
  const port = await new Promise<number>((resolvePort, reject) => {
    worker.once('message', (message: { port: number }) => resolvePort(message.port));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The health listener stopped before it listened (exit ${code}).`)));
  });
  return {
    port,
    close: async () => {
      clearInterval(timer);
      const exited = new Promise((resolveExit) => worker.once('exit', resolveExit));
      worker.postMessage('close');
      await exited;
    },
  };
}
