import { describe, expect, it } from 'vitest';
import { CodePointText } from '../../../seed/validate/codePoints.js';
import { fillOffsets } from '../../../tools/curate/fill-offsets.js';
import { locate } from '../../../tools/curate/locate.js';

describe('code-point offsets', () => {
  it('count characters outside the BMP once', () => {
    const text = new CodePointText('🇺🇦 Ukraine and Ukraine');
    // The flag is two code points (four UTF-16 units).
    expect(text.findAll('Ukraine')).toEqual([
      { start: 3, end: 10 },
      { start: 15, end: 22 },
    ]);
    expect(text.slice(3, 10)).toBe('Ukraine');
  });

  it('locate narrows occurrences to those inside a unique context', () => {
    const text = new CodePointText('support Ukraine now; Ukraine needs it');
    expect(locate(text, 'Ukraine', 'Ukraine needs')).toEqual([{ start: 21, end: 28 }]);
  });
});

describe('fillOffsets', () => {
  it('fills offsets, uses `at` to disambiguate, keeps comments, and reports ambiguity', () => {
    const text = new CodePointText('Mr Healey spoke. Then Mr Healey left.');
    const yaml = [
      '# keep me',
      'a: { quote: "Mr Healey", at: "Then Mr Healey" }',
      'b: { quote: "spoke" }',
      'c: { quote: "Mr Healey" }',
      '',
    ].join('\n');
    const { yaml: out, problems } = fillOffsets(yaml, text);
    expect(out).toContain('# keep me');
    expect(out).toContain('a: { quote: "Mr Healey", start: 22, end: 31 }');
    expect(out).toContain('b: { quote: "spoke", start: 10, end: 15 }');
    expect(problems).toEqual(['line 4: "Mr Healey" occurs 2 times (add or lengthen `at`)']);
  });
});
