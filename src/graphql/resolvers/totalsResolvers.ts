/**
 * Query.commitmentTotals: checks the currency, fetches the selected commitments, sums them by
 * the rules in computeTotals.
 */
import { isIsoCurrency, similarCurrencies } from '../../model/currency.js';
import type { Resolvers } from '../../generated/graphql.js';
import { computeTotals } from '../../queries/totals/computeTotals.js';
import { totalsRows } from '../../queries/totals/totalsQueries.js';
import { badArgument, checkFirst } from '../../queries/inputChecks.js';
import { str, type NodeRecord } from '../../queries/records.js';
import type { GraphContext } from '../context.js';

/** An ISO 4217 code known to the runtime, upper-cased (`gbp` → `GBP`). */
function checkCurrency(currency: string): string {
  const code = currency.trim().toUpperCase();
  if (isIsoCurrency(code)) return code;
  const similar = code.length <= 3 ? similarCurrencies(code).slice(0, 3) : [];
  const hint = similar.length > 0 ? ` (did you mean ${similar.join(' or ')}?)` : '';
  throw badArgument('currency', `must be an ISO 4217 currency code such as GBP, EUR or USD; got "${currency.slice(0, 20)}"${hint}.`);
}

/** The first `first` of these sources, by id. */
async function sourcesOf(ids: readonly string[], first: number | null | undefined, ctx: GraphContext): Promise<NodeRecord[]> {
  const page = ids.slice(0, checkFirst(first, TOTALS_PAGE_SIZE, ctx.limits.maxPageSize));
  return (await ctx.loaders.node.loadMany(page)).filter((s): s is NodeRecord => s !== null && !(s instanceof Error));
}

/** Page size of the lists inside totals when the request does not say (the SDL's `first: Int = 20`). */
export const TOTALS_PAGE_SIZE = 20;

/** Query fields: commitmentTotals; the lists of a total are pages of what computeTotals found. */
export const totalsResolvers: Resolvers = {
  Query: {
    commitmentTotals: async (_p, { groupBy, currency, filter, combineSources }, ctx) => {
      const code = checkCurrency(currency);
      const rows = await totalsRows(ctx.executor, filter);
      const titles = new Map<string, string>();
      if (groupBy === 'SOURCE') {
        const ids = [...new Set(rows.map((r) => str(r.commitment, 'sourceId')).filter((id): id is string => id !== null))];
        for (const source of await ctx.loaders.node.loadMany(ids))
          if (source && !(source instanceof Error)) titles.set(source.id, source.name);
      }
      return computeTotals(rows, groupBy, code, { combineSources: combineSources === true, sourceTitle: (id) => titles.get(id) ?? id });
    },
  },
  CommitmentTotals: {
    groups: (totals, { first }, ctx) => totals.groups.slice(0, checkFirst(first, TOTALS_PAGE_SIZE, ctx.limits.maxPageSize)),
    groupCount: (totals) => totals.groups.length,
    conversions: (totals, { first }, ctx) => totals.conversions.slice(0, checkFirst(first, TOTALS_PAGE_SIZE, ctx.limits.maxPageSize)),
    unconverted: (totals, { first }, ctx) => totals.unconverted.slice(0, checkFirst(first, TOTALS_PAGE_SIZE, ctx.limits.maxPageSize)),
    conversionCount: (totals) => totals.conversions.length,
    unconvertedCount: (totals) => totals.unconverted.length,
    sources: (totals, { first }, ctx) => sourcesOf(totals.sourceIds, first, ctx),
    sourceCount: (totals) => totals.sourceIds.length,
  },
  TotalsGroup: {
    commitments: (group, { first }, ctx) => group.commitments.slice(0, checkFirst(first, TOTALS_PAGE_SIZE, ctx.limits.maxPageSize)),
    source: (group, _a, ctx) => (group.sourceId === null ? null : ctx.loaders.node.load(group.sourceId)),
    sources: (group, { first }, ctx) => sourcesOf(group.sourceIds, first, ctx),
    sourceCount: (group) => group.sourceIds.length,
  },
};
