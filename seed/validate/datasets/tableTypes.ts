/**
 * What the dataset reader hands to the planner: per table file, its text and the facts and
 * mentions its rows state, each resting on a row (verbatim text, code-point offsets, RFC 7111
 * row number).
 */
import type { Manifest } from './datasetSchemas.js';

/** A stored property value (integers are bigint). */
export type TableProp = string | number | boolean | bigint | string[] | null;

/** One row of a table file as evidence: `quote` is exactly the file's text from `start` to `end`. */
export interface RowEvidence {
  quote: string;
  start: number;
  end: number;
  /** RFC 7111 row number: the header is row 1. */
  row: number;
}

export interface TableRel {
  type: string;
  from: string;
  to: string;
  props: Record<string, TableProp>;
}

/** A node stated by one or more rows. */
export interface TableFact {
  id: string;
  label: 'Commitment' | 'Figure' | 'HeavyWeapons' | 'WeaponSystem';
  props: Record<string, TableProp>;
  rels: TableRel[];
  /** The rows it rests on, each with its table and the columns it read from that row. */
  evidence: { sourceId: string; evidence: RowEvidence; columns: string[] }[];
}

/** A row names an actor (the cell's words are the surface form). */
export interface TableMention {
  sourceId: string;
  entity: string;
  surfaceForm: string;
  evidence: RowEvidence;
  columns: string[];
}

export interface LoadedTable {
  /** The CSV's path relative to the seed root (`sources/kiel-ust-r29/data_explorer.csv`). */
  path: string;
  /** The mapping file, relative to the data directory. */
  mappingFile: string;
  sourceId: string;
  title: string;
  text: string;
  sha256: string;
  header: string[];
  rowCount: number;
}

export interface LoadedDataset {
  /** The manifest, relative to the data directory. */
  file: string;
  meta: Manifest['dataset'];
  tables: LoadedTable[];
  /** Every fact its rows state, in the order first stated. */
  facts: TableFact[];
  /** Every actor its rows name. */
  mentions: TableMention[];
  /** Checks of severity `warning` that did not hold: printed by the loader, never blocking. */
  warnings: string[];
}
