/**
 * The query GraphiQL opens with is the first thing a person runs in the IDE: it must be valid
 * against the schema, or an outdated field would greet them with an error. (That the page loads
 * nothing from another host: test/e2e/limitsAndSecurity.test.ts and test/e2e/browser.test.ts.)
 */
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.js';
import { GRAPHIQL_DEFAULT_QUERY } from '../../src/server/graphiqlPage.js';

describe('the GraphiQL page', () => {
  it('opens with a query the schema accepts', () => {
    expect(validate(buildSchema(), parse(GRAPHIQL_DEFAULT_QUERY)).map((e) => e.message)).toEqual([]);
  });
});
