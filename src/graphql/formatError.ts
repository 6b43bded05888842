/**
 * What clients see of an error. Errors thrown on purpose (AppError) and GraphQL's own request
 * errors (parse, validation, variable coercion) pass through; everything else becomes
 * "Unexpected error." with code INTERNAL_SERVER_ERROR. Stack traces never leave the server.
 * GraphQL's messages quote what was sent (`Variable "$x" got invalid value "AAAA…"`), so every
 * message is cut to a short prefix: a 99 KB argument must not come back as a 99 KB answer.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { truncate } from '../truncate.js';

/** Longest message a client gets; longer ones are cut and end in "… (truncated)". */
export const MAX_ERROR_MESSAGE_CHARS = 300;

/** Longest field name or alias of an error's path in the log (aliases are the client's text). */
const MAX_LOGGED_PATH_SEGMENT_CHARS = 64;

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
    const shown = clientView(formatted, error, logger);
    return { ...shown, message: truncate(shown.message, MAX_ERROR_MESSAGE_CHARS) };
  };
}

/** An error's path as the log shows it: names and aliases cut short, indexes as they are. */
function loggedPath(path: GraphQLFormattedError['path']): GraphQLFormattedError['path'] {
  return path?.map((segment) => (typeof segment === 'string' ? truncate(segment, MAX_LOGGED_PATH_SEGMENT_CHARS) : segment));
}

/** The error as the client may see it (message not yet cut), logging what the client must not see. */
function clientView(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    if (original.code === 'CLIENT_CLOSED_REQUEST') {
      // Nobody reads the answer of a client that left; the request log still counts it.
      logger.debug({ path: loggedPath(formatted.path) }, 'client closed the request');
    } else if (original.code === 'INTERNAL_SERVER_ERROR' || original.code === 'UNAVAILABLE') {
      // A refusal by the circuit breaker has no driver error behind it: during an outage there
      // are thousands, and the failure that opened the breaker was already logged.
      const level = original.originalError ? 'warn' : 'debug';
      logger[level]({ err: original.originalError ?? original, path: loggedPath(formatted.path), code: original.code }, 'request failed');
    }
    // `http` (status, Retry-After) has already gone into the response head; it is no part of the error.
    const { http: _http, ...extensions } = original.extensions;
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
    // Keep what names a limit (limit, max, actual); drop anything else, such as a stack trace.
    const { limit, max, actual } = formatted.extensions ?? {};
    const details = limit === undefined ? {} : { limit, max, actual };
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code, ...details } };
  }
  logger.error({ err: original, path: loggedPath(formatted.path) }, 'unexpected error');
  return {
    message: 'Unexpected error.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
