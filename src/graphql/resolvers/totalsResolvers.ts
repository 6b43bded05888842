/**
 * Query.commitmentTotals: checks the currency, fetches the selected commitments, sums them by
 * the rules in computeTotals.
 */
import { isIsoCurrency, similarCurrencies } from '../../../seed/format/currency.js';
import type { Resolvers } from '../../generated/graphql.js';
import { computeTotals } from '../../queries/totals/computeTotals.js';
import { totalsRows } from '../../queries/totals/totalsQueries.js';
import { badArgument } from '../arguments.js';

/** An ISO 4217 code known to the runtime, upper-cased (`gbp` → `GBP`). */
function checkCurrency(currency: string): string {
  const code = currency.trim().toUpperCase();
  if (isIsoCurrency(code)) return code;
  const similar = code.length <= 3 ? similarCurrencies(code).slice(0, 3) : [];
  const hint = similar.length > 0 ? ` (did you mean ${similar.join(' or ')}?)` : '';
  throw badArgument('currency', `must be an ISO 4217 currency code such as GBP, EUR or USD; got "${currency.slice(0, 20)}"${hint}.`);
}

/** Query fields: commitmentTotals. */
export const totalsResolvers: Resolvers = {
  Query: {
    commitmentTotals: async (_p, { groupBy, currency, filter }, ctx) => {
      const code = checkCurrency(currency);
      return computeTotals(await totalsRows(ctx.executor, filter), groupBy, code);
    },
  },
};
