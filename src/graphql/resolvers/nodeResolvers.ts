/**
 * Resolvers of the graph's object types. Relationship fields come from the RELATIONS table (one
 * batched loader each); the rest turn flattened stored properties back into the contract's
 * shapes (Money, TimeRef, Target, flags, mentions, participations).
 */
import type { Plain } from '../../db/toPlain.js';
import type { Money, Resolvers, Target, TimeRef } from '../../generated/graphql.js';
import { bool, num, str, strings, type MentionRecord, type NodeRecord, type ParticipationRecord } from '../../queries/records.js';
import { RELATIONS, SINGLE_RELATIONS, type RelationKey } from '../../queries/relations.js';
import { checkFirst } from '../../queries/inputChecks.js';
import { ENTITY_LABELS, FACT_LABELS } from '../../model/vocabulary.js';
import type { GraphContext } from '../context.js';
import { STORED_ENUMS } from '../../model/storedEnums.js';
import { storedEnumResolvers } from '../enums.js';

type FieldResolver = (parent: NodeRecord, args: { first?: number | null }, ctx: GraphContext) => unknown;

/** Page size of a relationship list when the request does not say (the SDL's `first: Int = 20`). */
export const RELATION_PAGE_SIZE = 20;

/** Fields whose neighbours come with the relationship's role: they become Participations. */
const PARTICIPATIONS: ReadonlySet<string> = new Set([
  'Person.participations',
  'Nation.participations',
  'Organization.participations',
  'Group.participations',
  'Event.participants',
]);

/** The page a list field returns: `first` as asked (null means the default), within MAX_PAGE_SIZE. */
const pageOf = (args: { first?: number | null }, ctx: GraphContext): number =>
  checkFirst(args.first, RELATION_PAGE_SIZE, ctx.limits.maxPageSize);

function relationResolver(key: RelationKey): FieldResolver {
  const [type] = key.split('.') as [string];
  if (SINGLE_RELATIONS.has(key)) {
    return async (parent, _args, ctx) => (await ctx.loaders.relation(key).load(parent.id, 1)).items[0] ?? null;
  }
  if (PARTICIPATIONS.has(key)) {
    return async (parent, args, ctx): Promise<ParticipationRecord[]> =>
      (await ctx.loaders.relation(key).load(parent.id, pageOf(args, ctx))).items.map((other) =>
        type === 'Event' ? participation(other, parent, other.__edge) : participation(parent, other, other.__edge),
      );
  }
  if (key.endsWith('.mentions')) return mentions(key);
  return async (parent, args, ctx) => (await ctx.loaders.relation(key).load(parent.id, pageOf(args, ctx))).items;
}

/** `<field>Count`: the size of the whole list (page size 0: only the total is fetched). */
function countResolver(key: RelationKey): FieldResolver {
  return async (parent, _args, ctx) => (await ctx.loaders.relation(key).load(parent.id, 0)).total;
}

function participation(actor: NodeRecord, event: NodeRecord, edge: Record<string, Plain>): ParticipationRecord {
  return { actor, event, role: typeof edge.role === 'string' ? edge.role : null, inferred: edge.inferred === true };
}

/** Mentions are the evidence relationships that carry a surface form. */
function mentions(key: RelationKey): FieldResolver {
  return async (parent, args, ctx): Promise<MentionRecord[]> =>
    (await ctx.loaders.relation(key).load(parent.id, pageOf(args, ctx))).items.map((e) => ({
      surfaceForm: typeof e.__edge.surfaceForm === 'string' ? e.__edge.surfaceForm : '',
      honorific: typeof e.__edge.honorific === 'string' ? e.__edge.honorific : null,
      evidence: e,
    }));
}

const sourceOf: FieldResolver = (parent, _args, ctx) => {
  const id = str(parent, 'sourceId');
  return id === null ? null : ctx.loaders.node.load(id);
};

export function timeOf(record: NodeRecord): TimeRef | null {
  const precision = str(record, 'timePrecision');
  if (precision === null) return null;
  return {
    stated: str(record, 'timeStated'),
    precision: precision as TimeRef['precision'],
    date: str(record, 'timeDate'),
    anchor: str(record, 'timeAnchor'),
    relativeDaysMin: num(record, 'timeRelativeDaysMin'),
    relativeDaysMax: num(record, 'timeRelativeDaysMax'),
    inferred: bool(record, 'timeInferred') ?? false,
    note: str(record, 'timeNote'),
  };
}

function moneyOf(record: NodeRecord): Money | null {
  if (str(record, 'amountStated') === null && num(record, 'amountValue') === null) return null;
  return {
    stated: str(record, 'amountStated'),
    value: num(record, 'amountValue'),
    currency: str(record, 'amountCurrency'),
    qualifier: str(record, 'amountQualifier'),
    lowerBound: num(record, 'amountLowerBound'),
    upperBound: num(record, 'amountUpperBound'),
    expected: bool(record, 'amountExpected') ?? false,
  };
}

function targetOf(record: NodeRecord): Target | null {
  const stated = str(record, 'targetStated');
  return stated === null ? null : { stated, value: num(record, 'targetValue'), unit: str(record, 'targetUnit') };
}

/** Fields every evidenced node has, plus entity fields that may be missing on a node. */
const EVIDENCED_FIELDS: Record<string, FieldResolver> = {
  flags: (parent) => strings(parent, 'flags'),
  notes: (parent) => strings(parent, 'notes'),
};
const ENTITY_FIELDS: Record<string, FieldResolver> = {
  aliases: (parent) => strings(parent, 'aliases'),
  mentionCount: (parent) => num(parent, 'mentionCount') ?? 0,
};

const EVIDENCED_TYPES: readonly string[] = [...ENTITY_LABELS, ...FACT_LABELS];
const ENTITY_TYPES: readonly string[] = ENTITY_LABELS;
/** Claims of one source (and document-specific groups): they name their source. */
const SOURCED_TYPES: readonly string[] = ['Group', ...FACT_LABELS];

/** Builds the resolver map: computed fields by hand, relationship fields from RELATIONS. */
function buildNodeResolvers(): Record<string, Record<string, FieldResolver>> {
  const byType: Record<string, Record<string, FieldResolver>> = {};
  const add = (type: string, field: string, resolver: FieldResolver): void => {
    byType[type] = { ...byType[type], [field]: resolver };
  };
  for (const type of EVIDENCED_TYPES) for (const [field, r] of Object.entries(EVIDENCED_FIELDS)) add(type, field, r);
  for (const type of ENTITY_TYPES) for (const [field, r] of Object.entries(ENTITY_FIELDS)) add(type, field, r);
  for (const type of SOURCED_TYPES) add(type, 'source', sourceOf);
  add('Person', 'honorifics', (parent) => strings(parent, 'honorifics'));
  for (const type of ['Person', 'Organization']) add(type, 'unnamed', (parent) => bool(parent, 'unnamed') ?? false);
  for (const key of Object.keys(RELATIONS)) {
    const [type, field] = key.split('.') as [string, string];
    add(type, field, relationResolver(key));
    if (!SINGLE_RELATIONS.has(key)) add(type, `${field}Count`, countResolver(key));
  }
  add('Commitment', 'amount', moneyOf);
  add('Commitment', 'target', targetOf);
  add('Commitment', 'time', timeOf);
  add('Commitment', 'isPart', (parent) => bool(parent, 'isPart') ?? false);
  add('Event', 'time', timeOf);
  add('Source', 'text', async (parent, _args, ctx) => (await ctx.loaders.sourceText.load(parent.id)) ?? '');
  add('Source', 'titleStated', (parent) => bool(parent, 'titleStated') ?? false);
  add('Source', 'title', (parent) => str(parent, 'title') ?? parent.name);
  add('Source', 'length', (parent) => num(parent, 'length') ?? 0);
  return byType;
}

const resolveType = (record: NodeRecord): string => record.__label;

/**
 * The resolver map is assembled from tables, so TypeScript cannot check it field by field against
 * the generated types; test/unit/resolverCoverage.test.ts checks instead that every field of the
 * schema that needs a resolver has one, and that every table entry names a real field.
 */
export const nodeResolvers = {
  ...buildNodeResolvers(),
  ...storedEnumResolvers(),
  Node: { __resolveType: resolveType },
  Evidenced: { __resolveType: resolveType },
  ActorFields: { __resolveType: resolveType },
  Actor: { __resolveType: resolveType },
  Body: { __resolveType: resolveType },
  TimelineSubject: { __resolveType: resolveType },
} as unknown as Resolvers;

export const ENUM_NAMES = Object.keys(STORED_ENUMS);
