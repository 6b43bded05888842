/**
 * An actor's commitments from one source, summed per calendar month in one Cypher query: every
 * month of the range is a point (0 when the source states nothing for it), the sums are made in
 * Cypher, and only one currency is ever summed.
 */
import type { CommitmentKind, CommitmentStatus } from '../../generated/graphql.js';
import { AppError } from '../../errors.js';
import { cypher, type NamedQuery } from '../../db/cypher.js';
import type { Executor } from '../../db/Executor.js';
import type { Plain } from '../../db/toPlain.js';
import type { NodeLabel } from '../../model/vocabulary.js';
import { cachedQuery } from '../cachedQuery.js';
import { badArgument, checkId } from '../inputChecks.js';
import { asNodeRecord, projectNode, type NodeRecord } from '../records.js';

/** The longest series, in months (from..to inclusive). */
export const MAX_SERIES_MONTHS = 120;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ACTOR_LABELS: readonly NodeLabel[] = ['Person', 'Nation', 'Organization', 'Group'];

export interface MonthPointRecord {
  period: string;
  year: number;
  month: number;
  value: number;
  /** The commitments summed, by name. */
  commitments: NodeRecord[];
}

export interface MonthlySeriesRecord {
  actor: NodeRecord;
  source: NodeRecord;
  status: CommitmentStatus;
  currency: string | null;
  total: number;
  points: MonthPointRecord[];
}

export interface SeriesRequest {
  actorId: string;
  sourceId: string;
  status: CommitmentStatus;
  kind?: readonly CommitmentKind[] | null;
  fromMonth: string;
  toMonth: string;
}

/** Months since year 0 of a YYYY-MM argument (BAD_USER_INPUT naming it when it is not one). */
function monthIndex(value: string, argument: string): number {
  const match = MONTH.exec(value);
  if (!match) throw badArgument(argument, `must be a calendar month (YYYY-MM); got "${value.slice(0, 20)}".`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** The months from..to inclusive, YYYY-MM; checked against MAX_SERIES_MONTHS. */
export function seriesMonths(fromMonth: string, toMonth: string): string[] {
  const from = monthIndex(fromMonth, 'fromMonth');
  const to = monthIndex(toMonth, 'toMonth');
  if (to < from) throw badArgument('toMonth', `must not be before fromMonth ("${fromMonth}"); got "${toMonth}".`);
  const count = to - from + 1;
  if (count > MAX_SERIES_MONTHS)
    throw badArgument('toMonth', `makes a series of ${count} months; at most ${MAX_SERIES_MONTHS} (MAX_SERIES_MONTHS) are allowed.`);
  return Array.from({ length: count }, (_, i) => {
    const index = from + i;
    return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** The calendar month of a commitment `c`: its stated month, or the month of its stated date. */
const MONTH_OF = (v: string): string => `coalesce(${v}.timePeriod, substring(${v}.timeDate, 0, 7))`;

/**
 * The series query for an actor of `label` (the label comes from the checked id, never from the
 * text of a request). A part whose parent is selected too is left out: its money is in the parent.
 */
function seriesQuery(label: NodeLabel): NamedQuery {
  return cachedQuery(`series.monthly.${label}`, () =>
    cypher(
      'series.monthly',
      `
OPTIONAL MATCH (a:${label} {id: $actorId})
OPTIONAL MATCH (s:Source {id: $sourceId})
CALL (a) {
  OPTIONAL MATCH (a)-[:COMMITTED]->(c:Commitment)
  WHERE c.sourceId = $sourceId AND c.status = $status AND c.amountValue IS NOT NULL
    AND ($kinds IS NULL OR c.kind IN $kinds) AND ${MONTH_OF('c')} IN $periods
  WITH c ORDER BY c.name, c.id
  RETURN collect(c) AS found
}
WITH a, s, [c IN found WHERE NOT EXISTS { MATCH (p:Commitment)-[:HAS_PART*1..]->(c) WHERE p IN found }] AS selected
RETURN
  CASE WHEN a IS NULL THEN null ELSE ${projectNode('a')} END AS actor,
  CASE WHEN s IS NULL THEN null ELSE ${projectNode('s')} END AS source,
  COLLECT { UNWIND selected AS c RETURN DISTINCT c.amountCurrency AS currency ORDER BY currency } AS currencies,
  CASE WHEN size(selected) = 0
    THEN COLLECT { MATCH (x:Commitment) WHERE x.sourceId = $sourceId AND x.amountCurrency IS NOT NULL
                   RETURN DISTINCT x.amountCurrency AS currency ORDER BY currency LIMIT 2 }
    ELSE [] END AS sourceCurrencies,
  reduce(total = 0.0, c IN selected | total + c.amountValue) AS total,
  [p IN $periods | {
    period: p,
    value: reduce(sum = 0.0, c IN selected | sum + CASE WHEN ${MONTH_OF('c')} = p THEN c.amountValue ELSE 0.0 END),
    commitments: [c IN selected WHERE ${MONTH_OF('c')} = p | ${projectNode('c')}]
  }] AS points`,
    ),
  );
}

/**
 * The series `request` asks for. BAD_USER_INPUT for malformed ids or months, a range over
 * MAX_SERIES_MONTHS or amounts in several currencies; NOT_FOUND naming the id that names nothing.
 */
export async function monthlySeries(executor: Executor, request: SeriesRequest): Promise<MonthlySeriesRecord> {
  const label = checkId(request.actorId, 'actorId');
  if (!ACTOR_LABELS.includes(label))
    throw badArgument('actorId', `must be an actor id (person:, nation:, organization:, group:); got "${request.actorId}".`);
  if (checkId(request.sourceId, 'sourceId') !== 'Source')
    throw badArgument('sourceId', `must be a source id ("source:…"); got "${request.sourceId}".`);
  const periods = seriesMonths(request.fromMonth, request.toMonth);
  const kinds = request.kind?.length ? [...request.kind] : null;
  const [row] = await executor.read(seriesQuery(label), {
    actorId: request.actorId,
    sourceId: request.sourceId,
    status: request.status,
    kinds,
    periods,
  });
  const ends = { actorId: row?.actor ?? null, sourceId: row?.source ?? null };
  const missing = (['actorId', 'sourceId'] as const).filter((argument) => ends[argument] === null);
  if (missing.length > 0) {
    const named = missing.map((argument) => `"${request[argument]}" (argument "${argument}")`).join(' or ');
    throw new AppError('NOT_FOUND', `No node with id ${named}.`, { details: { arguments: missing } });
  }
  const currencies = strings(row?.currencies);
  if (currencies.length > 1)
    throw badArgument(
      'sourceId',
      `selects amounts in ${currencies.length} currencies (${currencies.join(', ')}); a series sums one currency and never converts. Narrow it with kind or status.`,
    );
  const sourceCurrencies = strings(row?.sourceCurrencies);
  const currency = currencies[0] ?? (sourceCurrencies.length === 1 ? (sourceCurrencies[0] ?? null) : null);
  return {
    actor: asNodeRecord(ends.actorId),
    source: asNodeRecord(ends.sourceId),
    status: request.status,
    currency,
    total: typeof row?.total === 'number' ? row.total : 0,
    points: (Array.isArray(row?.points) ? row.points : []).map(asPoint),
  };
}

function strings(value: Plain | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function asPoint(value: Plain): MonthPointRecord {
  const point = value as { period: string; value: Plain; commitments: Plain };
  const [year, month] = point.period.split('-').map(Number) as [number, number];
  return {
    period: point.period,
    year,
    month,
    value: typeof point.value === 'number' ? point.value : 0,
    commitments: Array.isArray(point.commitments) ? point.commitments.map(asNodeRecord) : [],
  };
}
