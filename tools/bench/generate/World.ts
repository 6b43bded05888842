/**
 * The registry side of the synthetic world: nations, their offices and office holders (who
 * change every few hundred sources, as governments do), capitals, organisations, companies and
 * topics. Only entities some source mentions are written to the registry (`markMentioned`): the
 * seed validator rejects a registry entry that no source mentions.
 */
import { Random } from './Random.js';
import { FEMININE, FIRST_NAMES, LAST_NAMES, NATION_OFFICES, ORGANIZATIONS, nationAt, topicAt, type NationInfo } from './wordLists.js';

export interface PersonEntry {
  id: string;
  name: string;
  description: string;
  unnamed?: boolean;
}
export interface NationEntry {
  id: string;
  name: string;
  description: string;
  iso2: string;
  iso3: string;
}
export interface OrganizationEntry {
  id: string;
  name: string;
  description: string;
  kind: string;
}
export interface PlaceEntry {
  id: string;
  name: string;
  description: string;
  kind: string;
  within?: string[];
}
export interface OfficeEntry {
  id: string;
  name: string;
  description: string;
  of: string;
}
export interface TopicEntry {
  id: string;
  name: string;
  description: string;
}

/** The registry files' content, each list sorted by id when written. */
export interface RegistryLists {
  people: PersonEntry[];
  nations: NationEntry[];
  organizations: OrganizationEntry[];
  places: PlaceEntry[];
  offices: OfficeEntry[];
  topics: TopicEntry[];
}

/** A nation as a source refers to it. */
export interface NationRef extends NationInfo {
  id: string;
  index: number;
}

/** A person with what a text calls them. */
export interface PersonRef {
  id: string;
  name: string;
  last: string;
  honorific: 'Mr' | 'Ms';
}

/** Sources between changes of government: office holders are stable for this long. */
export const ERA_LENGTH = 150;

const slugify = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const bare = (name: string): string => name.replace(/^the /, '');

export class World {
  private readonly people = new Map<string, PersonEntry>();
  private readonly nations = new Map<string, NationEntry>();
  private readonly organizations = new Map<string, OrganizationEntry>();
  private readonly places = new Map<string, PlaceEntry>();
  private readonly offices = new Map<string, OfficeEntry>();
  private readonly topics = new Map<string, TopicEntry>();
  private readonly mentioned = new Set<string>();

  constructor(private readonly seed: number) {}

  nation(index: number): NationRef {
    const info = nationAt(index);
    const id = `nation:${info.iso2.toLowerCase()}`;
    if (!this.nations.has(id))
      this.nations.set(id, {
        id,
        name: bare(info.name),
        description: `A sovereign state (synthetic benchmark data, nation #${index}).`,
        iso2: info.iso2,
        iso3: info.iso3,
      });
    return { ...info, id, index };
  }

  /** The holder of a nation's office in an era: the same person for every source of that era. */
  holder(nation: NationRef, officeIndex: number, era: number): { person: PersonRef; officeId: string; title: string } {
    const [slug, title] = NATION_OFFICES[officeIndex % NATION_OFFICES.length]!;
    const officeId = `office:${nation.iso2.toLowerCase()}-${slug}`;
    if (!this.offices.has(officeId))
      this.offices.set(officeId, {
        id: officeId,
        name: `${title} of ${bare(nation.name)}`,
        description: `The ${title.toLowerCase()} of ${bare(nation.name)}.`,
        of: nation.id,
      });
    const rng = new Random(this.seed, 0x10000000 + nation.index * 4096 + officeIndex * 512 + era);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const id = `person:${slugify(`${first} ${last}`)}-${nation.iso2.toLowerCase()}-${slug}-${era}`;
    const person = this.person(id, `${first} ${last}`, `${title} of ${bare(nation.name)} in sources of era ${era}.`, first, last);
    return { person, officeId, title };
  }

  person(id: string, name: string, description: string, first: string, last: string, unnamed = false): PersonRef {
    if (!this.people.has(id)) this.people.set(id, { id, name, description, ...(unnamed ? { unnamed } : {}) });
    return { id, name, last, honorific: FEMININE.has(first) ? 'Ms' : 'Mr' };
  }

  capital(nation: NationRef): { id: string; name: string } {
    const id = `place:${nation.iso2.toLowerCase()}-capital`;
    if (!this.places.has(id))
      this.places.set(id, {
        id,
        name: nation.capital,
        description: `Capital city of ${bare(nation.name)}.`,
        kind: 'city',
        within: [nation.id],
      });
    return { id, name: nation.capital };
  }

  venue(sourceSlug: string, n: number, name: string, nation: NationRef): { id: string; name: string } {
    const id = `place:${sourceSlug}-${slugify(name)}-${n}`;
    if (!this.places.has(id))
      this.places.set(id, { id, name, description: `A venue in ${bare(nation.name)}.`, kind: 'building', within: [nation.id] });
    return { id, name };
  }

  organization(index: number): { id: string; name: string; short: string } {
    const [slug, name, kind] = ORGANIZATIONS[index % ORGANIZATIONS.length]!;
    const id = `organization:${slug}`;
    if (!this.organizations.has(id)) this.organizations.set(id, { id, name: bare(name), description: `${bare(name)}.`, kind });
    return { id, name, short: slug === 'eu' ? 'EU' : bare(name) };
  }

  company(sourceSlug: string, name: string): { id: string; name: string } {
    const id = `organization:${sourceSlug}-${slugify(name)}`;
    if (!this.organizations.has(id)) this.organizations.set(id, { id, name, description: 'A defence manufacturer.', kind: 'company' });
    return { id, name };
  }

  topic(index: number): { id: string; name: string } {
    const name = topicAt(index);
    const id = `topic:${slugify(name)}`;
    if (!this.topics.has(id)) this.topics.set(id, { id, name, description: `Support for Ukraine concerning ${name}.` });
    return { id, name };
  }

  /** Records that a source mentions `id`: only mentioned entities are written to the registry. */
  markMentioned(id: string): void {
    this.mentioned.add(id);
  }

  /** The registry: every entity some source mentions, each list sorted by id. */
  lists(): RegistryLists {
    const sorted = <T extends { id: string }>(m: Map<string, T>): T[] =>
      [...m.values()].filter((e) => this.mentioned.has(e.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
    return {
      people: sorted(this.people),
      nations: sorted(this.nations),
      organizations: sorted(this.organizations),
      places: sorted(this.places),
      offices: sorted(this.offices),
      topics: sorted(this.topics),
    };
  }
}
