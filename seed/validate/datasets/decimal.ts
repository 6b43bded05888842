/**
 * Exact decimals for table cells. `0.077611 * 1e9` is 77610999.99999999 in binary floating point,
 * and sums of six-decimal figures drift in the 15th digit, so a check of a promised identity
 * (total = financial + humanitarian + military) in floats "fails" where the published numbers
 * agree exactly. Cells are read as integers of units of 10^-scale instead.
 */

/** `digits × 10^-scale`: `-0.000001` is { digits: -1n, scale: 6 }. */
export interface Decimal {
  digits: bigint;
  scale: number;
}

const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** Parses a plain decimal (no exponent, no thousands separator), or undefined. */
export function parseDecimal(text: string): Decimal | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const digits = BigInt(whole + fraction);
  return { digits: negative ? -digits : digits, scale: fraction.length };
}

/** The same number with `scale` decimals (scale ≥ d.scale). */
export function rescale(d: Decimal, scale: number): bigint {
  return d.digits * 10n ** BigInt(scale - d.scale);
}

export function isZero(d: Decimal): boolean {
  return d.digits === 0n;
}

/** Sum of decimals, at the largest scale among them. */
export function sum(values: readonly Decimal[]): Decimal {
  const scale = Math.max(0, ...values.map((v) => v.scale));
  return { digits: values.reduce((acc, v) => acc + rescale(v, scale), 0n), scale };
}

export function minus(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { digits: rescale(a, scale) - rescale(b, scale), scale };
}

/**
 * Whether a sum of `terms` printed values equals `expected` within the rounding of the printing:
 * each value printed to d decimals is off by at most half a unit of its last place, so a sum of n
 * values and the printed total differ by at most (n + 1) × 0.5 × 10^-d.
 */
export function withinRounding(actual: Decimal, expected: Decimal, terms: number): boolean {
  const scale = Math.max(actual.scale, expected.scale);
  const diff = rescale(actual, scale) - rescale(expected, scale);
  const abs = diff < 0n ? -diff : diff;
  return 2n * abs <= BigInt(terms + 1);
}

export function format(d: Decimal): string {
  const negative = d.digits < 0n;
  const s = (negative ? -d.digits : d.digits).toString().padStart(d.scale + 1, '0');
  const whole = s.slice(0, s.length - d.scale);
  const fraction = s.slice(s.length - d.scale);
  return `${negative ? '-' : ''}${whole}${d.scale > 0 ? `.${fraction}` : ''}`;
}

/**
 * The value in base units (`scale` 1e9: € billion → €) as a JS number: exact when the result is a
 * whole number below 2^53 (every € figure here is), else the nearest double.
 */
export function scaled(d: Decimal, scale: number): number {
  const power = Math.round(Math.log10(scale));
  if (10 ** power === scale && power >= d.scale) return Number(d.digits * 10n ** BigInt(power - d.scale));
  return (Number(d.digits) / 10 ** d.scale) * scale;
}

export function toNumber(d: Decimal): number {
  return Number(format(d));
}
