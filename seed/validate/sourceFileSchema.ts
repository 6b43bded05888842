/**
 * A source file (`sources/<slug>.yaml`): the document's metadata and every fact it states.
 */
import { z } from 'zod';
import {
  CommitmentSchema,
  EventSchema,
  ExchangeRateSchema,
  FundingSchema,
  GroupSchema,
  MentionSchema,
  StanceSchema,
  StatementSchema,
  TenureSchema,
} from './factSchemas.js';
import { idSchema } from './idSchema.js';
import { optionalLists } from './primitives.js';

/** The document itself. Publisher and date are null unless the text states them. */
export const SourceMetaSchema = z.strictObject({
  id: idSchema('source'),
  title: z.string().min(1),
  /** Whether the title is the document's own or a curator's description. */
  titleStated: z.boolean(),
  /** Path of the text relative to the seed root (the parent of the data directory). */
  path: z.string().regex(/^(?!\/)(?!.*\.\.).+\.txt$/, { error: 'expected a relative path to a .txt file, without ".."' }),
  kind: z.enum(['news-article', 'press-release', 'report', 'test-document']),
  language: z.string().regex(/^[a-z]{2}$/),
  publisher: z.string().min(1).nullable(),
  publishedAt: z.iso.date().nullable(),
  note: z.string().optional(),
});

/** The fact lists of a source file, each with the schema of its items. */
export const SOURCE_LISTS = {
  groups: GroupSchema,
  fundings: FundingSchema,
  mentions: MentionSchema,
  tenures: TenureSchema,
  commitments: CommitmentSchema,
  exchangeRates: ExchangeRateSchema,
  events: EventSchema,
  statements: StatementSchema,
  stances: StanceSchema,
} as const;

/** Whole source file. Every list is optional so a short source stays short. */
export const SourceFileSchema = z.strictObject({ source: SourceMetaSchema, ...optionalLists(SOURCE_LISTS) });
export type SourceMeta = z.infer<typeof SourceMetaSchema>;
export type SourceFile = z.infer<typeof SourceFileSchema>;
