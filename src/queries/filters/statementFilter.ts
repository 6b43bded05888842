import type { StatementFilter } from '../../generated/graphql.js';
import { addIn, addLinked, addText, emptyWhere, type WhereClause } from './whereClause.js';

/** The WHERE clause of a StatementFilter over the statement bound to `v`. */
export function statementWhere(filter: StatementFilter | null | undefined, v = 'n'): WhereClause {
  const where = emptyWhere();
  if (!filter) return where;
  addIn(where, `${v}.kind`, 'kinds', filter.kind);
  addLinked(where, v, { id: filter.speakerId, argument: 'filter.speakerId', param: 'speakerId', rel: 'SAID', direction: 'in' });
  addLinked(where, v, { id: filter.aboutId, argument: 'filter.aboutId', param: 'aboutId', rel: 'ABOUT', direction: 'out' });
  addText(where, v, filter.text, ['text']);
  return where;
}
