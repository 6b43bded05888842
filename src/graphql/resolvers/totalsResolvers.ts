/**
 * Query.commitmentTotals: checks the currency, reads from the selection how many items of each
 * list to fetch, and lets one query sum the commitments (totalsQueries.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { isIsoCurrency, similarCurrencies } from '../../model/currency.js';
import type { QueryCommitmentTotalsArgs, Resolvers } from '../../generated/graphql.js';
import { commitmentTotals, type TotalsPages, type TotalsRequest } from '../../queries/totals/totalsQueries.js';
import { badArgument } from '../../queries/inputChecks.js';
import type { NodeRecord } from '../../queries/records.js';
import { selectedPageSize } from '../selectedPageSize.js';
import { HELD_PAGE_SIZE, pageOf } from './pages.js';

/** An ISO 4217 code known to the runtime, upper-cased (`gbp` → `GBP`). */
function checkCurrency(currency: string): string {
  const code = currency.trim().toUpperCase();
  if (isIsoCurrency(code)) return code;
  const similar = code.length <= 3 ? similarCurrencies(code).slice(0, 3) : [];
  const hint = similar.length > 0 ? ` (did you mean ${similar.join(' or ')}?)` : '';
  throw badArgument('currency', `must be an ISO 4217 currency code such as GBP, EUR or USD; got "${currency.slice(0, 20)}"${hint}.`);
}

/** The most items the request takes from each list of the totals, over all its aliases and fragments. */
function pagesOf(info: GraphQLResolveInfo, max: number): TotalsPages {
  const size = (...path: string[]) => selectedPageSize(info, path, HELD_PAGE_SIZE, max);
  return {
    groups: size('groups'),
    groupCommitments: size('groups', 'commitments'),
    groupSources: size('groups', 'sources'),
    conversions: size('conversions'),
    unconverted: size('unconverted'),
    sources: size('sources'),
  };
}

/** The checked request of a `commitmentTotals` field, with the page sizes its selection asks for. */
export function totalsRequest(
  { groupBy, currency, filter, combineSources }: QueryCommitmentTotalsArgs,
  info: GraphQLResolveInfo,
  maxPageSize: number,
): TotalsRequest {
  return { groupBy, currency: checkCurrency(currency), filter, combineSources: combineSources === true, pages: pagesOf(info, maxPageSize) };
}

const present = (node: NodeRecord | null): node is NodeRecord => node !== null;

/** Query fields: commitmentTotals; the lists of a total are pages of what its query returned. */
export const totalsResolvers: Resolvers = {
  Query: {
    commitmentTotals: (_p, args, ctx, info) => commitmentTotals(ctx.executor, totalsRequest(args, info, ctx.limits.maxPageSize)),
  },
  CommitmentTotals: {
    groups: (totals, { first }, ctx) => pageOf(totals.groups, first, ctx),
    conversions: (totals, { first }, ctx) => pageOf(totals.conversions, first, ctx),
    unconverted: (totals, { first }, ctx) => pageOf(totals.unconverted, first, ctx),
    sources: (totals, { first }, ctx) => pageOf(totals.sources, first, ctx).filter(present),
  },
  TotalsGroup: {
    commitments: (group, { first }, ctx) => pageOf(group.commitments, first, ctx),
    sources: (group, { first }, ctx) => pageOf(group.sources, first, ctx).filter(present),
  },
};
