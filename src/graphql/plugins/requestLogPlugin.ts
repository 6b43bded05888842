/**
 * One structured log line per GraphQL request: request id, operation name, duration, the named
 * Cypher queries it ran (with their database time), and the codes of any errors. Nothing of the
 * request's variables goes in, so no user data or secret is logged. The operation name is the
 * client's text (a name in the document may be as long as the body allows), so it is cut short.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../logger.js';
import { truncate } from '../../truncate.js';
import type { GraphContext } from '../context.js';

/**
 * Longest operation name logged whole: the longest `operationName` a request may send (see
 * src/server/requestShapeCheck.ts), so only a longer name written in the document itself is cut.
 */
const MAX_LOGGED_OPERATION_NAME_CHARS = 256;

/** `level`: `debug` in development, `info` elsewhere (Config.requestLogLevel). */
export function requestLogPlugin(logger: Logger, level: 'debug' | 'info' = 'info'): ApolloServerPlugin<GraphContext> {
  return {
    requestDidStart() {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse({ contextValue, operationName, errors }) {
          const queries = contextValue.queries;
          const codes = (errors ?? []).map((e) => (typeof e.extensions.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR'));
          logger[level](
            {
              requestId: contextValue.requestId,
              operationName: operationName ? truncate(operationName, MAX_LOGGED_OPERATION_NAME_CHARS) : null,
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
