import type { TimeRangeInput } from '../../generated/graphql.js';
import { badArgument } from '../inputChecks.js';
import type { WhereClause } from './whereClause.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Items whose time overlaps the range. A relative bound compares with the item's range of days
 * from publication (`timeRelativeDaysMin/Max`); a date bound with its stated date (`timeDate`).
 * Items whose time is not known precisely enough for a bound are left out when that bound is set.
 */
export function addTimeRange(where: WhereClause, v: string, range: TimeRangeInput | null | undefined, argument = 'filter.time'): void {
  if (!range) return;
  const { fromDate, toDate, fromRelativeDays, toRelativeDays } = range;
  for (const [name, value] of [
    ['fromDate', fromDate],
    ['toDate', toDate],
  ] as const) {
    if (value !== null && value !== undefined && !ISO_DATE.test(value))
      throw badArgument(`${argument}.${name}`, `must be an ISO date (YYYY-MM-DD); got "${value}".`);
  }
  if (fromRelativeDays !== null && fromRelativeDays !== undefined) {
    where.clauses.push(`${v}.timeRelativeDaysMax >= $timeFromRelativeDays`);
    where.params.timeFromRelativeDays = fromRelativeDays;
  }
  if (toRelativeDays !== null && toRelativeDays !== undefined) {
    where.clauses.push(`${v}.timeRelativeDaysMin <= $timeToRelativeDays`);
    where.params.timeToRelativeDays = toRelativeDays;
  }
  if (fromDate) {
    where.clauses.push(`${v}.timeDate >= $timeFromDate`);
    where.params.timeFromDate = fromDate;
  }
  if (toDate) {
    where.clauses.push(`${v}.timeDate <= $timeToDate`);
    where.params.timeToDate = toDate;
  }
}
