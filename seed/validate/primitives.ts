/**
 * Building blocks shared by registry and source files: evidence, flags, amounts, times.
 * Every object is strict (unknown keys rejected) so that a typo in a field name is an
 * error, not a silently ignored fact.
 */
import { z } from 'zod';
import { isIsoCurrency, similarCurrencies } from '../../src/model/currency.js';
import { idSchema } from './idSchema.js';

/**
 * Where a fact is stated: the verbatim `quote` and its code-point offsets in the source
 * text (start inclusive, end exclusive, as in the W3C TextPositionSelector).
 */
export const EvidenceSchema = z.strictObject({
  quote: z.string().min(1),
  start: z.int().nonnegative(),
  end: z.int().positive(),
  /** How sure the curator is that the quote supports the fact, 0–1. */
  confidence: z.number().min(0).max(1).default(1),
  /** How the evidence was found: by hand, by a rule, or by a model. */
  method: z.enum(['hand-curated', 'rule', 'model']).default('hand-curated'),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** At least one evidence item: a fact without evidence is not allowed into the graph. */
export const EvidenceListSchema = z
  .array(EvidenceSchema, {
    error: (issue) => (issue.input === undefined ? 'missing evidence: every fact needs at least one evidence item' : undefined),
  })
  .min(1, { error: 'empty evidence: every fact needs at least one evidence item' });

/** Kinds of doubt a curator can record about a fact instead of inventing precision. */
export const FLAG_KINDS = ['vague', 'approximate', 'conflicting', 'inferred', 'unnamed'] as const;

/** A recorded doubt: what kind, why, and (for conflicts) the facts it conflicts with. */
export const FlagSchema = z.strictObject({
  kind: z.enum(FLAG_KINDS),
  note: z.string().min(1),
  /** Ids of the facts this one conflicts with (only for `conflicting`). */
  with: z.array(idSchema('tenure', 'commitment', 'event', 'statement', 'stance', 'exchange-rate')).optional(),
});
export type Flag = z.infer<typeof FlagSchema>;

/** Optional list of flags, on any fact. */
export const FlagsSchema = z.array(FlagSchema).optional();

/** ISO 4217 code, checked against the runtime's list, with a typo hint. */
export const CurrencySchema = z.string().refine(isIsoCurrency, {
  error: (issue) => {
    const code = String(issue.input);
    const hints = similarCurrencies(code);
    return `unknown ISO 4217 currency code ${JSON.stringify(code)}${hints.length > 0 ? ` (did you mean ${hints.join(' or ')}?)` : ''}`;
  },
});

/** Words that qualify a stated amount; each implies (or not) a bound. */
export const AMOUNT_QUALIFIERS = ['nearly', 'approximately', 'around', 'up-to', 'at-least', 'more-than', 'less-than'] as const;

/**
 * Money as stated and as a number: "nearly £30 million" → stated "nearly £30 million",
 * value 30000000, currency GBP, qualifier nearly, upperBound 30000000. Bounds are filled
 * only where the qualifier implies them; "approximately" implies none.
 */
export const AmountSchema = z.strictObject({
  /** The words of the source, exactly as written (must occur in the fact's evidence). */
  stated: z.string().min(1),
  value: z.number().nonnegative(),
  currency: CurrencySchema,
  qualifier: z.enum(AMOUNT_QUALIFIERS).optional(),
  lowerBound: z.number().nonnegative().optional(),
  upperBound: z.number().nonnegative().optional(),
  /** The amount is a forecast ("is expected to free up …"), not a sum committed. */
  expected: z.boolean().optional(),
});
export type Amount = z.infer<typeof AmountSchema>;

/** A non-monetary target such as "2.5% of GDP". */
export const TargetSchema = z.strictObject({
  stated: z.string().min(1),
  value: z.number(),
  unit: z.enum(['percent-of-gdp', 'troops', 'items']),
});

/** How precisely a time is known. Relative precisions need an anchor. */
export const TIME_PRECISIONS = ['exact', 'day', 'weekday-relative', 'week-relative', 'month', 'year', 'unknown'] as const;

/**
 * A time as the source states it. News often says "on Thursday" or "next week" relative
 * to an unknown publication date, so the words are kept and no date is invented.
 */
export const TimeSchema = z.strictObject({
  /** The words of the source ("on Thursday"), or null when the source gives no time. */
  stated: z.string().min(1).nullable(),
  precision: z.enum(TIME_PRECISIONS),
  /** ISO 8601 date, only where the source states one. */
  date: z.iso.date().optional(),
  /** What a relative time counts from. */
  anchor: z.enum(['publication']).optional(),
  /** Day offsets from the anchor the words allow; must come with `inferred: true`. */
  relativeDays: z.strictObject({ min: z.int(), max: z.int() }).optional(),
  inferred: z.boolean().optional(),
  note: z.string().optional(),
});
export type Time = z.infer<typeof TimeSchema>;

/** `{ key: schema }` → `{ key: z.array(schema).optional() }`: a file's optional lists from one map. */
export function optionalLists<T extends Record<string, z.ZodType>>(lists: T): { [K in keyof T]: z.ZodOptional<z.ZodArray<T[K]>> } {
  return Object.fromEntries(Object.entries(lists).map(([key, schema]) => [key, z.array(schema).optional()])) as {
    [K in keyof T]: z.ZodOptional<z.ZodArray<T[K]>>;
  };
}
