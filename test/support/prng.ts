/**
 * A small seeded pseudo-random generator for deterministic fuzzing: the same seed gives the same
 * sequence on every machine, so a failing request can be produced again from its seed and index.
 */

/** Random choices drawn from one seeded sequence. */
export interface Prng {
  /** The seed this generator started from. */
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Up to `max` distinct elements of `items`, in random order. */
  sample<T>(items: readonly T[], max: number): T[];
  /** A string of `length` characters drawn from `alphabet` (code points). */
  string(length: number, alphabet?: string): string;
}

const PRINTABLE = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast and well distributed enough for
 * choosing test inputs. Not for anything that needs to be unpredictable.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator of random choices seeded with `seed`. */
export function prng(seed: number): Prng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  return {
    seed,
    next,
    int,
    chance: (p) => next() < p,
    pick,
    sample: (items, max) => {
      const pool = [...items];
      const out: (typeof items)[number][] = [];
      while (pool.length > 0 && out.length < max) out.push(pool.splice(int(0, pool.length - 1), 1)[0] as (typeof items)[number]);
      return out;
    },
    string: (length, alphabet = PRINTABLE) => {
      const chars = [...alphabet];
      let out = '';
      for (let i = 0; i < length; i++) out += pick(chars);
      return out;
    },
  };
}
