/**
 * Accent folding for search: "Türkiye" and "Turkiye", "Zelenskyi" and "Zelenskyí" are the same
 * word to a person typing. The loader indexes the folded form of every entity name and alias beside
 * the original (`searchText`), and the API adds the folded form of every word it looks for, so both
 * spellings meet in the full-text index whichever one the data or the user wrote.
 */

/** Letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};
const UNDECOMPOSED_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'gu');

/** `text` lower-cased without its accents: "Türkiye" → "turkiye", "Łódź" → "lodz". */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(UNDECOMPOSED_PATTERN, (letter) => UNDECOMPOSED[letter] ?? letter)
    .normalize('NFC');
}
