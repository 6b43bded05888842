/**
 * `npm start` as a real process: SIGTERM (and SIGINT) drain HTTP, close the driver and exit 0.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startApi } from '../support/startedApi.js';

describe('shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'exits cleanly on %s',
    async (signal) => {
      const api = await startApi(inject('neo4j'));
      await api.waitFor(() => api.output().includes('Ready in'), 60_000);
      expect(api.output()).toContain('Ready in');
      expect((await fetch(`http://127.0.0.1:${api.port}/health`)).status).toBe(200);

      const started = performance.now();
      api.process.kill(signal);
      const { code } = await api.exited();
      expect(code, api.output()).toBe(0);
      expect(performance.now() - started).toBeLessThan(5000);
    },
    90_000,
  );
});
