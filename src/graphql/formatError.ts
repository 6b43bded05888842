/**
 * What clients see of an error. Errors thrown on purpose (AppError) and GraphQL's own request
 * errors (parse, validation, variable coercion) pass through; everything else becomes
 * "Unexpected error." with code INTERNAL_SERVER_ERROR. Stack traces never leave the server.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'LIMIT_EXCEEDED',
  'PERSISTED_QUERY_NOT_ALLOWED',
]);

export function createFormatError(logger: Logger): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      if (original.code === 'INTERNAL_SERVER_ERROR' || original.code === 'UNAVAILABLE') {
        // A refusal by the circuit breaker has no driver error behind it: during an outage there
        // are thousands, and the failure that opened the breaker was already logged.
        const level = original.originalError ? 'warn' : 'debug';
        logger[level]({ err: original.originalError ?? original, path: formatted.path, code: original.code }, 'request failed');
      }
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { ...original.extensions } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      // Keep what names a limit (limit, max, actual); drop anything else, such as a stack trace.
      const { limit, max, actual } = formatted.extensions ?? {};
      const details = limit === undefined ? {} : { limit, max, actual };
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code, ...details } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Unexpected error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
