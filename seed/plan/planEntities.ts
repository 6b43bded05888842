/**
 * Entities: registry entries and source-defined groups. Their aliases, honorifics and
 * evidence all come from mentions, across every source, so a second source that mentions
 * the same person adds to the same node.
 */
import type { ValidatedSeed } from '../validate/ValidatedSeed.js';
import type { PropValue } from './GraphPlan.js';
import { flattenFlags } from './flatten.js';
import { support } from './planEvidence.js';
import type { PlanBuilder } from './PlanBuilder.js';

interface MentionSummary {
  aliases: Set<string>;
  honorifics: Set<string>;
  count: number;
}

function summarise(seed: ValidatedSeed): Map<string, MentionSummary> {
  const out = new Map<string, MentionSummary>();
  for (const source of seed.sources)
    for (const m of source.data.mentions ?? []) {
      const s = out.get(m.entity) ?? { aliases: new Set(), honorifics: new Set(), count: 0 };
      s.aliases.add(m.surfaceForm);
      if (m.honorific !== undefined) s.honorifics.add(m.honorific);
      s.count += m.evidence.length;
      out.set(m.entity, s);
    }
  for (const dataset of seed.datasets)
    for (const m of dataset.mentions) {
      const s = out.get(m.entity) ?? { aliases: new Set(), honorifics: new Set(), count: 0 };
      s.aliases.add(m.surfaceForm);
      s.count += 1;
      out.set(m.entity, s);
    }
  return out;
}

const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** Plans every entity node, its mention evidence, and its registry relationships. */
export function planEntities(seed: ValidatedSeed, b: PlanBuilder): void {
  const mentions = summarise(seed);
  const entity = (id: string, name: string, props: Record<string, PropValue | undefined>): void => {
    const m = mentions.get(id);
    const aliases = sorted(m?.aliases ?? []);
    b.node(id, {
      name,
      ...props,
      aliases,
      honorifics: m !== undefined && m.honorifics.size > 0 ? sorted(m.honorifics) : undefined,
      searchText: [...new Set([name, ...aliases])].join(' | '),
      mentionCount: BigInt(m?.count ?? 0),
    });
  };
  const { registry } = seed;
  for (const p of registry.people)
    entity(p.id, p.name, { description: p.description, wikidata: p.wikidata, unnamed: p.unnamed, note: p.note });
  for (const n of registry.nations)
    entity(n.id, n.name, { description: n.description, wikidata: n.wikidata, iso2: n.iso2, iso3: n.iso3, note: n.note });
  for (const o of registry.organizations)
    entity(o.id, o.name, { description: o.description, wikidata: o.wikidata, kind: o.kind, unnamed: o.unnamed, note: o.note });
  for (const p of registry.places) {
    entity(p.id, p.name, { description: p.description, wikidata: p.wikidata, kind: p.kind, note: p.note });
    // Background geography, not a source's claim: marked so queries can tell.
    for (const nation of p.within ?? []) b.rel('LOCATED_IN', p.id, nation, { basis: 'registry' });
  }
  for (const o of registry.offices) {
    entity(o.id, o.name, { description: o.description, wikidata: o.wikidata, note: o.note });
    b.rel('OFFICE_OF', o.id, o.of);
  }
  for (const t of registry.topics) entity(t.id, t.name, { description: t.description, wikidata: t.wikidata, note: t.note });

  for (const source of seed.sources) {
    const sourceId = source.data.source.id;
    for (const g of source.data.groups ?? []) {
      entity(g.id, g.name, {
        description: g.description,
        count: g.count === undefined ? undefined : BigInt(g.count),
        countQualifier: g.countQualifier,
        sourceId,
        ...flattenFlags(g.flags, g.note),
      });
      for (const org of g.memberOf ?? []) b.rel('MEMBER_OF', g.id, org);
    }
    for (const m of source.data.mentions ?? [])
      support(b, sourceId, m.entity, m.evidence, {
        surfaceForm: m.surfaceForm,
        honorific: m.honorific,
        ...(m.flags === undefined ? {} : { flags: flattenFlags(m.flags).flags }),
      });
  }
}
