/**
 * The single list of node labels and relationship types of the graph, with the endpoints
 * each relationship may join. Database migrations (constraints, indexes) are generated
 * from it, and tests check every planned relationship against it.
 */
import type { IdType } from './ids.js';

/** Every node label. */
export const NODE_LABELS = [
  'Source',
  'Evidence',
  'Person',
  'Nation',
  'Organization',
  'Group',
  'Place',
  'Office',
  'Tenure',
  'Commitment',
  'Funding',
  'ExchangeRate',
  'Event',
  'Statement',
  'Stance',
  'Topic',
  'Dataset',
  'Figure',
  'HeavyWeapons',
  'WeaponSystem',
] as const;

/** A node label. Every node has a unique `id` and a human-readable `name`. */
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Labels of named entities: they carry `aliases` and `searchText` (full-text index). */
export const ENTITY_LABELS = [
  'Person',
  'Nation',
  'Organization',
  'Group',
  'Place',
  'Office',
  'Topic',
] as const satisfies readonly NodeLabel[];

/** Labels of facts stated by a source: they carry `sourceId`, `flags` and `notes`. */
export const FACT_LABELS = [
  'Tenure',
  'Commitment',
  'Funding',
  'ExchangeRate',
  'Event',
  'Statement',
  'Stance',
  'Figure',
  'HeavyWeapons',
] as const satisfies readonly NodeLabel[];

/** The label of the node an id names (ids are `<type>:<slug>`). */
export const LABEL_BY_ID_TYPE = {
  source: 'Source',
  evidence: 'Evidence',
  person: 'Person',
  nation: 'Nation',
  organization: 'Organization',
  group: 'Group',
  place: 'Place',
  office: 'Office',
  topic: 'Topic',
  tenure: 'Tenure',
  commitment: 'Commitment',
  funding: 'Funding',
  'exchange-rate': 'ExchangeRate',
  event: 'Event',
  statement: 'Statement',
  stance: 'Stance',
  dataset: 'Dataset',
  figure: 'Figure',
  'heavy-weapons': 'HeavyWeapons',
  'weapon-system': 'WeaponSystem',
} as const satisfies Record<IdType, NodeLabel>;

const ACTORS = ['Person', 'Nation', 'Organization', 'Group'] as const satisfies readonly NodeLabel[];
const SUPPORTED = [...ENTITY_LABELS, ...FACT_LABELS, 'WeaponSystem'] as const;
const ANYTHING = [...ENTITY_LABELS, ...FACT_LABELS] as const;

interface RelSpec {
  readonly from: readonly NodeLabel[];
  readonly to: readonly NodeLabel[];
  /** Properties the relationship may carry. */
  readonly props: readonly string[];
  readonly description: string;
}

/**
 * Every relationship type, a verb in UPPER_SNAKE_CASE that reads from `from` to `to`.
 */
export const RELATIONSHIPS = {
  SUPPORTED_BY: {
    from: SUPPORTED,
    to: ['Evidence'],
    props: ['surfaceForm', 'honorific', 'confidence', 'method', 'flags', 'columns'],
    description:
      'A fact or entity mention is supported by evidence; mentions carry the surface form, facts read from a table row the columns they rest on.',
  },
  FOUND_IN: { from: ['Evidence'], to: ['Source'], props: [], description: 'Evidence is a span of a source text (a row of a table file).' },
  PART_OF: { from: ['Source'], to: ['Dataset'], props: [], description: 'A table file is part of a dataset release.' },
  COMMITTED: {
    from: ACTORS,
    to: ['Commitment', 'HeavyWeapons'],
    props: [],
    description: 'A donor committed (gave, halted, agreed) a commitment, or supplied heavy weapons.',
  },
  TO: {
    from: ['Commitment', 'Figure', 'HeavyWeapons'],
    to: ACTORS,
    props: [],
    description: 'A commitment (or a figure about flows) goes to a recipient.',
  },
  MEASURES: { from: ['Figure'], to: ACTORS, props: [], description: 'The actor a figure is about (its GDP, its balance, its share).' },
  SHARE_OF: { from: ['Figure'], to: ['Organization'], props: [], description: 'A figure is a member’s share of an organisation’s aid.' },
  INCLUDES: {
    from: ['HeavyWeapons'],
    to: ['WeaponSystem'],
    props: ['count', 'stated'],
    description: 'A weapons delivery includes a number of one system, as the source lists it.',
  },
  PARTY_TO: { from: ACTORS, to: ['Commitment'], props: [], description: 'A side of a mutual agreement or negotiation.' },
  HAS_PART: { from: ['Commitment'], to: ['Commitment'], props: [], description: 'An instalment or part; totals count parts once.' },
  FUNDED_BY: { from: ['Commitment'], to: ['Funding'], props: [], description: 'Where the money comes from.' },
  APPROVED: { from: ['Person'], to: ['Commitment'], props: [], description: 'A person approved a commitment.' },
  SIGNED: { from: ['Person'], to: ['Commitment'], props: [], description: 'A person signed a commitment.' },
  WAS_TO_SIGN: { from: ['Person'], to: ['Commitment'], props: [], description: 'A person had been poised to sign.' },
  CONTRACTED_WITH: { from: ['Commitment'], to: ['Organization'], props: [], description: 'Contractor or counterparty.' },
  HOLDS: { from: ['Person'], to: ['Tenure'], props: [], description: 'A person holds (held) an office for a tenure.' },
  IN_OFFICE: { from: ['Tenure'], to: ['Office'], props: [], description: 'The office of a tenure.' },
  OFFICE_OF: { from: ['Office'], to: ['Nation', 'Organization'], props: [], description: 'The body an office belongs to.' },
  PARTICIPATED_IN: { from: ACTORS, to: ['Event'], props: ['role', 'inferred'], description: 'Took part in an event, in a role.' },
  TOOK_PLACE_IN: { from: ['Event'], to: ['Place'], props: [], description: 'Where an event happens.' },
  CONCERNS: { from: ['Event'], to: ['Commitment'], props: [], description: 'An event about a commitment (signing, transfer, halt).' },
  AFTER: { from: ['Event'], to: ['Event'], props: [], description: 'An event followed another, as the text orders them.' },
  SAID: { from: ACTORS, to: ['Statement'], props: [], description: 'The speaker of a statement.' },
  DURING: { from: ['Statement'], to: ['Event'], props: [], description: 'The occasion of a statement.' },
  ABOUT: { from: ['Statement'], to: ANYTHING, props: [], description: 'What a statement is about.' },
  TOOK: { from: ACTORS, to: ['Stance'], props: [], description: 'The holder of a stance.' },
  TOWARDS: { from: ['Stance'], to: ANYTHING, props: [], description: 'What a stance is directed at.' },
  VOICED: { from: ['Person'], to: ['Stance'], props: [], description: 'The person who voiced a nation’s or group’s stance.' },
  EXPRESSED_IN: { from: ['Stance'], to: ['Statement'], props: [], description: 'A statement that expresses a stance.' },
  CONFLICTS_WITH: { from: FACT_LABELS, to: FACT_LABELS, props: ['note'], description: 'Two claims of the sources contradict each other.' },
  CONVERTS: { from: ['ExchangeRate'], to: ['Commitment'], props: [], description: 'A stated conversion applies to a commitment’s amount.' },
  MEMBER_OF: { from: ['Nation', 'Group'], to: ['Organization'], props: [], description: 'Membership, only where stated.' },
  LOCATED_IN: {
    from: ['Place'],
    to: ['Nation'],
    props: ['basis'],
    description: 'Background geography from the registry (basis "registry").',
  },
} as const satisfies Record<string, RelSpec>;

/** A relationship type. */
export type RelType = keyof typeof RELATIONSHIPS;

/** Every relationship type. */
export const REL_TYPES = Object.keys(RELATIONSHIPS) as RelType[];

const ID_PATTERN = /^([a-z]+(?:-[a-z]+)*):[a-z0-9][a-z0-9.:-]*$/;

/** The label an id belongs to, or undefined for an id of no known type. */
export function labelOfId(id: string): NodeLabel | undefined {
  const type = ID_PATTERN.exec(id)?.[1];
  return type !== undefined && type in LABEL_BY_ID_TYPE ? LABEL_BY_ID_TYPE[type as keyof typeof LABEL_BY_ID_TYPE] : undefined;
}
