/** Pages of lists a query module already holds in full (the lists inside a total, a series, a share). */
import { checkFirst } from '../../queries/inputChecks.js';
import type { NodeRecord } from '../../queries/records.js';
import type { GraphContext } from '../context.js';

/** The SDL's default page size of such lists (`first: Int = 20`). */
export const HELD_PAGE_SIZE = 20;

/** At most `first` (checked; null means `fallback`) of `items`, from `offset`. */
export function pageOf<T>(
  items: readonly T[],
  first: number | null | undefined,
  ctx: GraphContext,
  fallback = HELD_PAGE_SIZE,
  offset = 0,
): T[] {
  return items.slice(offset, offset + checkFirst(first, fallback, ctx.limits.maxPageSize));
}

/** The first `first` of these nodes, by id, in the order given. */
export async function nodesOf(ids: readonly string[], first: number | null | undefined, ctx: GraphContext): Promise<NodeRecord[]> {
  return (await ctx.loaders.node.loadMany(pageOf(ids, first, ctx))).filter((s): s is NodeRecord => s !== null && !(s instanceof Error));
}
