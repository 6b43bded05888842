/**
 * Keyset cursors and the clauses built from them, without a database: cursors round-trip, anything
 * but an untouched cursor of the same ordering is refused, and the WHERE/ORDER BY agree on nulls.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { emptyWhere } from '../../../src/queries/filters/whereClause.js';
import { BY_AMOUNT, BY_NAME, BY_TIME } from '../../../src/queries/lists/sortKeys.js';
import { pageQuery } from '../../../src/queries/pagination/fetchPage.js';
import {
  decodeCursor,
  encodeCursor,
  keysetWhere,
  orderByClause,
  ordering,
  type CursorPosition,
  type Ordering,
} from '../../../src/queries/pagination/keyset.js';

const byName = ordering('commitments', 'NAME', 'ASC', BY_NAME);
const byAmountDesc = ordering('commitments', 'AMOUNT', 'DESC', BY_AMOUNT);
const byAmountAsc = ordering('commitments', 'AMOUNT', 'ASC', BY_AMOUNT);
const byTime = ordering('timeline', 'TIME', 'ASC', BY_TIME);

/** Base64url of any JSON, to forge cursors. */
const forge = (payload: unknown): string => Buffer.from(JSON.stringify(payload)).toString('base64url');

/** The error decoding throws, or a failure if it accepts the cursor. */
function refusal(order: Ordering, cursor: string): AppError {
  try {
    decodeCursor(order, cursor);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`cursor accepted: ${cursor}`);
}

describe('cursors', () => {
  it('round-trip their keys and id, nulls and non-ASCII names included', () => {
    const positions: [Ordering, CursorPosition][] = [
      [byName, { keys: ['UK £2.26 billion ERA loan to Ukraine'], id: 'commitment:uk-ukraine-era-loan-2-26bn' }],
      [byAmountDesc, { keys: [650e9], id: 'commitment:eu-budget-rule-relaxation-650bn' }],
      [byAmountDesc, { keys: [null], id: 'commitment:peacekeeping-force-ukraine' }],
      [
        byTime,
        { keys: [-6, null, 'US–Ukraine negotiations in Saudi Arabia (next week)'], id: 'event:us-ukraine-negotiations-saudi-arabia' },
      ],
      [byTime, { keys: [null, '2025-03-06', 'x'], id: 'event:x' }],
    ];
    for (const [order, position] of positions) {
      const cursor = encodeCursor(order, position);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(order, cursor)).toEqual(position);
    }
  });

  it('differ for the same row under different orderings', () => {
    const position = { keys: [30e6], id: 'commitment:uk-ukraine-attack-drones-deal-30m' };
    expect(encodeCursor(byAmountAsc, position)).not.toBe(encodeCursor(byAmountDesc, position));
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'not a cursor!'],
    ['base64 with padding', `${forge(['commitments.NAME.ASC', ['a'], 'commitment:a'])}==`],
    ['base64 of text', Buffer.from('hello world').toString('base64url')],
    ['JSON but not an array', forge({ order: 'commitments.NAME.ASC', keys: ['a'], id: 'commitment:a' })],
    ['an array of the wrong length', forge(['commitments.NAME.ASC', ['a']])],
    ['keys not an array', forge(['commitments.NAME.ASC', 'a', 'commitment:a'])],
    ['too many keys', forge(['commitments.NAME.ASC', ['a', 'b'], 'commitment:a'])],
    ['a number for a string key', forge(['commitments.NAME.ASC', [1], 'commitment:a'])],
    ['null for a key that is never null', forge(['commitments.NAME.ASC', [null], 'commitment:a'])],
    ['an object as a key', forge(['commitments.NAME.ASC', [{ $gt: '' }], 'commitment:a'])],
    ['an id of no known type', forge(['commitments.NAME.ASC', ['a'], 'robot:a'])],
    ['an id that is not a string', forge(['commitments.NAME.ASC', ['a'], 7])],
    ['an overlong key', forge(['commitments.NAME.ASC', ['a'.repeat(1001)], 'commitment:a'])],
    ['an overlong cursor', 'A'.repeat(2001)],
  ])('refuses %s', (_what, cursor) => {
    const error = refusal(byName, cursor);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(error.message).toMatch(/^Argument "after" is not a valid cursor/);
  });

  it('refuses edited cursors', () => {
    const cursor = encodeCursor(byAmountDesc, { keys: [2.26e9], id: 'commitment:uk-ukraine-era-loan-2-26bn' });
    const json = Buffer.from(cursor, 'base64url').toString('utf8');
    // A string where the amount was, a truncated cursor, a character appended that decoding would drop.
    expect(() => decodeCursor(byAmountDesc, Buffer.from(json.replace('2260000000', '"2260000000"')).toString('base64url'))).toThrow(
      AppError,
    );
    expect(() => decodeCursor(byAmountDesc, cursor.slice(0, -4))).toThrow(/not a valid cursor/);
    // Padded to a length whose last character Node's decoder silently drops.
    const appended = cursor + 'A'.repeat((((1 - cursor.length) % 4) + 4) % 4);
    expect(appended.length % 4).toBe(1);
    expect(() => decodeCursor(byAmountDesc, appended)).toThrow(/not a valid cursor/);
    // The same bytes written with different unused low bits in the last character.
    const decodesAlike = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_']
      .map((c) => cursor.slice(0, -1) + c)
      .filter((c) => c !== cursor && Buffer.from(c, 'base64url').equals(Buffer.from(cursor, 'base64url')));
    expect(decodesAlike.length).toBeGreaterThan(0);
    for (const alias of decodesAlike) expect(() => decodeCursor(byAmountDesc, alias)).toThrow(/not a valid cursor/);
  });

  it('refuses a cursor made for another order, field or list', () => {
    const position = { keys: [30e6], id: 'commitment:uk-ukraine-attack-drones-deal-30m' };
    const cursor = encodeCursor(byAmountDesc, position);
    expect(refusal(byAmountAsc, cursor).message).toContain('another ordering');
    expect(refusal(byName, cursor).extensions.code).toBe('BAD_USER_INPUT');
    const people = ordering('people', 'NAME', 'ASC', BY_NAME);
    const nations = ordering('nations', 'NAME', 'ASC', BY_NAME);
    expect(refusal(nations, encodeCursor(people, { keys: ['Keir Starmer'], id: 'person:keir-starmer' })).message).toContain(
      'people.NAME.ASC',
    );
  });
});

describe('clauses', () => {
  it('order nulls last in both directions and break ties by id', () => {
    expect(orderByClause(byName)).toBe('n.name ASC, n.id ASC');
    expect(orderByClause(byAmountDesc)).toBe('n.amountValue IS NULL, n.amountValue DESC, n.id DESC');
    expect(orderByClause(byTime)).toBe(
      'n.timeRelativeDaysMin IS NULL, n.timeRelativeDaysMin ASC, coalesce(n.timeDate, n.timeDateMin) IS NULL, coalesce(n.timeDate, n.timeDateMin) ASC, n.name ASC, n.id ASC',
    );
  });

  it('seek past the cursor row by its key and id: a range on a never-null first key, then the tie-break', () => {
    expect(keysetWhere(byName, { keys: ['Oval'], id: 'event:x' })).toEqual({
      clauses: ['n.name >= $cursorKey0', 'NOT (n.name = $cursorKey0) OR (n.id > $cursorId)'],
      params: { cursorKey0: 'Oval', cursorId: 'event:x' },
    });
  });

  it('mirror the comparison for DESC, with every null after a value', () => {
    expect(keysetWhere(byAmountDesc, { keys: [752e6], id: 'commitment:b' })).toEqual({
      clauses: ['((n.amountValue IS NULL OR n.amountValue < $cursorKey0)) OR (n.amountValue = $cursorKey0 AND n.id < $cursorId)'],
      params: { cursorKey0: 752e6, cursorId: 'commitment:b' },
    });
  });

  it('after a null, seek only among the nulls', () => {
    expect(keysetWhere(byAmountDesc, { keys: [null], id: 'commitment:b' })).toEqual({
      clauses: ['(n.amountValue IS NULL AND n.id < $cursorId)'],
      params: { cursorId: 'commitment:b' },
    });
    expect(keysetWhere(byTime, { keys: [null, null, 'Rachel'], id: 'event:r' }).clauses).toEqual([
      '(n.timeRelativeDaysMin IS NULL AND coalesce(n.timeDate, n.timeDateMin) IS NULL AND n.name > $cursorKey2) OR ' +
        '(n.timeRelativeDaysMin IS NULL AND coalesce(n.timeDate, n.timeDateMin) IS NULL AND n.name = $cursorKey2 AND n.id > $cursorId)',
    ]);
  });

  it('carry cursor values only as parameters', () => {
    const hostile = "x' OR true //";
    const where = keysetWhere(byName, { keys: [hostile], id: 'commitment:a' });
    expect(where.clauses.join(' ')).not.toContain(hostile);
    expect(Object.values(where.params)).toContain(hostile);
  });

  it('build one named query: the count under the filter and the page with its keyset', () => {
    const where = emptyWhere();
    where.clauses.push('n.kind IN $kinds');
    const after = keysetWhere(byAmountDesc, { keys: [752e6], id: 'commitment:b' });
    const query = pageQuery({ name: 'list.commitments', match: 'MATCH (n:Commitment)' }, where, byAmountDesc, after);
    expect(query.name).toBe('list.commitments');
    expect(query.text.startsWith('// list.commitments\n')).toBe(true);
    // The count ignores the cursor; the page applies it.
    const [countPart, pagePart] = query.text.split('RETURN count(n) AS total');
    expect(countPart).toContain('WHERE (n.kind IN $kinds)');
    expect(countPart).not.toContain('$cursorId');
    expect(pagePart).toContain('(n.kind IN $kinds) AND (((n.amountValue IS NULL OR n.amountValue < $cursorKey0))');
    expect(pagePart).toContain('ORDER BY n.amountValue IS NULL, n.amountValue DESC, n.id DESC LIMIT $pageSize');
  });
});
