/** Commitments: the CommitmentFilter the totals share, ordered by name, amount or time. */
import type { Executor } from '../../db/Executor.js';
import type { CommitmentFilter, CommitmentOrderField } from '../../generated/graphql.js';
import { commitmentWhere } from '../filters/commitmentFilter.js';
import type { Connection } from '../pagination/fetchPage.js';
import type { NodeRecord } from '../records.js';
import { listPage, type ListArgs, type ListSpec } from './listPage.js';
import { BY_AMOUNT, BY_NAME, BY_TIME } from './sortKeys.js';

const COMMITMENTS: ListSpec<CommitmentOrderField, CommitmentFilter> = {
  list: 'commitments',
  match: 'MATCH (n:Commitment)',
  keys: { NAME: BY_NAME, AMOUNT: BY_AMOUNT, TIME: BY_TIME },
  defaultOrder: { field: 'NAME', direction: 'ASC' },
  where: (filter) => commitmentWhere(filter, 'n'),
};

/** A page of commitments. */
export function commitmentPage(
  executor: Executor,
  args: ListArgs<CommitmentOrderField, CommitmentFilter>,
): Promise<Connection<NodeRecord>> {
  return listPage(executor, COMMITMENTS, args);
}
