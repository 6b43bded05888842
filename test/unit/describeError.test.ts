import { Neo4jError } from 'neo4j-driver';
import { describeError, fromDatabaseError } from '../../src/errors.js';
import { describe, expect, it } from 'vitest';

describe('describeError', () => {
  it('tells an operator the database error behind a masked one, with its code', () => {
    const cause = new Neo4jError(
      'The allocation of an extra 69.0 MiB would use more than the limit 2.8 GiB.',
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      '50N42',
      'error: general processing exception',
    );
    const masked = fromDatabaseError(cause);
    expect(masked.message).toBe('Unexpected error.');
    expect(describeError(masked)).toBe(
      'Unexpected error. Neo.TransientError.General.MemoryPoolOutOfMemoryError: The allocation of an extra 69.0 MiB would use more than the limit 2.8 GiB.',
    );
  });

  it('keeps a plain error as it is', () => {
    expect(describeError(new Error('Relationship SAID: 1 of 3 endpoints were not found'))).toBe(
      'Relationship SAID: 1 of 3 endpoints were not found',
    );
  });
});
