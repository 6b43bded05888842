/**
 * Conversion of a commitment's amount with the rates its source states, and nothing else: an
 * `ExchangeRate` node linked to the commitment by CONVERTS, read directly or inverted. There is no
 * table of market rates and no chaining through a third currency, so an amount either converts
 * with a figure the source gave for that very sum, or stays unconverted.
 */
import { num, str, type NodeRecord } from '../records.js';

export type ConversionMethod = 'STATED_IN_SOURCE' | 'INVERSE_OF_STATED';

/** A conversion as the API lists it: the rate actually applied, from the amount's currency to the asked one. */
export interface ConversionRecord {
  from: string;
  to: string;
  rate: number;
  method: ConversionMethod;
  exchangeRate: NodeRecord;
}

export interface ConvertedAmount {
  value: number;
  /** Null when no conversion was needed (the amount is already in the asked currency). */
  conversion: ConversionRecord | null;
}

/**
 * `value` in `from` converted to `to` with one of `rates` (the ExchangeRate nodes that CONVERT the
 * commitment), or null when none of them joins the two currencies. A rate stated in the direction
 * asked is preferred to an inverted one; among equals, the lowest id wins so results are stable.
 */
export function convertAmount(value: number, from: string, to: string, rates: readonly NodeRecord[]): ConvertedAmount | null {
  if (from === to) return { value, conversion: null };
  const usable = rates
    .flatMap((record) => {
      const rate = num(record, 'rate');
      return rate !== null && Number.isFinite(rate) && rate > 0
        ? [{ record, rate, base: str(record, 'base'), quote: str(record, 'quote') }]
        : [];
    })
    .sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  const direct = usable.find((r) => r.base === from && r.quote === to);
  if (direct) {
    return {
      value: value * direct.rate,
      conversion: { from, to, rate: direct.rate, method: 'STATED_IN_SOURCE', exchangeRate: direct.record },
    };
  }
  const inverse = usable.find((r) => r.base === to && r.quote === from);
  if (inverse) {
    // Dividing by the stated rate keeps the stated figures exact (£545bn back to €650bn).
    const conversion: ConversionRecord = { from, to, rate: 1 / inverse.rate, method: 'INVERSE_OF_STATED', exchangeRate: inverse.record };
    return { value: value / inverse.rate, conversion };
  }
  return null;
}
