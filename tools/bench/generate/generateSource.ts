/**
 * One synthetic source: a news-like text written sentence by sentence, and the facts it states
 * in the project's seed format (tenures, commitments with instalments, fundings, an exchange
 * rate, events, statements, stances, groups, mentions), each with evidence spans that are true
 * by construction. Source `k` depends only on the seed and `k`, never on the scale.
 */
import { Random } from './Random.js';
import { TextBuilder, type Sentence, type Span } from './TextBuilder.js';
import {
  CLAUSES,
  COMMITMENT_TYPES,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  FIRST_NAMES,
  FUNDING_PHRASES,
  GROUP_TEMPLATES,
  LAST_NAMES,
  NATION_COUNT,
  NATION_OFFICES,
  QUOTES,
  SAYING_VERBS,
  STANCE_KINDS,
  STATUSES,
  TOPIC_COUNT,
  VENUES,
  WEEKDAYS,
} from './wordLists.js';
import { ERA_LENGTH, World, type NationRef, type PersonRef } from './World.js';

type Json = Record<string, unknown>;

/** A generated source: its slug, text, and the content of `sources/<slug>.json` (or `.yaml`). */
export interface GeneratedSource {
  slug: string;
  text: string;
  file: Json;
}

/** Money as a source states it, from an integer number of millions (so values are exact). */
function money(currency: string, millions: number): { stated: string; value: number } {
  const symbol: Record<string, string> = { GBP: '£', EUR: '€', USD: '$', JPY: '¥' };
  const figure =
    millions >= 1000 && millions % 10 === 0
      ? `${(millions / 1000).toFixed(2).replace(/\.?0+$/, '')} billion`
      : `${millions.toLocaleString('en-US')} million`;
  const stated = symbol[currency] === undefined ? `${currency} ${figure}` : `${symbol[currency]}${figure}`;
  return { stated, value: millions * 1_000_000 };
}

const ev = (span: Span): Json => ({ quote: span.quote, start: span.start, end: span.end });

export function generateSource(world: World, seed: number, k: number): GeneratedSource {
  const rng = new Random(seed, k + 1);
  const slug = `bench-s${String(k).padStart(6, '0')}`;
  const p = `s${String(k).padStart(6, '0')}`;
  const era = Math.floor(k / ERA_LENGTH);
  const t = new TextBuilder();
  const facts = {
    groups: [] as Json[],
    fundings: [] as Json[],
    tenures: [] as Json[],
    commitments: [] as Json[],
    exchangeRates: [] as Json[],
    events: [] as Json[],
    statements: [] as Json[],
    stances: [] as Json[],
  };
  const seq = { tenure: 0, commitment: 0, event: 0, statement: 0, stance: 0 };
  const id = (kind: keyof typeof seq, prefix: string): string => `${prefix}:${p}-${kind[0]}${String(++seq[kind]).padStart(2, '0')}`;

  // Who is involved: the pool of nations grows with the source number, up to every free code.
  const poolSize = Math.min(NATION_COUNT, 8 + Math.floor(k / 4));
  const recipient = world.nation(rng.chance(0.85) ? 0 : 1 + rng.int(poolSize - 1));
  const others = rng.sample(
    Array.from({ length: poolSize - 1 }, (_, i) => i + 1).filter((i) => i !== recipient.index),
    3,
  );
  const donors = others.slice(0, 2).map((i) => world.nation(i));
  const third = world.nation(others[2]!);
  const involved = [...donors, recipient, third];
  const topicPool = Math.min(TOPIC_COUNT, 12 + Math.floor(k / 3));
  const topics = rng
    .sample(
      Array.from({ length: topicPool }, (_, i) => i),
      6,
    )
    .map((i) => world.topic(i));
  const when = timePhrase(rng);

  const nationName = (s: Sentence, n: NationRef, capitalise = false): Span =>
    s.mention(n.id, capitalise ? n.name.replace(/^the /, 'The ') : n.name);
  const fullName = (s: Sentence, who: PersonRef): Span => s.mention(who.id, who.name);
  const shortName = (s: Sentence, who: PersonRef): Span => s.mention(who.id, `${who.honorific} ${who.last}`, who.honorific);
  const officeOf = (s: Sentence, officeId: string, title: string, n: NationRef): void => {
    const mark = s.mark();
    s.words(`${title} of `);
    nationName(s, n);
    s.mentionSince(mark, officeId);
  };

  // Intro: the summit that frames the article.
  const host = donors[0]!;
  const city = world.capital(host);
  let s = t.sentence();
  s.words('Leaders of ');
  involved.forEach((n, i) => {
    if (i > 0) s.words(i === involved.length - 1 ? ' and ' : ', ');
    nationName(s, n);
  });
  s.words(' met in ');
  s.mention(city.id, city.name);
  s.words(` ${when.stated}.`);
  const summit = id('event', 'event');
  facts.events.push({
    id: summit,
    name: `Summit in ${city.name}`,
    kind: 'summit',
    cameo: '036',
    description: 'Leaders met to discuss support for Ukraine.',
    participants: involved.map((n, i) => ({ id: n.id, role: i === 0 ? 'host' : 'participant' })),
    place: city.id,
    time: when.time,
    status: 'occurred',
    ...(when.flags ? { flags: when.flags } : {}),
    evidence: [ev(s.end())],
  });
  const events = [summit];
  t.paragraph();

  // Tenures: pairs of office holders meeting, each sentence one event.
  const holders: { person: PersonRef; nation: NationRef; officeId: string; title: string }[] = [];
  for (let i = 0; i < 5; i++) {
    const pair = [0, 1].map(() => {
      const n = rng.pick(involved);
      return { nation: n, ...world.holder(n, rng.int(NATION_OFFICES.length), era) };
    });
    if (pair[0]!.person.id === pair[1]!.person.id) pair.pop();
    s = t.sentence();
    pair.forEach((h, j) => {
      if (j > 0) s.words(', and ');
      fullName(s, h.person);
      s.words(', the ');
      officeOf(s, h.officeId, h.title, h.nation);
    });
    const venueName = rng.pick(VENUES).replace(/^the /, '');
    const venue = world.venue(slug, i, venueName, host);
    s.words(`, held talks at `);
    s.mention(venue.id, venue.name);
    s.words('.');
    const span = s.end();
    for (const h of pair) {
      facts.tenures.push({ id: id('tenure', 'tenure'), person: h.person.id, office: h.officeId, status: 'current', evidence: [ev(span)] });
      holders.push(h);
    }
    const meeting = id('event', 'event');
    facts.events.push({
      id: meeting,
      name: `Talks at ${venue.name}`,
      kind: 'meeting',
      cameo: '036',
      description: 'Bilateral talks between office holders.',
      participants: pair.map((h) => ({ id: h.person.id, role: 'participant' })),
      place: venue.id,
      time: { stated: null, precision: 'unknown' },
      status: 'occurred',
      after: [events.at(-1)!],
      evidence: [ev(span)],
    });
    events.push(meeting);
    if (i % 2 === 1) t.paragraph();
  }

  // A conflicting pair of tenure claims about one person, as news sometimes contains.
  const doubted = world.holder(third, 0, era);
  s = t.sentence();
  fullName(s, doubted.person);
  s.words(', the former ');
  officeOf(s, doubted.officeId, doubted.title, third);
  s.words(', criticised the plan.');
  const formerSpan = s.end();
  s = t.sentence();
  s.words('Yet officials still describe ');
  shortName(s, doubted.person);
  s.words(' as the serving ');
  officeOf(s, doubted.officeId, doubted.title, third);
  s.words('.');
  const currentSpan = s.end();
  const [formerId, currentId] = [id('tenure', 'tenure'), id('tenure', 'tenure')];
  const conflict = (other: string): Json[] => [
    { kind: 'conflicting', note: 'The source calls the office both former and current.', with: [other] },
  ];
  facts.tenures.push(
    {
      id: formerId,
      person: doubted.person.id,
      office: doubted.officeId,
      status: 'former',
      flags: conflict(currentId),
      evidence: [ev(formerSpan)],
    },
    {
      id: currentId,
      person: doubted.person.id,
      office: doubted.officeId,
      status: 'current',
      flags: conflict(formerId),
      evidence: [ev(currentSpan)],
    },
  );
  t.paragraph();

  // Commitments: donors pledge money or equipment to the recipient; some come with instalments.
  const commitments: { id: string; name: string; currency: string; millions: number; donor: NationRef; span: Span }[] = [];
  for (let i = 0; i < 10; i++) {
    const donor = donors[i % donors.length]!;
    const [kind, subtype, phrase, itemType, items] = rng.pick(COMMITMENT_TYPES);
    const millions = rng.chance(0.5) ? rng.between(1, 99) * 10 + 1000 * rng.between(0, 4) : rng.between(5, 950);
    const qualifier = rng.pick([undefined, undefined, undefined, 'nearly', 'approximately', 'up-to'] as const);
    const m = money(donor.currency, millions);
    const qualifierWords = { nearly: 'nearly ', approximately: 'approximately ', 'up-to': 'up to ' };
    const stated = `${qualifier === undefined ? '' : qualifierWords[qualifier]}${m.stated}`;
    const leader = world.holder(donor, 0, era);
    const cTime = timePhrase(rng);
    const status = rng.pick(STATUSES);
    s = t.sentence();
    nationName(s, donor, true);
    s.words(` will provide ${stated} in ${phrase} to `);
    nationName(s, recipient);
    s.words(', ');
    fullName(s, leader.person);
    s.words(` announced ${cTime.stated}.`);
    const span = s.end();
    const cid = id('commitment', 'commitment');
    const name = `${donor.name.replace(/^the /, '')} ${m.stated} ${phrase} to ${recipient.name.replace(/^the /, '')}`;
    const flags = [
      ...(qualifier === 'approximately' ? [{ kind: 'approximate', note: 'The source gives an approximate figure.' }] : []),
      ...(cTime.flags ?? []),
    ];
    facts.commitments.push({
      id: cid,
      name,
      kind,
      subtype,
      description: `${phrase} pledged by ${donor.name.replace(/^the /, '')}.`,
      donors: [donor.id],
      recipients: [recipient.id],
      amount: {
        stated,
        value: m.value,
        currency: donor.currency,
        ...(qualifier === undefined ? {} : { qualifier }),
        ...(qualifier === 'nearly' || qualifier === 'up-to' ? { upperBound: m.value } : {}),
      },
      status,
      approvedBy: [leader.person.id],
      ...(itemType === undefined ? {} : { itemType, items }),
      time: cTime.time,
      ...(flags.length > 0 ? { flags } : {}),
      evidence: [ev(span)],
    });
    commitments.push({ id: cid, name, currency: donor.currency, millions, donor, span });
    if (i % 3 === 0) {
      const announcement = id('event', 'event');
      facts.events.push({
        id: announcement,
        name: `Announcement: ${name}`,
        kind: 'announcement',
        cameo: kind === 'military' ? '072' : '071',
        description: 'The donor announced the commitment.',
        participants: [{ id: leader.person.id, role: 'announcer' }],
        time: cTime.time,
        status: 'occurred',
        commitments: [cid],
        after: [summit],
        evidence: [ev(span)],
      });
      events.push(announcement);
    }
    if (i % 3 === 2) t.paragraph();
  }

  // Instalments of the two largest commitments: parts in the parent's currency, adding up to less.
  for (const parent of [...commitments].sort((a, b) => b.millions - a.millions || (a.id < b.id ? -1 : 1)).slice(0, 2)) {
    const first = Math.max(1, Math.floor((parent.millions * 3) / 10 / 10) * 10);
    const second = Math.max(1, Math.floor((parent.millions * 5) / 10 / 10) * 10);
    const [m1, m2] = [money(parent.currency, first), money(parent.currency, second)];
    const due = timePhrase(rng);
    s = t.sentence();
    s.words(
      `The first instalment of ${m1.stated} was transferred on ${rng.pick(WEEKDAYS)}, with a second of ${m2.stated} due ${due.stated}.`,
    );
    const span = s.end();
    const parts = [
      { amount: m1, status: 'transferred', nth: 'first' },
      { amount: m2, status: 'planned', nth: 'second' },
    ];
    for (const { amount, status, nth } of parts)
      facts.commitments.push({
        id: id('commitment', 'commitment'),
        name: `${nth} instalment of ${parent.name}`,
        kind: 'financial',
        subtype: 'instalment',
        description: `The ${nth} instalment.`,
        donors: [parent.donor.id],
        recipients: [recipient.id],
        amount: { stated: amount.stated, value: amount.value, currency: parent.currency },
        status,
        partOf: parent.id,
        evidence: [ev(span)],
      });
  }
  t.paragraph();

  // Fundings: where the money of two commitments comes from.
  for (let i = 0; i < 2; i++) {
    const c = commitments[i]!;
    const phrase = FUNDING_PHRASES[(k + i) % FUNDING_PHRASES.length]!;
    s = t.sentence();
    s.words(`${i === 0 ? 'The' : 'That'} pledge will be financed from ${phrase}.`);
    const fid = `funding:${p}-f${i + 1}`;
    facts.fundings.push({ id: fid, name: phrase, description: `Funding of ${c.name}.`, evidence: [ev(s.end())] });
    const target = facts.commitments.find((x) => x.id === c.id)!;
    target.fundedBy = [fid];
  }

  // An exchange rate the source itself states, for an organisation's commitment.
  const org = world.organization(rng.int(3));
  const fromCurrency = 'EUR';
  const toCurrency = host.currency === 'EUR' ? 'USD' : host.currency;
  const fromMillions = rng.between(10, 90) * 10_000;
  const toMillions = Math.round((fromMillions * (0.6 + rng.next())) / 1000) * 1000;
  const [from, to] = [money(fromCurrency, fromMillions), money(toCurrency, toMillions)];
  s = t.sentence();
  s.words('Members of ');
  s.mention(org.id, org.name);
  s.words(` agreed to mobilise approximately ${from.stated} (${to.stated}) for defence.`);
  const xSpan = s.end();
  const orgCommitment = id('commitment', 'commitment');
  facts.commitments.push({
    id: orgCommitment,
    name: `${org.short} ${from.stated} defence mobilisation`,
    kind: 'policy',
    subtype: 'defence-spending',
    description: 'Members agreed to mobilise money for defence.',
    donors: [org.id],
    amount: { stated: `approximately ${from.stated}`, value: from.value, currency: fromCurrency, qualifier: 'approximately' },
    status: 'agreed',
    flags: [{ kind: 'approximate', note: 'Stated as approximate.' }],
    evidence: [ev(xSpan)],
  });
  facts.exchangeRates.push({
    id: `exchange-rate:${p}-x1`,
    from: { ...from, currency: fromCurrency },
    to: { ...to, currency: toCurrency },
    rate: to.value / from.value,
    derivation: 'to.value / from.value, both as stated in the source',
    converts: [orgCommitment],
    evidence: [ev(xSpan)],
  });

  // A procurement contract with a company.
  const company = world.company(slug, `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIXES)}`);
  const signer = world.holder(recipient, 1, era);
  const contract = money(host.currency, rng.between(2, 60) * 10);
  s = t.sentence();
  s.mention(company.id, company.name);
  s.words(` signed a ${contract.stated} contract to supply drones to `);
  nationName(s, recipient);
  s.words(', and ');
  fullName(s, signer.person);
  s.words(' signed it.');
  const contractSpan = s.end();
  facts.commitments.push({
    id: id('commitment', 'commitment'),
    name: `${company.name} ${contract.stated} drones contract`,
    kind: 'military',
    subtype: 'procurement-contract',
    description: 'A contract to supply drones.',
    recipients: [recipient.id],
    contractors: [company.id],
    amount: { stated: contract.stated, value: contract.value, currency: host.currency },
    status: 'signed',
    signedBy: [signer.person.id],
    itemType: 'Aviation and drones',
    items: 'drones',
    evidence: [ev(contractSpan)],
  });
  t.paragraph();

  // Statements (direct quotes and reported speech), most expressing a stance. Some speakers are
  // spokespeople who appear in this source only, so the number of people grows with the scale.
  const spokespeople = [1, 2].map((j) => {
    const h = rng.pick(holders);
    const [first, last] = [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
    const person = world.person(
      `person:${p}-spokesperson-${j}`,
      `${first} ${last}`,
      `A spokesperson of the ${h.title.toLowerCase()} of ${h.nation.name.replace(/^the /, '')}.`,
      first,
      last,
    );
    return { ...h, person };
  });
  for (let i = 0; i < 20; i++) {
    const speaker = i % 4 === 1 || i % 4 === 2 ? spokespeople[(i >> 2) % 2]! : rng.pick(holders);
    const topic = rng.pick(topics);
    const direct = i % 2 === 0;
    const template = rng.pick(direct ? QUOTES : CLAUSES);
    const verb = rng.pick(SAYING_VERBS);
    s = t.sentence();
    const fill = (): string => {
      const parts = template.split(/(\{topic\}|\{nation\})/);
      const written: string[] = [];
      parts.forEach((part) => {
        if (part === '{topic}') written.push(s.mention(topic.id, topic.name).quote);
        else if (part === '{nation}') written.push(nationName(s, recipient).quote);
        else if (part.length > 0) written.push(s.words(part).quote);
      });
      return written.join('');
    };
    let text: string;
    if (direct) {
      s.words('“');
      text = fill();
      s.words(',” ');
      (i < 4 || i % 4 === 0 ? fullName : shortName)(s, speaker.person);
      s.words(` ${verb}.`);
    } else {
      fullName(s, speaker.person);
      s.words(` ${verb === 'told reporters' ? 'said' : verb} `);
      text = fill();
      s.words('.');
    }
    const span = s.end();
    const statementId = id('statement', 'statement');
    const occasion = rng.pick(events);
    facts.statements.push({
      id: statementId,
      kind: direct ? 'direct-quote' : 'reported-speech',
      text,
      verb: direct ? verb : verb === 'told reporters' ? 'said' : verb,
      speaker: speaker.person.id,
      occasion,
      about: [topic.id, recipient.id],
      ...(rng.chance(0.3) ? { flags: [{ kind: 'inferred', note: 'The occasion is inferred from the sequence of the text.' }] } : {}),
      evidence: [ev(span)],
    });
    if (rng.chance(0.8)) {
      const target = rng.chance(0.5) ? rng.pick(commitments).id : topic.id;
      facts.stances.push({
        id: id('stance', 'stance'),
        holders: [speaker.nation.id],
        kind: rng.pick(STANCE_KINDS),
        targets: [target],
        description: `${speaker.nation.name.replace(/^the /, '')}'s position, voiced by ${speaker.person.name}.`,
        voicedBy: speaker.person.id,
        expressedIn: [statementId],
        evidence: [ev(span)],
      });
    }
    if (i % 4 === 3) t.paragraph();
  }

  // Planned visits.
  for (let i = 0; i < 4; i++) {
    const visitor = rng.pick(holders);
    const dest = world.capital(rng.pick(involved.filter((n) => n.id !== visitor.nation.id)));
    const topic = rng.pick(topics);
    s = t.sentence();
    fullName(s, visitor.person);
    s.words(' will travel to ');
    s.mention(dest.id, dest.name);
    s.words(' next week for talks on ');
    s.mention(topic.id, topic.name);
    s.words('.');
    const visit = id('event', 'event');
    facts.events.push({
      id: visit,
      name: `${visitor.person.name} visit to ${dest.name}`,
      kind: 'visit',
      cameo: '036',
      description: `A planned visit for talks on ${topic.name}.`,
      participants: [{ id: visitor.person.id, role: 'visitor' }],
      place: dest.id,
      time: { stated: 'next week', precision: 'week-relative', anchor: 'publication', relativeDays: { min: 1, max: 13 }, inferred: true },
      status: 'planned',
      after: [summit],
      flags: [{ kind: 'inferred', note: 'Day range inferred from "next week".' }],
      evidence: [ev(s.end())],
    });
    events.push(visit);
  }
  t.paragraph();

  // Groups the text names without members, each taking a stance.
  rng.sample(GROUP_TEMPLATES, 3).forEach((g, i) => {
    const gid = `group:${p}-g${i + 1}`;
    const orgRef = 'org' in g ? world.organization(g.org === 'eu' ? 0 : 1) : undefined;
    s = t.sentence();
    const mark = s.mark();
    if (orgRef !== undefined && g.name.startsWith('EU ')) {
      s.mention(orgRef.id, 'EU');
      s.words(g.name.slice(2));
    } else if (orgRef !== undefined) {
      s.words(g.name.replace(/alliance$/, ''));
      s.mention(orgRef.id, 'alliance');
    } else {
      s.words(i === 0 ? g.name.charAt(0).toUpperCase() + g.name.slice(1) : g.name);
    }
    s.mentionSince(mark, gid);
    const topic = rng.pick(topics);
    s.words(` ${i === 0 ? 'welcomed' : 'backed'} the plans for `);
    s.mention(topic.id, topic.name);
    s.words('.');
    facts.groups.push({
      id: gid,
      name: g.name,
      description: g.description,
      ...('count' in g ? { count: g.count, countQualifier: 'approximately' } : {}),
      ...(orgRef === undefined ? {} : { memberOf: [orgRef.id] }),
    });
    facts.stances.push({
      id: id('stance', 'stance'),
      holders: [gid],
      kind: i === 0 ? 'welcomes' : 'supports',
      targets: [topic.id],
      description: `${g.name} on ${topic.name}.`,
      evidence: [ev(s.end())],
    });
  });

  for (const m of t.mentionItems()) world.markMentioned(m.entity);
  const text = t.text();
  const file: Json = {
    source: {
      id: `source:${slug}`,
      title: `Synthetic report ${k}: support for ${recipient.name.replace(/^the /, '')}`,
      titleStated: false,
      path: `sources/${slug}.txt`,
      kind: 'news-article',
      language: 'en',
      publisher: null,
      publishedAt: null,
      note: `Synthetic benchmark data (seed ${seed}, source ${k}).`,
    },
    groups: facts.groups,
    fundings: facts.fundings,
    mentions: t.mentionItems().map((m) => ({ ...m, evidence: m.evidence.map(ev) })),
    tenures: facts.tenures,
    commitments: facts.commitments,
    exchangeRates: facts.exchangeRates,
    events: facts.events,
    statements: facts.statements,
    stances: facts.stances,
  };
  return { slug, text, file };
}

/** A time phrase with its seed-format time (and an `inferred` flag when a day range is added). */
function timePhrase(rng: Random): { stated: string; time: Json; flags?: Json[] } {
  const choice = rng.int(4);
  if (choice === 0) {
    const stated = `on ${rng.pick(WEEKDAYS)}`;
    return {
      stated,
      time: { stated, precision: 'weekday-relative', anchor: 'publication', relativeDays: { min: -6, max: 0 }, inferred: true },
      flags: [{ kind: 'inferred', note: 'Past tense: within the week before publication.' }],
    };
  }
  if (choice === 1) return { stated: 'last week', time: { stated: 'last week', precision: 'week-relative', anchor: 'publication' } };
  if (choice === 2) {
    const month = rng.pick(['January', 'March', 'May', 'June', 'September', 'November']);
    return { stated: `in ${month}`, time: { stated: `in ${month}`, precision: 'month' } };
  }
  return { stated: 'this year', time: { stated: 'this year', precision: 'year' } };
}
