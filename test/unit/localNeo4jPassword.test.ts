/** Generated Neo4j passwords never start with '-', which neo4j-admin would read as an option. */
import { describe, expect, it } from 'vitest';
import { newPassword } from '../../ops/localNeo4j/localNeo4j.js';

describe('newPassword', () => {
  it('is 24 base64url characters, never starting with a dash, and differs each time', () => {
    // 2,000 draws: with one in 64 starting with '-', a generator without the check fails here all but surely.
    const passwords = Array.from({ length: 2000 }, () => newPassword());
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{23}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
