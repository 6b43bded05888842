/**
 * Logs (pino): JSON lines for machines, or one readable line per entry (pino-pretty) for a person at
 * a terminal in development. Secrets never go in: the password fields are redacted.
 */
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { PinoPretty } from 'pino-pretty';
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

type LoggerConfig = Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFormat' | 'nodeEnv'>>;

/**
 * Whether log lines are for a person: `LOG_FORMAT=pretty`, or `auto` (the default) in development
 * with stdout a terminal. Piped or redirected output, tests and production stay JSON, one object a line.
 */
export function wantsPrettyLogs(config: LoggerConfig, stdoutIsTerminal: boolean = process.stdout.isTTY === true): boolean {
  const format = config.logFormat ?? 'json';
  return format === 'pretty' || (format === 'auto' && config.nodeEnv === 'development' && stdoutIsTerminal);
}

/**
 * A logger at the configured level, writing to stdout (or `destination`, e.g. in tests): JSON, or
 * readable lines (`12:03:04 INFO  connected to Neo4j  neo4j=bolt://…`) when `wantsPrettyLogs`.
 * The pretty stream is synchronous and in this thread (no transport worker), so a line is on the
 * terminal before whatever the process prints next.
 */
export function createLogger(config: LoggerConfig, destination?: DestinationStream): Logger {
  if (destination) return pino(loggerOptions(config), destination);
  return wantsPrettyLogs(config) ? pino(loggerOptions(config), prettyStream(process.stdout)) : pino(loggerOptions(config));
}

/** A logger writing readable lines to `destination`, whatever the configuration (tests: what a person sees). */
export function createPrettyLogger(config: Pick<Config, 'logLevel'>, destination: NodeJS.WritableStream): Logger {
  return pino(loggerOptions(config), prettyStream(destination));
}

function loggerOptions(config: Pick<Config, 'logLevel'>): LoggerOptions {
  return {
    level: config.logLevel,
    base: { service: 'ukraine-support-graph' },
    redact: {
      paths: ['password', '*.password', 'neo4j.password', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
    serializers: { err: serializeError },
  };
}

function prettyStream(destination: NodeJS.WritableStream): DestinationStream {
  return PinoPretty({
    colorize: 'isTTY' in destination && destination.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service',
    singleLine: true,
    sync: true,
    destination,
  });
}
