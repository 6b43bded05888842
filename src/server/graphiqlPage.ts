/**
 * The IDE at the GraphQL URL: GraphiQL, served whole from the project's own dependencies
 * (@graphql-yoga/render-graphiql inlines its scripts, styles, editor workers and icon into one
 * page), so it renders and runs queries with no internet: behind a firewall, on a train, in CI.
 * Apollo Sandbox, the landing page it replaces, loads from Apollo's CDN and reports telemetry;
 * this page loads nothing from anywhere but the API itself and reports nothing.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { RequestHandler } from 'express';

const gzipAsync = promisify(gzip);

/** The tab GraphiQL opens with, on a first visit: what the graph is about, in one request. */
export const GRAPHIQL_DEFAULT_QUERY = `# Who committed what to whom, in the article: press ▶ (Ctrl-Enter).
# Drop the filter for the Kiel tracker's figures too. Every field: the Docs icon, top left.
# An example of each capability: docs/api.md.
{
  commitments(first: 5, filter: { sourceIds: ["source:uk-france-coalition-ukraine-support"] }) {
    totalCount
    edges {
      node {
        name
        kind
        status
        donors { ... on Node { id name } }
        recipients { ... on Node { id name } }
      }
    }
  }
  search(query: "Zelenskyy", first: 3) {
    fuzzy
    node { __typename id name }
  }
}
`;

/**
 * Imported by a name in a variable, with the one function typed here: the package's own typings
 * import graphql-yoga's, which redeclare the global `fetch` types and break every other `fetch`
 * call's type-check (test/support/httpExchange.ts).
 */
const RENDER_GRAPHIQL: string = '@graphql-yoga/render-graphiql';
interface GraphiQLOptions {
  endpoint: string;
  title: string;
  defaultQuery: string;
}

interface Page {
  html: Buffer;
  gzipped: Buffer;
}

/**
 * GET handler for the GraphQL path: a browser asking for HTML (and no `query` in the URL) gets
 * GraphiQL; anything else goes on to the GraphQL middleware. The page (about 9 MB, 2 MB gzipped) is
 * built on the first visit, not at start, so production, where it is off, never loads it.
 */
export function graphiqlPage(endpoint: string): RequestHandler {
  let page: Promise<Page> | undefined;
  const build = async (): Promise<Page> => {
    const { renderGraphiQL } = (await import(RENDER_GRAPHIQL)) as { renderGraphiQL: (options: GraphiQLOptions) => string };
    const html = Buffer.from(renderGraphiQL({ endpoint, title: 'Ukraine support graph — GraphiQL', defaultQuery: GRAPHIQL_DEFAULT_QUERY }));
    return { html, gzipped: await gzipAsync(html) };
  };
  return (req, res, next) => {
    const wantsHtml = req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
    if (!wantsHtml || req.query.query !== undefined) {
      next();
      return;
    }
    page ??= build();
    page.then(
      ({ html, gzipped }) => {
        const compressed = req.acceptsEncodings('gzip', 'identity') === 'gzip';
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('vary', 'accept, accept-encoding');
        res.setHeader('cache-control', 'no-cache');
        if (compressed) res.setHeader('content-encoding', 'gzip');
        res.end(compressed ? gzipped : html);
      },
      (err: unknown) => {
        page = undefined;
        next(err);
      },
    );
  };
}
