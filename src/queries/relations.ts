/**
 * Every relationship field of the API, declared once: which GraphQL field walks which
 * relationship type in which direction. The loaders build one batched, named Cypher query per
 * entry (`UNWIND $ids …`), so a field costs one round trip per depth level however many parents
 * ask for it. Labels and types come from the model's vocabulary, never from a request.
 */
import { ENTITY_LABELS, FACT_LABELS, type NodeLabel, type RelType } from '../model/vocabulary.js';
import { cypher, type NamedQuery } from '../db/cypher.js';
import { cachedQuery } from './cachedQuery.js';
import { projectNode } from './records.js';

export interface RelationSpec {
  /** Label of the parent node (used in the MATCH so the id lookup uses the unique index). */
  from: NodeLabel;
  type: RelType;
  direction: 'out' | 'in';
  /** Only neighbours with one of these labels (default: any). */
  to?: readonly NodeLabel[];
  /** Order of the returned list: by name (default) or by text position (evidence). */
  order?: 'name' | 'position';
  /** Only relationships with this property set (a mention is evidence that records a surface form). */
  edgeHas?: string;
}

type ActorLabel = 'Person' | 'Nation' | 'Organization' | 'Group';
/** Entities and facts: every node that rests on evidence. */
const EVIDENCED_LABELS: readonly NodeLabel[] = [...ENTITY_LABELS, ...FACT_LABELS];

const evidenceOf = (from: NodeLabel): RelationSpec => ({ from, type: 'SUPPORTED_BY', direction: 'out', order: 'position' });
/** Mentions: the evidence relationships that carry the words used for the entity. */
const mentionsOf = (from: NodeLabel): RelationSpec => ({ ...evidenceOf(from), edgeHas: 'surfaceForm' });

/** The fields every actor shares. */
function actorRelations(from: ActorLabel): Record<string, RelationSpec> {
  return {
    // COMMITTED also reaches heavy weapons, TO also figures: these lists hold commitments only.
    [`${from}.commitmentsMade`]: { from, type: 'COMMITTED', direction: 'out', to: ['Commitment'] },
    [`${from}.commitmentsReceived`]: { from, type: 'TO', direction: 'in', to: ['Commitment'] },
    [`${from}.partyTo`]: { from, type: 'PARTY_TO', direction: 'out' },
    [`${from}.participations`]: { from, type: 'PARTICIPATED_IN', direction: 'out' },
    [`${from}.statements`]: { from, type: 'SAID', direction: 'out' },
    [`${from}.stances`]: { from, type: 'TOOK', direction: 'out' },
    [`${from}.heavyWeapons`]: { from, type: 'COMMITTED', direction: 'out', to: ['HeavyWeapons'] },
    [`${from}.figuresAbout`]: { from, type: 'MEASURES', direction: 'in', to: ['Figure'] },
  };
}

/** Fields every evidenced node shares: its evidence, and what is said and felt about it. */
function evidencedRelations(from: NodeLabel): Record<string, RelationSpec> {
  return {
    [`${from}.evidence`]: evidenceOf(from),
    [`${from}.statementsAbout`]: { from, type: 'ABOUT', direction: 'in' },
    [`${from}.stancesTowards`]: { from, type: 'TOWARDS', direction: 'in' },
  };
}

export const RELATIONS: Readonly<Record<string, RelationSpec>> = {
  ...Object.fromEntries(EVIDENCED_LABELS.flatMap((label) => Object.entries(evidencedRelations(label)))),
  ...Object.fromEntries(ENTITY_LABELS.map((label) => [`${label}.mentions`, mentionsOf(label)])),
  ...actorRelations('Person'),
  ...actorRelations('Nation'),
  ...actorRelations('Organization'),
  ...actorRelations('Group'),

  'Person.tenures': { from: 'Person', type: 'HOLDS', direction: 'out' },
  'Person.approved': { from: 'Person', type: 'APPROVED', direction: 'out' },
  'Person.signed': { from: 'Person', type: 'SIGNED', direction: 'out' },
  'Person.wasToSign': { from: 'Person', type: 'WAS_TO_SIGN', direction: 'out' },
  'Person.voicedStances': { from: 'Person', type: 'VOICED', direction: 'out' },

  'Nation.offices': { from: 'Nation', type: 'OFFICE_OF', direction: 'in' },
  'Nation.memberOf': { from: 'Nation', type: 'MEMBER_OF', direction: 'out' },
  'Nation.places': { from: 'Nation', type: 'LOCATED_IN', direction: 'in' },

  'Organization.contractedFor': { from: 'Organization', type: 'CONTRACTED_WITH', direction: 'in' },
  'Organization.offices': { from: 'Organization', type: 'OFFICE_OF', direction: 'in' },
  'Organization.members': { from: 'Organization', type: 'MEMBER_OF', direction: 'in' },

  'Group.memberOf': { from: 'Group', type: 'MEMBER_OF', direction: 'out' },

  'Place.nation': { from: 'Place', type: 'LOCATED_IN', direction: 'out' },
  'Place.events': { from: 'Place', type: 'TOOK_PLACE_IN', direction: 'in' },

  'Office.of': { from: 'Office', type: 'OFFICE_OF', direction: 'out' },
  'Office.tenures': { from: 'Office', type: 'IN_OFFICE', direction: 'in' },

  'Tenure.person': { from: 'Tenure', type: 'HOLDS', direction: 'in' },
  'Tenure.office': { from: 'Tenure', type: 'IN_OFFICE', direction: 'out' },
  'Tenure.conflictsWith': { from: 'Tenure', type: 'CONFLICTS_WITH', direction: 'out' },

  'Commitment.donors': { from: 'Commitment', type: 'COMMITTED', direction: 'in' },
  'Commitment.recipients': { from: 'Commitment', type: 'TO', direction: 'out' },
  'Commitment.parties': { from: 'Commitment', type: 'PARTY_TO', direction: 'in' },
  'Commitment.parts': { from: 'Commitment', type: 'HAS_PART', direction: 'out' },
  'Commitment.partOf': { from: 'Commitment', type: 'HAS_PART', direction: 'in' },
  'Commitment.funding': { from: 'Commitment', type: 'FUNDED_BY', direction: 'out' },
  'Commitment.approvedBy': { from: 'Commitment', type: 'APPROVED', direction: 'in' },
  'Commitment.signedBy': { from: 'Commitment', type: 'SIGNED', direction: 'in' },
  'Commitment.wasToBeSignedBy': { from: 'Commitment', type: 'WAS_TO_SIGN', direction: 'in' },
  'Commitment.contractors': { from: 'Commitment', type: 'CONTRACTED_WITH', direction: 'out' },
  'Commitment.exchangeRates': { from: 'Commitment', type: 'CONVERTS', direction: 'in' },
  'Commitment.events': { from: 'Commitment', type: 'CONCERNS', direction: 'in' },

  'Funding.commitments': { from: 'Funding', type: 'FUNDED_BY', direction: 'in' },
  'ExchangeRate.converts': { from: 'ExchangeRate', type: 'CONVERTS', direction: 'out' },

  'Event.participants': { from: 'Event', type: 'PARTICIPATED_IN', direction: 'in' },
  'Event.places': { from: 'Event', type: 'TOOK_PLACE_IN', direction: 'out' },
  'Event.commitments': { from: 'Event', type: 'CONCERNS', direction: 'out' },
  'Event.statements': { from: 'Event', type: 'DURING', direction: 'in' },
  'Event.after': { from: 'Event', type: 'AFTER', direction: 'out' },
  'Event.before': { from: 'Event', type: 'AFTER', direction: 'in' },

  'Statement.speaker': { from: 'Statement', type: 'SAID', direction: 'in' },
  'Statement.occasion': { from: 'Statement', type: 'DURING', direction: 'out' },
  'Statement.about': { from: 'Statement', type: 'ABOUT', direction: 'out' },
  'Statement.stances': { from: 'Statement', type: 'EXPRESSED_IN', direction: 'in' },

  'Stance.holders': { from: 'Stance', type: 'TOOK', direction: 'in' },
  'Stance.voicedBy': { from: 'Stance', type: 'VOICED', direction: 'in' },
  'Stance.towards': { from: 'Stance', type: 'TOWARDS', direction: 'out' },
  'Stance.expressedIn': { from: 'Stance', type: 'EXPRESSED_IN', direction: 'out' },

  'Source.evidence': { from: 'Source', type: 'FOUND_IN', direction: 'in', order: 'position' },
  'Source.dataset': { from: 'Source', type: 'PART_OF', direction: 'out' },
  'Dataset.files': { from: 'Dataset', type: 'PART_OF', direction: 'in' },

  'Figure.subject': { from: 'Figure', type: 'MEASURES', direction: 'out' },
  'Figure.shareOf': { from: 'Figure', type: 'SHARE_OF', direction: 'out' },
  'Figure.recipients': { from: 'Figure', type: 'TO', direction: 'out' },
  'HeavyWeapons.donors': { from: 'HeavyWeapons', type: 'COMMITTED', direction: 'in' },
  'HeavyWeapons.recipients': { from: 'HeavyWeapons', type: 'TO', direction: 'out' },
  'HeavyWeapons.systems': { from: 'HeavyWeapons', type: 'INCLUDES', direction: 'out' },
  'WeaponSystem.suppliedIn': { from: 'WeaponSystem', type: 'INCLUDES', direction: 'in' },
  'WeaponSystem.evidence': evidenceOf('WeaponSystem'),
  'Evidence.source': { from: 'Evidence', type: 'FOUND_IN', direction: 'out' },
  'Evidence.supports': { from: 'Evidence', type: 'SUPPORTED_BY', direction: 'in' },
};

/** `Type.field`, e.g. `Person.statements`. */
export type RelationKey = string;

/** Fields that hold at most one neighbour (their GraphQL type is not a list). */
export const SINGLE_RELATIONS: ReadonlySet<RelationKey> = new Set([
  'Place.nation',
  'Office.of',
  'Tenure.person',
  'Tenure.office',
  'Commitment.partOf',
  'Statement.speaker',
  'Statement.occasion',
  'Evidence.source',
  'Source.dataset',
  'Figure.subject',
  'Figure.shareOf',
]);

/**
 * How a relation field walks from its parent, with `r` and `m` the names of the relationship and
 * the neighbour: the arrow (`-[r:TYPE]->`), the condition on the neighbour's label and the
 * relationship's properties (`WHERE …`, or empty), and the order of the list.
 */
export function relationPattern(spec: RelationSpec, r: string, m: string): { arrow: string; where: string; order: string } {
  const arrow = spec.direction === 'out' ? `-[${r}:${spec.type}]->` : `<-[${r}:${spec.type}]-`;
  const conditions = [
    ...(spec.to ? [`(${spec.to.map((label) => `${m}:${label}`).join(' OR ')})`] : []),
    ...(spec.edgeHas ? [`${r}.${spec.edgeHas} IS NOT NULL`] : []),
  ];
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const order = spec.order === 'position' ? `${m}.start, ${m}.id` : `${m}.name, ${m}.id`;
  return { arrow, where, order };
}

/** One part of a batched relation query: a field, and whether it asks for neighbours or only for their number. */
export interface RelationPart {
  key: RelationKey;
  /** Only how many neighbours there are (a `…Count` field, or a list asked for with `first: 0`). */
  count: boolean;
}

/**
 * One relation field's part of a batched query, for each parent id in `$ids<part>`. A list part
 * returns at most `$first<part>` neighbours, in the field's order, with the relationship's
 * properties: the limit applies per parent inside the subquery, so a parent with 10,000
 * neighbours costs what `first` of them cost. A count part returns only how many there are, from
 * a COUNT subquery that Neo4j answers from the node's degree when there is no filter; a list part
 * does not count, since no list field reads the number.
 */
function relationPart({ key, count }: RelationPart, part: number): string {
  const spec = RELATIONS[key];
  if (!spec) throw new Error(`No relation field ${key}`);
  const { arrow, where, order } = relationPattern(spec, 'r', 'm');
  if (count) {
    return `UNWIND $ids${part} AS id
     MATCH (n:${spec.from} {id: id})
     RETURN ${part} AS part, id, [] AS items, COUNT { MATCH (n)${arrow}(m) ${where} } AS total`;
  }
  return `UNWIND $ids${part} AS id
     MATCH (n:${spec.from} {id: id})
     CALL (n) {
       MATCH (n)${arrow}(m) ${where}
       WITH m, r ORDER BY ${order} LIMIT $first${part}
       RETURN collect(${projectNode('m', '__edge: properties(r)')}) AS items
     }
     RETURN ${part} AS part, id, items, null AS total`;
}

/**
 * The batched query of several relation fields at once (those asked for in the same tick: one
 * depth level of a request), as one `UNION ALL` with one part per field and page size (or count).
 * Part `i` reads its parent ids from `$ids<i>` and a list part its page size from `$first<i>`;
 * rows say which `part` they answer. One round trip per level, however many fields the level selects. Each combination's
 * text is built once and kept in the bounded cache of query shapes.
 */
export function relationsQuery(parts: readonly RelationPart[]): NamedQuery {
  const name = parts.map(({ key, count }) => (count ? `${key}#count` : key)).join('+');
  return cachedQuery(`relation ${name}`, () =>
    cypher(`relation.${name}`, parts.map((part, i) => relationPart(part, i)).join('\n     UNION ALL\n     ')),
  );
}
