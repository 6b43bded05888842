/**
 * The production build: `npm run build` compiles what ships (src/, seed/, ops/) to dist/, and the
 * compiled `npm start` (supervisor and API process, no tsx) seeds and serves. Nothing from tools/
 * or test/ is in the build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startApi, type StartedApi } from '../support/startedApi.js';

describe('the compiled build', () => {
  let api: StartedApi | undefined;
  afterAll(async () => {
    if (api && api.process.exitCode === null) {
      api.process.kill('SIGTERM');
      await api.exited();
    }
  });

  it('builds only what ships, and the compiled npm start serves', async () => {
    execFileSync('npm', ['run', 'build'], { stdio: 'pipe' });
    expect(readdirSync('dist').sort()).toEqual(['ops', 'schema', 'seed', 'src']);
    expect(existsSync('dist/ops/start.js')).toBe(true);
    expect(existsSync('dist/src/serve.js')).toBe(true);
    expect(existsSync('dist/seed/data')).toBe(true);

    api = await startApi(inject('neo4j'), { LOG_LEVEL: 'info' }, 'compiled');
    const started = api;
    expect(await started.waitFor(() => started.output().includes('Ready in'), 60_000)).toBe(true);
    // The API process runs compiled JavaScript, without the TypeScript loader.
    const child = started.logLines().find((line) => line.msg === 'API process started');
    expect(child).toBeDefined();
    const res = await fetch(`http://127.0.0.1:${started.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename sourceCount datasetCount }' }),
    });
    // The compiled build ships the seed's data and sources: the article and the tracker's six table files, read and loaded.
    expect(await res.json()).toEqual({ data: { __typename: 'Query', sourceCount: 7, datasetCount: 1 } });
    const cmdline = execFileSync('cat', [`/proc/${String(child?.childPid)}/cmdline`])
      .toString()
      .split('\0');
    expect(cmdline.some((arg) => arg.endsWith('dist/src/serve.js'))).toBe(true);
    expect(cmdline.some((arg) => arg.includes('tsx'))).toBe(false);
    started.process.kill('SIGTERM');
    expect((await started.exited()).code).toBe(0);
  }, 120_000);
});
