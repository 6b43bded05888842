/** Generated Neo4j passwords are plain hex: nothing neo4j-admin could read as an option (a leading '-'). */
import { describe, expect, it } from 'vitest';
import { newPassword } from '../../ops/localNeo4j/localNeo4j.js';

describe('newPassword', () => {
  it('is 36 hex characters, never starting with a dash, and differs each time', () => {
    const passwords = Array.from({ length: 200 }, () => newPassword());
    for (const password of passwords) expect(password).toMatch(/^[0-9a-f]{36}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
