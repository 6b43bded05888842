/**
 * `npm start` as a real process: SIGTERM (and SIGINT) drain HTTP, close the driver and exit 0.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'exits cleanly on %s',
    async (signal) => {
      const neo4j = inject('neo4j');
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
        env: {
          // The child is a whole process: it needs PATH and the rest of this environment, plus its settings.
          // eslint-disable-next-line no-restricted-properties
          ...process.env,
          NEO4J_URI: neo4j.uri,
          NEO4J_PASSWORD: neo4j.password,
          PORT: String(port),
          LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const deadline = Date.now() + 60_000;
      while (!output.includes('Ready in') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      expect(output).toContain('Ready in');
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);

      const started = performance.now();
      child.kill(signal);
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code, output).toBe(0);
      expect(performance.now() - started).toBeLessThan(5000);
    },
    90_000,
  );
});
