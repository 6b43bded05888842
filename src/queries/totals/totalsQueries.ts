/**
 * The rows behind commitmentTotals: every commitment the filter selects, with what the totals
 * need to know about it (donors, recipients, the stated rates that convert it, whether its parent
 * is selected too). The sums themselves are computed in computeTotals, where the rules are plain
 * code rather than Cypher.
 */
import type { CommitmentFilter } from '../../generated/graphql.js';
import { cypher, type NamedQuery } from '../../db/cypher.js';
import type { Executor } from '../../db/Executor.js';
import type { Plain } from '../../db/toPlain.js';
import { commitmentWhere } from '../filters/commitmentFilter.js';
import { renderWhere } from '../filters/whereClause.js';
import { asNodeRecord, projectNode, type NodeRecord } from '../records.js';

export interface TotalsRow {
  commitment: NodeRecord;
  /** True when a commitment this one is a part of (HAS_PART, at any depth) is selected too. */
  parentSelected: boolean;
  donors: NodeRecord[];
  recipients: NodeRecord[];
  /** ExchangeRate nodes that CONVERT this commitment's amount. */
  rates: NodeRecord[];
}

/**
 * `where` is rendered from commitmentWhere's fixed fragments; its values travel as parameters.
 * Collecting the selection first lets each row ask whether its parent is in it.
 */
function totalsQuery(where: string): NamedQuery {
  return cypher(
    'totals.commitments',
    `
MATCH (c:Commitment)
${where}
WITH collect(c) AS selected
UNWIND selected AS c
RETURN ${projectNode('c')} AS commitment,
  EXISTS { MATCH (parent:Commitment)-[:HAS_PART*1..]->(c) WHERE parent IN selected } AS parentSelected,
  COLLECT { MATCH (a)-[:COMMITTED]->(c) WITH a ORDER BY a.id RETURN ${projectNode('a')} } AS donors,
  COLLECT { MATCH (c)-[:TO]->(a) WITH a ORDER BY a.id RETURN ${projectNode('a')} } AS recipients,
  COLLECT { MATCH (x:ExchangeRate)-[:CONVERTS]->(c) WITH x ORDER BY x.id RETURN ${projectNode('x')} } AS rates
ORDER BY c.id`,
  );
}

/** The selected commitments, ordered by id. */
export async function totalsRows(executor: Executor, filter: CommitmentFilter | null | undefined): Promise<TotalsRow[]> {
  const where = commitmentWhere(filter, 'c');
  const rows = await executor.read(totalsQuery(renderWhere(where)), where.params);
  return rows.map((row) => ({
    commitment: asNodeRecord(row.commitment),
    parentSelected: row.parentSelected === true,
    donors: records(row.donors),
    recipients: records(row.recipients),
    rates: records(row.rates),
  }));
}

function records(value: Plain | undefined): NodeRecord[] {
  return Array.isArray(value) ? value.map(asNodeRecord) : [];
}
