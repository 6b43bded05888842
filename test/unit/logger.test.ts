import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, MAX_LOGGED_ERROR_FIELD_CHARS } from '../../src/logger.js';

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
