/** Structured JSON logs (pino). Secrets never go in: the password fields are redacted. */
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config.js';
import { truncate } from './truncate.js';

export type { Logger };

/**
 * Longest text field of a logged error (message, stack, or any other, such as body-parser's
 * `body`): an error's message may quote what a client sent, and that must not become a 100 KB
 * log line. Long enough for a stack with its causes.
 */
export const MAX_LOGGED_ERROR_FIELD_CHARS = 4000;

/** pino's error serializer, with every text field cut to MAX_LOGGED_ERROR_FIELD_CHARS. */
function serializeError(err: unknown): unknown {
  const serialized: unknown = pino.stdSerializers.err(err as Error);
  if (serialized === null || typeof serialized !== 'object') return serialized;
  return Object.fromEntries(
    Object.entries(serialized).map(([key, value]) => [
      key,
      typeof value === 'string' ? truncate(value, MAX_LOGGED_ERROR_FIELD_CHARS) : value,
    ]),
  );
}

/** A JSON logger at the configured level, writing to stdout (or `destination`, e.g. in tests). */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.logLevel,
    base: { service: 'ukraine-support-graph' },
    redact: {
      paths: ['password', '*.password', 'neo4j.password', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}
