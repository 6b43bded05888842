import neo4j from 'neo4j-driver';
import type { TimeRangeInput } from '../../generated/graphql.js';
import { badArgument } from '../inputChecks.js';
import type { WhereClause } from './whereClause.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The most years one filter may list. */
export const MAX_YEARS = 100;

/**
 * Items whose time overlaps the range. A relative bound compares with the item's range of days
 * from publication (`timeRelativeDaysMin/Max`); a date bound with its stated date (`timeDate`), or
 * with the first and last day of a month (`timeDateMin/Max`, for a time of precision month); a
 * month bound and a year with the month (`timePeriod`, `timeYear`) or the date's. Items whose time
 * is not known precisely enough for a bound are left out when that bound is set.
 */
export function addTimeRange(where: WhereClause, v: string, range: TimeRangeInput | null | undefined, argument = 'filter.time'): void {
  if (!range) return;
  const { fromDate, toDate, fromRelativeDays, toRelativeDays, fromMonth, toMonth, years } = range;
  for (const [name, value] of [
    ['fromDate', fromDate],
    ['toDate', toDate],
  ] as const) {
    if (value !== null && value !== undefined && !ISO_DATE.test(value))
      throw badArgument(`${argument}.${name}`, `must be an ISO date (YYYY-MM-DD); got "${value}".`);
  }
  for (const [name, value] of [
    ['fromMonth', fromMonth],
    ['toMonth', toMonth],
  ] as const) {
    if (value !== null && value !== undefined && !MONTH.test(value))
      throw badArgument(`${argument}.${name}`, `must be a calendar month (YYYY-MM); got "${value}".`);
  }
  if (years && years.length > MAX_YEARS)
    throw badArgument(`${argument}.years`, `may list at most ${MAX_YEARS} years (MAX_YEARS); got ${years.length}.`);
  if (fromRelativeDays !== null && fromRelativeDays !== undefined) {
    where.clauses.push(`${v}.timeRelativeDaysMax >= $timeFromRelativeDays`);
    where.params.timeFromRelativeDays = fromRelativeDays;
  }
  if (toRelativeDays !== null && toRelativeDays !== undefined) {
    where.clauses.push(`${v}.timeRelativeDaysMin <= $timeToRelativeDays`);
    where.params.timeToRelativeDays = toRelativeDays;
  }
  if (fromDate) {
    where.clauses.push(`coalesce(${v}.timeDateMax, ${v}.timeDate) >= $timeFromDate`);
    where.params.timeFromDate = fromDate;
  }
  if (toDate) {
    where.clauses.push(`coalesce(${v}.timeDateMin, ${v}.timeDate) <= $timeToDate`);
    where.params.timeToDate = toDate;
  }
  const month = `coalesce(${v}.timePeriod, substring(${v}.timeDate, 0, 7))`;
  if (fromMonth) {
    where.clauses.push(`${month} >= $timeFromMonth`);
    where.params.timeFromMonth = fromMonth;
  }
  if (toMonth) {
    where.clauses.push(`${month} <= $timeToMonth`);
    where.params.timeToMonth = toMonth;
  }
  if (years && years.length > 0) {
    where.clauses.push(`coalesce(${v}.timeYear, toInteger(substring(${v}.timeDate, 0, 4))) IN $timeYears`);
    where.params.timeYears = years.map((y) => neo4j.int(y));
  }
}
