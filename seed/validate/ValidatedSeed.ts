import type { NationEntry, OfficeEntry, OrganizationEntry, PersonEntry, PlaceEntry, TopicEntry } from './registrySchema.js';
import type { SourceFile } from './sourceFileSchema.js';
import type { LoadedDataset } from './datasets/tableTypes.js';

export type { LoadedDataset, LoadedTable, TableFact, TableMention, RowEvidence } from './datasets/tableTypes.js';

/** Registry entities of every kind, merged across registry files. */
export interface Registry {
  people: PersonEntry[];
  nations: NationEntry[];
  organizations: OrganizationEntry[];
  places: PlaceEntry[];
  offices: OfficeEntry[];
  topics: TopicEntry[];
}

/** One source file with its document text. */
export interface LoadedSource {
  /** Source file relative to its data directory, e.g. `sources/x.yaml`. */
  file: string;
  /** Parsed source file: metadata and facts. */
  data: SourceFile;
  /** Full text of the document, exactly as read (UTF-8). */
  text: string;
  /** Hex SHA-256 of the text's UTF-8 bytes. */
  sha256: string;
}

/** Seed data that passed every check: the input of `planGraph`. */
export interface ValidatedSeed {
  registry: Registry;
  /** Sorted by source id. */
  sources: LoadedSource[];
  /** Tabular sources: dataset releases with their table files, sorted by dataset id. */
  datasets: LoadedDataset[];
}
