/**
 * Every id a fact refers to must be defined, and be of a kind that makes sense there.
 */
import { ACTOR_TYPES, ENTITY_TYPES, TARGET_TYPES, type IdType } from '../../src/model/ids.js';
import type { Definition } from './idIndex.js';
import type { IssueLog } from './IssueLog.js';
import type { Locations } from './readSeedFiles.js';
import type { LoadedSource, Registry } from './ValidatedSeed.js';

interface Ref {
  path: string;
  id: string;
  types: readonly IdType[];
  /** Words for the issue message when the id is missing ("parent commitment"). */
  role?: string;
}

const list = (path: string, ids: readonly string[] | undefined, types: readonly IdType[]): Ref[] =>
  (ids ?? []).map((id, i) => ({ path: `${path}[${i}]`, id, types }));

const one = (path: string, id: string | undefined, types: readonly IdType[], role?: string): Ref[] =>
  id === undefined ? [] : [{ path, id, types, ...(role === undefined ? {} : { role }) }];

const flagRefs = (flags: readonly { with?: string[] | undefined }[] | undefined): Ref[] =>
  (flags ?? []).flatMap((flag, i) =>
    list(`flags[${i}].with`, flag.with, ['tenure', 'commitment', 'event', 'statement', 'stance', 'exchange-rate']),
  );

/** The references of every item, with the path (relative to the item) and the expected kinds. */
function sourceRefs(data: LoadedSource['data']): { item: object; refs: Ref[] }[] {
  const out: { item: object; refs: Ref[] }[] = [];
  for (const g of data.groups ?? []) out.push({ item: g, refs: [...list('memberOf', g.memberOf, ['organization']), ...flagRefs(g.flags)] });
  for (const f of data.fundings ?? []) out.push({ item: f, refs: flagRefs(f.flags) });
  for (const m of data.mentions ?? []) out.push({ item: m, refs: [...one('entity', m.entity, ENTITY_TYPES), ...flagRefs(m.flags)] });
  for (const t of data.tenures ?? [])
    out.push({ item: t, refs: [...one('person', t.person, ['person']), ...one('office', t.office, ['office']), ...flagRefs(t.flags)] });
  for (const c of data.commitments ?? [])
    out.push({
      item: c,
      refs: [
        ...list('donors', c.donors, ACTOR_TYPES),
        ...list('recipients', c.recipients, ACTOR_TYPES),
        ...list('parties', c.parties, ACTOR_TYPES),
        ...list('fundedBy', c.fundedBy, ['funding']),
        ...list('approvedBy', c.approvedBy, ['person']),
        ...list('signedBy', c.signedBy, ['person']),
        ...list('expectedSignatories', c.expectedSignatories, ['person']),
        ...list('contractors', c.contractors, ['organization']),
        ...one('partOf', c.partOf, ['commitment'], 'parent commitment'),
        ...flagRefs(c.flags),
      ],
    });
  for (const x of data.exchangeRates ?? [])
    out.push({ item: x, refs: [...list('converts', x.converts, ['commitment']), ...flagRefs(x.flags)] });
  for (const e of data.events ?? [])
    out.push({
      item: e,
      refs: [
        ...(e.participants ?? []).map((p, i) => ({ path: `participants[${i}].id`, id: p.id, types: ACTOR_TYPES })),
        ...one('place', e.place, ['place']),
        ...list('commitments', e.commitments, ['commitment']),
        ...list('after', e.after, ['event']),
        ...flagRefs(e.flags),
      ],
    });
  for (const s of data.statements ?? [])
    out.push({
      item: s,
      refs: [
        ...one('speaker', s.speaker, ACTOR_TYPES),
        ...one('occasion', s.occasion, ['event']),
        ...list('about', s.about, TARGET_TYPES),
        ...flagRefs(s.flags),
      ],
    });
  for (const s of data.stances ?? [])
    out.push({
      item: s,
      refs: [
        ...list('holders', s.holders, ACTOR_TYPES),
        ...list('targets', s.targets, TARGET_TYPES),
        ...one('voicedBy', s.voicedBy, ['person']),
        ...list('expressedIn', s.expressedIn, ['statement']),
        ...flagRefs(s.flags),
      ],
    });
  return out;
}

function registryRefs(registry: Registry): { item: object; refs: Ref[] }[] {
  return [
    ...registry.offices.map((o) => ({ item: o, refs: one('of', o.of, ['nation', 'organization']) })),
    ...registry.places.map((p) => ({ item: p, refs: list('within', p.within, ['nation']) })),
  ];
}

/** Edit distance, to suggest the id a typo meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}

/** Reports references to undefined ids or to ids of the wrong kind. */
export function checkReferences(
  registry: Registry,
  sources: readonly LoadedSource[],
  index: ReadonlyMap<string, Definition>,
  where: Locations,
  log: IssueLog,
): void {
  const all = [...registryRefs(registry), ...sources.flatMap((s) => sourceRefs(s.data))];
  for (const { item, refs } of all) {
    const at = where.get(item);
    if (at === undefined) continue;
    for (const ref of refs) {
      const def = index.get(ref.id);
      const expected = `expected ${ref.types.length === 1 ? 'a' : 'one of:'} ${ref.types.join(', ')}`;
      if (def === undefined) {
        if (log.rejectedIds.has(ref.id)) continue; // defined, but invalid: already reported
        const near = [...index.values()].filter((d) => ref.types.includes(d.type) && distance(d.id, ref.id) <= 3).map((d) => d.id);
        const hint = near.length > 0 ? `; did you mean ${near.join(' or ')}?` : '';
        const what = ref.role === undefined ? 'unknown id' : `${ref.role} does not exist:`;
        log.add(at.file, `${at.path}.${ref.path}`, `${what} "${ref.id}" (${expected})${hint}`);
      } else if (!ref.types.includes(def.type)) {
        log.add(at.file, `${at.path}.${ref.path}`, `"${ref.id}" is a ${def.type}, ${expected}`);
      }
    }
  }
}
