import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { createFormatError, MAX_ERROR_MESSAGE_CHARS } from '../../src/graphql/formatError.js';
import { createLogger } from '../../src/logger.js';

const formatError = createFormatError(createLogger({ logLevel: 'silent' }));

describe('what clients see of an error', () => {
  it('passes an AppError through with its code', () => {
    const error = new AppError('NOT_FOUND', 'No node with id "person:nobody".');
    expect(formatError({ message: error.message, path: ['node'] }, error)).toEqual({
      message: 'No node with id "person:nobody".',
      locations: undefined,
      path: ['node'],
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('masks an unexpected error, keeping no message, stack or detail of it', () => {
    const secret = new Error('connect ECONNREFUSED 10.0.0.7:7687 password=hunter2');
    const wrapped = new GraphQLError(secret.message, { originalError: secret, path: ['commitments'] });
    const formatted = formatError({ message: secret.message, path: ['commitments'], extensions: { stacktrace: ['at x'] } }, wrapped);
    expect(formatted).toEqual({
      message: 'Unexpected error.',
      locations: undefined,
      path: ['commitments'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it("keeps GraphQL's own request errors, which describe the client's mistake", () => {
    const formatted = formatError(
      { message: 'Cannot query field "nme" on type "Person".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at y'] } },
      new GraphQLError('Cannot query field "nme" on type "Person".'),
    );
    expect(formatted).toEqual({
      message: 'Cannot query field "nme" on type "Person".',
      locations: undefined,
      path: undefined,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('cuts every message to a short prefix: GraphQL quotes what was sent', () => {
    const huge = 'A'.repeat(99_000);
    const message = `Variable "$n" got invalid value "${huge}"; Int cannot represent non-integer value: "${huge}"`;
    const formatted = formatError({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message));
    expect(formatted.message).toHaveLength(MAX_ERROR_MESSAGE_CHARS);
    expect(formatted.message).toMatch(/^Variable "\$n" got invalid value "AAAA+… \(truncated\)$/);
    const own = new AppError('NOT_FOUND', `No node with id "${huge}".`);
    expect(formatError({ message: own.message }, own).message).toHaveLength(MAX_ERROR_MESSAGE_CHARS);
    const short = 'Cannot query field "nme" on type "Person".';
    expect(formatError({ message: short, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(short)).message).toBe(short);
  });

  it("logs an unexpected error's path with its names and aliases cut short", () => {
    const lines: string[] = [];
    const logger = createLogger(
      { logLevel: 'error' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    const alias = 'a'.repeat(90_000);
    const formatted = createFormatError(logger)({ message: 'boom', path: [alias, 0, 'name'] }, new GraphQLError('boom'));
    expect(formatted.message).toBe('Unexpected error.');
    const entry = JSON.parse(lines.join('')) as { path: (string | number)[] };
    expect(entry.path).toEqual([expect.stringMatching(/^a+… \(truncated\)$/), 0, 'name']);
    expect(lines.join('').length).toBeLessThan(2000);
  });
});
