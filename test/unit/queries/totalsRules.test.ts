/** The rules of commitmentTotals that keep sources and stages apart, on rows built here. */
import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../../src/queries/totals/computeTotals.js';
import type { NodeRecord } from '../../../src/queries/records.js';
import type { TotalsRow } from '../../../src/queries/totals/totalsQueries.js';

const donor: NodeRecord = { __label: 'Nation', id: 'nation:gb', name: 'United Kingdom' };

function row(id: string, sourceId: string, status: string, value: number, timePeriod?: string): TotalsRow {
  const commitment: NodeRecord = {
    __label: 'Commitment',
    id,
    name: id,
    kind: 'military',
    status,
    sourceId,
    amountValue: value,
    amountCurrency: 'EUR',
    ...(timePeriod ? { timePeriod, timeYear: Number(timePeriod.slice(0, 4)) } : {}),
  };
  return { commitment, parentSelected: false, donors: [donor], recipients: [], rates: [] };
}

const rows = [
  row('commitment:article-pledge', 'source:article', 'agreed', 100),
  row('commitment:tracker-allocated-1', 'source:tracker', 'allocated', 40, '2022-03'),
  row('commitment:tracker-allocated-2', 'source:tracker', 'allocated', 2, '2022-04'),
  row('commitment:tracker-committed', 'source:tracker', 'committed', 50, '2022-03'),
];

describe('commitmentTotals keeps sources and stages apart', () => {
  it('gives each source its own group for the same donor, and each tracker stage its own', () => {
    const totals = computeTotals(rows, 'DONOR', 'EUR');
    expect(totals.groups.map((g) => [g.label, g.sourceId, g.status, g.total, g.sourceIds])).toEqual([
      ['United Kingdom', 'source:article', null, 100, ['source:article']],
      ['United Kingdom', 'source:tracker', 'committed', 50, ['source:tracker']],
      ['United Kingdom', 'source:tracker', 'allocated', 42, ['source:tracker']],
    ]);
    expect(totals.sourceIds).toEqual(['source:article', 'source:tracker']);
  });

  it('adds sources together only when asked, listing them; stages still apart', () => {
    const totals = computeTotals(rows, 'DONOR', 'EUR', { combineSources: true });
    expect(totals.groups.map((g) => [g.sourceId, g.status, g.total, g.sourceIds])).toEqual([
      [null, null, 100, ['source:article']],
      [null, 'committed', 50, ['source:tracker']],
      [null, 'allocated', 42, ['source:tracker']],
    ]);
    const plain = computeTotals(
      [row('commitment:a', 'source:a', 'agreed', 1), row('commitment:b', 'source:b', 'signed', 2)],
      'DONOR',
      'EUR',
      { combineSources: true },
    );
    expect(plain.groups.map((g) => [g.total, g.sourceIds])).toEqual([[3, ['source:a', 'source:b']]]);
  });

  it('groups by month and year in calendar order, with undated commitments last', () => {
    const months = computeTotals(rows, 'MONTH', 'EUR');
    expect(months.groups.map((g) => [g.label, g.status, g.total])).toEqual([
      ['2022-03', 'allocated', 40],
      ['2022-03', 'committed', 50],
      ['2022-04', 'allocated', 2],
      ['(no month)', null, 100],
    ]);
    expect(computeTotals(rows, 'YEAR', 'EUR').groups.map((g) => [g.year, g.status, g.total])).toEqual([
      [2022, 'allocated', 42],
      [2022, 'committed', 50],
      [null, null, 100],
    ]);
  });
});
