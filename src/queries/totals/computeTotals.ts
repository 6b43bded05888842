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
 * - converted amounts and totals are rounded to the currency's minor unit (2 for GBP);
 * - a group holds one source's commitments unless `combineSources`, and never mixes a tracker's two
 *   stages (committed, allocated): an allocation draws down a commitment, so the sum would count the
 *   same money twice. Each group lists the sources it summed;
 * - grouping by year or month, a commitment's calendar time is its month (`timePeriod`, `timeYear`)
 *   or its stated date; commitments with neither form the group "(no year)" / "(no month)".
 */
import type { CommitmentKind, CommitmentStatus, TotalsGroupBy } from '../../generated/graphql.js';
import { STORED_ENUMS, storedValue } from '../../model/storedEnums.js';
import { bool, num, str, type NodeRecord } from '../records.js';
import { convertAmount, type ConversionRecord } from './convertAmount.js';
import type { TotalsRow } from './totalsQueries.js';

export interface TotalsGroupRecord {
  actor: NodeRecord | null;
  kind: CommitmentKind | null;
  status: CommitmentStatus | null;
  year: number | null;
  month: string | null;
  /** The one source summed (null when sources are combined). */
  sourceId: string | null;
  /** Every source summed, sorted. */
  sourceIds: string[];
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
  combineSources: boolean;
  /** Every source with a commitment in a group, sorted. */
  sourceIds: string[];
}

export const NO_DONOR_LABEL = '(no donor)';
export const NO_RECIPIENT_LABEL = '(no recipient)';
export const NO_YEAR_LABEL = '(no year)';
export const NO_MONTH_LABEL = '(no month)';
export const NO_SOURCE_LABEL = '(no source)';

/** A tracker's stages: never added to each other. */
const STAGES: ReadonlySet<string> = new Set(['committed', 'allocated']);
const STATUSES: ReadonlySet<string> = new Set(STORED_ENUMS.CommitmentStatus.map(storedValue));

const KINDS: ReadonlySet<string> = new Set(STORED_ENUMS.CommitmentKind.map(storedValue));

/** Sums `rows` per group in `currency`. Pure: the same rows always give the same totals. */
export function computeTotals(
  rows: readonly TotalsRow[],
  groupBy: TotalsGroupBy,
  currency: string,
  options: { combineSources?: boolean; sourceTitle?: (id: string) => string } = {},
): TotalsRecord {
  const combineSources = options.combineSources === true;
  const allSources = new Set<string>();
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
    const sourceId = str(c, 'sourceId');
    const status = str(c, 'status');
    const stage = status !== null && STAGES.has(status) ? status : null;
    for (const key of groupKeys(row, groupBy, options.sourceTitle)) {
      const id = [key.id, combineSources ? '' : (sourceId ?? ''), stage ?? ''].join('\u0000');
      const group = groups.get(id) ?? {
        ...key.group,
        status: key.group.status ?? (stage as CommitmentStatus | null),
        sourceId: combineSources ? null : sourceId,
        sourceIds: [],
        total: 0,
        count: 0,
        approximate: false,
        commitments: [],
      };
      group.total = round(group.total + amount);
      group.count += 1;
      group.approximate ||= approximate;
      group.commitments.push(c);
      if (sourceId !== null && !group.sourceIds.includes(sourceId)) group.sourceIds = [...group.sourceIds, sourceId].sort(compare);
      if (sourceId !== null) allSources.add(sourceId);
      groups.set(id, group);
    }
  }

  return {
    currency,
    groupBy,
    groups: [...groups.values()].sort(groupBy === 'YEAR' || groupBy === 'MONTH' ? byCalendar : byTotalThenLabel),
    conversions: [...conversions.values()].sort((a, b) => compare(`${a.exchangeRate.id} ${a.method}`, `${b.exchangeRate.id} ${b.method}`)),
    unconverted,
    partsSkipped,
    withoutAmount,
    combineSources,
    sourceIds: [...allSources].sort(compare),
  };
}

interface GroupKey {
  id: string;
  group: Pick<TotalsGroupRecord, 'actor' | 'kind' | 'status' | 'year' | 'month' | 'label'>;
}

const EMPTY_KEY = { actor: null, kind: null, status: null, year: null, month: null } as const;

/** A commitment's calendar month (YYYY-MM) and year, from its month or its stated date. */
function calendarOf(c: NodeRecord): { year: number | null; month: string | null } {
  const period = str(c, 'timePeriod');
  const date = str(c, 'timeDate');
  const month = period ?? (date !== null ? date.slice(0, 7) : null);
  const year = num(c, 'timeYear') ?? (date !== null ? Number(date.slice(0, 4)) : null);
  return { year, month };
}

function groupKeys(row: TotalsRow, groupBy: TotalsGroupBy, sourceTitle: ((id: string) => string) | undefined): GroupKey[] {
  switch (groupBy) {
    case 'DONOR':
      return actorKeys(row.donors, NO_DONOR_LABEL);
    case 'RECIPIENT':
      return actorKeys(row.recipients, NO_RECIPIENT_LABEL);
    case 'KIND': {
      const kind = str(row.commitment, 'kind');
      if (kind === null || !KINDS.has(kind)) throw new TypeError(`Commitment ${row.commitment.id} has no known kind`);
      return [{ id: `kind:${kind}`, group: { ...EMPTY_KEY, kind: kind as CommitmentKind, label: kind } }];
    }
    case 'STATUS': {
      const status = str(row.commitment, 'status');
      if (status === null || !STATUSES.has(status)) throw new TypeError(`Commitment ${row.commitment.id} has no known status`);
      return [{ id: `status:${status}`, group: { ...EMPTY_KEY, status: status as CommitmentStatus, label: status } }];
    }
    case 'YEAR': {
      const { year } = calendarOf(row.commitment);
      return [{ id: `year:${year ?? ''}`, group: { ...EMPTY_KEY, year, label: year === null ? NO_YEAR_LABEL : String(year) } }];
    }
    case 'MONTH': {
      const { year, month } = calendarOf(row.commitment);
      return [{ id: `month:${month ?? ''}`, group: { ...EMPTY_KEY, year, month, label: month ?? NO_MONTH_LABEL } }];
    }
    case 'SOURCE': {
      const sourceId = str(row.commitment, 'sourceId');
      const label = sourceId === null ? NO_SOURCE_LABEL : (sourceTitle?.(sourceId) ?? sourceId);
      return [{ id: `source:${sourceId ?? ''}`, group: { ...EMPTY_KEY, label } }];
    }
    default: {
      const unreachable: never = groupBy;
      return unreachable;
    }
  }
}

function actorKeys(actors: readonly NodeRecord[], noneLabel: string): GroupKey[] {
  if (actors.length === 0) return [{ id: '', group: { ...EMPTY_KEY, label: noneLabel } }];
  return actors.map((actor) => ({ id: actor.id, group: { ...EMPTY_KEY, actor, label: actor.name } }));
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

/** Largest first; months and years in calendar order instead, which a series reads. */
function byTotalThenLabel(a: TotalsGroupRecord, b: TotalsGroupRecord): number {
  return (
    b.total - a.total ||
    compare(a.label, b.label) ||
    compare(a.actor?.id ?? '', b.actor?.id ?? '') ||
    compare(a.sourceId ?? '', b.sourceId ?? '') ||
    compare(a.status ?? '', b.status ?? '')
  );
}

function byCalendar(a: TotalsGroupRecord, b: TotalsGroupRecord): number {
  // "(no month)" and "(no year)" sort after every digit.
  return compare(a.label, b.label) || compare(a.sourceId ?? '', b.sourceId ?? '') || compare(a.status ?? '', b.status ?? '');
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
