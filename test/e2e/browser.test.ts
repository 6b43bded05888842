/**
 * What a new user sees, in a real browser: headless Chromium (Debian's `chromium` package, driven
 * by puppeteer-core) opens Neo4j Browser, logs in, and must find the project's style applied and
 * its guide open without doing anything else; a query from the guide draws nodes in the style's
 * colours. Then GraphiQL at the API URL, with every request to another host refused (no internet),
 * must render and run its query. Screenshots go to SCREENSHOT_DIR (default .tmp/screenshots).
 *
 * Needs Chromium: CHROMIUM_PATH, or /usr/bin/chromium (`apt-get install -y chromium`; .ci/run
 * installs it). Without it the browser checks are skipped, saying so.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BASE_DIR, connectionOf, testInstance } from '../../ops/localNeo4j/localNeo4j.js';
import { createLogger } from '../../src/logger.js';
import { savedQueries } from '../../src/server/browserFiles.js';
import { startServer, type RunningServer } from '../../src/server/startServer.js';
import { prepareGraph } from '../../seed/prepareGraph.js';
import { testConfig, testRuntime } from '../support/testRuntime.js';

// eslint-disable-next-line no-restricted-properties -- a test's own setting, not the service's configuration
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => path !== undefined && path !== '' && existsSync(path),
);
const QUERIES = readFileSync(new URL('../../browser/queries.cypher', import.meta.url), 'utf8');
// eslint-disable-next-line no-restricted-properties -- a test's own setting, not the service's configuration
const SCREENSHOTS = resolve(process.env.SCREENSHOT_DIR ?? '.tmp/screenshots');
const INSTANCE = testInstance();
/** The test instance's Neo4j config, as written when it was launched: has it the settings that style Browser on connect? */
const CONF = join(BASE_DIR, INSTANCE.name, 'conf', 'neo4j.conf');
const STYLED_ON_CONNECT = existsSync(CONF) && readFileSync(CONF, 'utf8').includes('browser.post_connect_cmd=');

if (CHROMIUM === undefined)
  console.warn('test/e2e/browser.test.ts: skipped, no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH).');
else if (!STYLED_ON_CONNECT)
  console.warn(
    `test/e2e/browser.test.ts: Neo4j Browser checks skipped: the '${INSTANCE.name}' instance was launched without browser.post_connect_cmd; restart it (npx tsx ops/db.ts stop --instance ${INSTANCE.name}).`,
  );

/** Only the machine itself: any other host fails as it would with no internet. */
function offline(page: Page, refused: string[]): Promise<void> {
  page.on('request', (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
      void request.continue();
    } else {
      refused.push(request.url());
      void request.abort('internetdisconnected');
    }
  });
  return page.setRequestInterception(true);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** What the page shows, as text (a string to evaluate: the project's TypeScript has no DOM types). */
async function pageText(page: Page): Promise<string> {
  return String(await page.evaluate('document.body.innerText'));
}

/** Runs `steps`; on failure keeps a screenshot and the page's text, to see what the user would have seen. */
async function seen(page: Page, name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (err) {
    await shot(page, `failed-${name}`).catch(() => undefined);
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, `failed-${name}.txt`), await pageText(page).catch(() => ''));
    throw err;
  }
}

describe.skipIf(CHROMIUM === undefined)('a new user in a real browser', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let api: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    rt = await testRuntime();
    await prepareGraph(rt.executor, createLogger({ logLevel: 'silent' }));
    // The port the instance's Browser fetches its style and guide from (ops/localNeo4j/localNeo4j.ts).
    const config = testConfig({ NODE_ENV: 'development', PORT: String(INSTANCE.apiPort ?? 0), HOST: '127.0.0.1' });
    api = await startServer(config, rt.executor, createLogger({ logLevel: 'silent' }));
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--window-size=1440,900'],
      defaultViewport: { width: 1440, height: 900 },
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await rt?.close();
  });

  it('serves the style and guide to Neo4j Browser with CORS, pointing at the API’s own port', async () => {
    const style = await fetch(`http://localhost:${api.port}/browser/style.grass`, { headers: { origin: 'http://127.0.0.1:7474' } });
    expect(style.status).toBe(200);
    expect(style.headers.get('access-control-allow-origin')).toBe('*');
    expect(await style.text()).toContain('node.Commitment');
    const guide = await (await fetch(`http://localhost:${api.port}/browser/guide.html`)).text();
    expect(guide).toContain(`:play http://localhost:${api.port}/browser/guide.html`);
    expect((await fetch(`http://localhost:${api.port}/browser/../package.json`)).status).toBe(404);
  });

  it.skipIf(!STYLED_ON_CONNECT)(
    'Neo4j Browser: log in, and the style and guide are there; the guide’s first query draws the styled graph',
    async () => {
      const page = await browser.newPage();
      const refused: string[] = [];
      await offline(page, refused);
      const neo4j = inject('neo4j');
      await seen(page, 'neo4j-browser', async () => {
        // Step 1: the URL `npm start` prints.
        await page.goto(connectionOf(INSTANCE).browserUrl, { waitUntil: 'networkidle2' });
        await page.waitForSelector('input[data-testid="password"]', { timeout: 30_000 });
        await shot(page, '1-neo4j-browser-login');
        // The URL filled in the user name; step 2 is the password.
        expect(await page.evaluate(`document.querySelector('input[data-testid="username"]').value`)).toBe(neo4j.username);
        await page.type('input[data-testid="password"]', neo4j.password);
        await page.click('button[data-testid="connect"]');
        // The guide, opened by post_connect_cmd.
        await page.waitForFunction(`document.body.innerText.includes('The Ukraine support graph')`, { timeout: 30_000 });
        // Frames stop arriving, then the stream is shown from its top (the newest frame: the guide).
        await new Promise((done) => setTimeout(done, 1500));
        await page.evaluate(`document.querySelectorAll('*').forEach((e) => { if (e.scrollTop > 0) e.scrollTop = 0; })`);
        await shot(page, '2-neo4j-browser-guide');
        // Both post-connect commands worked: the style parsed, the guide has all its slides.
        const afterConnect = await pageText(page);
        expect(afterConnect).not.toMatch(/InvalidGrassError|No guide by that name|Failed to fetch/);
        expect(afterConnect).toMatch(/1\s*\/\s*8/);
        // Step 3: the ▶ beside the guide's first query.
        await page.waitForSelector('pre.runnable i.fa-play-circle-o', { timeout: 10_000 });
        await page.click('pre.runnable i.fa-play-circle-o');
        await page.waitForSelector('svg g.node', { timeout: 30_000 });
        await new Promise((r) => setTimeout(r, 3000));
        await shot(page, '3-neo4j-browser-graph');
        const fills = (await page.evaluate(
          `[...document.querySelectorAll('svg g.node circle.b-outline')].map((c) => (c.getAttribute('fill') || '').toLowerCase())`,
        )) as string[];
        // Commitments are red, nations green: the style, not Browser's default palette.
        expect(fills).toContain('#d62728');
        expect(fills).toContain('#2ca02c');
        const captions = (await page.evaluate(
          `[...document.querySelectorAll('svg g.node text')].map((t) => t.textContent || '')`,
        )) as string[];
        expect(captions.join(' ')).toMatch(/ERA loan|drones deal/);
        // The saved queries as separate favourites: the zip the API serves, dropped on the window.
        const zip = Buffer.from(await (await fetch(`http://localhost:${api.port}/browser/queries.zip`)).arrayBuffer()).toString('base64');
        await page.evaluate(`(() => {
          const bytes = Uint8Array.from(atob('${zip}'), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], 'queries.zip', { type: 'application/zip' }));
          document.querySelector('.filedrop').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        })()`);
        await page.waitForFunction(`Object.values(localStorage).some((v) => v.includes('Offices held, and for whom'))`, {
          timeout: 10_000,
        });
        const documents = JSON.parse(String(await page.evaluate(`localStorage.getItem('neo4j.documents')`))) as {
          content: string;
          folder?: string;
        }[];
        const ours = documents.filter((d) => savedQueries(QUERIES).some((q) => d.content.startsWith(`// ${q.title}\n`)));
        expect(ours).toHaveLength(savedQueries(QUERIES).length);
        expect(new Set(ours.map((d) => d.folder)).size).toBe(1);
        await page.click('[data-testid="navigationFavorites"]');
        // The drawer lists the folder; opened, it shows one favourite per query by their titles.
        await page.click('::-p-xpath(//*[text()="Ukraine support graph"])');
        await page.waitForFunction(`document.body.innerText.includes('Offices held, and for whom')`, { timeout: 10_000 });
        await new Promise((done) => setTimeout(done, 500));
        await shot(page, '6-neo4j-browser-favourites');
      });
    },
    90_000,
  );

  it('GraphiQL renders and runs a query with the network unplugged', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    await offline(page, refused);
    await seen(page, 'graphiql', async () => {
      await page.goto(api.url.replace('127.0.0.1', 'localhost'), { waitUntil: 'load' });
      await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
      await shot(page, '4-graphiql-loaded');
      await page.click('.graphiql-execute-button');
      // The answer, from the API: eleven commitments, no errors.
      await page.waitForFunction(`/"totalCount":\\s*11/.test(document.body.innerText)`, { timeout: 30_000 });
      expect(await pageText(page)).not.toContain('"errors"');
      await shot(page, '5-graphiql-result');
    });
    expect(refused).toEqual([]);
  }, 90_000);
});
