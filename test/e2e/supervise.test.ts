/**
 * `npm start` supervises the API process: killed outright, it is restarted with backoff (and the
 * graph is not seeded again); a supervisor killed outright takes its API process with it; an API
 * process that cannot start is reported once, not restarted in a loop.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startApi, type LogLine, type StartedApi } from '../support/startedApi.js';

const started = (api: StartedApi): LogLine[] => api.logLines().filter((line) => line.msg === 'API process started');
const restarts = (api: StartedApi): LogLine[] => api.logLines().filter((line) => typeof line.restartInMs === 'number');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) })).status === 200;
  } catch {
    return false;
  }
}

/** Polls /health; the milliseconds until it answered 200, or undefined after `timeoutMs`. */
async function msUntilHealthy(port: number, timeoutMs: number): Promise<number | undefined> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (await healthy(port)) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

/** SIGKILL to the API process `pid`; resolves with the supervisor's log line about it. */
async function killApiProcess(api: StartedApi, pid: number): Promise<LogLine> {
  process.kill(pid, 'SIGKILL');
  const find = (): LogLine | undefined => restarts(api).find((line) => line.childPid === pid);
  expect(await api.waitFor(() => find() !== undefined, 10_000), api.output()).toBe(true);
  return find() as LogLine;
}

describe('supervision', () => {
  it('restarts the API process after a SIGKILL, with growing backoff, without seeding again; SIGTERM still exits cleanly', async () => {
    const api = await startApi(inject('neo4j'), { LOG_LEVEL: 'info', API_MAX_HEAP_MB: '256' });
    expect(await api.waitFor(() => api.output().includes('Ready in'), 90_000), api.output()).toBe(true);
    const [first] = started(api);
    const firstPid = first?.childPid as number;
    expect(firstPid).toBeTypeOf('number');
    expect(firstPid).not.toBe(api.process.pid);
    // The heap limit is deliberate: API_MAX_HEAP_MB reaches the API process's command line.
    expect(readFileSync(`/proc/${firstPid}/cmdline`, 'utf8').split('\0')).toContain('--max-old-space-size=256');
    expect(await healthy(api.port)).toBe(true);

    const firstCrash = await killApiProcess(api, firstPid);
    expect(firstCrash).toMatchObject({ signal: 'SIGKILL', code: null, crashesInARow: 1, restartInMs: 500, level: 50 });
    expect(firstCrash.msg).toMatch(/killed by SIGKILL/);
    const recovery = await msUntilHealthy(api.port, 10_000);
    expect(recovery, api.output()).toBeDefined();
    const secondPid = started(api)[1]?.childPid as number;
    expect(secondPid).toBeTypeOf('number');
    expect(secondPid).not.toBe(firstPid);
    expect(api.logLines().some((line) => line.msg === 'API process serving again' && line.childPid === secondPid)).toBe(true);

    // A second crash soon after: the delay doubles.
    const secondCrash = await killApiProcess(api, secondPid);
    expect(secondCrash).toMatchObject({ signal: 'SIGKILL', crashesInARow: 2, restartInMs: 1000 });
    expect(await msUntilHealthy(api.port, 10_000), api.output()).toBeDefined();
    const thirdPid = started(api)[2]?.childPid as number;
    expect(thirdPid).toBeTypeOf('number');

    // One-time work stays one-time: one seed, one "Ready" block, whatever the restarts.
    expect(api.logLines().filter((line) => line.msg === 'seed loaded')).toHaveLength(1);
    expect(api.output().split('Ready in')).toHaveLength(2);

    const t0 = performance.now();
    api.process.kill('SIGTERM');
    const { code } = await api.exited();
    expect(code, api.output()).toBe(0);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(alive(thirdPid)).toBe(false);
    // Nothing was restarted after the stop.
    expect(started(api)).toHaveLength(3);
  }, 120_000);

  it('takes the API process down with it when the supervisor itself is killed outright', async () => {
    const api = await startApi(inject('neo4j'), { LOG_LEVEL: 'info', SEED_ON_START: 'false' });
    expect(await api.waitFor(() => api.output().includes('Ready in'), 60_000), api.output()).toBe(true);
    const pid = started(api)[0]?.childPid as number;
    expect(alive(pid)).toBe(true);

    api.process.kill('SIGKILL');
    await api.exited();
    const deadline = Date.now() + 10_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(alive(pid), 'the orphaned API process still runs').toBe(false);
  }, 90_000);

  it('reports an API process that cannot start, once, instead of restarting it', async () => {
    // An address of TEST-NET-1 (RFC 5737): no interface has it, so listening fails (EADDRNOTAVAIL).
    const api = await startApi(inject('neo4j'), { LOG_LEVEL: 'info', SEED_ON_START: 'false', HOST: '192.0.2.1' });
    const { code } = await api.exited();
    expect(code).toBe(1);
    expect(api.output()).toMatch(/The API process exited with code 1 .* before it served/);
    expect(api.output()).toContain('EADDRNOTAVAIL');
    expect(started(api)).toHaveLength(1);
  }, 90_000);
});
