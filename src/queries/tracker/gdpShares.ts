/**
 * Donors' commitments in one dataset release as percentages of their GDP: the sums are made in
 * Cypher, per donor, over the selected commitments; the GDP is the donor's `gdp` Figure of the same
 * release. Nothing is converted: a donor whose amounts and GDP are not in one currency is refused.
 */
import type { CommitmentKind, CommitmentStatus, TimeRangeInput } from '../../generated/graphql.js';
import { AppError } from '../../errors.js';
import { cypher, type NamedQuery } from '../../db/cypher.js';
import type { Executor } from '../../db/Executor.js';
import type { Plain } from '../../db/toPlain.js';
import { addTimeRange } from '../filters/timeRange.js';
import { addIn, emptyWhere, renderWhere } from '../filters/whereClause.js';
import { cachedQuery } from '../cachedQuery.js';
import { badArgument, checkId } from '../inputChecks.js';
import { asNodeRecord, projectNode, type NodeRecord } from '../records.js';

/** The percentages of GDP a release states per donor, cumulative, that a share lists beside its own. */
export const STATED_GDP_MEASURES: readonly string[] = ['bilateral-pct-gdp', 'eu-share-pct-gdp', 'total-pct-gdp'];

export interface GdpShareRecord {
  actor: NodeRecord;
  allocated: number;
  count: number;
  gdp: NodeRecord;
  percent: number;
  stated: NodeRecord[];
}

export interface GdpSharesRecord {
  currency: string | null;
  groups: GdpShareRecord[];
  withoutGdp: NodeRecord[];
}

export interface GdpSharesRequest {
  datasetId: string;
  status: CommitmentStatus;
  kind?: readonly CommitmentKind[] | null;
  time?: TimeRangeInput | null;
}

/** `where` is rendered from fixed fragments (kinds, time range); its values travel as parameters. */
function sharesQuery(where: string): NamedQuery {
  return cachedQuery(`series.gdpShares ${where}`, () =>
    cypher(
      'series.gdpShares',
      `
OPTIONAL MATCH (d:Dataset {id: $datasetId})
CALL (d) {
  MATCH (a)-[:COMMITTED]->(c:Commitment)
  WHERE d IS NOT NULL AND c.datasetId = $datasetId AND c.status = $status AND c.amountValue IS NOT NULL
  WITH a, c
  ${where}
  WITH a, sum(c.amountValue) AS allocated, count(c) AS count, collect(DISTINCT c.amountCurrency) AS currencies
  OPTIONAL MATCH (g:Figure)-[:MEASURES]->(a)
  WHERE g.datasetId = $datasetId AND g.measure = 'gdp'
  WITH a, allocated, count, currencies, g ORDER BY g.id
  WITH a, allocated, count, currencies, collect(g)[0] AS gdp
  RETURN collect({
    actor: ${projectNode('a')},
    allocated: allocated,
    count: count,
    currencies: currencies,
    gdp: CASE WHEN gdp IS NULL THEN null ELSE ${projectNode('gdp')} END,
    percent: CASE WHEN gdp IS NULL OR gdp.amountValue IS NULL OR gdp.amountValue = 0 THEN null
                  ELSE 100.0 * allocated / gdp.amountValue END,
    stated: COLLECT { MATCH (f:Figure)-[:MEASURES]->(a)
                      WHERE f.datasetId = $datasetId AND f.measure IN $statedMeasures
                      WITH f ORDER BY f.measure, f.id RETURN ${projectNode('f')} }
  }) AS donors
}
RETURN d IS NOT NULL AS found, donors`,
    ),
  );
}

/** The shares `request` asks for, largest percentage first; NOT_FOUND when the dataset does not exist. */
export async function gdpShares(executor: Executor, request: GdpSharesRequest): Promise<GdpSharesRecord> {
  if (checkId(request.datasetId, 'datasetId') !== 'Dataset')
    throw badArgument('datasetId', `must be a dataset id ("dataset:…"); got "${request.datasetId}".`);
  const where = emptyWhere();
  addIn(where, 'c.kind', 'kinds', request.kind);
  addTimeRange(where, 'c', request.time, 'time');
  const [row] = await executor.read(sharesQuery(renderWhere(where)), {
    ...where.params,
    datasetId: request.datasetId,
    status: request.status,
    statedMeasures: STATED_GDP_MEASURES,
  });
  if (row?.found !== true)
    throw new AppError('NOT_FOUND', `No node with id "${request.datasetId}" (argument "datasetId").`, {
      details: { argument: 'datasetId' },
    });
  const donors = (Array.isArray(row.donors) ? row.donors : []).map((value) => value as Record<string, Plain>);
  const currencies = new Set<string>();
  const groups: GdpShareRecord[] = [];
  const withoutGdp: NodeRecord[] = [];
  for (const donor of donors) {
    const actor = asNodeRecord(donor.actor);
    const own = Array.isArray(donor.currencies) ? donor.currencies.filter((c): c is string => typeof c === 'string') : [];
    own.forEach((c) => currencies.add(c));
    if (donor.gdp === null || donor.gdp === undefined || typeof donor.percent !== 'number') {
      withoutGdp.push(actor);
      continue;
    }
    const gdp = asNodeRecord(donor.gdp);
    if (typeof gdp.amountCurrency === 'string') currencies.add(gdp.amountCurrency);
    groups.push({
      actor,
      allocated: typeof donor.allocated === 'number' ? donor.allocated : 0,
      count: typeof donor.count === 'number' ? donor.count : 0,
      gdp,
      percent: donor.percent,
      stated: Array.isArray(donor.stated) ? donor.stated.map(asNodeRecord) : [],
    });
  }
  if (currencies.size > 1)
    throw badArgument(
      'datasetId',
      `selects amounts and GDPs in ${currencies.size} currencies (${[...currencies].sort().join(', ')}); a share divides one currency by the same and never converts.`,
    );
  groups.sort((a, b) => b.percent - a.percent || a.actor.name.localeCompare(b.actor.name) || (a.actor.id < b.actor.id ? -1 : 1));
  withoutGdp.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  return { currency: [...currencies][0] ?? null, groups, withoutGdp };
}
