/**
 * `npm run bench` end to end, small and short: generate a dataset, load it through the loader into
 * the project's own `scratch` Neo4j, start this API, `@neo4j/graphql` and the bare-driver floor,
 * check the answers agree and load each operation on each server. What it proves is that the
 * harness works from a clean clone; the numbers of so short a run mean nothing and are not read.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../tools/bench/ops.js';

describe('npm run bench', () => {
  it('runs every operation on the three servers with equal answers and no failed request', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'tools/bench/run.ts',
        ...['--scales', '70', '--seconds', '1', '--warmup', '0', '--connections', '2', '--instance', 'scratch', '--no-write'],
      ],
      // eslint-disable-next-line no-restricted-properties -- a whole process: it needs PATH and HOME
      { env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, stderr.slice(-3000)).toBe(0);

    // Every operation measured on every server, none with a failed request.
    const rows = stdout.split('\n').filter((line) => /^\| \w+ \| (api|neo4j-graphql|driver) \|/.test(line));
    expect(rows).toHaveLength(OPERATION_NAMES.length * 3);
    for (const row of rows) expect(row).toMatch(/\| 0 \/ [\d,]+ \|$/);
    // The API and the library gave the same answers for every operation.
    const ratios = stdout.split('\n').filter((line) => OPERATION_NAMES.some((op) => line.startsWith(`| ${op} | `)) && line.includes('×'));
    expect(ratios.filter((line) => line.trimEnd().endsWith('| yes |'))).toHaveLength(OPERATION_NAMES.length);
    expect(stdout).toMatch(/Peak memory \(VmHWM over the whole scale\): api \d+ MB/);
  }, 600_000);
});
