/**
 * Every exploration query documented for Neo4j Browser (browser/queries.cypher) runs on the
 * seeded graph and finds something, so the documentation cannot silently rot.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import { createLogger } from '../../src/logger.js';
import { prepareGraph } from '../../seed/prepareGraph.js';
import { savedQueries } from '../../src/server/browserFiles.js';
import { testRuntime } from '../support/testRuntime.js';

/** The file's queries, split as the API splits them into favourites (src/server/browserFiles.ts). */
function browserQueries(): { title: string; text: string }[] {
  return savedQueries(readFileSync(new URL('../../browser/queries.cypher', import.meta.url), 'utf8'));
}

/** The guide's runnable queries (browser/guide.html): the text of each `<pre class="runnable">`, entities decoded. */
function guideQueries(): { title: string; text: string }[] {
  const html = readFileSync(new URL('../../browser/guide.html', import.meta.url), 'utf8');
  const decode = (text: string): string =>
    text
      .replace(/&gt;/g, '>')
      .replace(/&lt;/g, '<')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/<pre class="runnable">([\s\S]*?)<\/pre>/g)].map((m, i) => ({
    title: `guide query ${i + 1}`,
    text: decode(m[1] ?? '').trim(),
  }));
}

describe('the Neo4j Browser exploration queries', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    rt = await testRuntime();
    await prepareGraph(rt.executor, createLogger({ logLevel: 'silent' }));
  }, 120_000);
  afterAll(async () => {
    await rt.close();
  });

  const queries = browserQueries();

  it('are all found in the file', () => {
    expect(queries.length).toBe(16);
  });

  it.each(queries)('$title', async ({ title, text }) => {
    const rows = await rt.executor.read(cypher(`browser.${title}`, text));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('the guide has a slide per tour stop, each with runnable queries', () => {
    expect(guideQueries().length).toBeGreaterThanOrEqual(9);
  });

  it.each(guideQueries())('$title (browser/guide.html) finds something', async ({ title, text }) => {
    const rows = await rt.executor.read(cypher(`browser.${title}`, text));
    expect(rows.length).toBeGreaterThan(0);
  });
});
