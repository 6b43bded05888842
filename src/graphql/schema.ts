/**
 * The executable schema: the SDL in schema/*.graphql joined with the resolvers, which count what
 * they return against the request's answer budget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { withAnswerBudget } from './answerBudget.js';
import { resolvers } from './resolvers/index.js';

export const SCHEMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema');

/** The SDL files, in a stable order. */
export function loadTypeDefs(dir: string = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

/** The schema with every object and list field counting what it returns (see answerBudget.ts). */
export function buildSchema(): GraphQLSchema {
  return withAnswerBudget(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }));
}
