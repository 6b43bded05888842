/**
 * Tabular sources: a Dataset node per release, a Source node per table file (its full text, so
 * offsets can be checked in the database, and its header), one Evidence node per row used (the
 * row's verbatim text at its code-point offsets, with its RFC 7111 selector `row=N`), and the
 * facts the rows state, each SUPPORTED_BY its rows with the columns it read.
 */
import { CodePointText } from '../validate/codePoints.js';
import type { LoadedDataset, RowEvidence, TableMention } from '../validate/ValidatedSeed.js';
import type { RelType } from '../../src/model/vocabulary.js';
import type { PropValue } from './GraphPlan.js';
import { truncate } from './names.js';
import { evidenceId } from './planEvidence.js';
import type { PlanBuilder } from './PlanBuilder.js';

/** The Dataset and its Source nodes. */
export function planDatasetSources(dataset: LoadedDataset, b: PlanBuilder): void {
  const meta = dataset.meta;
  b.node(meta.id, {
    name: meta.title,
    title: meta.title,
    publisher: meta.publisher,
    release: meta.release,
    period: meta.period,
    publishedAt: meta.publishedAt,
    attribution: meta.attribution,
    licence: meta.licence,
    origin: meta.origin,
    readme: meta.readme,
    recipientId: meta.recipient,
  });
  for (const table of dataset.tables) {
    b.node(table.sourceId, {
      name: table.title,
      title: table.title,
      titleStated: false,
      path: table.path,
      kind: 'dataset-table',
      mediaType: 'text/csv',
      language: null,
      publisher: meta.publisher,
      publishedAt: meta.publishedAt,
      datasetId: meta.id,
      header: table.header,
      rowCount: BigInt(table.rowCount),
      text: table.text,
      sha256: table.sha256,
      length: BigInt(new CodePointText(table.text).length),
    });
    b.rel('PART_OF', table.sourceId, meta.id);
  }
}

/** Links a node to one row of a table file (the Evidence node is shared by every fact of the row). */
function supportByRow(
  b: PlanBuilder,
  sourceId: string,
  nodeId: string,
  row: RowEvidence,
  relProps: Record<string, PropValue | undefined>,
): void {
  const id = evidenceId(sourceId, row.start, row.end);
  if (b.props(id) === undefined)
    b.node(id, {
      name: truncate(row.quote, 40),
      quote: row.quote,
      start: BigInt(row.start),
      end: BigInt(row.end),
      selector: `row=${row.row}`,
      row: BigInt(row.row),
      sourceId,
      confidence: 1,
      method: 'rule',
    });
  b.rel('FOUND_IN', id, sourceId);
  b.rel('SUPPORTED_BY', nodeId, id, { ...relProps, confidence: 1, method: 'rule' });
}

/** The facts of a dataset's rows, with their relationships and row evidence. */
export function planDatasetFacts(dataset: LoadedDataset, b: PlanBuilder): void {
  for (const fact of dataset.facts) {
    const props: Record<string, PropValue | undefined> = { ...fact.props };
    if (fact.label === 'WeaponSystem') {
      const aliases = Array.isArray(props.aliases) ? (props.aliases as string[]) : [];
      props.searchText = [...new Set([String(props.name), ...aliases])].join(' | ');
    }
    b.node(fact.id, props);
    for (const rel of fact.rels) b.rel(rel.type as RelType, rel.from, rel.to, rel.props);
    for (const { sourceId, evidence, columns } of fact.evidence) supportByRow(b, sourceId, fact.id, evidence, { columns });
  }
}

/** The rows that name an actor: mention evidence with the row's words for it. */
export function planDatasetMentions(mentions: readonly TableMention[], b: PlanBuilder): void {
  for (const m of mentions) supportByRow(b, m.sourceId, m.entity, m.evidence, { surfaceForm: m.surfaceForm, columns: m.columns });
}
