import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger, createPrettyLogger, MAX_LOGGED_ERROR_FIELD_CHARS, wantsPrettyLogs } from '../../src/logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(
    { logLevel: 'info' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    }),
  );
  return { logger, lines };
}

describe('the logger', () => {
  it("cuts a logged error's text fields, which may quote what a client sent", () => {
    const { logger, lines } = capture();
    const err = Object.assign(new Error(`Unexpected token in "${'x'.repeat(90_000)}"`), { body: 'y'.repeat(90_000), code: 'E_PARSE' });
    logger.error({ err }, 'unhandled HTTP error');
    const logged = lines[0]?.err as Record<string, string>;
    expect(logged.type).toBe('Error');
    expect(logged.code).toBe('E_PARSE');
    for (const field of ['message', 'stack', 'body']) {
      expect(logged[field]).toHaveLength(MAX_LOGGED_ERROR_FIELD_CHARS);
      expect(logged[field]).toMatch(/… \(truncated\)$/);
    }
  });

  it('keeps an ordinary error whole, and still redacts passwords', () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error('connection refused'), password: 'hunter2' }, 'failed');
    expect(lines[0]).toMatchObject({ err: { type: 'Error', message: 'connection refused' }, password: '[redacted]' });
    expect((lines[0]?.err as { stack: string }).stack).toMatch(/^Error: connection refused\n {4}at /);
  });
});

describe('a readable terminal', () => {
  it('writes readable lines only for a person: a terminal in development, or when asked', () => {
    const dev = loadConfig({ NODE_ENV: 'development' });
    expect(wantsPrettyLogs(dev, true)).toBe(true);
    expect(wantsPrettyLogs(dev, false)).toBe(false);
    expect(wantsPrettyLogs(loadConfig({ NODE_ENV: 'production' }), true)).toBe(false);
    expect(wantsPrettyLogs(loadConfig({ NODE_ENV: 'test' }), true)).toBe(false);
    expect(wantsPrettyLogs(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }), true)).toBe(false);
    expect(wantsPrettyLogs(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }), false)).toBe(true);
  });

  it('a pretty line has a clock time, the level and the message, not JSON or an epoch, and still redacts passwords', () => {
    let text = '';
    const logger = createPrettyLogger(
      { logLevel: 'info' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          text += chunk.toString('utf8');
          done();
        },
      }),
    );
    logger.info({ neo4j: 'bolt://127.0.0.1:7687', password: 'hunter2' }, 'connected to Neo4j');
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: connected to Neo4j /);
    expect(text).toContain('bolt://127.0.0.1:7687');
    expect(text).not.toContain('hunter2');
    expect(text).not.toMatch(/"time":\d+|"level":30/);
    expect(text.trimEnd().split('\n')).toHaveLength(1);
  });

  it('logs each GraphQL request at debug in development, at info elsewhere', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).requestLogLevel).toBe('debug');
    expect(loadConfig({ NODE_ENV: 'production' }).requestLogLevel).toBe('info');
    expect(loadConfig({ NODE_ENV: 'test' }).requestLogLevel).toBe('info');
  });
});
