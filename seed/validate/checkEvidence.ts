/**
 * Every evidence quote must be the source text at its offsets, verbatim; when it is not,
 * the issue says where the quote does occur so the curator can fix the offsets quickly.
 */
import { CodePointText } from './codePoints.js';
import type { Evidence } from './primitives.js';
import type { IssueLog } from './IssueLog.js';
import type { Locations } from './readSeedFiles.js';
import type { LoadedSource } from './ValidatedSeed.js';

/** Every fact of a source that carries evidence. */
export function factsWithEvidence(data: LoadedSource['data']): { evidence: Evidence[] }[] {
  return [
    ...(data.fundings ?? []),
    ...(data.mentions ?? []),
    ...(data.tenures ?? []),
    ...(data.commitments ?? []),
    ...(data.exchangeRates ?? []),
    ...(data.events ?? []),
    ...(data.statements ?? []),
    ...(data.stances ?? []),
  ];
}

/** Problem with one evidence item against its text, or undefined when it is right. */
export function evidenceProblem(text: CodePointText, ev: Evidence): string | undefined {
  if (ev.end <= ev.start) return `end (${ev.end}) must be greater than start (${ev.start})`;
  // Where else the quote occurs is only searched for a wrong quote: the search is what the
  // check cost (about half of validation at a million rows) when it ran for every quote.
  const hint = (): string => {
    const hits = text.findAll(ev.quote);
    return hits.length === 0
      ? 'the quote does not occur anywhere in the source text'
      : `the quote occurs at ${hits.map((h) => `${h.start}-${h.end}`).join(', ')}`;
  };
  if (ev.end > text.length) return `offsets ${ev.start}-${ev.end} are outside the text (length ${text.length}); ${hint()}`;
  const actual = text.slice(ev.start, ev.end);
  if (actual !== ev.quote) return `quote is not at ${ev.start}-${ev.end} (the text there is ${JSON.stringify(actual)}); ${hint()}`;
  return undefined;
}

/** Checks all evidence of all sources. */
export function checkEvidence(sources: readonly LoadedSource[], where: Locations, log: IssueLog): void {
  for (const source of sources) {
    const text = new CodePointText(source.text);
    for (const fact of factsWithEvidence(source.data)) {
      const at = where.get(fact);
      if (at === undefined) continue;
      fact.evidence.forEach((ev, i) => {
        const problem = evidenceProblem(text, ev);
        if (problem !== undefined) log.add(at.file, `${at.path}.evidence[${i}]`, problem);
      });
    }
  }
}
