/**
 * The timeline on the seeded first source: events and dated commitments in time order, with the
 * precision each time was stated with, filters and keyset pagination. Times are read from
 * seed/data/sources/uk-france-coalition-ukraine-support.yaml.
 */
import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../../support/apiHarness.js';

interface Time {
  stated: string | null;
  precision: string;
  anchor: string | null;
  relativeDaysMin: number | null;
  relativeDaysMax: number | null;
  inferred: boolean;
}
interface Item {
  time: Time;
  subject: { __typename: string; id: string };
}
interface Timeline {
  totalCount: number;
  edges: { cursor: string; node: Item }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const TIMELINE_FIELDS = `totalCount
  edges { cursor node { time { stated precision anchor relativeDaysMin relativeDaysMax inferred } subject { __typename ... on Node { id } } } }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

/**
 * The whole timeline: dated items by their earliest day (then name), then the items whose time is
 * unknown ("earlier", "In the aftermath", not stated) by name.
 */
const EXPECTED: [string, string, string | null, number | null][] = [
  ['event:oval-office-dispute', 'WEEK_RELATIVE', 'last week', -13],
  ['event:coalition-of-the-willing-discussions', 'WEEKDAY_RELATIVE', 'on Wednesday', -6],
  ['commitment:uk-ukraine-era-loan-first-instalment-752m', 'WEEKDAY_RELATIVE', 'on Thursday', -6],
  ['event:healey-washington-remarks', 'WEEKDAY_RELATIVE', 'on Thursday', -6],
  ['event:era-loan-first-instalment-transfer', 'WEEKDAY_RELATIVE', 'on Thursday', -6],
  ['event:starmer-meets-european-leaders-friday', 'WEEKDAY_RELATIVE', 'on Friday', 0],
  ['event:us-ukraine-negotiations-saudi-arabia', 'WEEK_RELATIVE', 'next week', 1],
  ['commitment:us-ukraine-negotiations-saudi-arabia', 'WEEK_RELATIVE', 'next week', 1],
  ['event:eu-agrees-budget-rule-relaxation', 'UNKNOWN', null, null],
  ['event:healey-hegseth-discussions', 'UNKNOWN', null, null],
  ['event:healey-newsmax-interview', 'UNKNOWN', null, null],
  ['event:reeves-visits-raf-northolt', 'UNKNOWN', null, null],
  ['event:uk-drones-deal-signing', 'UNKNOWN', null, null],
  ['event:envoy-announces-talks', 'UNKNOWN', 'earlier', null],
  ['event:starmer-macron-peacekeeping-initiative', 'UNKNOWN', null, null],
  ['event:us-halts-military-aid-and-intelligence', 'UNKNOWN', 'In the aftermath', null],
];

const api = useApiHarness();

/** The article's items: the graph also holds the tracker's monthly commitments (tested in tracker.test.ts). */
const ARTICLE = 'sourceIds: ["source:uk-france-coalition-ukraine-support"]';

async function timeline(given = '', variables?: Record<string, unknown>): Promise<Timeline> {
  const signature = variables ? '($after: String)' : '';
  const args = given.includes('filter: {')
    ? given.replace('filter: {', `filter: {${ARTICLE}, `)
    : [`filter: {${ARTICLE}}`, given].filter(Boolean).join(', ');
  const result = await api.execute<{ timeline: Timeline }>(
    `query ${signature} { timeline${args ? `(${args})` : ''} { ${TIMELINE_FIELDS} } }`,
    variables,
  );
  expect(result.errors).toBeUndefined();
  if (!result.data) throw new Error('no data');
  return result.data.timeline;
}
const subjects = (page: Timeline): string[] => page.edges.map((e) => e.node.subject.id);

async function failure(query: string) {
  const result = await api.execute(query);
  const [error] = result.errors ?? [];
  return { message: error?.message ?? '', code: error?.extensions?.code, argument: error?.extensions?.argument };
}

describe('timeline', () => {
  it('orders events and dated commitments by time, unknown times last, keeping the stated precision', async () => {
    const page = await timeline();
    expect(page.edges.map((e) => [e.node.subject.id, e.node.time.precision, e.node.time.stated, e.node.time.relativeDaysMin])).toEqual(
      EXPECTED,
    );
    expect(page.totalCount).toBe(16);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(page.edges.map((e) => e.node.subject.__typename).filter((t) => t === 'Commitment')).toHaveLength(2);
  });

  it('keeps "on Thursday" as a weekday-relative time anchored to publication, not a date', async () => {
    const page = await timeline();
    const instalment = page.edges.find((e) => e.node.subject.id === 'commitment:uk-ukraine-era-loan-first-instalment-752m');
    expect(instalment?.node).toEqual({
      time: {
        stated: 'on Thursday',
        precision: 'WEEKDAY_RELATIVE',
        anchor: 'publication',
        relativeDaysMin: -6,
        relativeDaysMax: 0,
        inferred: true,
      },
      subject: { __typename: 'Commitment', id: 'commitment:uk-ukraine-era-loan-first-instalment-752m' },
    });
  });

  it('walks page by page in the same order as one page', async () => {
    const visited: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Timeline = await timeline('first: 3, after: $after', { after });
      pages += 1;
      expect(page.totalCount).toBe(16);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      visited.push(...subjects(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(visited).toEqual(EXPECTED.map(([id]) => id));
    expect(pages).toBe(6);
  });

  it('includes only the kinds asked for', async () => {
    expect(subjects(await timeline('filter: {include: [COMMITMENT]}'))).toEqual([
      'commitment:uk-ukraine-era-loan-first-instalment-752m',
      'commitment:us-ukraine-negotiations-saudi-arabia',
    ]);
    const events = await timeline('filter: {include: [EVENT]}');
    expect(events.totalCount).toBe(14);
    expect(subjects(events)).toEqual(EXPECTED.map(([id]) => id).filter((id) => id.startsWith('event:')));
    expect(await timeline('filter: {include: []}')).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('filters by actor: participant, donor, recipient or party', async () => {
    // Ukraine: recipient of the instalment, party to the talks, participant in three events.
    expect(subjects(await timeline('filter: {actorId: "nation:ua"}'))).toEqual([
      'commitment:uk-ukraine-era-loan-first-instalment-752m',
      'event:era-loan-first-instalment-transfer',
      'event:us-ukraine-negotiations-saudi-arabia',
      'commitment:us-ukraine-negotiations-saudi-arabia',
      'event:us-halts-military-aid-and-intelligence',
    ]);
    // The UK: donor of the instalment, participant (lead, buyer, donor) in three events.
    expect(subjects(await timeline('filter: {actorId: "nation:gb"}'))).toEqual([
      'commitment:uk-ukraine-era-loan-first-instalment-752m',
      'event:era-loan-first-instalment-transfer',
      'event:uk-drones-deal-signing',
      'event:starmer-macron-peacekeeping-initiative',
    ]);
    expect(subjects(await timeline('filter: {actorId: "person:john-healey", include: [EVENT]}'))).toEqual([
      'event:healey-washington-remarks',
      'event:healey-hegseth-discussions',
      'event:healey-newsmax-interview',
    ]);
  });

  it('filters by a window of days around publication', async () => {
    // Day 0 (publication): the Thursday/Wednesday ranges (-6…0) and the Friday (0…6) overlap it.
    expect(subjects(await timeline('filter: {time: {fromRelativeDays: 0, toRelativeDays: 0}}'))).toEqual([
      'event:coalition-of-the-willing-discussions',
      'commitment:uk-ukraine-era-loan-first-instalment-752m',
      'event:healey-washington-remarks',
      'event:era-loan-first-instalment-transfer',
      'event:starmer-meets-european-leaders-friday',
    ]);
    expect(subjects(await timeline('filter: {time: {toRelativeDays: -7}}'))).toEqual(['event:oval-office-dispute']);
  });

  it('makes as many Cypher round trips for 100 items as for 3', async () => {
    const query = (first: number) =>
      `{ timeline(filter: {${ARTICLE}}, first: ${first}) { edges { node { subject { ... on Commitment { donors { ... on Node { name } } } ... on Event { participants { role } } } } } } }`;
    // The first three items already hold both kinds (two events, the instalment).
    const three = await api.execute(query(3));
    const hundred = await api.execute(query(100));
    expect(three.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(hundred.queries.length).toBe(three.queries.length);
    // The list, then both relationship fields of the next level in one query.
    expect(hundred.queries.map((q) => q.name)).toEqual(['list.timeline', 'relation.Commitment.donors+Event.participants']);
  });

  it('refuses bad arguments', async () => {
    expect(await failure('{ timeline(first: 101) { totalCount } }')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect((await failure('{ timeline(first: 101) { totalCount } }')).message).toContain('100');
    expect(await failure('{ timeline(filter: {actorId: "UK"}) { totalCount } }')).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.actorId',
    });
    expect(await failure('{ timeline(filter: {time: {fromDate: "last week"}}) { totalCount } }')).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.time.fromDate',
    });
    expect(await failure('{ timeline(after: "bm90IGEgY3Vyc29y") { totalCount } }')).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'after',
    });
  });

  it('refuses a cursor of the events list, though both are ordered by time', async () => {
    const events = await api.execute<{ events: { pageInfo: { endCursor: string } } }>('{ events(first: 2) { pageInfo { endCursor } } }');
    const after = events.data?.events.pageInfo.endCursor;
    expect(after).toBeTruthy();
    const result = await api.execute(`query ($after: String) { timeline(filter: {${ARTICLE}}, after: $after) { totalCount } }`, { after });
    expect(result.errors?.[0]?.message).toMatch(/^Argument "after" is not a valid cursor/);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
