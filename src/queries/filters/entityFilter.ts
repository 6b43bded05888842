import type { EntityFilter } from '../../generated/graphql.js';
import { checkText } from '../inputChecks.js';
import { emptyWhere, type WhereClause } from './whereClause.js';

/** The WHERE clause of an EntityFilter over the entity bound to `v`: text in the name or any alias, ignoring case. */
export function entityWhere(filter: EntityFilter | null | undefined, v = 'n'): WhereClause {
  const where = emptyWhere();
  const text = checkText(filter?.text, 'filter.text');
  if (text !== undefined) {
    where.clauses.push(
      `toLower(${v}.name) CONTAINS toLower($text) OR any(alias IN coalesce(${v}.aliases, []) WHERE toLower(alias) CONTAINS toLower($text))`,
    );
    where.params.text = text;
  }
  return where;
}
