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

/** The repository's `browser/` folder (`dist/browser/` in the compiled build). */
export const BROWSER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'browser');

/** The files served, with their content types. */
const FILES = {
  'style.grass': 'text/plain; charset=utf-8',
  'guide.html': 'text/html; charset=utf-8',
  'queries.cypher': 'text/plain; charset=utf-8',
} as const;

/** Where the guide and style say the API is, written for the default port; replaced by the real one when served. */
const DEFAULT_ORIGIN = 'http://localhost:4000';

/** GET /browser/<file> for the files above (mounted at /browser), read once at start. */
export function browserFiles(): RequestHandler {
  const contents = new Map(Object.keys(FILES).map((name) => [name, readFileSync(resolve(BROWSER_DIR, name), 'utf8')]));
  return (req, res, next) => {
    const name = req.path.replace(/^\//, '');
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
