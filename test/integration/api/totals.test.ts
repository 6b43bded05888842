/**
 * Query.commitmentTotals on the seeded first source. Expected figures, from
 * seed/data/sources/uk-france-coalition-ukraine-support.yaml (11 commitments):
 * - with an amount: the drones deal (nearly £30m, UK → UA), the ERA loan (£2.26bn, UK → UA), its
 *   first instalment (£752m, a part of the loan), the EU budget rule relaxation (approximately
 *   €650bn, EU member states → willing nations, stated as £545bn: rate 545/650);
 * - without an amount: 7 (UK defence spending, two US halts, the minerals deal, the peacekeeping
 *   force, the US–Ukraine talks, UK equipment deliveries).
 */
import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../../support/apiHarness.js';

interface Totals {
  currency: string;
  groupBy: string;
  groups: {
    actor: { __typename: string; id: string } | null;
    kind: string | null;
    label: string;
    total: number;
    count: number;
    approximate: boolean;
    commitments: { id: string }[];
  }[];
  conversions: { from: string; to: string; rate: number; method: string; exchangeRate: { id: string; base: string; quote: string } }[];
  unconverted: { id: string }[];
  partsSkipped: number;
  withoutAmount: number;
}

const TOTALS = `query Totals($groupBy: TotalsGroupBy!, $currency: String!, $filter: CommitmentFilter) {
  commitmentTotals(groupBy: $groupBy, currency: $currency, filter: $filter) {
    currency groupBy
    groups {
      actor { __typename ... on Node { id } }
      kind label total count approximate
      commitments { id }
    }
    conversions { from to rate method exchangeRate { id base quote } }
    unconverted { id }
    partsSkipped withoutAmount
  }
}`;

const ARTICLE = 'source:uk-france-coalition-ukraine-support';
const DRONES = 'commitment:uk-ukraine-attack-drones-deal-30m';
const LOAN = 'commitment:uk-ukraine-era-loan-2-26bn';
const INSTALMENT = 'commitment:uk-ukraine-era-loan-first-instalment-752m';
const EU_RELAXATION = 'commitment:eu-budget-rule-relaxation-650bn';
const EUR_GBP = 'exchange-rate:eur-gbp-eu-defence-650bn';

describe('commitmentTotals', () => {
  const api = useApiHarness();
  // The article's commitments: the tracker's are summed in tracker.test.ts.
  const scoped = (variables: Record<string, unknown>) => ({
    ...variables,
    filter: { sourceIds: [ARTICLE], ...(variables.filter as Record<string, unknown> | undefined) },
  });
  const totals = async (variables: Record<string, unknown>): Promise<Totals> => {
    const result = await api.execute<{ commitmentTotals: Totals }>(TOTALS, scoped(variables));
    expect(result.errors).toBeUndefined();
    if (!result.data) throw new Error('no data');
    return result.data.commitmentTotals;
  };
  const errorOf = async (variables: Record<string, unknown>) => (await api.execute(TOTALS, variables)).errors?.[0];

  it('by donor in GBP: the UK has the loan and the drones deal, not the instalment; the EU sum converts at 545/650', async () => {
    const result = await totals({ groupBy: 'DONOR', currency: 'GBP' });
    expect(result.currency).toBe('GBP');
    expect(result.groupBy).toBe('DONOR');
    expect(result.groups).toEqual([
      {
        actor: { __typename: 'Group', id: 'group:eu-member-states' },
        kind: null,
        label: 'EU member states',
        total: 545_000_000_000,
        count: 1,
        approximate: true, // "approximately", and a forecast
        commitments: [{ id: EU_RELAXATION }],
      },
      {
        actor: { __typename: 'Nation', id: 'nation:gb' },
        kind: null,
        label: 'United Kingdom',
        total: 2_290_000_000, // £2.26bn + nearly £30m
        count: 2,
        approximate: true, // "nearly £30 million"
        commitments: [{ id: DRONES }, { id: LOAN }],
      },
    ]);
    const uk = result.groups.find((g) => g.actor?.id === 'nation:gb');
    expect(uk?.commitments.map((c) => c.id)).not.toContain(INSTALMENT);
    expect(result.partsSkipped).toBe(1);
    expect(result.withoutAmount).toBe(7);
    expect(result.unconverted).toEqual([]);
  });

  it('lists the stated EUR→GBP conversion it used, with its ExchangeRate node', async () => {
    const result = await totals({ groupBy: 'DONOR', currency: 'GBP' });
    expect(result.conversions).toEqual([
      {
        from: 'EUR',
        to: 'GBP',
        rate: 545 / 650,
        method: 'STATED_IN_SOURCE',
        exchangeRate: { id: EUR_GBP, base: 'EUR', quote: 'GBP' },
      },
    ]);
  });

  it('by kind in GBP: policy €650bn as £545bn, financial £2.26bn (instalment skipped), military nearly £30m', async () => {
    const result = await totals({ groupBy: 'KIND', currency: 'GBP' });
    expect(
      result.groups.map(({ kind, label, total, count, approximate, actor }) => ({ kind, label, total, count, approximate, actor })),
    ).toEqual([
      { kind: 'POLICY', label: 'policy', total: 545_000_000_000, count: 1, approximate: true, actor: null },
      { kind: 'FINANCIAL', label: 'financial', total: 2_260_000_000, count: 1, approximate: false, actor: null },
      { kind: 'MILITARY', label: 'military', total: 30_000_000, count: 1, approximate: true, actor: null },
    ]);
    expect(result.partsSkipped).toBe(1);
    expect(result.withoutAmount).toBe(7);
  });

  it('by recipient in GBP', async () => {
    const result = await totals({ groupBy: 'RECIPIENT', currency: 'GBP' });
    expect(result.groups.map((g) => [g.actor?.id, g.label, g.total, g.count])).toEqual([
      ['group:eu-willing-nations', 'Willing nations (EU budget rule)', 545_000_000_000, 1],
      ['nation:ua', 'Ukraine', 2_290_000_000, 2],
    ]);
  });

  it('in USD: no stated rate exists, so every amount is listed as unconverted and no rate is invented', async () => {
    const result = await totals({ groupBy: 'DONOR', currency: 'USD' });
    expect(result.currency).toBe('USD');
    expect(result.groups).toEqual([]);
    expect(result.conversions).toEqual([]);
    expect(result.unconverted.map((c) => c.id)).toEqual([EU_RELAXATION, DRONES, LOAN]);
    expect(result.partsSkipped).toBe(1);
    expect(result.withoutAmount).toBe(7);
  });

  it('in EUR: the EU sum needs no conversion; the rate stated for it is not applied to the UK pounds', async () => {
    const result = await totals({ groupBy: 'DONOR', currency: 'EUR' });
    expect(result.groups.map((g) => [g.actor?.id, g.total, g.count])).toEqual([['group:eu-member-states', 650_000_000_000, 1]]);
    expect(result.conversions).toEqual([]);
    expect(result.unconverted.map((c) => c.id)).toEqual([DRONES, LOAN]);
  });

  it('counts an instalment when the filter leaves its parent out (transferred: only the £752m)', async () => {
    const result = await totals({ groupBy: 'DONOR', currency: 'GBP', filter: { status: ['TRANSFERRED'] } });
    expect(result.groups.map((g) => [g.actor?.id, g.total, g.commitments.map((c) => c.id)])).toEqual([
      ['nation:gb', 752_000_000, [INSTALMENT]],
    ]);
    expect(result.partsSkipped).toBe(0);
  });

  it('applies the commitment filter (UK only, by kind; parts excluded by the filter are not "skipped")', async () => {
    const result = await totals({ groupBy: 'KIND', currency: 'GBP', filter: { donorId: 'nation:gb', includeParts: false } });
    expect(result.groups.map((g) => [g.kind, g.total])).toEqual([
      ['FINANCIAL', 2_260_000_000],
      ['MILITARY', 30_000_000],
    ]);
    expect(result.partsSkipped).toBe(0);
    // UK defence spending (a target, no money) and UK equipment deliveries.
    expect(result.withoutAmount).toBe(2);
    expect(result.conversions).toEqual([]);
  });

  it('accepts a lower-case code and answers with the ISO form', async () => {
    expect((await totals({ groupBy: 'KIND', currency: 'gbp' })).currency).toBe('GBP');
  });

  it.each(['GPB', 'pounds', '', 'XX', '£'])('refuses %j as a currency with BAD_USER_INPUT', async (currency) => {
    const error = await errorOf({ groupBy: 'DONOR', currency });
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain('"currency"');
  });

  it('suggests the likely code for a typo', async () => {
    expect((await errorOf({ groupBy: 'DONOR', currency: 'GPB' }))?.message).toContain('GBP');
  });

  it('refuses a filter id of the wrong shape', async () => {
    const error = await errorOf({ groupBy: 'DONOR', currency: 'GBP', filter: { donorId: 'gb' } });
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers in one round trip', async () => {
    const result = await api.execute(TOTALS, { groupBy: 'DONOR', currency: 'GBP' });
    expect(result.queries.map((q) => q.name)).toEqual(['totals.commitments']);
  });
});
