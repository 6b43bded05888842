/**
 * The rules of commitmentTotals, as plain code over the rows totalsRows returns:
 * - a part (HAS_PART) whose parent is also selected is skipped and counted in `partsSkipped`:
 *   its value is already inside the parent's; a part whose parent the filter left out counts;
 * - a commitment without `amountValue` counts in `withoutAmount`, in no group;
 * - an amount converts only with a rate its source states for it (see convertAmount); otherwise
 *   it is listed in `unconverted`, in no group;
 * - a commitment with several donors (or recipients) counts fully in each one's group, so group
 *   totals may add up to more than the money committed;
 * - grouping by donor or recipient, commitments without one form a group of their own with
 *   `actor: null` and the label "(no donor)" / "(no recipient)";
 * - converted amounts and totals are rounded to the currency's minor unit (2 for GBP).
 */
import type { CommitmentKind, TotalsGroupBy } from '../../generated/graphql.js';
import { STORED_ENUMS, storedValue } from '../../model/storedEnums.js';
import { bool, num, str, type NodeRecord } from '../records.js';
import { convertAmount, type ConversionRecord } from './convertAmount.js';
import type { TotalsRow } from './totalsQueries.js';

export interface TotalsGroupRecord {
  actor: NodeRecord | null;
  kind: CommitmentKind | null;
  label: string;
  total: number;
  count: number;
  approximate: boolean;
  commitments: NodeRecord[];
}

export interface TotalsRecord {
  currency: string;
  groupBy: TotalsGroupBy;
  groups: TotalsGroupRecord[];
  conversions: ConversionRecord[];
  unconverted: NodeRecord[];
  partsSkipped: number;
  withoutAmount: number;
}

export const NO_DONOR_LABEL = '(no donor)';
export const NO_RECIPIENT_LABEL = '(no recipient)';

const KINDS: ReadonlySet<string> = new Set(STORED_ENUMS.CommitmentKind.map(storedValue));

/** Sums `rows` per group in `currency`. Pure: the same rows always give the same totals. */
export function computeTotals(rows: readonly TotalsRow[], groupBy: TotalsGroupBy, currency: string): TotalsRecord {
  const round = roundToMinorUnit(currency);
  const groups = new Map<string, TotalsGroupRecord>();
  const conversions = new Map<string, ConversionRecord>();
  const unconverted: NodeRecord[] = [];
  let partsSkipped = 0;
  let withoutAmount = 0;

  for (const row of rows) {
    const c = row.commitment;
    if (row.parentSelected) {
      partsSkipped += 1;
      continue;
    }
    const value = num(c, 'amountValue');
    const from = str(c, 'amountCurrency');
    if (value === null || from === null) {
      withoutAmount += 1;
      continue;
    }
    const converted = convertAmount(value, from, currency, row.rates);
    if (converted === null) {
      unconverted.push(c);
      continue;
    }
    if (converted.conversion) {
      const { exchangeRate, method } = converted.conversion;
      conversions.set(`${exchangeRate.id} ${method}`, converted.conversion);
    }
    const amount = round(converted.value);
    const approximate = isApproximate(c);
    for (const key of groupKeys(row, groupBy)) {
      const group = groups.get(key.id) ?? { ...key.group, total: 0, count: 0, approximate: false, commitments: [] };
      group.total = round(group.total + amount);
      group.count += 1;
      group.approximate ||= approximate;
      group.commitments.push(c);
      groups.set(key.id, group);
    }
  }

  return {
    currency,
    groupBy,
    groups: [...groups.values()].sort(byTotalThenLabel),
    conversions: [...conversions.values()].sort((a, b) => compare(`${a.exchangeRate.id} ${a.method}`, `${b.exchangeRate.id} ${b.method}`)),
    unconverted,
    partsSkipped,
    withoutAmount,
  };
}

interface GroupKey {
  id: string;
  group: Pick<TotalsGroupRecord, 'actor' | 'kind' | 'label'>;
}

function groupKeys(row: TotalsRow, groupBy: TotalsGroupBy): GroupKey[] {
  switch (groupBy) {
    case 'DONOR':
      return actorKeys(row.donors, NO_DONOR_LABEL);
    case 'RECIPIENT':
      return actorKeys(row.recipients, NO_RECIPIENT_LABEL);
    case 'KIND': {
      const kind = str(row.commitment, 'kind');
      if (kind === null || !KINDS.has(kind)) throw new TypeError(`Commitment ${row.commitment.id} has no known kind`);
      return [{ id: `kind:${kind}`, group: { actor: null, kind: kind as CommitmentKind, label: kind } }];
    }
    default: {
      const unreachable: never = groupBy;
      return unreachable;
    }
  }
}

function actorKeys(actors: readonly NodeRecord[], noneLabel: string): GroupKey[] {
  if (actors.length === 0) return [{ id: '', group: { actor: null, kind: null, label: noneLabel } }];
  return actors.map((actor) => ({ id: actor.id, group: { actor, kind: null, label: actor.name } }));
}

/** A qualifier ("nearly"), a bound or a forecast makes an amount approximate. */
function isApproximate(c: NodeRecord): boolean {
  return (
    str(c, 'amountQualifier') !== null ||
    num(c, 'amountLowerBound') !== null ||
    num(c, 'amountUpperBound') !== null ||
    bool(c, 'amountExpected') === true
  );
}

function byTotalThenLabel(a: TotalsGroupRecord, b: TotalsGroupRecord): number {
  return b.total - a.total || compare(a.label, b.label) || compare(a.actor?.id ?? '', b.actor?.id ?? '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rounds to the currency's minor unit as ICU knows it (2 for GBP, EUR, USD; 0 for JPY). */
function roundToMinorUnit(currency: string): (value: number) => number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const factor = 10 ** digits;
  return (value) => Math.round(value * factor) / factor;
}
