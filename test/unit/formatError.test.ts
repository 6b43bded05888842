import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { createFormatError } from '../../src/graphql/formatError.js';
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
});
