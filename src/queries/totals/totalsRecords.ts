/**
 * The records commitmentTotals resolves from (codegen `mappers`), and their reading from the row its
 * query returns: checked at the edge, so resolvers see plain, typed values.
 */
import type { CommitmentKind, CommitmentStatus, TotalsGroupBy } from '../../generated/graphql.js';
import type { Row } from '../../db/Executor.js';
import type { Plain } from '../../db/toPlain.js';
import { STORED_ENUMS, storedValue } from '../../model/storedEnums.js';
import { asNodeRecord, type NodeRecord } from '../records.js';

export type ConversionMethod = 'STATED_IN_SOURCE' | 'INVERSE_OF_STATED';

/** A conversion as the API lists it: the rate actually applied, from the amount's currency to the asked one. */
export interface ConversionRecord {
  from: string;
  to: string;
  rate: number;
  method: ConversionMethod;
  exchangeRate: NodeRecord;
}

export interface TotalsGroupRecord {
  actor: NodeRecord | null;
  kind: CommitmentKind | null;
  status: CommitmentStatus | null;
  year: number | null;
  month: string | null;
  /** The one source summed (null when sources are combined, or the commitments name none). */
  source: NodeRecord | null;
  /** The first of the sources summed, by id; null where no node has the id. */
  sources: (NodeRecord | null)[];
  sourceCount: number;
  label: string;
  total: number;
  count: number;
  approximate: boolean;
  /** The first of the `count` commitments, by id. */
  commitments: NodeRecord[];
}

/** The totals, with the first page of each list (`TotalsPages`) and each list's whole size. */
export interface TotalsRecord {
  currency: string;
  groupBy: TotalsGroupBy;
  combineSources: boolean;
  groups: TotalsGroupRecord[];
  groupCount: number;
  conversions: ConversionRecord[];
  conversionCount: number;
  unconverted: NodeRecord[];
  unconvertedCount: number;
  partsSkipped: number;
  withoutAmount: number;
  /** The first of the sources with a commitment in a group, by id; null where no node has the id. */
  sources: (NodeRecord | null)[];
  sourceCount: number;
}

const KINDS: ReadonlySet<string> = new Set(STORED_ENUMS.CommitmentKind.map(storedValue));
const STATUSES: ReadonlySet<string> = new Set(STORED_ENUMS.CommitmentStatus.map(storedValue));

/** The record of the totals query's one row. */
export function readTotals(row: Row, request: { currency: string; groupBy: TotalsGroupBy; combineSources: boolean }): TotalsRecord {
  return {
    currency: request.currency,
    groupBy: request.groupBy,
    combineSources: request.combineSources,
    groups: list(row.groups).map(asGroup),
    groupCount: count(row.groupCount),
    conversions: list(row.conversions).map(asConversion),
    conversionCount: count(row.conversionCount),
    unconverted: list(row.unconverted).map(asNodeRecord),
    unconvertedCount: count(row.unconvertedCount),
    partsSkipped: count(row.partsSkipped),
    withoutAmount: count(row.withoutAmount),
    sources: list(row.sources).map(asNodeOrNull),
    sourceCount: count(row.sourceCount),
  };
}

function list(value: Plain | undefined): Plain[] {
  return Array.isArray(value) ? value : [];
}

function count(value: Plain | undefined): number {
  if (typeof value !== 'number') throw new TypeError('Expected a count from the totals query');
  return value;
}

function asNodeOrNull(value: Plain | undefined): NodeRecord | null {
  return value === null || value === undefined ? null : asNodeRecord(value);
}

function fields(value: Plain): Record<string, Plain> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('Expected a map from the totals query');
  return value;
}

/** A group as the query returns it, checked at the edge: a stored kind or status outside the enums is a data error. */
function asGroup(value: Plain): TotalsGroupRecord {
  const g = fields(value);
  const kind = typeof g.kind === 'string' ? g.kind : null;
  const status = typeof g.status === 'string' ? g.status : null;
  if (kind !== null && !KINDS.has(kind)) throw new TypeError(`A commitment has no known kind: ${kind}`);
  if (status !== null && !STATUSES.has(status)) throw new TypeError(`A commitment has no known status: ${status}`);
  if (typeof g.label !== 'string' || typeof g.total !== 'number') throw new TypeError('A totals group lacks its label or total');
  return {
    actor: asNodeOrNull(g.actor),
    kind: kind as CommitmentKind | null,
    status: status as CommitmentStatus | null,
    year: typeof g.year === 'number' ? g.year : null,
    month: typeof g.month === 'string' ? g.month : null,
    source: asNodeOrNull(g.source),
    sources: list(g.sources).map(asNodeOrNull),
    sourceCount: count(g.sourceCount),
    label: g.label,
    total: g.total,
    count: count(g.count),
    approximate: g.approximate === true,
    commitments: list(g.commitments).map(asNodeRecord),
  };
}

function asConversion(value: Plain): ConversionRecord {
  const m = fields(value);
  const { from, to, rate, method } = m;
  if (typeof from !== 'string' || typeof to !== 'string' || typeof rate !== 'number')
    throw new TypeError('A conversion lacks its currencies or rate');
  if (method !== 'STATED_IN_SOURCE' && method !== 'INVERSE_OF_STATED') throw new TypeError('A conversion lacks its method');
  return { from, to, rate, method, exchangeRate: asNodeRecord(m.exchangeRate) };
}
