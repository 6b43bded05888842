/**
 * Turns a user's plain words into a Lucene query for the full-text index. Nothing the user types
 * can change the query's structure: every Lucene special character and operator word is escaped,
 * and the structure (AND between words, an exact-or-prefix choice per word) comes from this code.
 */

/** Characters with a meaning in Lucene's classic query syntax (`&&` and `||` are covered by `&` and `|`). */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** Operator words; only their upper-case forms are operators, so only those need escaping. */
const OPERATORS: ReadonlySet<string> = new Set(['AND', 'OR', 'NOT', 'TO']);
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;
const ONLY_WORD_CHARACTERS = /^[\p{L}\p{N}]+$/u;
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
 * them to nothing.
 */
export function luceneQuery(text: string): string | null {
  const clauses = text
    .split(/\s+/u)
    .map((word) => word.toLowerCase())
    .filter((word) => HAS_WORD_CHARACTER.test(word))
    .map(wordClause);
  return clauses.length > 0 ? clauses.join(' AND ') : null;
}

function wordClause(word: string): string {
  const term = escapeLucene(word);
  // A prefix query is not analysed, so it is offered only for plain letters and digits, which the
  // analyser would keep as they are; `eu’s` or `2.26` are matched as the analyser splits them.
  if (ONLY_WORD_CHARACTERS.test(word) && [...word].length >= MIN_PREFIX_LENGTH) return `(${term}^2 OR ${term}*)`;
  return `(${term})`;
}
