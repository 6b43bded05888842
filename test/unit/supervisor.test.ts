import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { RESTART_BACKOFF, RestartBackoff, TailBuffer, describeExit, restartDelayMs } from '../../src/supervisor/restarts.js';

describe('restart backoff', () => {
  it('doubles from 0.5 s up to 30 s', () => {
    expect(Array.from({ length: 9 }, (_, i) => restartDelayMs(i + 1))).toEqual([
      500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(restartDelayMs(10_000)).toBe(30_000);
  });

  it('keeps doubling while the process keeps dying soon after it served', () => {
    let now = 0;
    const backoff = new RestartBackoff(RESTART_BACKOFF, () => now);
    const delays: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      backoff.started();
      now += 2000;
      backoff.serving();
      now += 1000;
      delays.push(backoff.crashed().delayMs);
      now += delays.at(-1) ?? 0;
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('keeps doubling for a process that dies before it serves', () => {
    const backoff = new RestartBackoff(RESTART_BACKOFF, () => 0);
    backoff.started();
    expect(backoff.crashed()).toEqual({ crashesInARow: 1, servedMs: 0, delayMs: 500 });
    backoff.started();
    expect(backoff.crashed()).toEqual({ crashesInARow: 2, servedMs: 0, delayMs: 1000 });
  });

  it('starts afresh after the process served for a minute', () => {
    let now = 0;
    const backoff = new RestartBackoff(RESTART_BACKOFF, () => now);
    for (let i = 0; i < 4; i += 1) {
      backoff.started();
      backoff.serving();
      backoff.crashed();
    }
    backoff.started();
    backoff.serving();
    now += 59_999;
    expect(backoff.crashed().delayMs).toBe(8000);
    backoff.started();
    backoff.serving();
    now += 60_000;
    expect(backoff.crashed()).toEqual({ crashesInARow: 1, servedMs: 60_000, delayMs: 500 });
  });

  it('backs off a crash loop: five crashes within a minute spend 15.5 s waiting, never spin', () => {
    const backoff = new RestartBackoff(RESTART_BACKOFF, () => 0);
    const waited = Array.from({ length: 5 }, () => {
      backoff.started();
      return backoff.crashed().delayMs;
    }).reduce((a, b) => a + b, 0);
    expect(waited).toBe(15_500);
  });
});

describe('describeExit', () => {
  it('names the signal and what usually sends it', () => {
    expect(describeExit(null, 'SIGKILL')).toMatch(/killed by SIGKILL .*out-of-memory killer/);
    expect(describeExit(null, 'SIGABRT')).toMatch(/SIGABRT/);
    expect(describeExit(null, 'SIGHUP')).toBe('was ended by SIGHUP');
  });

  it('names the exit code', () => {
    expect(describeExit(1, null)).toMatch(/code 1 \(an uncaught error/);
    expect(describeExit(0, null)).toMatch(/code 0 although nobody asked it to stop/);
    expect(describeExit(7, null)).toBe('exited with code 7');
  });

  it('recognises V8 running out of heap from the last stderr lines', () => {
    const stderr = '<--- JS stacktrace --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory';
    expect(describeExit(null, 'SIGABRT', { stderrTail: stderr, maxHeapMb: 512 })).toBe(
      'ran out of JavaScript heap of 512 MiB (API_MAX_HEAP_MB) and was aborted (SIGABRT)',
    );
  });
});

describe('TailBuffer', () => {
  it('keeps the last lines only', () => {
    const tail = new TailBuffer(2);
    tail.push('one\ntwo\nth');
    tail.push('ree\nfour\n');
    expect(tail.toString()).toBe('three\nfour');
  });

  it('bounds an endless line', () => {
    const tail = new TailBuffer(2);
    tail.push('x'.repeat(20_000));
    expect(tail.toString().length).toBeLessThanOrEqual(8_000);
  });
});

describe('API_MAX_HEAP_MB', () => {
  it('defaults to 512 MiB and refuses nonsense', () => {
    expect(loadConfig({}).apiMaxHeapMb).toBe(512);
    expect(loadConfig({ API_MAX_HEAP_MB: '1024' }).apiMaxHeapMb).toBe(1024);
    expect(() => loadConfig({ API_MAX_HEAP_MB: '16' })).toThrow(/API_MAX_HEAP_MB/);
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8')) as {
    services: {
      api: { restart?: string; init?: boolean; healthcheck?: { test?: string[] }; environment?: Record<string, string> };
    };
  };

  it('restarts the API container when it exits, and health-checks /health', () => {
    const { api } = compose.services;
    expect(api.restart).toBe('unless-stopped');
    expect(api.init).toBe(true);
    expect(api.healthcheck?.test?.join(' ')).toContain('http://127.0.0.1:4001/health');
    expect(api.environment?.API_MAX_HEAP_MB).toBeDefined();
  });
});
