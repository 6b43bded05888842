/** Statements and stances: what is said, and the positions it expresses. */
import type { Executor } from '../../db/Executor.js';
import type { StanceFilter, StatementFilter, StatementOrderField } from '../../generated/graphql.js';
import { stanceWhere } from '../filters/stanceFilter.js';
import { statementWhere } from '../filters/statementFilter.js';
import type { Connection } from '../pagination/fetchPage.js';
import type { NodeRecord } from '../records.js';
import { listPage, type ListArgs, type ListSpec } from './listPage.js';
import { BY_NAME } from './sortKeys.js';

const STATEMENTS: ListSpec<StatementOrderField, StatementFilter> = {
  list: 'statements',
  match: 'MATCH (n:Statement)',
  keys: { NAME: BY_NAME },
  defaultOrder: { field: 'NAME', direction: 'ASC' },
  where: (filter) => statementWhere(filter, 'n'),
};

/** Stances have no orderBy argument: always by name. */
const STANCES: ListSpec<'NAME', StanceFilter> = {
  list: 'stances',
  match: 'MATCH (n:Stance)',
  keys: { NAME: BY_NAME },
  defaultOrder: { field: 'NAME', direction: 'ASC' },
  where: (filter) => stanceWhere(filter, 'n'),
};

/** A page of statements. */
export function statementPage(executor: Executor, args: ListArgs<StatementOrderField, StatementFilter>): Promise<Connection<NodeRecord>> {
  return listPage(executor, STATEMENTS, args);
}

/** A page of stances. */
export function stancePage(executor: Executor, args: ListArgs<'NAME', StanceFilter>): Promise<Connection<NodeRecord>> {
  return listPage(executor, STANCES, args);
}
