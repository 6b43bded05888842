/**
 * Sort keys the lists share. Each is a fixed expression over the row variable `n`; the keyset
 * pagination compares and orders by exactly these.
 */
import type { SortKey } from '../pagination/keyset.js';

export const BY_NAME: readonly SortKey[] = [{ expr: 'n.name', type: 'string', nullable: false }];

/** How often the sources mention an entity. */
export const BY_MENTIONS: readonly SortKey[] = [{ expr: 'n.mentionCount', type: 'number', nullable: true }];

/** Normalised amount; commitments without one come last. */
export const BY_AMOUNT: readonly SortKey[] = [{ expr: 'n.amountValue', type: 'number', nullable: true }];

/**
 * Time: days from publication (the earliest possible day), then a stated date (or the first day of
 * a stated month), then the name so that items of the same day read in a stable order. Undated
 * items come last.
 */
export const BY_TIME: readonly SortKey[] = [
  { expr: 'n.timeRelativeDaysMin', type: 'number', nullable: true },
  { expr: 'coalesce(n.timeDate, n.timeDateMin)', type: 'string', nullable: true },
  { expr: 'n.name', type: 'string', nullable: false },
];

/** A figure's number: its amount for money, else its value (a percentage); figures without either come last. */
export const BY_VALUE: readonly SortKey[] = [{ expr: 'coalesce(n.amountValue, n.value)', type: 'number', nullable: true }];

/** How many items (heavy weapons); items without a count come last. */
export const BY_COUNT: readonly SortKey[] = [{ expr: 'n.count', type: 'number', nullable: true }];
