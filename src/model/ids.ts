/**
 * Id convention: `<type>:<slug>`, the slug lowercase kebab-case (`person:keir-starmer`,
 * `nation:gb`, `commitment:uk-ukraine-era-loan-2-26bn`). The prefix makes every id say what
 * it names, so a reference to the wrong kind of thing is caught by validation, and ids stay
 * unique across labels in the graph.
 */
/** Every id prefix, one per kind of thing defined in seed files or derived from them. */
export const ID_TYPES = [
  'source',
  'evidence',
  'person',
  'nation',
  'organization',
  'group',
  'place',
  'office',
  'topic',
  'tenure',
  'commitment',
  'funding',
  'exchange-rate',
  'event',
  'statement',
  'stance',
  'dataset',
  'figure',
  'heavy-weapons',
  'weapon-system',
] as const;

/** One id prefix. */
export type IdType = (typeof ID_TYPES)[number];

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** One compiled pattern per type: compiling it on every call was a tenth of validation at scale. */
const ID_PATTERNS = new Map<string, RegExp>(ID_TYPES.map((type) => [type, new RegExp(`^${type}:${SLUG}$`)]));

/** Whether `id` follows the convention for any of the given types. */
export function isIdOf(id: string, types: readonly IdType[]): boolean {
  return types.some((type) => ID_PATTERNS.get(type)?.test(id) === true);
}

/** The type prefix of a well-formed id, or undefined. */
export function idType(id: string): IdType | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return (ID_TYPES as readonly string[]).includes(prefix) && isIdOf(id, [prefix as IdType]) ? (prefix as IdType) : undefined;
}

/** The part after the prefix (`keir-starmer` for `person:keir-starmer`). */
export function idSlug(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

/** Types an entity mention may point at: things that have names and aliases. */
export const ENTITY_TYPES = ['person', 'nation', 'organization', 'group', 'place', 'office', 'topic'] as const satisfies readonly IdType[];

/** Types that can act: give, take a stance, say things, take part in events. */
export const ACTOR_TYPES = ['person', 'nation', 'organization', 'group'] as const satisfies readonly IdType[];

/** Types that can be the target of a stance or the subject of a statement: anything but provenance. */
export const TARGET_TYPES = ID_TYPES.filter(
  (t): t is Exclude<IdType, 'source' | 'evidence' | 'dataset'> => t !== 'source' && t !== 'evidence' && t !== 'dataset',
);
