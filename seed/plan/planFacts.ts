/**
 * Facts of one source: tenures, commitments, fundings, exchange rates, events, statements
 * and stances, each a node linked to what it relates and to its evidence.
 */
import { STANCE_POLARITY } from '../../src/model/stancePolarity.js';
import { CAMEO_CODES } from '../validate/factSchemas.js';
import type { Flag } from '../validate/primitives.js';
import type { LoadedSource } from '../validate/ValidatedSeed.js';
import { flattenAmount, flattenFlags, flattenTarget, flattenTime } from './flatten.js';
import { joinNames, truncate } from './names.js';
import { support } from './planEvidence.js';
import type { PlanBuilder } from './PlanBuilder.js';

const cameo = (code: keyof typeof CAMEO_CODES | undefined) => (code === undefined ? {} : { cameoCode: code, cameoName: CAMEO_CODES[code] });

/** Plans the facts of one source. `nameOf` gives captions of referenced nodes. */
export function planFacts(source: LoadedSource, b: PlanBuilder, nameOf: (id: string) => string): void {
  const { data } = source;
  const sourceId = data.source.id;
  const conflicts = (id: string, flags: readonly Flag[] | undefined): void => {
    for (const flag of flags ?? []) for (const other of flag.with ?? []) b.rel('CONFLICTS_WITH', id, other, { note: flag.note });
  };
  const each = <T>(items: readonly T[] | undefined, f: (item: T) => void): void => (items ?? []).forEach(f);

  each(data.tenures, (t) => {
    b.node(t.id, {
      name: `${nameOf(t.person)} — ${nameOf(t.office)} (${t.status})`,
      status: t.status,
      start: t.start,
      end: t.end,
      sourceId,
      ...flattenFlags(t.flags, t.note),
    });
    b.rel('HOLDS', t.person, t.id);
    b.rel('IN_OFFICE', t.id, t.office);
    conflicts(t.id, t.flags);
    support(b, sourceId, t.id, t.evidence);
  });

  each(data.fundings, (f) => {
    b.node(f.id, { name: f.name, description: f.description, sourceId, ...flattenFlags(f.flags, f.note) });
    support(b, sourceId, f.id, f.evidence);
  });

  each(data.commitments, (c) => {
    b.node(c.id, {
      name: c.name,
      kind: c.kind,
      subtype: c.subtype,
      description: c.description,
      status: c.status,
      temporary: c.temporary,
      instrument: c.instrument,
      itemType: c.itemType,
      items: c.items,
      // Sums over commitments must skip parts, which their parent already counts.
      isPart: c.partOf !== undefined,
      ...flattenAmount(c.amount),
      ...flattenTarget(c.target),
      ...flattenTime(c.time),
      sourceId,
      ...flattenFlags(c.flags, c.note),
    });
    each(c.donors, (d) => b.rel('COMMITTED', d, c.id));
    each(c.recipients, (r) => b.rel('TO', c.id, r));
    each(c.parties, (p) => b.rel('PARTY_TO', p, c.id));
    if (c.partOf !== undefined) b.rel('HAS_PART', c.partOf, c.id);
    each(c.fundedBy, (f) => b.rel('FUNDED_BY', c.id, f));
    each(c.approvedBy, (p) => b.rel('APPROVED', p, c.id));
    each(c.signedBy, (p) => b.rel('SIGNED', p, c.id));
    each(c.expectedSignatories, (p) => b.rel('WAS_TO_SIGN', p, c.id));
    each(c.contractors, (o) => b.rel('CONTRACTED_WITH', c.id, o));
    conflicts(c.id, c.flags);
    support(b, sourceId, c.id, c.evidence);
  });

  each(data.exchangeRates, (x) => {
    b.node(x.id, {
      name: `${x.from.currency}→${x.to.currency} ${x.rate.toFixed(4)} (${x.from.stated} = ${x.to.stated})`,
      base: x.from.currency,
      quote: x.to.currency,
      rate: x.rate,
      baseStated: x.from.stated,
      baseValue: x.from.value,
      quoteStated: x.to.stated,
      quoteValue: x.to.value,
      derivation: x.derivation,
      sourceId,
      ...flattenFlags(x.flags, x.note),
    });
    each(x.converts, (c) => b.rel('CONVERTS', x.id, c));
    conflicts(x.id, x.flags);
    support(b, sourceId, x.id, x.evidence);
  });

  each(data.events, (e) => {
    b.node(e.id, {
      name: e.name,
      kind: e.kind,
      ...cameo(e.cameo),
      description: e.description,
      status: e.status,
      ...flattenTime(e.time),
      sourceId,
      ...flattenFlags(e.flags, e.note),
    });
    each(e.participants, (p) => b.rel('PARTICIPATED_IN', p.id, e.id, { role: p.role, inferred: p.inferred }));
    if (e.place !== undefined) b.rel('TOOK_PLACE_IN', e.id, e.place);
    each(e.commitments, (c) => b.rel('CONCERNS', e.id, c));
    each(e.after, (prior) => b.rel('AFTER', e.id, prior));
    conflicts(e.id, e.flags);
    support(b, sourceId, e.id, e.evidence);
  });

  each(data.statements, (s) => {
    b.node(s.id, {
      name: truncate(s.text, 50),
      kind: s.kind,
      text: s.text,
      verb: s.verb,
      sourceId,
      ...flattenFlags(s.flags, s.note),
    });
    b.rel('SAID', s.speaker, s.id);
    if (s.occasion !== undefined) b.rel('DURING', s.id, s.occasion);
    each(s.about, (a) => b.rel('ABOUT', s.id, a));
    conflicts(s.id, s.flags);
    support(b, sourceId, s.id, s.evidence);
  });

  each(data.stances, (s) => {
    b.node(s.id, {
      name: truncate(`${joinNames(s.holders.map(nameOf))}: ${s.kind.replace(/-/g, ' ')} ${joinNames(s.targets.map(nameOf))}`, 80),
      kind: s.kind,
      polarity: STANCE_POLARITY[s.kind],
      description: s.description,
      ...cameo(s.cameo),
      sourceId,
      ...flattenFlags(s.flags, s.note),
    });
    each(s.holders, (h) => b.rel('TOOK', h, s.id));
    each(s.targets, (t) => b.rel('TOWARDS', s.id, t));
    if (s.voicedBy !== undefined) b.rel('VOICED', s.voicedBy, s.id);
    each(s.expressedIn, (st) => b.rel('EXPRESSED_IN', s.id, st));
    conflicts(s.id, s.flags);
    support(b, sourceId, s.id, s.evidence);
  });
}
