/**
 * Registry files (`registry/*.yaml`) hold the one definition of each long-lived entity.
 * They carry no evidence: an entity earns its place in the graph through mentions in
 * source files, and validation rejects one that no source mentions.
 */
import { z } from 'zod';
import { idSchema } from './idSchema.js';
import { optionalLists } from './primitives.js';

/** Wikidata item id; only ids with good evidence are recorded, never guessed ones. */
const WikidataSchema = z.string().regex(/^Q[1-9][0-9]*$/, { error: 'expected a Wikidata item id such as "Q145"' });

const base = {
  name: z.string().min(1),
  /** Gender-neutral, one sentence. */
  description: z.string().min(1),
  wikidata: WikidataSchema.optional(),
  note: z.string().optional(),
};

/** A person. `unnamed` marks someone the sources describe but do not name. */
export const PersonSchema = z.strictObject({ id: idSchema('person'), ...base, unnamed: z.boolean().optional() });

/** A sovereign state; the id slug is its ISO 3166 alpha-2 code in lowercase. */
export const NationSchema = z
  .strictObject({
    id: idSchema('nation'),
    ...base,
    iso2: z.string().regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 alpha-2 code such as "GB"' }),
    iso3: z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO 3166-1 alpha-3 code such as "GBR"' }),
  })
  .refine((n) => n.id === `nation:${n.iso2.toLowerCase()}`, {
    error: 'a nation id is "nation:" + its ISO 3166-1 alpha-2 code in lowercase',
    path: ['id'],
  });

/** An organisation: bloc, alliance, company, broadcaster … */
export const OrganizationSchema = z.strictObject({
  id: idSchema('organization'),
  ...base,
  kind: z.enum(['intergovernmental-union', 'military-alliance', 'intergovernmental-association', 'news-channel', 'company']),
  unnamed: z.boolean().optional(),
});

/** A place where things happen. `within` is background geography, not a source fact. */
export const PlaceSchema = z.strictObject({
  id: idSchema('place'),
  ...base,
  kind: z.enum(['city', 'country', 'building', 'military-base', 'region']),
  within: z.array(idSchema('nation')).optional(),
});

/** An office, held by people over time through tenures; belongs to a nation or organisation. */
export const OfficeSchema = z.strictObject({
  id: idSchema('office'),
  ...base,
  of: idSchema('nation', 'organization'),
});

/** A subject that statements and stances are about. */
export const TopicSchema = z.strictObject({ id: idSchema('topic'), ...base });

/** The entity lists of a registry file, each with the schema of its items. */
export const REGISTRY_LISTS = {
  people: PersonSchema,
  nations: NationSchema,
  organizations: OrganizationSchema,
  places: PlaceSchema,
  offices: OfficeSchema,
  topics: TopicSchema,
} as const;

/** One registry file: any of the entity lists (by convention one per file, named after it). */
export const RegistryFileSchema = z.strictObject(optionalLists(REGISTRY_LISTS));
export type RegistryFile = z.infer<typeof RegistryFileSchema>;
export type PersonEntry = z.infer<typeof PersonSchema>;
export type NationEntry = z.infer<typeof NationSchema>;
export type OrganizationEntry = z.infer<typeof OrganizationSchema>;
export type PlaceEntry = z.infer<typeof PlaceSchema>;
export type OfficeEntry = z.infer<typeof OfficeSchema>;
export type TopicEntry = z.infer<typeof TopicSchema>;
