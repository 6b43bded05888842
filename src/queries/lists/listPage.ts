/**
 * The one way a list is paged: a list declares what it matches, how it filters and by which keys
 * it can be ordered; `listPage` turns a request into a keyset page of it. Each list module is a
 * declaration plus a one-line function.
 */
import type { Executor } from '../../db/Executor.js';
import type { WhereClause } from '../filters/whereClause.js';
import { fetchPage, type Connection } from '../pagination/fetchPage.js';
import { ordering, type SortDirection, type SortKey } from '../pagination/keyset.js';
import type { NodeRecord } from '../records.js';

export interface ListSpec<Field extends string, Filter> {
  /** `commitments`: names the query (`list.commitments`) and the orderings its cursors belong to. */
  list: string;
  /** A fixed MATCH binding the rows to `n`, e.g. `MATCH (n:Commitment)`. */
  match: string;
  /** The sort keys of each order field. */
  keys: Record<Field, readonly SortKey[]>;
  defaultOrder: { field: Field; direction: SortDirection };
  where: (filter: Filter | null | undefined) => WhereClause;
}

export interface ListArgs<Field extends string, Filter> {
  filter?: Filter | null;
  orderBy?: { field?: Field | null; direction?: SortDirection | null } | null;
  /** Already checked against MAX_PAGE_SIZE. */
  first: number;
  after?: string | null;
}

/** The page of `spec` that `args` asks for. */
export function listPage<Field extends string, Filter>(
  executor: Executor,
  spec: ListSpec<Field, Filter>,
  args: ListArgs<Field, Filter>,
): Promise<Connection<NodeRecord>> {
  const field = args.orderBy?.field ?? spec.defaultOrder.field;
  const direction = args.orderBy?.direction ?? spec.defaultOrder.direction;
  return fetchPage(
    executor,
    { name: `list.${spec.list}`, match: spec.match },
    {
      where: spec.where(args.filter),
      order: ordering(spec.list, field, direction, spec.keys[field]),
      first: args.first,
      after: args.after,
    },
  );
}
