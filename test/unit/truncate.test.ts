import { describe, expect, it } from 'vitest';
import { TRUNCATION_MARK, truncate } from '../../src/truncate.js';

describe('cutting echoed text to a short prefix', () => {
  it('leaves text at or under the limit alone', () => {
    expect(truncate('', 10)).toBe('');
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('x'.repeat(300), 300)).toBe('x'.repeat(300));
  });

  it('cuts longer text to exactly the limit, ending in the mark', () => {
    const cut = truncate('A'.repeat(99_000), 300);
    expect(cut).toHaveLength(300);
    expect(cut.endsWith(TRUNCATION_MARK)).toBe(true);
    expect(cut.startsWith('AAAA')).toBe(true);
    expect(TRUNCATION_MARK).toBe('… (truncated)');
  });

  it('never leaves half of a surrogate pair', () => {
    const max = 20;
    const keep = max - TRUNCATION_MARK.length;
    // An emoji (two UTF-16 units) straddling the cut is dropped whole.
    const cut = truncate(`${'a'.repeat(keep - 1)}😀${'b'.repeat(50)}`, max);
    expect(cut).toBe(`${'a'.repeat(keep - 1)}${TRUNCATION_MARK}`);
  });

  it('still marks the cut when the limit is smaller than the mark', () => {
    expect(truncate('x'.repeat(50), 5)).toBe(TRUNCATION_MARK);
  });
});
