/**
 * Checks that need more than one field: stated words must be in the evidence, bounds must
 * bracket values, parts must fit their parent, flags must be complete, and every entity
 * must be mentioned somewhere.
 */
import type { Evidence, Flag, Time } from './primitives.js';
import type { IssueLog } from './IssueLog.js';
import type { Locations, Where } from './readSeedFiles.js';
import type { LoadedSource, Registry } from './ValidatedSeed.js';

const inQuotes = (words: string, evidence: readonly Evidence[]): boolean => evidence.some((e) => e.quote.includes(words));

function checkFlags(flags: readonly Flag[] | undefined, at: Where, log: IssueLog): void {
  (flags ?? []).forEach((flag, i) => {
    if (flag.kind === 'conflicting' && (flag.with ?? []).length === 0)
      log.add(at.file, `${at.path}.flags[${i}].with`, 'a conflicting flag must name the facts it conflicts with');
    if (flag.kind !== 'conflicting' && flag.with !== undefined)
      log.add(at.file, `${at.path}.flags[${i}].with`, '"with" is only for conflicting flags');
  });
}

function checkTime(time: Time | undefined, evidence: readonly Evidence[], at: Where, log: IssueLog): void {
  if (time === undefined) return;
  if (time.stated !== null && !inQuotes(time.stated, evidence))
    log.add(at.file, `${at.path}.time.stated`, `"${time.stated}" does not occur in any evidence quote of this fact`);
  if (time.relativeDays !== undefined && time.inferred !== true)
    log.add(at.file, `${at.path}.time.relativeDays`, 'relativeDays is a curator inference: set time.inferred to true');
  if (time.relativeDays !== undefined && time.relativeDays.min > time.relativeDays.max)
    log.add(at.file, `${at.path}.time.relativeDays`, 'min must not exceed max');
  if ((time.precision === 'weekday-relative' || time.precision === 'week-relative') && time.anchor === undefined)
    log.add(at.file, `${at.path}.time.anchor`, 'a relative time needs an anchor');
}

function checkSource(source: LoadedSource, where: Locations, log: IssueLog): void {
  const { data } = source;
  const loc = (item: object): Where | undefined => where.get(item);
  for (const m of data.mentions ?? []) {
    const at = loc(m);
    if (at === undefined) continue;
    m.evidence.forEach((e, i) => {
      if (!e.quote.includes(m.surfaceForm))
        log.add(at.file, `${at.path}.evidence[${i}]`, `surface form "${m.surfaceForm}" does not occur in the quote`);
    });
    if (m.honorific !== undefined && !m.surfaceForm.includes(m.honorific))
      log.add(at.file, `${at.path}.honorific`, `honorific "${m.honorific}" is not part of the surface form`);
  }
  for (const s of data.statements ?? []) {
    const at = loc(s);
    if (at !== undefined && !inQuotes(s.text, s.evidence))
      log.add(at.file, `${at.path}.text`, 'the statement text does not occur verbatim in any of its evidence quotes');
  }
  for (const c of data.commitments ?? []) {
    const at = loc(c);
    if (at === undefined) continue;
    const a = c.amount;
    if (a !== undefined) {
      if (!inQuotes(a.stated, c.evidence))
        log.add(at.file, `${at.path}.amount.stated`, `"${a.stated}" does not occur in any evidence quote of this fact`);
      if (a.lowerBound !== undefined && a.lowerBound > a.value)
        log.add(at.file, `${at.path}.amount.lowerBound`, 'lowerBound exceeds value');
      if (a.upperBound !== undefined && a.upperBound < a.value)
        log.add(at.file, `${at.path}.amount.upperBound`, 'upperBound is below value');
    }
    if (c.target !== undefined && !inQuotes(c.target.stated, c.evidence))
      log.add(at.file, `${at.path}.target.stated`, `"${c.target.stated}" does not occur in any evidence quote of this fact`);
    if (c.partOf === c.id) log.add(at.file, `${at.path}.partOf`, 'a commitment cannot be part of itself');
    checkTime(c.time, c.evidence, at, log);
  }
  // Parts are counted once: together they may not exceed the parent.
  for (const parent of data.commitments ?? []) {
    const parts = (data.commitments ?? []).filter((c) => c.partOf === parent.id && c.amount !== undefined);
    const at = loc(parent);
    if (parts.length === 0 || parent.amount === undefined || at === undefined) continue;
    if (parts.some((p) => p.amount?.currency !== parent.amount?.currency)) {
      log.add(at.file, `${at.path}.amount.currency`, 'parts must be in the currency of their parent');
      continue;
    }
    const sum = parts.reduce((total, p) => total + (p.amount?.value ?? 0), 0);
    if (sum > parent.amount.value)
      log.add(at.file, `${at.path}.amount.value`, `parts add up to ${sum}, more than the parent's ${parent.amount.value}`);
  }
  for (const x of data.exchangeRates ?? []) {
    const at = loc(x);
    if (at === undefined) continue;
    for (const side of ['from', 'to'] as const)
      if (!inQuotes(x[side].stated, x.evidence))
        log.add(at.file, `${at.path}.${side}.stated`, `"${x[side].stated}" does not occur in any evidence quote of this fact`);
    const implied = x.to.value / x.from.value;
    if (Math.abs(implied - x.rate) > 1e-9 * implied)
      log.add(at.file, `${at.path}.rate`, `rate ${x.rate} differs from to.value / from.value = ${implied}`);
  }
  for (const e of data.events ?? []) {
    const at = loc(e);
    if (at !== undefined) checkTime(e.time, e.evidence, at, log);
  }
  const flagged = [
    ...(data.groups ?? []),
    ...(data.fundings ?? []),
    ...(data.mentions ?? []),
    ...(data.tenures ?? []),
    ...(data.commitments ?? []),
    ...(data.exchangeRates ?? []),
    ...(data.events ?? []),
    ...(data.statements ?? []),
    ...(data.stances ?? []),
  ];
  for (const item of flagged) {
    const at = loc(item);
    if (at !== undefined) checkFlags(item.flags, at, log);
  }
}

/** Runs the cross-field checks of every source, then the "every entity is mentioned" check. */
export function checkFacts(
  registry: Registry,
  sources: readonly LoadedSource[],
  where: Locations,
  log: IssueLog,
  options: { checkMentioned: boolean; alsoMentioned?: readonly string[] },
): void {
  for (const source of sources) checkSource(source, where, log);
  if (!options.checkMentioned) return;
  const mentioned = new Set([...sources.flatMap((s) => (s.data.mentions ?? []).map((m) => m.entity)), ...(options.alsoMentioned ?? [])]);
  const entities: { id: string }[] = [
    ...registry.people,
    ...registry.nations,
    ...registry.organizations,
    ...registry.places,
    ...registry.offices,
    ...registry.topics,
    ...sources.flatMap((s) => s.data.groups ?? []),
  ];
  for (const entity of entities) {
    const at = where.get(entity);
    if (at !== undefined && !mentioned.has(entity.id))
      log.add(at.file, at.path, `"${entity.id}" has no evidence: no source mentions it (add a mention or remove it)`);
  }
}
