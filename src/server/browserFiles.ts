/**
 * Neo4j Browser's style and guide, served by the API at `/browser/…` so that the local Neo4j (and
 * docker-compose's) can apply them the moment a user connects: its `browser.post_connect_cmd`
 * runs `:style` and `:play` against these URLs (ops/localNeo4j/localNeo4j.ts, docker-compose.yml).
 * Browser fetches them from its own page's origin (port 7474), so they carry CORS headers; they
 * are public, static and hold no data, so any origin may read them.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, RequestHandler } from 'express';
import { storedZip } from './storedZip.js';

/** The repository's `browser/` folder (`dist/browser/` in the compiled build). */
export const BROWSER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'browser');

/** The files served, with their content types. */
const FILES = {
  'style.grass': 'text/plain; charset=utf-8',
  'guide.html': 'text/html; charset=utf-8',
  'queries.cypher': 'text/plain; charset=utf-8',
} as const;

/** The folder the zip's favourites land in, in Browser's Favorites drawer. */
const FAVOURITES_FOLDER = 'Ukraine support graph';

/**
 * The queries of browser/queries.cypher: each a `// title` line, the query, and `;`. Comment lines
 * before a title (the file's header) are not part of any query.
 */
export function savedQueries(file: string): { title: string; text: string }[] {
  return file
    .split(/;\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => /^\/\/ .+\n(?!\/\/)/m.test(chunk) && !/^\s*$/.test(chunk.replace(/^\/\/.*$/gm, '')))
    .map((chunk) => {
      const lines = chunk.split('\n');
      const titleIndex = lines.findLastIndex((line, i) => line.startsWith('// ') && !lines[i + 1]?.startsWith('//'));
      return { title: (lines[titleIndex] ?? '').slice(3), text: lines.slice(titleIndex + 1).join('\n') };
    });
}

/**
 * browser/queries.cypher as a zip of one `.cypher` file per query, in one folder: dropped on Neo4j
 * Browser's window, each becomes a favourite of its own, named by its `// title` line.
 */
export function savedQueriesZip(file: string): Buffer {
  const queries = savedQueries(file);
  const width = String(queries.length).length;
  return storedZip(
    queries.map(({ title, text }, i) => ({
      name: `${FAVOURITES_FOLDER}/${String(i + 1).padStart(width, '0')}-${title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}.cypher`,
      text: `// ${title}\n${text};\n`,
    })),
  );
}

/** Where the guide and style say the API is, written for the default port; replaced by the real one when served. */
const DEFAULT_ORIGIN = 'http://localhost:4000';

/** GET /browser/<file> for the files above (mounted at /browser), read once at start. */
export function browserFiles(): RequestHandler {
  const contents = new Map(Object.keys(FILES).map((name) => [name, readFileSync(resolve(BROWSER_DIR, name), 'utf8')]));
  const zip = savedQueriesZip(contents.get('queries.cypher') ?? '');
  return (req, res, next) => {
    const name = req.path.replace(/^\//, '');
    if (name === 'queries.zip' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('content-type', 'application/zip');
      res.setHeader('content-disposition', 'attachment; filename="ukraine-support-graph-queries.zip"');
      res.send(zip);
      return;
    }
    const text = contents.get(name);
    if (text === undefined || !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      next();
      return;
    }
    res.setHeader('access-control-allow-origin', '*');
    // Browser's fetch sends headers of its own, so it asks first (a CORS preflight).
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET, HEAD');
      res.setHeader('access-control-allow-headers', req.header('access-control-request-headers') ?? '*');
      res.setHeader('access-control-max-age', '600');
      res.status(204).end();
      return;
    }
    res.setHeader('content-type', FILES[name as keyof typeof FILES]);
    res.setHeader('cache-control', 'no-cache');
    res.send(text.replaceAll(DEFAULT_ORIGIN, `http://localhost:${localPort(req)}`));
  };
}

function localPort(req: Request): number {
  return req.socket.localPort ?? 4000;
}
