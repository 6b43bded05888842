/**
 * Ways to damage an operation's text, as broken clients, proxies and attackers do: cut it, flip
 * characters, unbalance braces, blow up numbers, nest it deeply. Each takes a PRNG so a fuzz run
 * can be replayed from its seed.
 */
import type { Prng } from './prng.js';

/** A named way to damage a text. */
export interface Mutation {
  name: string;
  apply: (text: string, rng: Prng) => string;
}

const JUNK = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '"',
  '\\',
  '$',
  '@',
  '...',
  '#',
  ':',
  '!',
  '\u0000',
  '\uFFFF',
  '\uD800',
  'é',
  '😀',
  '\n',
  ' on ',
  'fragment',
  'query',
];

export const MUTATIONS: readonly Mutation[] = [
  { name: 'truncated', apply: (text, rng) => text.slice(0, rng.int(0, Math.max(0, text.length - 1))) },
  {
    name: 'characters flipped',
    apply: (text, rng) => {
      const chars = [...text];
      for (let i = rng.int(1, 4); i > 0 && chars.length > 0; i--)
        chars[rng.int(0, chars.length - 1)] = String.fromCharCode(rng.int(0, 0x2fff));
      return chars.join('');
    },
  },
  {
    name: 'junk inserted',
    apply: (text, rng) => {
      const at = rng.int(0, text.length);
      return text.slice(0, at) + rng.pick(JUNK) + text.slice(at);
    },
  },
  {
    name: 'a brace removed',
    apply: (text, rng) => {
      const braces = [...text.matchAll(/[{}()[\]]/g)].map((m) => m.index);
      if (braces.length === 0) return `${text}}`;
      const at = rng.pick(braces);
      return text.slice(0, at) + text.slice(at + 1);
    },
  },
  {
    name: 'braces unbalanced',
    apply: (text, rng) => (rng.chance(0.5) ? '{'.repeat(rng.int(1, 50)) + text : text + '}'.repeat(rng.int(1, 50))),
  },
  {
    name: 'numbers blown up',
    apply: (text, rng) =>
      /\d/.test(text)
        ? text.replace(/-?\d+(\.\d+)?/g, () =>
            rng.pick(['99999999999999999999999', '-2147483649', '1e400', '1.7976931348623157e309', '0x10', '00', '1.', '-0']),
          )
        : text.replace('{', `{ commitments(first: ${rng.pick(['2147483648', '1e400', '-99999999999'])}) { totalCount } `),
  },
  { name: 'duplicated', apply: (text, rng) => text.repeat(rng.int(2, 5)) },
  {
    name: 'name swapped',
    apply: (text, rng) => text.replace(/\b[a-z]\w*\b/, rng.pick(['__schema', '__type', 'mutation', 'subscription', 'nme', '_', 'Query'])),
  },
];

/**
 * A valid query nested `levels` deep that really executes: a person's tenure, its person, their
 * tenure, … Each level has one item (John Healey holds one office), so the answer stays small
 * while the depth grows: it probes depth handling, not result size.
 */
export function deepNesting(levels: number): string {
  return `{ person(id: "person:john-healey") { ${'tenures { person { '.repeat(levels)}name${' } }'.repeat(levels)} } }`;
}

/** A selection nested `levels` deep with braces only: a parser's recursion, not the executor's. */
export function deepBraces(levels: number): string {
  return `{ ${'a { '.repeat(levels)}b${' }'.repeat(levels)} }`;
}
