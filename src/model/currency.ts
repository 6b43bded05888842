/**
 * ISO 4217 codes come from the runtime's ICU data (`Intl.supportedValuesOf`), so there is
 * no hand-written list to fall out of date.
 */
const CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Whether `code` is an ISO 4217 currency code known to the runtime. */
export function isIsoCurrency(code: string): boolean {
  return CODES.has(code);
}

/** Known codes that are a letter swap or one letter away from `code`, as a hint for typos. */
export function similarCurrencies(code: string): string[] {
  const upper = code.toUpperCase();
  return [...CODES].filter((c) => c.length === upper.length && sameLetters(c, upper)).sort();
}

function sameLetters(a: string, b: string): boolean {
  const diff = [...a].filter((ch, i) => ch !== b[i]).length;
  return diff === 1 || (diff === 2 && [...a].sort().join('') === [...b].sort().join(''));
}
