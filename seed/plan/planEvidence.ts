/**
 * Provenance: one Source node per document (with its full text, so offsets can be checked
 * in the database) and one Evidence node per distinct span, shared by every fact it supports.
 */
import { CodePointText } from '../validate/codePoints.js';
import type { Evidence } from '../validate/primitives.js';
import type { LoadedSource } from '../validate/ValidatedSeed.js';
import type { PropValue } from './GraphPlan.js';
import { truncate } from './names.js';
import type { PlanBuilder } from './PlanBuilder.js';

/** `evidence:<source-slug>:<start>-<end>`: the same span always gets the same id. */
export function evidenceId(sourceId: string, start: number, end: number): string {
  return `evidence:${sourceId.slice(sourceId.indexOf(':') + 1)}:${start}-${end}`;
}

/** Plans the Source node of a loaded source. */
export function planSource(source: LoadedSource, b: PlanBuilder): void {
  const meta = source.data.source;
  b.node(meta.id, {
    name: meta.title,
    title: meta.title,
    titleStated: meta.titleStated,
    path: meta.path,
    kind: meta.kind,
    language: meta.language,
    // Explicit nulls: "not stated" is itself recorded.
    publisher: meta.publisher,
    publishedAt: meta.publishedAt,
    note: meta.note,
    text: source.text,
    sha256: source.sha256,
    length: BigInt(new CodePointText(source.text).length),
  });
}

/**
 * Links a fact or entity to its evidence: Evidence nodes (merged by span; the node keeps
 * the highest confidence), FOUND_IN to the source, SUPPORTED_BY from the fact.
 */
export function support(
  b: PlanBuilder,
  sourceId: string,
  factId: string,
  evidence: readonly Evidence[],
  relProps: Record<string, PropValue | undefined> = {},
): void {
  for (const ev of evidence) {
    const id = evidenceId(sourceId, ev.start, ev.end);
    const existing = b.props(id);
    const props = {
      // The same span has the same quote, so a shared Evidence node keeps its caption.
      name: existing === undefined ? truncate(ev.quote, 40) : existing.name,
      quote: ev.quote,
      start: BigInt(ev.start),
      end: BigInt(ev.end),
      sourceId,
      confidence: ev.confidence,
      method: ev.method,
    };
    if (existing === undefined) {
      b.node(id, props);
    } else {
      const best = [existing, props].sort(
        (x, y) => Number(y.confidence) - Number(x.confidence) || String(x.method).localeCompare(String(y.method)),
      )[0]!;
      b.replace(id, { ...existing, confidence: best.confidence, method: best.method });
    }
    b.rel('FOUND_IN', id, sourceId);
    b.rel('SUPPORTED_BY', factId, id, { ...relProps, confidence: ev.confidence, method: ev.method });
  }
}
