/**
 * Liveness on a port of its own (HEALTH_PORT): a worker thread answers GET /health while the API's
 * event loop is busy, and says "stalled" once the loop has not turned for HEALTH_STALL_MS. The
 * main thread is kept busy here by the test itself: `execFileSync` blocks it while curl, another
 * process, asks; the same curl to the API's own /health cannot be answered meanwhile.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { testConfig, testRuntime } from '../support/testRuntime.js';

/** curl run synchronously: the calling thread (this test's, the server's) is blocked meanwhile. */
function curlBlocking(url: string, maxSeconds: number, busyFirstMs = 0): { status: string; body: string } {
  const script = busyFirstMs > 0 ? `sleep ${busyFirstMs / 1000}; ` : '';
  try {
    const out = execFileSync('sh', ['-c', `${script}curl -s -m ${maxSeconds} -w '\\n%{http_code}' '${url}'`], { encoding: 'utf8' });
    const lines = out.trimEnd().split('\n');
    return { status: lines.at(-1) ?? '', body: lines.slice(0, -1).join('\n') };
  } catch {
    return { status: 'timeout', body: '' };
  }
}

describe('liveness on its own thread (HEALTH_PORT)', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let server: RunningServer;
  beforeAll(async () => {
    rt = await testRuntime();
    const config = testConfig({ HEALTH_PORT: '0', HEALTH_STALL_MS: '1500' });
    server = await startServer(config, rt.executor, createLogger({ logLevel: 'silent' }));
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    await rt.close();
  });

  it('answers while the main thread is blocked, where the API port cannot', () => {
    const healthUrl = server.healthUrl ?? '';
    expect(healthUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/health$/);
    const own = curlBlocking(healthUrl, 2);
    expect(own).toEqual({ status: '200', body: '{"status":"ok"}' });
    const shared = curlBlocking(server.url.replace('/graphql', '/health'), 1);
    expect(shared.status).not.toBe('200');
  });

  it('says 503 stalled once the main thread has not turned for HEALTH_STALL_MS, and ok again after', async () => {
    const healthUrl = server.healthUrl ?? '';
    // 2 s of a blocked main thread, then the question.
    const stalled = curlBlocking(healthUrl, 2, 2000);
    expect(stalled.status).toBe('503');
    expect(JSON.parse(stalled.body)).toMatchObject({ status: 'stalled' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const res = await fetch(healthUrl);
    expect(res.status).toBe(200);
  });

  it('answers only GET /health', async () => {
    const res = await fetch((server.healthUrl ?? '').replace('/health', '/graphql'));
    expect(res.status).toBe(404);
  });
});
