import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from '../../src/server/exceedsJsonDepth.js';

/** A parsed value nested `levels` deep, built from text as a client would send it. */
const nested = (levels: number, open = '[', close = ']') => JSON.parse(`${open.repeat(levels)}${close.repeat(levels)}`) as unknown;
const nestedObjects = (levels: number) => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`) as unknown;

describe('how deep a JSON value nests', () => {
  it('counts scalars as 0 and each object or array as one level', () => {
    for (const scalar of [null, undefined, 1, 'text', true]) expect(exceedsJsonDepth(scalar, 0)).toBe(false);
    expect(exceedsJsonDepth({}, 0)).toBe(true);
    expect(exceedsJsonDepth({}, 1)).toBe(false);
    expect(exceedsJsonDepth([], 1)).toBe(false);
    expect(exceedsJsonDepth({ a: [1] }, 1)).toBe(true);
    expect(exceedsJsonDepth({ a: [1] }, 2)).toBe(false);
    expect(exceedsJsonDepth({ id: 'x', filter: { text: 'y' } }, 2)).toBe(false);
  });

  it('is exact at the limit, for arrays and objects', () => {
    expect(exceedsJsonDepth(nested(32), 32)).toBe(false);
    expect(exceedsJsonDepth(nested(33), 32)).toBe(true);
    expect(exceedsJsonDepth(nestedObjects(32), 32)).toBe(false);
    expect(exceedsJsonDepth(nestedObjects(33), 32)).toBe(true);
  });

  it('finds the deepest branch wherever it is, not only the first or last', () => {
    const wide = { a: 1, b: [2, 3, { c: 'x' }], d: nested(40), e: { f: null } };
    expect(exceedsJsonDepth(wide, 32)).toBe(true);
    expect(exceedsJsonDepth([nested(40), 1, 2], 32)).toBe(true);
    expect(exceedsJsonDepth([1, 2, nested(40)], 32)).toBe(true);
    expect(exceedsJsonDepth([nested(5), nested(31), { a: nested(30) }], 32)).toBe(false);
  });

  it('walks values far too deep for recursion without overflowing the stack', () => {
    const deep = nested(200_000);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(exceedsJsonDepth(deep, 32)).toBe(true);
    expect(exceedsJsonDepth(deep, 199_999)).toBe(true);
    expect(exceedsJsonDepth(deep, 200_000)).toBe(false);
    expect(exceedsJsonDepth(nestedObjects(100_000), 100_000)).toBe(false);
  });

  it('handles wide values (many siblings) as well as deep ones', () => {
    const wide = Array.from({ length: 50_000 }, (_, i) => ({ i, tags: ['a', 'b'] }));
    expect(exceedsJsonDepth(wide, 3)).toBe(false);
    expect(exceedsJsonDepth(wide, 2)).toBe(true);
  });
});
