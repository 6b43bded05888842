/**
 * The search box takes plain words: nothing a user types may change the Lucene query's structure.
 */
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../src/model/searchFolding.js';
import { escapeLucene, fuzziness, luceneQuery, tolerantLuceneQuery } from '../../../src/queries/search/luceneQuery.js';

const SPECIALS = ['+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '\\', '/'];

describe('escapeLucene', () => {
  it.each(SPECIALS)('escapes %s with a backslash', (ch) => {
    expect(escapeLucene(`a${ch}b`)).toBe(`a\\${ch}b`);
  });

  it('escapes every special character of a hostile string, one by one', () => {
    expect(escapeLucene('*:*')).toBe('\\*\\:\\*');
    expect(escapeLucene(')(')).toBe('\\)\\(');
    expect(escapeLucene('a && b || !c')).toBe('a \\&\\& b \\|\\| \\!c');
    expect(escapeLucene('name:"x"~2^3')).toBe('name\\:\\"x\\"\\~2\\^3');
    expect(escapeLucene('\\')).toBe('\\\\');
  });

  it('turns the operator words into plain terms, in upper case only (lower case is no operator)', () => {
    expect(escapeLucene('AND')).toBe('\\AND');
    expect(escapeLucene('OR')).toBe('\\OR');
    expect(escapeLucene('NOT')).toBe('\\NOT');
    expect(escapeLucene('and')).toBe('and');
    expect(escapeLucene('ANDROID')).toBe('ANDROID');
  });

  it('leaves letters, digits and other punctuation alone', () => {
    expect(escapeLucene('Zelenskyy')).toBe('Zelenskyy');
    expect(escapeLucene('£2.26')).toBe('£2.26');
    expect(escapeLucene('EU’s')).toBe('EU’s');
  });
});

describe('luceneQuery', () => {
  it('requires every word, each exactly (boosted) or as a prefix', () => {
    expect(luceneQuery('Mr Healey')).toBe('(mr^2 OR mr*) AND (healey^2 OR healey*)');
    expect(luceneQuery('  Chancellor ')).toBe('(chancellor^2 OR chancellor*)');
  });

  it('lower-cases words, so typed operators are ordinary words', () => {
    expect(luceneQuery('AND OR NOT')).toBe('(and^2 OR and*) AND (or^2 OR or*) AND (not^2 OR not*)');
    expect(luceneQuery('Healey OR Reeves')).toBe('(healey^2 OR healey*) AND (or^2 OR or*) AND (reeves^2 OR reeves*)');
  });

  it('matches words with punctuation or a single letter exactly, escaped', () => {
    expect(luceneQuery('£2.26 billion')).toBe('(£2.26) AND (billion^2 OR billion*)');
    expect(luceneQuery('EU’s')).toBe('(eu’s)');
    expect(luceneQuery('a')).toBe('(a)');
    expect(luceneQuery('peace*keeping')).toBe('(peace\\*keeping)');
    expect(luceneQuery('"Healey"')).toBe('(\\"healey\\")');
  });

  it.each(SPECIALS)('escapes %s inside a word', (ch) => {
    expect(luceneQuery(`x${ch}y`)).toBe(`(x\\${ch}y)`);
  });

  it('gives null when there is no word to look for', () => {
    for (const text of ['', '   ', '"', ')(', '*:*', '&& || !', '\\', '-- + ~']) expect(luceneQuery(text)).toBeNull();
  });

  it('never lets a user character outside an escape: every special in the output is escaped or ours', () => {
    const hostile = 'a"b (c) {d} [e] f^2 g~ h* i? j:k l\\m n/o p+q r-s t&&u v||w !x AND OR NOT TO';
    const query = luceneQuery(hostile) ?? '';
    // Remove our own structure, then every remaining special character must follow a backslash.
    const userPart = query
      .replace(/\^2 OR /g, ' ')
      .replace(/\*\)/g, ')')
      .replace(/ AND /g, ' ')
      .replace(/^\(|\)$|\) \(/g, ' ');
    const unescaped = userPart.replace(/\\./g, '').match(/[+\-&|!(){}[\]^"~*?:\\/]/g);
    expect(unescaped).toBeNull();
  });
});

describe('accent folding', () => {
  it('folds accents and letters Unicode does not decompose', () => {
    expect(foldForSearch('Türkiye')).toBe('turkiye');
    expect(foldForSearch('Łódź')).toBe('lodz');
    expect(foldForSearch('Straße')).toBe('strasse');
    expect(foldForSearch('Zelensky')).toBe('zelensky');
  });

  it('looks for a word with accents in both forms', () => {
    expect(luceneQuery('Türkiye')).toBe('(türkiye^2 OR türkiye* OR turkiye^2 OR turkiye*)');
    expect(luceneQuery('Turkiye')).toBe('(turkiye^2 OR turkiye*)');
  });
});

describe('tolerantLuceneQuery', () => {
  it('lets longer words of letters be a letter or two off, and nothing else', () => {
    expect([fuzziness('war'), fuzziness('mask'), fuzziness('healey'), fuzziness('zelensky'), fuzziness('2024'), fuzziness('eu’s')]).toEqual(
      [0, 1, 1, 2, 0, 0],
    );
    expect(tolerantLuceneQuery('Volodimir Zelenskiy')).toBe(
      '(volodimir^2 OR volodimir* OR volodimir~2) AND (zelenskiy^2 OR zelenskiy* OR zelenskiy~2)',
    );
    expect(tolerantLuceneQuery('Mr Healey')).toBe('(mr^2 OR mr*) AND (healey^2 OR healey* OR healey~1)');
    expect(tolerantLuceneQuery('£2.26 billion')).toBe('(£2.26) AND (billion^2 OR billion* OR billion~2)');
  });

  it('is null when no word is long enough to be misspelt', () => {
    // 'Healey~' is one word holding a `~`: matched literally, escaped, never read as fuzzy syntax.
    for (const text of ['', 'EU', 'Mr Ms', '£2.26', '*:*', 'Healey~']) expect(tolerantLuceneQuery(text)).toBeNull();
  });

  it('never lets a user character outside an escape', () => {
    const hostile = 'a"b (c) {d} [e] f^2 g~ h* i? j:k l\\m n/o p+q r-s t&&u v||w !x AND OR NOT TO abcdefgh~3 healey';
    const query = tolerantLuceneQuery(hostile) ?? '';
    expect(query).toContain('healey~1');
    const userPart = query
      .replace(/\^2 OR /g, ' ')
      .replace(/\* OR /g, ' ')
      .replace(/~[12]\)/g, ')')
      .replace(/\*\)/g, ')')
      .replace(/ AND /g, ' ')
      .replace(/^\(|\)$|\) \(/g, ' ');
    const unescaped = userPart.replace(/\\./g, '').match(/[+\-&|!(){}[\]^"~*?:\\/]/g);
    expect(unescaped).toBeNull();
  });
});
