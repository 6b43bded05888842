/**
 * The HTTP server: Apollo Server 5 on Express 5 (via @as-integrations/express5) rather than the
 * standalone server, because we need routes beside GraphQL (/health, /ready), CORS from
 * configuration and a body-size limit, and Express does those with well-kept middleware.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { Config } from '../config.js';
import type { Executor } from '../db/Executor.js';
import { createContext } from '../graphql/context.js';
import { browserFiles } from './browserFiles.js';
import { graphLoadStatus } from '../queries/loadStatus.js';
import { graphiqlPage } from './graphiqlPage.js';
import { startHealthListener } from './healthListener.js';
import { createApolloServer } from '../graphql/createApolloServer.js';
import { MAX_LOGGED_ERROR_FIELD_CHARS, type Logger } from '../logger.js';
import { truncate } from '../truncate.js';
import { requestShapeCheck } from './requestShapeCheck.js';

export interface RunningServer {
  url: string;
  /** Where the worker thread answers GET /health (HEALTH_PORT), if configured. */
  healthUrl: string | undefined;
  port: number;
  /** Stops accepting requests, lets in-flight ones finish, then resolves. */
  stop: () => Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function startServer(config: Config, executor: Executor, logger: Logger): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  // Requests Node's parser rejects before Express sees them (e.g. a URL or headers over ~16 KB)
  // still get a JSON answer rather than a bare status line.
  httpServer.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      errors: [{ message: tooLarge ? 'Request headers or URL too large.' : 'Bad request.', extensions: { code: 'BAD_REQUEST' } }],
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  const apollo = createApolloServer(config, logger, [ApolloServerPluginDrainHttpServer({ httpServer })]);
  await apollo.start();

  app.use((req, res, next) => {
    const given = req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });

  /** Liveness: the process serves HTTP. Says nothing about Neo4j, so orchestrators don't restart us during a database outage. */
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  /**
   * Readiness: Neo4j answers now, and the graph is not partially updated by a batched load that
   * began and has not completed (it is running, or it failed midway: `graph` says which state).
   */
  app.get('/ready', async (_req, res) => {
    const reachable = await executor.ping(Math.min(config.neo4j.connectTimeoutMs, 2000));
    if (!reachable) {
      res.status(503).json({ ready: false, neo4j: 'unreachable' });
      return;
    }
    const graph = await graphLoadStatus(executor).catch((): 'unknown' => 'unknown');
    const ready = graph !== 'partially updated';
    res.status(ready ? 200 : 503).json({
      ready,
      neo4j: 'reachable',
      graph,
      ...(ready
        ? {}
        : { reason: 'a batched load has not completed: the graph is partially updated until it does (or the same load is run again)' }),
    });
  });

  // Neo4j Browser's style and guide, which the local Neo4j loads when a user connects.
  app.use('/browser', browserFiles());

  // The IDE, where the landing page is on (development, or ENABLE_LANDING_PAGE): GraphiQL from our own dependencies.
  if (config.landingPage) app.get('/graphql', graphiqlPage('/graphql'));

  app.use(
    '/graphql',
    cors({ origin: config.corsOrigins.includes('*') ? true : config.corsOrigins, methods: ['GET', 'POST', 'OPTIONS'] }),
    express.json({ limit: config.maxBodyBytes }),
    // Variables nested too deep or huge operation names: a 400 here, before Apollo's recursive code.
    requestShapeCheck(logger),
    expressMiddleware(apollo, {
      context: ({ res }) => {
        const requestId = String(res.locals.requestId);
        // The request's reads share one transaction, released once the answer has gone out: the
        // commit is off the request's critical path. A client that leaves before its answer is
        // complete aborts the request: resolution stops at the next field, and the transaction
        // is rolled back, which stops a query still running in Neo4j.
        const { executor: scoped, finish } = executor.forRequest();
        // One debug line per query, only when debug logging is on (otherwise no listener at all).
        const requestExecutor = logger.isLevelEnabled('debug')
          ? scoped.withListener((event) => {
              logger.debug(
                {
                  requestId,
                  query: event.name,
                  durationMs: event.durationMs,
                  rows: event.rows,
                  // A driver message may quote a parameter's value, which is the client's text.
                  error: event.error === undefined ? undefined : truncate(event.error, MAX_LOGGED_ERROR_FIELD_CHARS),
                },
                'cypher',
              );
            })
          : scoped;
        const abandon = new AbortController();
        const context = createContext(requestExecutor, requestId, config.limits, abandon.signal);
        // The answer budget goes back to the pool when the connection has sent the serialised
        // answer (or closed), so an answer still being written counts against it.
        context.budget.releaseWithConnection = true;
        const onClose = (): void => {
          const abandoned = !res.writableFinished;
          if (abandoned) abandon.abort();
          context.budget.closeConnection();
          void finish(abandoned);
        };
        // The client may already have gone while the body was read and the operation checked.
        if (res.closed) onClose();
        else res.once('close', onClose);
        return Promise.resolve(context);
      },
    }),
  );

  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found. The GraphQL endpoint is /graphql.' });
  });
  // Body-parser errors (too large, bad JSON) arrive here; answer plainly, without a stack.
  app.use(
    (
      err: { status?: number; type?: string; message?: string },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
      if (status === 500) logger.error({ err }, 'unhandled HTTP error');
      const message =
        err.type === 'entity.too.large'
          ? `Request body larger than the limit of ${config.maxBodyBytes} bytes.`
          : status === 500
            ? 'Unexpected error.'
            : 'Bad request.';
      res.status(status).json({
        errors: [
          {
            message,
            extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' },
          },
        ],
      });
    },
  );

  await new Promise<void>((resolvePromise, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolvePromise());
  });
  const { port } = httpServer.address() as AddressInfo;
  const health =
    config.health.port === undefined
      ? undefined
      : await startHealthListener({ host: config.host, ...config.health, port: config.health.port });
  return {
    url: `http://${config.host}:${port}/graphql`,
    healthUrl: health ? `http://${config.host}:${health.port}/health` : undefined,
    port,
    stop: async () => {
      await apollo.stop();
      await health?.close();
    },
  };
}
