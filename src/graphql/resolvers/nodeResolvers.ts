/**
 * Resolvers of the graph's object types. Relationship fields come from the RELATIONS table (one
 * batched loader each); the rest turn flattened stored properties back into the contract's
 * shapes (Money, TimeRef, Target, flags, mentions, participations).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Plain } from '../../db/toPlain.js';
import type {
  CommitmentResolvers,
  DatasetResolvers,
  FigureResolvers,
  HeavyWeaponsResolvers,
  WeaponSystemResolvers,
  EventResolvers,
  EvidenceResolvers,
  ExchangeRateResolvers,
  FlagKind,
  FundingResolvers,
  GroupResolvers,
  Money,
  NationResolvers,
  OfficeResolvers,
  OrganizationResolvers,
  PersonResolvers,
  PlaceResolvers,
  Resolvers,
  SourceResolvers,
  StanceResolvers,
  StatementResolvers,
  Target,
  TenureResolvers,
  TimeRef,
  TopicResolvers,
} from '../../generated/graphql.js';
import {
  bool,
  num,
  str,
  strings,
  type LinkedRecord,
  type MentionRecord,
  type NodeRecord,
  type ParticipationRecord,
} from '../../queries/records.js';
import type { RelationKey } from '../../queries/relations.js';
import { prefetched } from '../../queries/translate/prefetched.js';
import { checkFirst } from '../../queries/inputChecks.js';
import { ENTITY_LABELS, FACT_LABELS, NODE_LABELS, type NodeLabel } from '../../model/vocabulary.js';
import type { GraphContext } from '../context.js';

const ACTOR_LABELS = ['Person', 'Nation', 'Organization', 'Group'] as const;
import { STORED_ENUMS, storedValue } from '../../model/storedEnums.js';
import { storedEnumResolvers } from '../enums.js';

/** Page size of a relationship list when the request does not say (the SDL's `first: Int = 20`). */
export const RELATION_PAGE_SIZE = 20;

interface PageArgs {
  first?: number | null;
}

/** The page a list field returns: `first` as asked (null means the default), within MAX_PAGE_SIZE. */
const pageOf = (args: PageArgs, ctx: GraphContext): number => checkFirst(args.first, RELATION_PAGE_SIZE, ctx.limits.maxPageSize);

/**
 * The page of a relation field: what the query of a translated lookup fetched for this field of
 * this record (by its response key), else the batched loader's. `first` is checked either way.
 */
async function pageFor(
  parent: NodeRecord,
  key: RelationKey,
  first: number,
  ctx: GraphContext,
  info: GraphQLResolveInfo,
): Promise<{ items: LinkedRecord[]; self?: NodeRecord | undefined }> {
  const kept = prefetched(parent, info.path.key);
  return kept?.kind === 'page' ? kept : ctx.loaders.relation(key).load(parent.id, first);
}

/** A relationship list: at most `first` neighbours, in the relation's order. */
function list(key: RelationKey) {
  return async (parent: NodeRecord, args: PageArgs, ctx: GraphContext, info: GraphQLResolveInfo): Promise<NodeRecord[]> =>
    (await pageFor(parent, key, pageOf(args, ctx), ctx, info)).items;
}

/** `<field>Count`: the size of the whole list (page size 0: only the total is fetched). */
function count(key: RelationKey) {
  return async (parent: NodeRecord, _args: unknown, ctx: GraphContext, info: GraphQLResolveInfo): Promise<number> => {
    const kept = prefetched(parent, info.path.key);
    return kept?.kind === 'count' ? kept.total : (await ctx.loaders.relation(key).load(parent.id, 0)).total;
  };
}

/** A relationship field that holds at most one neighbour. */
function single(key: RelationKey) {
  return async (parent: NodeRecord, _args: unknown, ctx: GraphContext, info: GraphQLResolveInfo): Promise<NodeRecord | null> =>
    (await pageFor(parent, key, 1, ctx, info)).items[0] ?? null;
}

/** A relationship field that holds exactly one neighbour (the loader guarantees it: every evidence span has its source). */
function one(key: RelationKey) {
  return async (parent: NodeRecord, _args: unknown, ctx: GraphContext, info: GraphQLResolveInfo): Promise<NodeRecord> => {
    const found = (await pageFor(parent, key, 1, ctx, info)).items[0];
    if (!found) throw new Error(`${parent.id} has no ${key.split('.')[1] ?? key}`);
    return found;
  };
}

/**
 * Participations: neighbours with the relationship's role; `side` says which end the parent is.
 * A translated lookup fetched the parent's end once more with what that end selects (`self`).
 */
function participations(key: RelationKey, side: 'actor' | 'event') {
  return async (parent: NodeRecord, args: PageArgs, ctx: GraphContext, info: GraphQLResolveInfo): Promise<ParticipationRecord[]> => {
    const page = await pageFor(parent, key, pageOf(args, ctx), ctx, info);
    const self = page.self ?? parent;
    return page.items.map((other) =>
      side === 'event' ? participation(other, self, other.__edge) : participation(self, other, other.__edge),
    );
  };
}

function participation(actor: NodeRecord, event: NodeRecord, edge: Record<string, Plain>): ParticipationRecord {
  return { actor, event, role: typeof edge.role === 'string' ? edge.role : null, inferred: edge.inferred === true };
}

/** Mentions are the evidence relationships that carry a surface form. */
function mentions(key: RelationKey) {
  return async (parent: NodeRecord, args: PageArgs, ctx: GraphContext, info: GraphQLResolveInfo): Promise<MentionRecord[]> =>
    (await pageFor(parent, key, pageOf(args, ctx), ctx, info)).items.map((e) => ({
      surfaceForm: typeof e.__edge.surfaceForm === 'string' ? e.__edge.surfaceForm : '',
      honorific: typeof e.__edge.honorific === 'string' ? e.__edge.honorific : null,
      evidence: e,
    }));
}

const sourceOf = (
  parent: NodeRecord,
  _args: unknown,
  ctx: GraphContext,
  info: GraphQLResolveInfo,
): Promise<NodeRecord | null> | NodeRecord | null => {
  const kept = prefetched(parent, info.path.key);
  if (kept?.kind === 'node') return kept.node;
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
    year: num(record, 'timeYear'),
    month: num(record, 'timeMonth'),
    period: str(record, 'timePeriod'),
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
    statedUnit: str(record, 'amountStatedUnit'),
  };
}

function targetOf(record: NodeRecord): Target | null {
  const stated = str(record, 'targetStated');
  return stated === null ? null : { stated, value: num(record, 'targetValue'), unit: str(record, 'targetUnit') };
}

const FLAG_KINDS: ReadonlySet<string> = new Set(STORED_ENUMS.FlagKind.map(storedValue));
const isFlagKind = (value: string): value is FlagKind => FLAG_KINDS.has(value);

/** Fields every evidenced node has. */
const evidencedFields = {
  flags: (parent: NodeRecord): FlagKind[] => strings(parent, 'flags').filter(isFlagKind),
  notes: (parent: NodeRecord) => strings(parent, 'notes'),
};
/** Fields every entity has, with defaults for a node that lacks them. */
const entityFields = {
  aliases: (parent: NodeRecord) => strings(parent, 'aliases'),
  mentionCount: (parent: NodeRecord) => num(parent, 'mentionCount') ?? 0,
};

/**
 * The object type of a record of an abstract type: its label, which must be one of `types` (a
 * record of another label here means the query returned what the contract does not allow).
 */
function typeAmong<T extends NodeLabel>(types: readonly T[]): (record: NodeRecord) => T {
  const allowed: ReadonlySet<string> = new Set(types);
  return (record) => {
    if (!allowed.has(record.__label)) throw new Error(`A ${record.__label} (${record.id}) is none of ${types.join(', ')}`);
    return record.__label as T;
  };
}

/**
 * The node types' resolvers, each checked against its generated type (`satisfies`). Relationship
 * fields name their entry in the RELATIONS table, which holds their Cypher; every list has its
 * `…Count`. test/unit/resolverCoverage.test.ts checks that every field that needs a resolver has one.
 */
export const nodeResolvers: Resolvers = {
  Source: {
    title: (parent) => str(parent, 'title') ?? parent.name,
    titleStated: (parent) => bool(parent, 'titleStated') ?? false,
    length: (parent) => num(parent, 'length') ?? 0,
    text: async (parent, _args, ctx, info) => {
      const kept = prefetched(parent, info.path.key);
      if (kept?.kind === 'value') return typeof kept.value === 'string' ? kept.value : '';
      return (await ctx.loaders.sourceText.load(parent.id)) ?? '';
    },
    evidence: list('Source.evidence'),
    evidenceCount: count('Source.evidence'),
    dataset: single('Source.dataset'),
    header: (parent) => strings(parent, 'header'),
    rowCount: (parent) => num(parent, 'rowCount'),
  } satisfies SourceResolvers,
  Dataset: {
    title: (parent) => str(parent, 'title') ?? parent.name,
    publisher: (parent) => str(parent, 'publisher') ?? '',
    release: (parent) => str(parent, 'release') ?? '',
    publishedAt: (parent) => str(parent, 'publishedAt') ?? '',
    attribution: (parent) => str(parent, 'attribution') ?? '',
    files: list('Dataset.files'),
    filesCount: count('Dataset.files'),
  } satisfies DatasetResolvers,
  Figure: {
    ...evidencedFields,
    measure: (parent) => str(parent, 'measure') ?? '',
    amount: (parent) => moneyOf(parent),
    value: (parent) => num(parent, 'value'),
    referenceYear: (parent) => num(parent, 'referenceYear'),
    time: (parent) => timeOf(parent),
    source: sourceOf,
    subject: single('Figure.subject'),
    shareOf: single('Figure.shareOf'),
    recipients: list('Figure.recipients'),
    recipientsCount: count('Figure.recipients'),
    evidence: list('Figure.evidence'),
    evidenceCount: count('Figure.evidence'),
    statementsAbout: list('Figure.statementsAbout'),
    statementsAboutCount: count('Figure.statementsAbout'),
    stancesTowards: list('Figure.stancesTowards'),
    stancesTowardsCount: count('Figure.stancesTowards'),
  } satisfies FigureResolvers,
  HeavyWeapons: {
    ...evidencedFields,
    category: (parent) => str(parent, 'category') ?? '',
    count: (parent) => num(parent, 'count') ?? 0,
    amount: (parent) => moneyOf(parent),
    source: sourceOf,
    donors: list('HeavyWeapons.donors'),
    donorsCount: count('HeavyWeapons.donors'),
    recipients: list('HeavyWeapons.recipients'),
    recipientsCount: count('HeavyWeapons.recipients'),
    systems: async (parent, args, ctx, info) =>
      (await pageFor(parent, 'HeavyWeapons.systems', pageOf(args, ctx), ctx, info)).items.map((system) => ({
        system,
        count: typeof system.__edge.count === 'number' ? system.__edge.count : 0,
        stated: typeof system.__edge.stated === 'string' ? system.__edge.stated : null,
      })),
    systemsCount: count('HeavyWeapons.systems'),
    evidence: list('HeavyWeapons.evidence'),
    evidenceCount: count('HeavyWeapons.evidence'),
    statementsAbout: list('HeavyWeapons.statementsAbout'),
    statementsAboutCount: count('HeavyWeapons.statementsAbout'),
    stancesTowards: list('HeavyWeapons.stancesTowards'),
    stancesTowardsCount: count('HeavyWeapons.stancesTowards'),
  } satisfies HeavyWeaponsResolvers,
  WeaponSystem: {
    ...evidencedFields,
    aliases: (parent) => strings(parent, 'aliases'),
    suppliedIn: list('WeaponSystem.suppliedIn'),
    suppliedInCount: count('WeaponSystem.suppliedIn'),
    evidence: list('WeaponSystem.evidence'),
    evidenceCount: count('WeaponSystem.evidence'),
  } satisfies WeaponSystemResolvers,
  Evidence: {
    row: (parent) => num(parent, 'row'),
    source: one('Evidence.source'),
    supports: list('Evidence.supports'),
    supportsCount: count('Evidence.supports'),
  } satisfies EvidenceResolvers,
  Person: {
    ...evidencedFields,
    ...entityFields,
    honorifics: (parent) => strings(parent, 'honorifics'),
    unnamed: (parent) => bool(parent, 'unnamed') ?? false,
    mentions: mentions('Person.mentions'),
    mentionsCount: count('Person.mentions'),
    evidence: list('Person.evidence'),
    evidenceCount: count('Person.evidence'),
    tenures: list('Person.tenures'),
    tenuresCount: count('Person.tenures'),
    commitmentsMade: list('Person.commitmentsMade'),
    commitmentsMadeCount: count('Person.commitmentsMade'),
    commitmentsReceived: list('Person.commitmentsReceived'),
    commitmentsReceivedCount: count('Person.commitmentsReceived'),
    partyTo: list('Person.partyTo'),
    partyToCount: count('Person.partyTo'),
    approved: list('Person.approved'),
    approvedCount: count('Person.approved'),
    signed: list('Person.signed'),
    signedCount: count('Person.signed'),
    wasToSign: list('Person.wasToSign'),
    wasToSignCount: count('Person.wasToSign'),
    participations: participations('Person.participations', 'actor'),
    participationsCount: count('Person.participations'),
    statements: list('Person.statements'),
    statementsCount: count('Person.statements'),
    stances: list('Person.stances'),
    stancesCount: count('Person.stances'),
    heavyWeapons: list('Person.heavyWeapons'),
    heavyWeaponsCount: count('Person.heavyWeapons'),
    figuresAbout: list('Person.figuresAbout'),
    figuresAboutCount: count('Person.figuresAbout'),
    voicedStances: list('Person.voicedStances'),
    voicedStancesCount: count('Person.voicedStances'),
    statementsAbout: list('Person.statementsAbout'),
    statementsAboutCount: count('Person.statementsAbout'),
    stancesTowards: list('Person.stancesTowards'),
    stancesTowardsCount: count('Person.stancesTowards'),
  } satisfies PersonResolvers,
  Nation: {
    ...evidencedFields,
    ...entityFields,
    mentions: mentions('Nation.mentions'),
    mentionsCount: count('Nation.mentions'),
    evidence: list('Nation.evidence'),
    evidenceCount: count('Nation.evidence'),
    commitmentsMade: list('Nation.commitmentsMade'),
    commitmentsMadeCount: count('Nation.commitmentsMade'),
    commitmentsReceived: list('Nation.commitmentsReceived'),
    commitmentsReceivedCount: count('Nation.commitmentsReceived'),
    partyTo: list('Nation.partyTo'),
    partyToCount: count('Nation.partyTo'),
    offices: list('Nation.offices'),
    officesCount: count('Nation.offices'),
    memberOf: list('Nation.memberOf'),
    memberOfCount: count('Nation.memberOf'),
    places: list('Nation.places'),
    placesCount: count('Nation.places'),
    participations: participations('Nation.participations', 'actor'),
    participationsCount: count('Nation.participations'),
    statements: list('Nation.statements'),
    statementsCount: count('Nation.statements'),
    stances: list('Nation.stances'),
    stancesCount: count('Nation.stances'),
    heavyWeapons: list('Nation.heavyWeapons'),
    heavyWeaponsCount: count('Nation.heavyWeapons'),
    figuresAbout: list('Nation.figuresAbout'),
    figuresAboutCount: count('Nation.figuresAbout'),
    statementsAbout: list('Nation.statementsAbout'),
    statementsAboutCount: count('Nation.statementsAbout'),
    stancesTowards: list('Nation.stancesTowards'),
    stancesTowardsCount: count('Nation.stancesTowards'),
  } satisfies NationResolvers,
  Organization: {
    ...evidencedFields,
    ...entityFields,
    unnamed: (parent) => bool(parent, 'unnamed') ?? false,
    mentions: mentions('Organization.mentions'),
    mentionsCount: count('Organization.mentions'),
    evidence: list('Organization.evidence'),
    evidenceCount: count('Organization.evidence'),
    commitmentsMade: list('Organization.commitmentsMade'),
    commitmentsMadeCount: count('Organization.commitmentsMade'),
    commitmentsReceived: list('Organization.commitmentsReceived'),
    commitmentsReceivedCount: count('Organization.commitmentsReceived'),
    partyTo: list('Organization.partyTo'),
    partyToCount: count('Organization.partyTo'),
    contractedFor: list('Organization.contractedFor'),
    contractedForCount: count('Organization.contractedFor'),
    offices: list('Organization.offices'),
    officesCount: count('Organization.offices'),
    members: list('Organization.members'),
    membersCount: count('Organization.members'),
    participations: participations('Organization.participations', 'actor'),
    participationsCount: count('Organization.participations'),
    statements: list('Organization.statements'),
    statementsCount: count('Organization.statements'),
    stances: list('Organization.stances'),
    stancesCount: count('Organization.stances'),
    heavyWeapons: list('Organization.heavyWeapons'),
    heavyWeaponsCount: count('Organization.heavyWeapons'),
    figuresAbout: list('Organization.figuresAbout'),
    figuresAboutCount: count('Organization.figuresAbout'),
    statementsAbout: list('Organization.statementsAbout'),
    statementsAboutCount: count('Organization.statementsAbout'),
    stancesTowards: list('Organization.stancesTowards'),
    stancesTowardsCount: count('Organization.stancesTowards'),
  } satisfies OrganizationResolvers,
  Group: {
    ...evidencedFields,
    ...entityFields,
    source: sourceOf,
    mentions: mentions('Group.mentions'),
    mentionsCount: count('Group.mentions'),
    evidence: list('Group.evidence'),
    evidenceCount: count('Group.evidence'),
    memberOf: list('Group.memberOf'),
    memberOfCount: count('Group.memberOf'),
    commitmentsMade: list('Group.commitmentsMade'),
    commitmentsMadeCount: count('Group.commitmentsMade'),
    commitmentsReceived: list('Group.commitmentsReceived'),
    commitmentsReceivedCount: count('Group.commitmentsReceived'),
    partyTo: list('Group.partyTo'),
    partyToCount: count('Group.partyTo'),
    participations: participations('Group.participations', 'actor'),
    participationsCount: count('Group.participations'),
    statements: list('Group.statements'),
    statementsCount: count('Group.statements'),
    stances: list('Group.stances'),
    stancesCount: count('Group.stances'),
    heavyWeapons: list('Group.heavyWeapons'),
    heavyWeaponsCount: count('Group.heavyWeapons'),
    figuresAbout: list('Group.figuresAbout'),
    figuresAboutCount: count('Group.figuresAbout'),
    statementsAbout: list('Group.statementsAbout'),
    statementsAboutCount: count('Group.statementsAbout'),
    stancesTowards: list('Group.stancesTowards'),
    stancesTowardsCount: count('Group.stancesTowards'),
  } satisfies GroupResolvers,
  Place: {
    ...evidencedFields,
    ...entityFields,
    mentions: mentions('Place.mentions'),
    mentionsCount: count('Place.mentions'),
    evidence: list('Place.evidence'),
    evidenceCount: count('Place.evidence'),
    nation: single('Place.nation'),
    events: list('Place.events'),
    eventsCount: count('Place.events'),
    statementsAbout: list('Place.statementsAbout'),
    statementsAboutCount: count('Place.statementsAbout'),
    stancesTowards: list('Place.stancesTowards'),
    stancesTowardsCount: count('Place.stancesTowards'),
  } satisfies PlaceResolvers,
  Office: {
    ...evidencedFields,
    ...entityFields,
    mentions: mentions('Office.mentions'),
    mentionsCount: count('Office.mentions'),
    evidence: list('Office.evidence'),
    evidenceCount: count('Office.evidence'),
    of: single('Office.of'),
    tenures: list('Office.tenures'),
    tenuresCount: count('Office.tenures'),
    statementsAbout: list('Office.statementsAbout'),
    statementsAboutCount: count('Office.statementsAbout'),
    stancesTowards: list('Office.stancesTowards'),
    stancesTowardsCount: count('Office.stancesTowards'),
  } satisfies OfficeResolvers,
  Tenure: {
    ...evidencedFields,
    source: sourceOf,
    person: one('Tenure.person'),
    office: one('Tenure.office'),
    evidence: list('Tenure.evidence'),
    evidenceCount: count('Tenure.evidence'),
    conflictsWith: list('Tenure.conflictsWith'),
    conflictsWithCount: count('Tenure.conflictsWith'),
    statementsAbout: list('Tenure.statementsAbout'),
    statementsAboutCount: count('Tenure.statementsAbout'),
    stancesTowards: list('Tenure.stancesTowards'),
    stancesTowardsCount: count('Tenure.stancesTowards'),
  } satisfies TenureResolvers,
  Commitment: {
    ...evidencedFields,
    source: sourceOf,
    amount: moneyOf,
    target: targetOf,
    time: timeOf,
    isPart: (parent) => bool(parent, 'isPart') ?? false,
    evidence: list('Commitment.evidence'),
    evidenceCount: count('Commitment.evidence'),
    donors: list('Commitment.donors'),
    donorsCount: count('Commitment.donors'),
    recipients: list('Commitment.recipients'),
    recipientsCount: count('Commitment.recipients'),
    parties: list('Commitment.parties'),
    partiesCount: count('Commitment.parties'),
    parts: list('Commitment.parts'),
    partsCount: count('Commitment.parts'),
    partOf: single('Commitment.partOf'),
    funding: list('Commitment.funding'),
    fundingCount: count('Commitment.funding'),
    approvedBy: list('Commitment.approvedBy'),
    approvedByCount: count('Commitment.approvedBy'),
    signedBy: list('Commitment.signedBy'),
    signedByCount: count('Commitment.signedBy'),
    wasToBeSignedBy: list('Commitment.wasToBeSignedBy'),
    wasToBeSignedByCount: count('Commitment.wasToBeSignedBy'),
    contractors: list('Commitment.contractors'),
    contractorsCount: count('Commitment.contractors'),
    exchangeRates: list('Commitment.exchangeRates'),
    exchangeRatesCount: count('Commitment.exchangeRates'),
    events: list('Commitment.events'),
    eventsCount: count('Commitment.events'),
    statementsAbout: list('Commitment.statementsAbout'),
    statementsAboutCount: count('Commitment.statementsAbout'),
    stancesTowards: list('Commitment.stancesTowards'),
    stancesTowardsCount: count('Commitment.stancesTowards'),
  } satisfies CommitmentResolvers,
  Funding: {
    ...evidencedFields,
    source: sourceOf,
    evidence: list('Funding.evidence'),
    evidenceCount: count('Funding.evidence'),
    commitments: list('Funding.commitments'),
    commitmentsCount: count('Funding.commitments'),
    statementsAbout: list('Funding.statementsAbout'),
    statementsAboutCount: count('Funding.statementsAbout'),
    stancesTowards: list('Funding.stancesTowards'),
    stancesTowardsCount: count('Funding.stancesTowards'),
  } satisfies FundingResolvers,
  ExchangeRate: {
    ...evidencedFields,
    source: sourceOf,
    evidence: list('ExchangeRate.evidence'),
    evidenceCount: count('ExchangeRate.evidence'),
    converts: list('ExchangeRate.converts'),
    convertsCount: count('ExchangeRate.converts'),
    statementsAbout: list('ExchangeRate.statementsAbout'),
    statementsAboutCount: count('ExchangeRate.statementsAbout'),
    stancesTowards: list('ExchangeRate.stancesTowards'),
    stancesTowardsCount: count('ExchangeRate.stancesTowards'),
  } satisfies ExchangeRateResolvers,
  Event: {
    ...evidencedFields,
    source: sourceOf,
    time: timeOf,
    evidence: list('Event.evidence'),
    evidenceCount: count('Event.evidence'),
    participants: participations('Event.participants', 'event'),
    participantsCount: count('Event.participants'),
    places: list('Event.places'),
    placesCount: count('Event.places'),
    commitments: list('Event.commitments'),
    commitmentsCount: count('Event.commitments'),
    statements: list('Event.statements'),
    statementsCount: count('Event.statements'),
    after: list('Event.after'),
    afterCount: count('Event.after'),
    before: list('Event.before'),
    beforeCount: count('Event.before'),
    statementsAbout: list('Event.statementsAbout'),
    statementsAboutCount: count('Event.statementsAbout'),
    stancesTowards: list('Event.stancesTowards'),
    stancesTowardsCount: count('Event.stancesTowards'),
  } satisfies EventResolvers,
  Statement: {
    ...evidencedFields,
    source: sourceOf,
    evidence: list('Statement.evidence'),
    evidenceCount: count('Statement.evidence'),
    speaker: single('Statement.speaker'),
    occasion: single('Statement.occasion'),
    about: list('Statement.about'),
    aboutCount: count('Statement.about'),
    stances: list('Statement.stances'),
    stancesCount: count('Statement.stances'),
    statementsAbout: list('Statement.statementsAbout'),
    statementsAboutCount: count('Statement.statementsAbout'),
    stancesTowards: list('Statement.stancesTowards'),
    stancesTowardsCount: count('Statement.stancesTowards'),
  } satisfies StatementResolvers,
  Stance: {
    ...evidencedFields,
    source: sourceOf,
    evidence: list('Stance.evidence'),
    evidenceCount: count('Stance.evidence'),
    holders: list('Stance.holders'),
    holdersCount: count('Stance.holders'),
    voicedBy: list('Stance.voicedBy'),
    voicedByCount: count('Stance.voicedBy'),
    towards: list('Stance.towards'),
    towardsCount: count('Stance.towards'),
    expressedIn: list('Stance.expressedIn'),
    expressedInCount: count('Stance.expressedIn'),
    statementsAbout: list('Stance.statementsAbout'),
    statementsAboutCount: count('Stance.statementsAbout'),
    stancesTowards: list('Stance.stancesTowards'),
    stancesTowardsCount: count('Stance.stancesTowards'),
  } satisfies StanceResolvers,
  Topic: {
    ...evidencedFields,
    ...entityFields,
    mentions: mentions('Topic.mentions'),
    mentionsCount: count('Topic.mentions'),
    evidence: list('Topic.evidence'),
    evidenceCount: count('Topic.evidence'),
    statementsAbout: list('Topic.statementsAbout'),
    statementsAboutCount: count('Topic.statementsAbout'),
    stancesTowards: list('Topic.stancesTowards'),
    stancesTowardsCount: count('Topic.stancesTowards'),
  } satisfies TopicResolvers,

  ...storedEnumResolvers(),
  Node: { __resolveType: typeAmong(NODE_LABELS) },
  Evidenced: { __resolveType: typeAmong([...ENTITY_LABELS, ...FACT_LABELS, 'WeaponSystem']) },
  ActorFields: { __resolveType: typeAmong(ACTOR_LABELS) },
  Actor: { __resolveType: typeAmong(ACTOR_LABELS) },
  Body: { __resolveType: typeAmong(['Nation', 'Organization']) },
  TimelineSubject: { __resolveType: typeAmong(['Event', 'Commitment']) },
};
