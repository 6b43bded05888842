/**
 * Tabular sources: a dataset manifest (`datasets/<slug>.yaml`) and one mapping per table file
 * (`datasets/<slug>/<file>.yaml`), a closed vocabulary checked like every seed file. A new release
 * of a dataset needs a new manifest (and copied mappings), another CSV source a new mapping: no
 * loader code, unless it needs a column type or a check kind that is not in the lists below.
 */
import { z } from 'zod';
import { idSchema } from '../idSchema.js';
import { FLAG_KINDS } from '../primitives.js';

const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected a column name of letters, digits and _' });
const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected lowercase-kebab' });

/**
 * A column and the type of its cells. Every cell of a typed column must parse; an empty cell is
 * an error unless `optional`. `decimal` cells are parsed exactly (never through a binary float):
 * `unit` with `scale` turns `0.622992` (EUR, scale 1e9) into 622,992,000 EUR.
 */
const column = { name, optional: z.boolean().optional() };
export const ColumnSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...column, type: z.literal('text') }),
  z.strictObject({ ...column, type: z.literal('code'), pattern: z.string().min(1) }),
  z.strictObject({ ...column, type: z.literal('enum'), values: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ ...column, type: z.literal('integer'), min: z.int().optional(), max: z.int().optional() }),
  z.strictObject({
    ...column,
    type: z.literal('decimal'),
    /** ISO 4217 code for money, or another unit (`percent-of-gdp`). */
    unit: z.string().min(1).optional(),
    /** The cell counts units of this size (1e9 for "€ billion"). */
    scale: z.number().positive().optional(),
    min: z.number().optional(),
  }),
  /** A number printed from a binary float (`2500.86999999996`): stored as a Float, never checked for exact equality. */
  z.strictObject({
    ...column,
    type: z.literal('float'),
    unit: z.string().min(1).optional(),
    scale: z.number().positive().optional(),
    min: z.number().optional(),
  }),
  /** `MM/YYYY`. */
  z.strictObject({ ...column, type: z.literal('month-year') }),
  /** `YYYY-MM-DD`. */
  z.strictObject({ ...column, type: z.literal('date') }),
  /**
   * A list in one cell: items split by `separator`, each matching `item`, a regular expression
   * with the named groups `name` and (optionally) `count`.
   */
  z.strictObject({ ...column, type: z.literal('list'), separator: z.string().min(1), item: z.string().min(1) }),
]);
export type Column = z.infer<typeof ColumnSchema>;

/** Values computed once per row, used in templates as `{donor.name}`, `{period}`. */
export const BindingSchema = z.union([
  /** An actor named by a code column, a name column, or both (then the name must agree with the code). */
  z.strictObject({ actor: z.strictObject({ code: name.optional(), name: name.optional() }) }),
  /** A calendar month from a year column and a month column: `{period}` is YYYY-MM. */
  z.strictObject({ month: z.strictObject({ year: name, month: name }) }),
]);
export type Binding = z.infer<typeof BindingSchema>;

/**
 * A property value: a literal, a template (`'{donor.name}: {column} aid'`), or a typed cell
 * (`{cell: pct_gdp}`, `{cell: $column}`, `{cell: item.count}`).
 */
export const ValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.strictObject({ cell: z.string().min(1) }),
  /** A list of templates, e.g. aliases. */
  z.strictObject({ list: z.array(z.string()) }),
]);
export type Value = z.infer<typeof ValueSchema>;

/** A reference to a node: a binding (`$donor`, `$recipient`) or an id template. */
const RefSchema = z.string().min(1);

export const FACT_TABLE_LABELS = ['Commitment', 'Figure', 'HeavyWeapons', 'WeaponSystem'] as const;

/** One node per row (or per column of `forEach.columns`, or per item of a list cell), with its relationships. */
export const FactSpecSchema = z.strictObject({
  label: z.enum(FACT_TABLE_LABELS),
  forEach: z.union([z.strictObject({ columns: z.array(name).min(1) }), z.strictObject({ items: name })]).optional(),
  /** Only rows where this cell (a column, or `$column`) is not zero. */
  when: z.strictObject({ nonzero: z.string().min(1) }).optional(),
  /** Template of the node's id; must follow the id convention of its label. */
  id: z.string().min(1),
  props: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), ValueSchema),
  /** Money from a decimal column with a currency unit: amountStated (the cell verbatim), amountValue, amountCurrency, amountStatedUnit. */
  amount: z.strictObject({ cell: z.string().min(1) }).optional(),
  /** Time with month precision: from a month binding, or a fixed period template (`{dataset.period}`) with a note. */
  time: z
    .union([z.strictObject({ month: name }), z.strictObject({ period: z.string().min(1), note: z.string().min(1).optional() })])
    .optional(),
  rels: z
    .array(
      z.strictObject({
        type: z.string().regex(/^[A-Z][A-Z_]*$/),
        from: RefSchema.optional(),
        to: RefSchema.optional(),
        props: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), ValueSchema).optional(),
        /** The same relationship from several items of one row: add numbers, join texts with "; ". */
        merge: z.literal('sum').optional(),
      }),
    )
    .optional(),
  /** The same id from many rows is one node: props must agree (lists are unioned, `firstWins` keep the first row's), evidence is unioned. */
  merge: z.boolean().optional(),
  firstWins: z.array(z.string()).optional(),
  /** The columns the fact rests on (recorded on SUPPORTED_BY); default: every column it reads. */
  columns: z.array(z.string().min(1)).optional(),
});
export type FactSpec = z.infer<typeof FactSpecSchema>;

const severity = z.enum(['error', 'warning']);

/** Identities a single row promises. */
export const RowCheckSchema = z.discriminatedUnion('kind', [
  /** target = Σ parts, within the rounding of the printed decimals. */
  z.strictObject({ id: kebab, kind: z.literal('sum'), severity, note: z.string().optional(), target: name, parts: z.array(name).min(1) }),
  /** target = minuend − subtrahend, within rounding. */
  z.strictObject({
    id: kebab,
    kind: z.literal('difference'),
    severity,
    note: z.string().optional(),
    target: name,
    minuend: name,
    subtrahend: name,
  }),
  /** The counts of a list cell's items add up to an integer column. */
  z.strictObject({ id: kebab, kind: z.literal('listCount'), severity, note: z.string().optional(), column: name, list: name }),
]);
export type RowCheck = z.infer<typeof RowCheckSchema>;

export const MappingSchema = z.strictObject({
  title: z.string().min(1),
  /** The header, exactly and in order. */
  columns: z.array(ColumnSchema).min(1),
  /** Columns whose values together are unique per row. */
  key: z.array(name).min(1),
  bind: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), BindingSchema).optional(),
  facts: z.array(FactSpecSchema).optional(),
  checks: z.array(RowCheckSchema).optional(),
  /** A curator's doubt about the facts of one row, found by its key; never an edit of the file. */
  rowFlags: z.array(z.strictObject({ key: z.array(z.string()).min(1), kind: z.enum(FLAG_KINDS), note: z.string().min(1) })).optional(),
});
export type Mapping = z.infer<typeof MappingSchema>;

const fileRef = z.string().regex(/^[a-z0-9_]+$/, { error: 'expected a file key (the file name without .csv)' });

/** Identities between files. */
export const DatasetCheckSchema = z.discriminatedUnion('kind', [
  /** Σ of a column by key equals another file's column by the same key, within rounding. */
  z.strictObject({
    id: kebab,
    kind: z.literal('groupSum'),
    severity,
    note: z.string().optional(),
    sum: z.strictObject({
      file: fileRef,
      column: name,
      by: z.array(name).optional(),
      where: z.record(name, z.string()).optional(),
    }),
    equals: z.strictObject({
      file: fileRef,
      column: name,
      by: z.array(name).optional(),
      where: z.record(name, z.string()).optional(),
    }),
  }),
  /** The same keys appear in each file. */
  z.strictObject({
    id: kebab,
    kind: z.literal('sameKeys'),
    severity,
    note: z.string().optional(),
    files: z.array(fileRef).min(2),
    by: z.array(name).min(1),
  }),
  /** A one-row file repeats the manifest's metadata. */
  z.strictObject({
    id: kebab,
    kind: z.literal('matchesManifest'),
    severity,
    note: z.string().optional(),
    file: fileRef,
    fields: z.record(name, z.enum(['release', 'period', 'publishedAt', 'title'])),
  }),
]);
export type DatasetCheck = z.infer<typeof DatasetCheckSchema>;

export const ManifestSchema = z.strictObject({
  dataset: z.strictObject({
    id: idSchema('dataset'),
    title: z.string().min(1),
    publisher: z.string().min(1),
    release: z.string().min(1),
    /** YYYY-MM: the last month the release covers. */
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected YYYY-MM' }),
    publishedAt: z.iso.date(),
    attribution: z.string().min(1),
    licence: z.string().min(1).optional(),
    origin: z.string().min(1).optional(),
    /** The provenance document copied with the files (relative to the seed root). */
    readme: z.string().min(1).optional(),
    /** Every flow's recipient, when the dataset says so for all its rows (`$recipient` in mappings). */
    recipient: idSchema('person', 'nation', 'organization', 'group').optional(),
  }),
  files: z
    .array(
      z.strictObject({
        id: idSchema('source'),
        /** Relative to the seed root, e.g. `sources/kiel-ust-r29/data_explorer.csv`. */
        path: z.string().regex(/^(?!\/)(?!.*\.\.).+\.csv$/, { error: 'expected a relative path to a .csv file, without ".."' }),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected 64 lowercase hex digits' }),
        /** Relative to the manifest's folder `datasets/<slug>/`. */
        mapping: z.string().regex(/^[A-Za-z0-9_.-]+\.(yaml|yml|json)$/),
      }),
    )
    .min(1),
  /** How rows name actors: codes that are not ISO 3166-1 alpha-3 (`EU`), names that differ from the registry's. */
  actors: z
    .strictObject({
      byCode: z.record(z.string(), idSchema('person', 'nation', 'organization', 'group')).optional(),
      byName: z.record(z.string(), idSchema('person', 'nation', 'organization', 'group')).optional(),
    })
    .optional(),
  checks: z.array(DatasetCheckSchema).optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;
