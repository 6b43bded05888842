/**
 * The service image (Dockerfile) holds what the service runs and nothing else: a build stage
 * compiles, the runtime stage takes production dependencies and the compiled build only, runs as
 * the unprivileged `node` user, and starts compiled JavaScript. (No Docker engine runs on the
 * development machines; this reads the file. `test/e2e/compiledBuild.test.ts` runs the build.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dockerfile = readFileSync('Dockerfile', 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1);
const runtime = stages.at(-1) ?? '';

describe('the service image', () => {
  it('builds in one stage and runs from another', () => {
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/RUN npm run build/);
  });

  it('copies into the runtime stage only production dependencies and the compiled build', () => {
    const copies = runtime.split('\n').filter((line) => line.startsWith('COPY'));
    expect(copies).toEqual(['COPY package.json package-lock.json ./', 'COPY --from=build /app/dist ./dist']);
    expect(runtime).toMatch(/npm ci --omit=dev/);
  });

  it('never copies tools or tests, in any stage', () => {
    expect(dockerfile).not.toMatch(/^COPY (tools|test|docs)\b/m);
    expect(dockerfile).not.toMatch(/^COPY \. /m);
  });

  it('runs compiled JavaScript as the unprivileged node user', () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^CMD \["node", "dist\/ops\/start\.js"\]$/m);
    expect(runtime).not.toMatch(/tsx/);
  });
});
