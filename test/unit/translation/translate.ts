/**
 * GraphQL in, Cypher and parameters out, without a database (as the Neo4j GraphQL Library's
 * `tests/tck`): an operation runs against the project's SDL and enum mappings, and one root field's
 * resolver is replaced by the translation its real resolver does before it would call Neo4j.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql, type GraphQLFormattedError, type GraphQLResolveInfo } from 'graphql';
import type { NamedQuery } from '../../../src/db/cypher.js';
import type { Params } from '../../../src/db/Executor.js';
import { storedEnumResolvers } from '../../../src/graphql/enums.js';
import { loadTypeDefs } from '../../../src/graphql/schema.js';

export interface Translation {
  query: NamedQuery;
  params: Params;
}

export interface Translated {
  /** One entry per root field the operation asks for (an alias counts as a field). */
  translations: Translation[];
  /** Errors other than the null each translated field answers with. */
  errors: GraphQLFormattedError[];
}

/** Runs `operation`, translating each `field` of Query with `translate`. */
export async function translateOperation<Args>(
  field: string,
  translate: (args: Args, info: GraphQLResolveInfo) => Translation,
  operation: string,
  variableValues?: Record<string, unknown>,
): Promise<Translated> {
  const translations: Translation[] = [];
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [
      storedEnumResolvers(),
      {
        Query: {
          // Async, so that every root field is translated before the first null ends the operation.
          [field]: async (_parent: unknown, args: Args, _context: unknown, info: GraphQLResolveInfo) => {
            translations.push(translate(args, info));
            return Promise.resolve(null);
          },
        },
      },
    ],
  });
  const result = await graphql({ schema, source: operation, variableValues });
  const errors = (result.errors ?? [])
    .map((error) => error.toJSON())
    .filter((error) => !error.message.startsWith('Cannot return null for non-nullable field'));
  return { translations, errors };
}
