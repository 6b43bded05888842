/**
 * Guards the GraphQL contract: any change to the schema shows up as a diff of this snapshot,
 * to be reviewed and accepted on purpose (`npx vitest run --project unit -u`).
 */
import { lexicographicSortSchema, printSchema } from 'graphql';
import { expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.js';

it('matches the reviewed contract', async () => {
  await expect(printSchema(lexicographicSortSchema(buildSchema()))).toMatchFileSnapshot('__snapshots__/schema.graphql');
});
