/**
 * One structured log line per GraphQL request: request id, operation name, duration, the named
 * Cypher queries it ran (with their database time), and the codes of any errors. Nothing of the
 * request's variables goes in, so no user data or secret is logged.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../logger.js';
import type { GraphContext } from '../context.js';

export function requestLogPlugin(logger: Logger): ApolloServerPlugin<GraphContext> {
  return {
    requestDidStart() {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse({ contextValue, operationName, errors }) {
          const queries = contextValue.queries;
          const codes = (errors ?? []).map((e) => (typeof e.extensions.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR'));
          logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              queries: queries.map((q) => q.name),
              queryCount: queries.length,
              dbMs: Math.round(queries.reduce((sum, q) => sum + q.durationMs, 0) * 10) / 10,
              ...(codes.length > 0 ? { errorCodes: codes } : {}),
            },
            'graphql request',
          );
          return Promise.resolve();
        },
      });
    },
  };
}
