/**
 * Translation of the lookups by id without a database: the operation in, the one Cypher query of
 * each lookup and its parameters out (see translate.ts). The query fetches only the properties the
 * selection reads and walks every relationship field below the node inside itself, each list
 * bounded by its `first` (a parameter), whatever fragments, aliases, directives and variables say.
 */
import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../src/graphql/schema.js';
import { fieldKind, planLookup } from '../../../src/graphql/translate/planSelection.js';
import { MAX_TRANSLATED_DEPTH, TRANSLATED_LOOKUPS } from '../../../src/graphql/translate/untranslated.js';
import type { LookupSelection } from '../../../src/queries/translate/selection.js';
import { NODE_LABELS } from '../../../src/model/vocabulary.js';
import { DEFAULT_LIMITS } from '../../../src/graphql/context.js';
import { checkId } from '../../../src/queries/inputChecks.js';
import { buildLookupQuery } from '../../../src/queries/translate/lookupQuery.js';
import { translateOperation, type Translation } from './translate.js';

const LIMITS = DEFAULT_LIMITS;
/** The query builder walks any depth; the resolvers translate only up to MAX_TRANSLATED_DEPTH (tested below). */
const DEEP = { ...DEFAULT_LIMITS, maxTranslatedDepth: 10 };

/** What the lookup resolvers do before they call Neo4j: the label from the id, the plan from the selection. */
function translateLookup({ id }: { id: string }, info: GraphQLResolveInfo): Translation {
  const selection = planLookup(info, checkId(id), DEEP);
  if (!selection) throw new Error('not translated');
  return buildLookupQuery(selection, id);
}

const translate = (field: string, operation: string, variables?: Record<string, unknown>) =>
  translateOperation(field, translateLookup, operation, variables);

/** The page-size parameters, in the order the query numbers them. */
const firsts = (...sizes: number[]) => Object.fromEntries(sizes.map((size, i) => [`first${i}`, neo4j.int(size)]));

/** The example (the SDL makes `recipients` a union of actors, so their fields come through `Node`). */
const NESTED = `query Nested($id: ID!) {
  nation(id: $id) {
    id name
    commitmentsMade(first: 100) {
      id name amount { value currency }
      recipients(first: 20) { ... on Node { id name } }
      evidence(first: 20) { id quote }
    }
  }
}`;

describe('lookups translate to one Cypher query', () => {
  it('nested three levels: only the properties read, each list a COLLECT subquery bounded by its first', async () => {
    const { translations, errors } = await translate('nation', NESTED, { id: 'nation:gb' });
    expect(errors).toEqual([]);
    expect(translations).toHaveLength(1);
    const { query, params } = translations[0]!;
    expect(query.name).toBe('lookup.Nation');
    // amount { value currency } reads amountValue and amountCurrency, and amountStated, which with
    // amountValue decides whether there is an amount at all (moneyOf).
    expect(query.text).toMatchInlineSnapshot(`
      "// lookup.Nation
      MATCH (n:Nation {id: $id})
      RETURN n {.id, .name, __label: 'Nation', __0: COLLECT {
        MATCH (n)-[r1:COMMITTED]->(n1) WHERE (n1:Commitment)
        WITH n1 ORDER BY n1.name, n1.id LIMIT $first0
        RETURN n1 {.id, .amountCurrency, .amountStated, .amountValue, .name, __label: 'Commitment', __0: COLLECT {
          MATCH (n1)-[r2:TO]->(n2)
          WITH n2 ORDER BY n2.name, n2.id LIMIT $first1
          RETURN n2 {.id, .name, __label: labels(n2)[0]}
        }, __1: COLLECT {
          MATCH (n1)-[r3:SUPPORTED_BY]->(n3)
          WITH n3 ORDER BY n3.start, n3.id LIMIT $first2
          RETURN n3 {.id, .quote, __label: 'Evidence'}
        }}
      }} AS node"
    `);
    expect(params).toEqual({ id: 'nation:gb', ...firsts(100, 20, 20) });
  });

  it(`leaves a selection deeper than MAX_TRANSLATED_DEPTH (${MAX_TRANSLATED_DEPTH}) to the loaders`, async () => {
    const operations = [
      '{ person(id: "person:keir-starmer") { statements(first: 2) { about(first: 2) { __typename } } } }',
      '{ person(id: "person:keir-starmer") { statements(first: 2) { about(first: 2) { ... on Commitment { evidence(first: 1) { quote } } } } } }',
    ];
    const planned: (LookupSelection | undefined)[] = [];
    for (const [i, operation] of operations.entries()) {
      const { errors } = await translateOperation(
        'person',
        ({ id }: { id: string }, info: GraphQLResolveInfo) => {
          planned[i] = planLookup(info, checkId(id), LIMITS);
          return buildLookupQuery(planLookup(info, checkId(id), DEEP)!, id);
        },
        operation,
      );
      expect(errors).toEqual([]);
    }
    expect(planned[0]).toBeDefined();
    expect(planned[1]).toBeUndefined();
  });

  it('four levels, counts, a single neighbour and a fact’s source', async () => {
    const { translations, errors } = await translate(
      'person',
      `{ person(id: "person:keir-starmer") {
          name statementsCount
          statements(first: 2) { text occasion { name } about(first: 3) { ... on Commitment { name evidenceCount evidence(first: 1) { quote source { title } } } } source { title } }
      } }`,
    );
    expect(errors).toEqual([]);
    const { query, params } = translations[0]!;
    expect(query.text).toMatchInlineSnapshot(`
      "// lookup.Person
      MATCH (n:Person {id: $id})
      RETURN n {.id, .name, __label: 'Person', __0: COUNT { MATCH (n)-[r1:SAID]->(n1) }, __1: COLLECT {
        MATCH (n)-[r2:SAID]->(n2)
        WITH n2 ORDER BY n2.name, n2.id LIMIT $first0
        RETURN n2 {.id, .text, __label: 'Statement', __0: COLLECT {
          MATCH (n2)-[r3:DURING]->(n3)
          WITH n3 ORDER BY n3.name, n3.id LIMIT $first1
          RETURN n3 {.id, .name, __label: 'Event'}
        }, __1: COLLECT {
          MATCH (n2)-[r4:ABOUT]->(n4)
          WITH n4 ORDER BY n4.name, n4.id LIMIT $first2
          RETURN CASE
            WHEN n4:Commitment THEN n4 {.id, .name, __label: labels(n4)[0], __0: COUNT { MATCH (n4)-[r5:SUPPORTED_BY]->(n5) }, __1: COLLECT {
              MATCH (n4)-[r6:SUPPORTED_BY]->(n6)
              WITH n6 ORDER BY n6.start, n6.id LIMIT $first3
              RETURN n6 {.id, .quote, __label: 'Evidence', __0: COLLECT {
                MATCH (n6)-[r7:FOUND_IN]->(n7)
                WITH n7 ORDER BY n7.name, n7.id LIMIT $first4
                RETURN n7 {.id, .name, .title, __label: 'Source'}
              }}
            }}
            ELSE n4 {.id, __label: labels(n4)[0]}
          END
        }, __2: COLLECT {
          MATCH (n8:Source {id: n2.sourceId})
          RETURN n8 {.id, .name, .title, __label: 'Source'}
        }}
      }} AS node"
    `);
    expect(params).toEqual({ id: 'person:keir-starmer', ...firsts(2, 1, 3, 1, 1) });
  });

  it('fragments and aliases: the same field under two aliases with different first is two subqueries', async () => {
    const { translations, errors } = await translate(
      'commitment',
      `query ($id: ID!) { commitment(id: $id) { ...Basics few: evidence(first: 1) { quote } many: evidence(first: 50) { ...Span } } }
       fragment Basics on Commitment { name ... on Evidenced { flags } }
       fragment Span on Evidence { start end }`,
      { id: 'commitment:uk-ukraine-era-loan-2-26bn' },
    );
    expect(errors).toEqual([]);
    const { query, params } = translations[0]!;
    expect(query.text).toMatchInlineSnapshot(`
      "// lookup.Commitment
      MATCH (n:Commitment {id: $id})
      RETURN n {.id, .flags, .name, __label: 'Commitment', __0: COLLECT {
        MATCH (n)-[r1:SUPPORTED_BY]->(n1)
        WITH n1 ORDER BY n1.start, n1.id LIMIT $first0
        RETURN n1 {.id, .quote, __label: 'Evidence'}
      }, __1: COLLECT {
        MATCH (n)-[r2:SUPPORTED_BY]->(n2)
        WITH n2 ORDER BY n2.start, n2.id LIMIT $first1
        RETURN n2 {.id, .end, .start, __label: 'Evidence'}
      }} AS node"
    `);
    expect(params).toEqual({ id: 'commitment:uk-ukraine-era-loan-2-26bn', ...firsts(1, 50) });
  });

  it('@include and @skip follow the variables: what is left out is not fetched', async () => {
    const operation = `query ($id: ID!, $withEvidence: Boolean!, $terse: Boolean!) {
      event(id: $id) { name description @skip(if: $terse) evidence @include(if: $withEvidence) { quote } ... @include(if: $withEvidence) { evidenceCount } }
    }`;
    const [full] = (await translate('event', operation, { id: 'event:x', withEvidence: true, terse: false })).translations;
    const [terse] = (await translate('event', operation, { id: 'event:x', withEvidence: false, terse: true })).translations;
    expect(full?.query.text).toMatchInlineSnapshot(`
      "// lookup.Event
      MATCH (n:Event {id: $id})
      RETURN n {.id, .description, .name, __label: 'Event', __0: COLLECT {
        MATCH (n)-[r1:SUPPORTED_BY]->(n1)
        WITH n1 ORDER BY n1.start, n1.id LIMIT $first0
        RETURN n1 {.id, .quote, __label: 'Evidence'}
      }, __1: COUNT { MATCH (n)-[r2:SUPPORTED_BY]->(n2) }} AS node"
    `);
    expect(full?.params).toEqual({ id: 'event:x', ...firsts(20) });
    expect(terse?.query.text).toMatchInlineSnapshot(`
      "// lookup.Event
      MATCH (n:Event {id: $id})
      RETURN n {.id, .name, __label: 'Event'} AS node"
    `);
    expect(terse?.params).toEqual({ id: 'event:x' });
  });

  it('unions and interfaces: one branch per group of labels the selection treats alike, __typename from the label', async () => {
    const { translations, errors } = await translate(
      'commitment',
      `{ commitment(id: "commitment:x") {
          __typename
          donors { __typename ... on Nation { iso2 } ... on Organization { kind } ... on ActorFields { commitmentsMadeCount } }
          recipients { ... on Node { id } }
      } }`,
    );
    expect(errors).toEqual([]);
    expect(translations[0]?.query.text).toMatchInlineSnapshot(`
      "// lookup.Commitment
      MATCH (n:Commitment {id: $id})
      RETURN n {.id, __label: 'Commitment', __0: COLLECT {
        MATCH (n)<-[r1:COMMITTED]-(n1)
        WITH n1 ORDER BY n1.name, n1.id LIMIT $first0
        RETURN CASE
          WHEN n1:Person OR n1:Group THEN n1 {.id, __label: labels(n1)[0], __0: COUNT { MATCH (n1)-[r2:COMMITTED]->(n2) WHERE (n2:Commitment) }}
          WHEN n1:Nation THEN n1 {.id, .iso2, __label: labels(n1)[0], __0: COUNT { MATCH (n1)-[r3:COMMITTED]->(n3) WHERE (n3:Commitment) }}
          WHEN n1:Organization THEN n1 {.id, .kind, __label: labels(n1)[0], __0: COUNT { MATCH (n1)-[r4:COMMITTED]->(n4) WHERE (n4:Commitment) }}
          ELSE n1 {.id, __label: labels(n1)[0]}
        END
      }, __1: COLLECT {
        MATCH (n)-[r5:TO]->(n5)
        WITH n5 ORDER BY n5.name, n5.id LIMIT $first1
        RETURN n5 {.id, __label: labels(n5)[0]}
      }} AS node"
    `);
  });

  it('node(id): the id names the label, and fragments on the interfaces that label implements apply', async () => {
    const { translations } = await translate(
      'node',
      `{ node(id: "nation:ua") { __typename id ... on Person { honorifics } ... on Evidenced { notes } ... on Nation { iso3 } } }`,
    );
    expect(translations[0]?.query.text).toMatchInlineSnapshot(`
      "// lookup.Nation
      MATCH (n:Nation {id: $id})
      RETURN n {.id, .iso3, .notes, __label: 'Nation'} AS node"
    `);
  });

  it('mentions and participations: the relationship’s properties asked for, the parent’s end once more', async () => {
    const { translations } = await translate(
      'person',
      `{ person(id: "person:keir-starmer") {
          mentions(first: 2) { surfaceForm evidence { quote } }
          participations { role event { name } actor { ... on Person { aliases } } }
      } }`,
    );
    expect(translations[0]?.query.text).toMatchInlineSnapshot(`
      "// lookup.Person
      MATCH (n:Person {id: $id})
      RETURN n {.id, __label: 'Person', __0: COLLECT {
        MATCH (n)-[r1:SUPPORTED_BY]->(n1) WHERE r1.surfaceForm IS NOT NULL
        WITH n1, r1 ORDER BY n1.start, n1.id LIMIT $first0
        RETURN n1 {.id, .quote, __label: 'Evidence', __edge: r1 {.surfaceForm}}
      }, __1: {items: COLLECT {
        MATCH (n)-[r2:PARTICIPATED_IN]->(n2)
        WITH n2, r2 ORDER BY n2.name, n2.id LIMIT $first1
        RETURN n2 {.id, .name, __label: 'Event', __edge: r2 {.role}}
      }, self: n {.id, .aliases, __label: 'Person'}}} AS node"
    `);
  });

  it('a source’s text only when asked, from the source itself', async () => {
    const { translations } = await translate('source', `{ source(id: "source:x") { title text evidenceCount } }`);
    expect(translations[0]?.query.text).toMatchInlineSnapshot(`
      "// lookup.Source
      MATCH (n:Source {id: $id})
      RETURN n {.id, .name, .title, __label: 'Source', __0: n.text, __1: COUNT { MATCH (n)<-[r1:FOUND_IN]-(n1) }} AS node"
    `);
  });

  it('never writes a user value into the text, and gives one text per shape whatever the values and aliases', async () => {
    const operation = (alias: string) => `query ($id: ID!, $n: Int) { nation(id: $id) { ${alias}: commitmentsMade(first: $n) { name } } }`;
    const a = await translate('nation', operation('x_match_n_detach_delete_n'), { id: 'nation:return-1', n: 7 });
    const b = await translate('nation', operation('other'), { id: 'nation:gb', n: 3 });
    const [first, second] = [a.translations[0], b.translations[0]];
    expect(first?.query.text).not.toContain('x_match_n_detach_delete_n');
    expect(first?.query.text).not.toContain('return-1');
    expect(first?.query.text).not.toMatch(/\b7\b/);
    expect(first?.params).toEqual({ id: 'nation:return-1', ...firsts(7) });
    expect(second?.query).toBe(first?.query);
  });

  it('leaves out a list whose first the resolver refuses, so the resolver gives its error', async () => {
    const { translations } = await translate('nation', '{ nation(id: "nation:gb") { name evidence(first: 500) { quote } } }');
    expect(translations[0]?.query.text).not.toContain('SUPPORTED_BY');
  });

  it('gives up on a selection too large to plan (the loaders answer it)', async () => {
    // Every level may be any of the evidenced types, so each plans every type again.
    const level = (inner: string) => `evidence(first: 1) { supports(first: 1) { ... on Evidenced { name ${inner} } } }`;
    const deep = level(level(level('')));
    const plans: unknown[] = [];
    await translateOperation(
      'nation',
      (args: { id: string }, info) => {
        plans.push(planLookup(info, checkId(args.id), LIMITS));
        return { query: { name: '', text: '' }, params: {} };
      },
      `{ nation(id: "nation:gb") { ${deep} } }`,
    );
    expect(plans).toEqual([undefined]);
  });
});

describe('the translator knows every field', () => {
  const schema = buildSchema();
  it('translates every field of every node type (nothing silently left to a loader)', () => {
    const unknown: string[] = [];
    for (const label of NODE_LABELS) {
      const type = schema.getType(label) as GraphQLObjectType;
      for (const name of Object.keys(type.getFields())) if (fieldKind(type, name) === undefined) unknown.push(`${label}.${name}`);
    }
    expect(unknown).toEqual([]);
  });

  it('translates every lookup by id, and each returns a node type', () => {
    const fields = schema.getQueryType()?.getFields() ?? {};
    for (const name of TRANSLATED_LOOKUPS) {
      const field = fields[name];
      expect(field?.args.map((arg) => arg.name)).toEqual(['id']);
      const type = field && getNamedType(field.type);
      expect(type && (isObjectType(type) ? NODE_LABELS.includes(type.name as never) : type.name === 'Node')).toBe(true);
    }
  });
});
