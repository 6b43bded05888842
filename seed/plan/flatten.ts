/**
 * Neo4j properties cannot hold maps, so nested seed objects become prefixed flat
 * properties (`amount.stated` → `amountStated`). Integers become bigint (Neo4j Integer).
 */
import type { Amount, Flag, Time } from '../validate/primitives.js';
import type { Commitment } from '../validate/factSchemas.js';
import type { PropValue } from './GraphPlan.js';

type Props = Record<string, PropValue | undefined>;

/** `amountStated`, `amountValue`, `amountCurrency`, `amountQualifier`, bounds, `amountExpected`. */
export function flattenAmount(amount: Amount | undefined): Props {
  if (amount === undefined) return {};
  return {
    amountStated: amount.stated,
    amountValue: amount.value,
    amountCurrency: amount.currency,
    amountQualifier: amount.qualifier,
    amountLowerBound: amount.lowerBound,
    amountUpperBound: amount.upperBound,
    amountExpected: amount.expected,
  };
}

/** `targetStated`, `targetValue`, `targetUnit` for non-monetary targets such as "2.5% of GDP". */
export function flattenTarget(target: Commitment['target']): Props {
  if (target === undefined) return {};
  return { targetStated: target.stated, targetValue: target.value, targetUnit: target.unit };
}

/** `timeStated`, `timePrecision`, `timeDate`, `timeAnchor`, `timeRelativeDaysMin/Max`, `timeInferred`, `timeNote`. */
export function flattenTime(time: Time | undefined): Props {
  if (time === undefined) return {};
  return {
    timeStated: time.stated ?? undefined,
    timePrecision: time.precision,
    timeDate: time.date,
    timeAnchor: time.anchor,
    timeRelativeDaysMin: time.relativeDays === undefined ? undefined : BigInt(time.relativeDays.min),
    timeRelativeDaysMax: time.relativeDays === undefined ? undefined : BigInt(time.relativeDays.max),
    timeInferred: time.inferred,
    timeNote: time.note,
  };
}

/** `flags` (sorted kinds) and `notes` (the curator's note, then one "kind: note" per flag). */
export function flattenFlags(flags: readonly Flag[] | undefined, note?: string): Props {
  const kinds = [...new Set((flags ?? []).map((f) => f.kind))].sort();
  const notes = [...(note === undefined ? [] : [note]), ...(flags ?? []).map((f) => `${f.kind}: ${f.note}`)];
  return { flags: kinds.length > 0 ? kinds : undefined, notes: notes.length > 0 ? notes : undefined };
}
