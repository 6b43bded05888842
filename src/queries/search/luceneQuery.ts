/**
 * Turns a user's plain words into Lucene queries for the full-text index. Nothing the user types
 * can change a query's structure: every Lucene special character and operator word is escaped,
 * and the structure (AND between words, an exact-or-prefix-or-similar choice per word, the edit
 * distance) comes from this code.
 */
import { foldForSearch } from '../../model/searchFolding.js';

/** Characters with a meaning in Lucene's classic query syntax (`&&` and `||` are covered by `&` and `|`). */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** Operator words; only their upper-case forms are operators, so only those need escaping. */
const OPERATORS: ReadonlySet<string> = new Set(['AND', 'OR', 'NOT', 'TO']);
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;
const ONLY_WORD_CHARACTERS = /^[\p{L}\p{N}]+$/u;
/** Only words of letters may be spelt differently: "2025" is not a typo of "2024". */
const ONLY_LETTERS = /^\p{L}+$/u;
/** Shorter words match exactly only: a one-letter prefix would match nearly everything. */
const MIN_PREFIX_LENGTH = 2;

/** Escapes `text` so Lucene reads it as literal characters: `a:b*` → `a\:b\*`, `AND` → `\AND`. */
export function escapeLucene(text: string): string {
  const escaped = text.replace(SPECIAL, '\\$&');
  // A backslash before the first letter keeps an operator word a plain term (`\AND` parses as the term "AND").
  return OPERATORS.has(text) ? `\\${escaped}` : escaped;
}

/**
 * The Lucene query for a user's search text, or null when the text holds no word to look for
 * (only punctuation). Every word must match (AND), each either exactly (boosted, so exact
 * matches rank first) or as a prefix (so "Healey" finds "Healey" and "Chancel" finds
 * "Chancellor"). Words are lower-cased first, so "and" or "or" are ordinary words, never
 * operators; words of punctuation only are dropped because the index's analyzer would reduce
 * them to nothing. A word with accents also matches its accent-free form ("Türkiye" and
 * "Turkiye"; the loader indexes both forms of an entity's names).
 */
export function luceneQuery(text: string): string | null {
  return joinWords(text, (word) => wordClause(word, false));
}

/**
 * The spelling-tolerant query: as `luceneQuery`, and each word of plain letters long enough may
 * also be a similar word, within an edit distance that grows with its length (`similarWord`), so
 * "Zelenskyy", "Zelenksy" and "Volodimir Zelenskiy" find "Volodymyr Zelensky". The edit distance
 * is Lucene's (Damerau–Levenshtein: a swap of two letters is one edit). Null when the text holds
 * no word long enough to be similar to another (`luceneQuery` already says everything).
 */
export function tolerantLuceneQuery(text: string): string | null {
  const words = wordsOf(text);
  if (!words.some((word) => fuzziness(word) > 0)) return null;
  return joinWords(text, (word) => wordClause(word, true));
}

/**
 * The edit distance a word may be off by: none for words under four letters (too many short words
 * are one letter apart), one up to six letters, two from seven (Lucene's most).
 */
export function fuzziness(word: string): 0 | 1 | 2 {
  if (!ONLY_LETTERS.test(word)) return 0;
  const length = [...word].length;
  return length < 4 ? 0 : length < 7 ? 1 : 2;
}

function wordsOf(text: string): string[] {
  return text
    .split(/\s+/u)
    .map((word) => word.toLowerCase())
    .filter((word) => HAS_WORD_CHARACTER.test(word));
}

function joinWords(text: string, clause: (word: string) => string): string | null {
  const clauses = wordsOf(text).map(clause);
  return clauses.length > 0 ? clauses.join(' AND ') : null;
}

function wordClause(word: string, tolerant: boolean): string {
  const folded = foldForSearch(word);
  const forms = folded === word ? [word] : [word, folded];
  return `(${forms.flatMap((form) => formAlternatives(form, tolerant)).join(' OR ')})`;
}

function formAlternatives(word: string, tolerant: boolean): string[] {
  const term = escapeLucene(word);
  // A prefix query is not analysed, so it is offered only for plain letters and digits, which the
  // analyser would keep as they are; `eu’s` or `2.26` are matched as the analyser splits them.
  if (!ONLY_WORD_CHARACTERS.test(word) || [...word].length < MIN_PREFIX_LENGTH) return [term];
  const edits = tolerant ? fuzziness(word) : 0;
  // The distance is a digit chosen here; the term is letters and digits only, so `~` cannot be the user's.
  return edits > 0 ? [`${term}^2`, `${term}*`, `${term}~${edits}`] : [`${term}^2`, `${term}*`];
}
