/**
 * The node resolvers are assembled from tables (src/queries/relations.ts), so the compiler cannot
 * check them against the schema field by field. This test does: every table entry names a real
 * field, and every field that a default resolver cannot answer from a stored record has a resolver.
 */
import { getNamedType, isLeafType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.js';
import { resolvers } from '../../src/graphql/resolvers/index.js';
import { RELATIONS } from '../../src/queries/relations.js';
import { NODE_LABELS } from '../../src/model/vocabulary.js';

const schema = buildSchema();
const merged: Record<string, Record<string, unknown>> = {};
for (const map of resolvers) {
  for (const [type, fields] of Object.entries(map as Record<string, Record<string, unknown>>))
    merged[type] = { ...merged[type], ...fields };
}

/** Object types whose values are stored records (the rest are built by resolvers in full). */
const RECORD_TYPES: readonly string[] = NODE_LABELS;

describe('resolver coverage', () => {
  it('maps every relation table entry to a field of the schema', () => {
    for (const key of Object.keys(RELATIONS)) {
      const [typeName, field] = key.split('.') as [string, string];
      const type = schema.getType(typeName) as GraphQLObjectType | undefined;
      expect(type && isObjectType(type) ? Object.keys(type.getFields()) : [], key).toContain(field);
    }
  });

  it('resolves every non-leaf field of a record type', () => {
    const missing: string[] = [];
    for (const typeName of RECORD_TYPES) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        if (!isLeafType(getNamedType(field.type)) && merged[typeName]?.[field.name] === undefined)
          missing.push(`${typeName}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('resolves every root query field', () => {
    const fields = Object.keys(schema.getQueryType()?.getFields() ?? {});
    expect(fields.filter((f) => merged.Query?.[f] === undefined)).toEqual([]);
  });
});
