/**
 * The facts a source file states. Each fact has an id, flags for doubts, and at least one
 * evidence item; references are ids checked against the registry and the source files.
 */
import { z } from 'zod';
import { ACTOR_TYPES, ENTITY_TYPES, TARGET_TYPES } from '../../src/model/ids.js';
import { idSchema } from './idSchema.js';
import { AmountSchema, EvidenceListSchema, FlagsSchema, TargetSchema, TimeSchema } from './primitives.js';

const fact = { flags: FlagsSchema, note: z.string().optional(), evidence: EvidenceListSchema };

/**
 * A collective the text names without naming its members ("European leaders"). Defined
 * in the source file because it belongs to that document; its evidence comes, like any
 * entity's, from mentions.
 */
export const GroupSchema = z.strictObject({
  id: idSchema('group'),
  name: z.string().min(1),
  description: z.string().min(1),
  /** Size when stated ("around 20 nations" → 20, countQualifier approximately). */
  count: z.int().positive().optional(),
  countQualifier: z.enum(['approximately', 'exactly']).optional(),
  /** Organisations the group's members belong to, only where stated. */
  memberOf: z.array(idSchema('organization')).optional(),
  flags: FlagsSchema,
  note: z.string().optional(),
});

/** One or more occurrences of an entity under one surface form, exactly as written. */
export const MentionSchema = z.strictObject({
  entity: idSchema(...ENTITY_TYPES),
  /** The words used for the entity; must occur in every evidence quote. */
  surfaceForm: z.string().min(1),
  /** Honorific as written within the surface form ("Sir", "Mr", "Ms"). */
  honorific: z.string().optional(),
  ...fact,
});

/** A person holds an office, as stated (or doubted) by the source. */
export const TenureSchema = z.strictObject({
  id: idSchema('tenure'),
  person: idSchema('person'),
  office: idSchema('office'),
  status: z.enum(['current', 'former', 'unclear']),
  start: z.iso.date().optional(),
  end: z.iso.date().optional(),
  ...fact,
});

/** Kiel-style aid type, widened to the diplomatic, policy and economic moves news reports. */
export const COMMITMENT_KINDS = ['financial', 'military', 'humanitarian', 'diplomatic', 'policy', 'economic', 'unspecified'] as const;

/** Stage of a commitment as the source states it. */
export const COMMITMENT_STATUSES = [
  'proposed',
  'planned',
  'announced',
  'agreed',
  'approved',
  'signed',
  'in-progress',
  'transferred',
  'halted',
  'uncertain',
  // The stages of a tracker (the Kiel Institute's): aid promised, and aid earmarked for delivery.
  'committed',
  'allocated',
] as const;

/** Kiel Ukraine Support Tracker military item types. */
export const ITEM_TYPES = [
  'Heavy weapon',
  'Ammunition for heavy weapon',
  'Aviation and drones',
  'Portable defence system',
  'Military equipment',
  'Light armaments & infantry',
] as const;

/** A promise, deal, transfer, policy or halt of support. */
export const CommitmentSchema = z.strictObject({
  id: idSchema('commitment'),
  /** Caption such as "UK £2.26 billion ERA loan to Ukraine". */
  name: z.string().min(1),
  kind: z.enum(COMMITMENT_KINDS),
  /** Free vocabulary, kebab-case: loan, era-loan, instalment, procurement-contract … */
  subtype: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  description: z.string().min(1),
  /** Who gives or commits. */
  donors: z.array(idSchema(...ACTOR_TYPES)).optional(),
  /** Who receives or benefits. */
  recipients: z.array(idSchema(...ACTOR_TYPES)).optional(),
  /** Sides of a mutual agreement or negotiation, where neither gives to the other. */
  parties: z.array(idSchema(...ACTOR_TYPES)).optional(),
  amount: AmountSchema.optional(),
  target: TargetSchema.optional(),
  status: z.enum(COMMITMENT_STATUSES),
  /** The commitment is explicitly temporary ("temporarily halted"). */
  temporary: z.boolean().optional(),
  /** Name of the legal instrument as stated. */
  instrument: z.string().optional(),
  fundedBy: z.array(idSchema('funding')).optional(),
  approvedBy: z.array(idSchema('person')).optional(),
  signedBy: z.array(idSchema('person')).optional(),
  /** People said to have been about to sign. */
  expectedSignatories: z.array(idSchema('person')).optional(),
  /** Contractors and counterparties. */
  contractors: z.array(idSchema('organization')).optional(),
  /** Parent commitment when this one is an instalment or part; totals count parts once. */
  partOf: idSchema('commitment').optional(),
  itemType: z.enum(ITEM_TYPES).optional(),
  /** The items as stated ("more advanced attack drones"). */
  items: z.string().optional(),
  time: TimeSchema.optional(),
  ...fact,
});

/** Where money for a commitment comes from. */
export const FundingSchema = z.strictObject({
  id: idSchema('funding'),
  /** The words of the source ("profits from seized Russian assets"). */
  name: z.string().min(1),
  description: z.string().min(1),
  ...fact,
});

const StatedMoneySchema = AmountSchema.pick({ stated: true, value: true, currency: true });

/** A conversion the source itself states (€650 billion given as £545 billion). */
export const ExchangeRateSchema = z.strictObject({
  id: idSchema('exchange-rate'),
  from: StatedMoneySchema,
  to: StatedMoneySchema,
  /** Units of `to.currency` per unit of `from.currency`, i.e. to.value / from.value. */
  rate: z.number().positive(),
  derivation: z.string().min(1),
  /** What the conversion applies to. */
  converts: z.array(idSchema('commitment')).optional(),
  ...fact,
});

/** CAMEO event codes used here (domain.md), with their names. */
export const CAMEO_CODES = {
  '010': 'Make statement',
  '030': 'Express intent to cooperate',
  '0332': 'Express intent to provide military aid',
  '0334': 'Express intent to provide peacekeeping',
  '036': 'Express intent to meet or negotiate',
  '057': 'Sign formal agreement',
  '071': 'Provide economic aid',
  '072': 'Provide military aid',
  '074': 'Provide peacekeeping',
  '1224': 'Reject request for peacekeeping',
  '127': 'Reject plan to settle dispute',
  '1622': 'Reduce or stop military assistance',
} as const;
const CameoSchema = z.enum(Object.keys(CAMEO_CODES) as [keyof typeof CAMEO_CODES, ...(keyof typeof CAMEO_CODES)[]]);

/** Something that happened, happens or is planned. */
export const EventSchema = z.strictObject({
  id: idSchema('event'),
  name: z.string().min(1),
  /** Plain kind: meeting, interview, visit, negotiation, announcement, dispute, transfer … */
  kind: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  cameo: CameoSchema.optional(),
  description: z.string().min(1),
  participants: z
    .array(
      z.strictObject({
        id: idSchema(...ACTOR_TYPES),
        role: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
        inferred: z.boolean().optional(),
      }),
    )
    .optional(),
  place: idSchema('place').optional(),
  time: TimeSchema,
  status: z.enum(['occurred', 'planned', 'ongoing']),
  commitments: z.array(idSchema('commitment')).optional(),
  /** Events this one followed, where the text orders them. */
  after: z.array(idSchema('event')).optional(),
  ...fact,
});

/** Something someone said: quoted directly, in part, or reported. */
export const StatementSchema = z.strictObject({
  id: idSchema('statement'),
  kind: z.enum(['direct-quote', 'partial-quote', 'reported-speech']),
  /**
   * Quotes: the words between the quotation marks, exactly. Reported speech: the source's
   * own clause, exactly. Either way it must occur inside an evidence quote.
   */
  text: z.string().min(1),
  /** Reporting verb as written ("stated", "branding"). */
  verb: z.string().min(1),
  speaker: idSchema(...ACTOR_TYPES),
  /** The event the words were said at (flag `inferred` when only the sequence implies it). */
  occasion: idSchema('event').optional(),
  about: z.array(idSchema(...TARGET_TYPES)).optional(),
  ...fact,
});

/** Stance kinds, verbs from the source's own vocabulary. */
export const STANCE_KINDS = [
  'supports',
  'opposes',
  'welcomes',
  'endorses',
  'condemns',
  'dismisses',
  'rejects',
  'calls-for',
  'commits-to',
  'resists',
  'concerned-about',
] as const;

/** Who takes which position towards what. */
export const StanceSchema = z.strictObject({
  id: idSchema('stance'),
  holders: z.array(idSchema(...ACTOR_TYPES)).min(1),
  kind: z.enum(STANCE_KINDS),
  targets: z.array(idSchema(...TARGET_TYPES)).min(1),
  description: z.string().min(1),
  cameo: CameoSchema.optional(),
  /** Person who voiced a nation's or group's stance. */
  voicedBy: idSchema('person').optional(),
  /** Statements that express the stance. */
  expressedIn: z.array(idSchema('statement')).optional(),
  ...fact,
});

export type Group = z.infer<typeof GroupSchema>;
export type Mention = z.infer<typeof MentionSchema>;
export type Tenure = z.infer<typeof TenureSchema>;
export type Commitment = z.infer<typeof CommitmentSchema>;
export type Funding = z.infer<typeof FundingSchema>;
export type ExchangeRate = z.infer<typeof ExchangeRateSchema>;
export type Event = z.infer<typeof EventSchema>;
export type Statement = z.infer<typeof StatementSchema>;
export type Stance = z.infer<typeof StanceSchema>;
