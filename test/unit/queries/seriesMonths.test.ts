/** The months of a monthly series: calendar arithmetic across years, and the limits it enforces. */
import { describe, expect, it } from 'vitest';
import { MAX_SERIES_MONTHS, seriesMonths } from '../../../src/queries/tracker/monthlySeries.js';

describe('seriesMonths', () => {
  it('lists every month from..to inclusive, across a year end', () => {
    expect(seriesMonths('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(seriesMonths('2024-05', '2024-05')).toEqual(['2024-05']);
  });

  it(`allows ${MAX_SERIES_MONTHS} months and refuses one more, naming toMonth and MAX_SERIES_MONTHS`, () => {
    expect(seriesMonths('2020-01', '2029-12')).toHaveLength(MAX_SERIES_MONTHS);
    expect(() => seriesMonths('2020-01', '2030-01')).toThrow(/Argument "toMonth" .*121 months.*120 \(MAX_SERIES_MONTHS\)/);
  });

  it.each([
    ['2024-13', '2025-01', 'fromMonth'],
    ['2024-1', '2024-02', 'fromMonth'],
    ['2024-01', '24-02', 'toMonth'],
    ['2024-03', '2024-02', 'toMonth'],
  ])('refuses %s..%s naming %s', (from, to, argument) => {
    expect(() => seriesMonths(from, to)).toThrow(new RegExp(`Argument "${argument}"`));
  });
});
