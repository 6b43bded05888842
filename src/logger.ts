/** Structured JSON logs (pino). Secrets never go in: the password fields are redacted. */
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'ukraine-support-graph' },
    redact: {
      paths: ['password', '*.password', 'neo4j.password', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
  });
}
