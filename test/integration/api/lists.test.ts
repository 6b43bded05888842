/**
 * The list fields (people, nations, organizations, commitments, events, statements, stances) on
 * the seeded first source: filters, orders, keyset pagination and argument errors. Expected ids
 * and values are read from seed/data/sources/uk-france-coalition-ukraine-support.yaml and
 * seed/data/registry/*.yaml.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cypher } from '../../../src/db/cypher.js';
import { useApiHarness } from '../../support/apiHarness.js';
import { testRuntime } from '../../support/testRuntime.js';

interface Page<N> {
  totalCount: number;
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}
type IdNode = { id: string };

const PAGE_FIELDS = 'totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** Every commitment of the first source, by id. */
const ALL_COMMITMENTS = [
  'commitment:uk-ukraine-attack-drones-deal-30m',
  'commitment:uk-ukraine-era-loan-2-26bn',
  'commitment:uk-ukraine-era-loan-first-instalment-752m',
  'commitment:uk-defence-spending-2-5pct-gdp',
  'commitment:eu-budget-rule-relaxation-650bn',
  'commitment:us-military-aid-ukraine-halt',
  'commitment:us-intelligence-sharing-ukraine-halt',
  'commitment:us-ukraine-minerals-deal',
  'commitment:peacekeeping-force-ukraine',
  'commitment:us-ukraine-negotiations-saudi-arabia',
  'commitment:uk-military-equipment-deliveries-ukraine',
];

/**
 * The commitments of the first source: the graph also holds the tracker's, so these tests of
 * filters, orders and pages scope to the article (the tracker's lists: tracker.test.ts).
 */
const ARTICLE = 'sourceIds: ["source:uk-france-coalition-ukraine-support"]';

/** Code-point order, as Neo4j compares strings. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const ids = (page: Page<IdNode>): string[] => page.edges.map((e) => e.node.id);

const api = useApiHarness();

/** Runs an operation that must succeed and returns its only root field. */
async function field<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.execute<Record<string, T>>(query, variables);
  expect(result.errors).toBeUndefined();
  const data = result.data ?? {};
  const [value] = Object.values(data);
  return value as T;
}

/** Runs an operation that must fail and returns its first error. */
async function failure(query: string, variables?: Record<string, unknown>) {
  const result = await api.execute(query, variables);
  expect(result.errors).toBeDefined();
  const [error] = result.errors ?? [];
  return { message: error?.message ?? '', code: error?.extensions?.code, argument: error?.extensions?.argument };
}

/**
 * Walks a list page by page with `first: size`, checking each page's pageInfo and totalCount, and
 * returns the ids in the order visited.
 */
async function walk(listField: string, args: string, size: number): Promise<{ ids: string[]; pages: number; total: number }> {
  const visited: string[] = [];
  let after: string | null = null;
  let pages = 0;
  let total = -1;
  for (;;) {
    const page: Page<IdNode> = await field(
      `query ($after: String) { ${listField}(${args} first: ${size}, after: $after) { ${PAGE_FIELDS} } }`,
      { after },
    );
    pages += 1;
    if (total === -1) total = page.totalCount;
    expect(page.totalCount).toBe(total);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    visited.push(...ids(page));
    if (!page.pageInfo.hasNextPage) {
      expect(visited).toHaveLength(total);
      return { ids: visited, pages, total };
    }
    expect(page.edges).toHaveLength(size);
    after = page.pageInfo.endCursor;
    if (pages > 50) throw new Error('pagination does not end');
  }
}

describe('commitments', () => {
  it('filters by donor: exactly the UK’s commitments', async () => {
    const page = await field<Page<IdNode>>(`{ commitments(filter: {${ARTICLE}, donorId: "nation:gb"}, first: 100) { ${PAGE_FIELDS} } }`);
    expect(ids(page).sort()).toEqual(
      [
        'commitment:uk-ukraine-attack-drones-deal-30m',
        'commitment:uk-ukraine-era-loan-2-26bn',
        'commitment:uk-ukraine-era-loan-first-instalment-752m',
        'commitment:uk-defence-spending-2-5pct-gdp',
        'commitment:uk-military-equipment-deliveries-ukraine',
      ].sort(),
    );
    expect(page.totalCount).toBe(5);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('orders by name by default, in code-point order', async () => {
    const page = await field<Page<{ id: string; name: string }>>(
      `{ commitments(filter: {${ARTICLE}}, first: 100) { totalCount edges { node { id name } } } }`,
    );
    const names = page.edges.map((e) => e.node.name);
    expect(names).toEqual([...names].sort(byCodePoint));
    expect(page.edges.map((e) => e.node.id).sort()).toEqual([...ALL_COMMITMENTS].sort());
    expect(page.totalCount).toBe(11);
  });

  it('orders by amount, largest first, with commitments without an amount last', async () => {
    const page = await field<Page<{ id: string; amount: { value: number; currency: string } | null }>>(
      `{ commitments(filter: {${ARTICLE}}, orderBy: {field: AMOUNT, direction: DESC}, first: 100) { edges { node { id amount { value currency } } } } }`,
    );
    const values = page.edges.map((e) => e.node.amount?.value ?? null);
    expect(values).toEqual([650e9, 2.26e9, 752e6, 30e6, null, null, null, null, null, null, null]);
    expect(page.edges[0]?.node).toEqual({ id: 'commitment:eu-budget-rule-relaxation-650bn', amount: { value: 650e9, currency: 'EUR' } });
  });

  it('keeps commitments without an amount last when ascending too', async () => {
    const page = await field<Page<{ amount: { value: number } | null }>>(
      `{ commitments(filter: {${ARTICLE}}, orderBy: {field: AMOUNT, direction: ASC}, first: 100) { edges { node { amount { value } } } } }`,
    );
    expect(page.edges.map((e) => e.node.amount?.value ?? null)).toEqual([
      30e6,
      752e6,
      2.26e9,
      650e9,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('orders by time: the instalment transferred on Thursday, then the talks next week, then the undated', async () => {
    const page = await field<Page<{ id: string; time: { relativeDaysMin: number } | null }>>(
      `{ commitments(filter: {${ARTICLE}}, orderBy: {field: TIME}, first: 100) { edges { node { id time { relativeDaysMin } } } } }`,
    );
    expect(page.edges.slice(0, 2).map((e) => [e.node.id, e.node.time?.relativeDaysMin])).toEqual([
      ['commitment:uk-ukraine-era-loan-first-instalment-752m', -6],
      ['commitment:us-ukraine-negotiations-saudi-arabia', 1],
    ]);
    expect(page.edges.slice(2).every((e) => e.node.time === null)).toBe(true);
  });

  it.each([
    ['NAME', 'ASC'],
    ['AMOUNT', 'DESC'],
    ['AMOUNT', 'ASC'],
    ['TIME', 'ASC'],
    ['TIME', 'DESC'],
  ])('visits every commitment exactly once, page by page, ordered by %s %s', async (orderField, direction) => {
    const args = `orderBy: {field: ${orderField}, direction: ${direction}},`;
    const whole = await field<Page<IdNode>>(`{ commitments(filter: {${ARTICLE}}, ${args} first: 100) { ${PAGE_FIELDS} } }`);
    const walked = await walk('commitments', `filter: {${ARTICLE}}, ${args}`, 2);
    expect(walked.ids).toEqual(ids(whole));
    expect(new Set(walked.ids).size).toBe(11);
    expect(walked.pages).toBe(6);
    expect(walked.total).toBe(11);
  });

  it('filters by kind, status, text, time and parts', async () => {
    const list = async (filter: string) =>
      ids(await field<Page<IdNode>>(`{ commitments(filter: {${ARTICLE}, ${filter.slice(1)}, first: 100) { ${PAGE_FIELDS} } }`)).sort();
    expect(await list('{kind: [MILITARY]}')).toEqual(
      [
        'commitment:uk-ukraine-attack-drones-deal-30m',
        'commitment:us-military-aid-ukraine-halt',
        'commitment:us-intelligence-sharing-ukraine-halt',
        'commitment:peacekeeping-force-ukraine',
        'commitment:uk-military-equipment-deliveries-ukraine',
      ].sort(),
    );
    expect(await list('{status: [HALTED]}')).toEqual([
      'commitment:us-intelligence-sharing-ukraine-halt',
      'commitment:us-military-aid-ukraine-halt',
    ]);
    expect(await list('{status: [IN_PROGRESS]}')).toEqual(['commitment:uk-military-equipment-deliveries-ukraine']);
    expect(await list('{text: "era LOAN"}')).toEqual([
      'commitment:uk-ukraine-era-loan-2-26bn',
      'commitment:uk-ukraine-era-loan-first-instalment-752m',
    ]);
    // "next week" is 1…13 days after publication; the instalment's Thursday is 6…0 days before it.
    expect(await list('{time: {fromRelativeDays: 1}}')).toEqual(['commitment:us-ukraine-negotiations-saudi-arabia']);
    expect(await list('{donorId: "nation:gb", includeParts: false}')).not.toContain('commitment:uk-ukraine-era-loan-first-instalment-752m');
    expect(await list('{recipientId: "group:eu-willing-nations"}')).toEqual(['commitment:eu-budget-rule-relaxation-650bn']);
  });

  it('returns no edges but the full count for first: 0', async () => {
    const page = await field<Page<IdNode>>(`{ commitments(filter: {${ARTICLE}}, first: 0) { ${PAGE_FIELDS} } }`);
    expect(page).toEqual({
      totalCount: 11,
      edges: [],
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it('makes as many Cypher round trips for 100 rows as for 1, nested donors included', async () => {
    const query = `query ($first: Int) { commitments(filter: {${ARTICLE}}, first: $first) { edges { node { id donors { ... on Node { name } } } } } }`;
    const one = await api.execute(query, { first: 1 });
    const hundred = await api.execute<{ commitments: Page<{ donors: { name: string }[] }> }>(query, { first: 100 });
    expect(one.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data?.commitments.edges).toHaveLength(11);
    expect(hundred.data?.commitments.edges.flatMap((e) => e.node.donors.map((d) => d.name))).toContain('United Kingdom');
    expect(hundred.queries.length).toBe(one.queries.length);
    expect(hundred.queries.map((q) => q.name)).toEqual(['list.commitments', 'relation.Commitment.donors']);
  });
});

describe('keyset cursors', () => {
  it('stay correct when rows are added before and after the cursor', async () => {
    const rt = await testRuntime();
    const run = (name: string, body: string) => rt.executor.write(cypher(`test.${name}`, body));
    try {
      const first = await field<Page<IdNode>>(`{ commitments(filter: {${ARTICLE}}, first: 3) { ${PAGE_FIELDS} } }`);
      const whole = await field<Page<IdNode>>(`{ commitments(filter: {${ARTICLE}}, first: 100) { ${PAGE_FIELDS} } }`);
      // "0…" sorts before every name, "zz…" after every name: an offset cursor would repeat a row.
      await run(
        'insertCommitments',
        `UNWIND [['commitment:test-keyset-before', '0 inserted first'], ['commitment:test-keyset-after', 'zz inserted last']] AS row
         CREATE (:Commitment {id: row[0], name: row[1], kind: 'policy', status: 'proposed', sourceId: 'source:uk-france-coalition-ukraine-support'})`,
      );
      const rest = await field<Page<IdNode>>(
        `query ($after: String) { commitments(filter: {${ARTICLE}}, first: 100, after: $after) { ${PAGE_FIELDS} } }`,
        {
          after: first.pageInfo.endCursor,
        },
      );
      expect(ids(rest)).toEqual([...ids(whole).slice(3), 'commitment:test-keyset-after']);
      expect(rest.totalCount).toBe(13);
    } finally {
      await run('removeCommitments', "MATCH (c:Commitment) WHERE c.id STARTS WITH 'commitment:test-keyset-' DETACH DELETE c");
      await rt.close();
    }
  });

  it('are refused when they are not cursors, edited, or made for another list or order', async () => {
    const amountPage = await field<Page<IdNode>>(
      `{ commitments(filter: {${ARTICLE}}, orderBy: {field: AMOUNT, direction: DESC}, first: 2) { ${PAGE_FIELDS} } }`,
    );
    const peoplePage = await field<Page<IdNode>>(`{ people(first: 2) { ${PAGE_FIELDS} } }`);
    const cursor = amountPage.pageInfo.endCursor ?? '';
    const edited = Buffer.from(Buffer.from(cursor, 'base64url').toString('utf8').replace('2260000000', '"x"')).toString('base64url');
    const cases: [string, string, string][] = [
      ['commitments', 'orderBy: {field: AMOUNT, direction: DESC},', 'not a cursor'],
      ['commitments', 'orderBy: {field: AMOUNT, direction: DESC},', edited],
      ['commitments', 'orderBy: {field: AMOUNT, direction: DESC},', `${cursor.slice(0, -3)}`],
      ['commitments', 'orderBy: {field: AMOUNT, direction: ASC},', cursor],
      ['commitments', 'orderBy: {field: NAME},', cursor],
      ['nations', '', peoplePage.pageInfo.endCursor ?? ''],
    ];
    for (const [list, args, after] of cases) {
      const error = await failure(`query ($after: String) { ${list}(${args} first: 2, after: $after) { totalCount } }`, { after });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      expect(error.message).toMatch(/^Argument "after" is not a valid cursor/);
    }
    // The untouched cursor is accepted where it was made.
    const next = await field<Page<IdNode>>(
      `query ($after: String) { commitments(filter: {${ARTICLE}}, orderBy: {field: AMOUNT, direction: DESC}, first: 2, after: $after) { ${PAGE_FIELDS} } }`,
      { after: cursor },
    );
    expect(ids(next)).toEqual(['commitment:uk-ukraine-era-loan-first-instalment-752m', 'commitment:uk-ukraine-attack-drones-deal-30m']);
  });
});

describe('argument errors', () => {
  it('refuses a page larger than 100, naming the argument and the limit', async () => {
    for (const list of ['people', 'nations', 'organizations', 'commitments', 'events', 'statements', 'stances']) {
      const error = await failure(`{ ${list}(first: 101) { totalCount } }`);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('"first"');
      expect(error.message).toContain('100');
    }
    expect((await failure(`{ commitments(filter: {${ARTICLE}}, first: -1) { totalCount } }`)).code).toBe('BAD_USER_INPUT');
  });

  it('refuses ids of the wrong shape in filters', async () => {
    const cases: [string, string][] = [
      [`{ commitments(filter: {${ARTICLE}, donorId: "gb"}) { totalCount } }`, 'filter.donorId'],
      ['{ events(filter: {participantId: "John Healey"}) { totalCount } }', 'filter.participantId'],
      ['{ events(filter: {placeId: "washington"}) { totalCount } }', 'filter.placeId'],
      ['{ statements(filter: {speakerId: "rachel-reeves"}) { totalCount } }', 'filter.speakerId'],
      ['{ statements(filter: {aboutId: "x"}) { totalCount } }', 'filter.aboutId'],
      ['{ stances(filter: {towardsId: "peacekeeping"}) { totalCount } }', 'filter.towardsId'],
      ['{ stances(filter: {holderId: "unknown:thing"}) { totalCount } }', 'filter.holderId'],
    ];
    for (const [query, argument] of cases) {
      expect(await failure(query)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('refuses a text filter longer than 200 characters', async () => {
    expect(await failure(`{ people(filter: {text: "${'x'.repeat(201)}"}) { totalCount } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.text',
    });
  });
});

describe('people, nations and organisations', () => {
  it('orders people by mentions, most mentioned first, and pages through them', async () => {
    const page = await field<Page<{ id: string; mentionCount: number }>>(
      '{ people(orderBy: {field: MENTIONS, direction: DESC}, first: 100) { totalCount edges { node { id mentionCount } } } }',
    );
    expect(page.totalCount).toBe(9);
    expect(page.edges.map((e) => e.node.mentionCount)).toEqual([6, 5, 4, 4, 3, 3, 2, 2, 1]);
    expect(page.edges[0]?.node.id).toBe('person:donald-trump');
    expect(page.edges.at(-1)?.node.id).toBe('person:unnamed-trump-administration-envoy');
    const walked = await walk('people', 'orderBy: {field: MENTIONS, direction: DESC},', 2);
    expect(walked.ids).toEqual(page.edges.map((e) => e.node.id));
    expect(walked.pages).toBe(5);
  });

  it('pages through people by mentions ascending, one at a time', async () => {
    const page = await field<Page<IdNode>>(`{ people(orderBy: {field: MENTIONS, direction: ASC}, first: 100) { ${PAGE_FIELDS} } }`);
    const walked = await walk('people', 'orderBy: {field: MENTIONS, direction: ASC},', 1);
    expect(walked.ids).toEqual(ids(page));
    expect(walked.pages).toBe(9);
  });

  it('finds people by any alias, ignoring case', async () => {
    const find = async (text: string) =>
      ids(await field<Page<IdNode>>(`{ people(filter: {text: "${text}"}, first: 100) { ${PAGE_FIELDS} } }`));
    expect(await find('the chancellor')).toEqual(['person:rachel-reeves']);
    expect(await find('MR HEALEY')).toEqual(['person:john-healey']);
    // "Trump" is in Donald Trump's name and in the envoy's alias "a Trump administration envoy".
    expect(await find('trump')).toEqual(['person:donald-trump', 'person:unnamed-trump-administration-envoy']);
    expect(await find('nobody at all')).toEqual([]);
  });

  it('lists nations by name and organisations by alias', async () => {
    const nations = await field<Page<{ id: string; name: string }>>('{ nations(first: 100) { totalCount edges { node { id name } } } }');
    // Every registry nation (the article's six and the tracker's donors), by name in code-point order.
    const registry = parse(await readFile(new URL('../../../seed/data/registry/nations.yaml', import.meta.url), 'utf8')) as {
      nations: { name: string }[];
    };
    const names = registry.nations.map((n) => n.name).sort(byCodePoint);
    expect(names).toEqual(expect.arrayContaining(['France', 'Russia', 'Saudi Arabia', 'Ukraine', 'United Kingdom', 'United States']));
    expect(nations.edges.map((e) => e.node.name)).toEqual(names);
    expect(nations.totalCount).toBe(names.length);
    const orgs = await field<Page<IdNode>>(`{ organizations(filter: {text: "eu"}, first: 100) { ${PAGE_FIELDS} } }`);
    expect(ids(orgs)).toEqual(['organization:eu']);
    const walked = await walk('organizations', '', 2);
    expect(walked.total).toBe(5);
    expect(walked.pages).toBe(3);
  });
});

describe('events', () => {
  it('filters by participant: John Healey’s three events', async () => {
    const page = await field<Page<IdNode>>(`{ events(filter: {participantId: "person:john-healey"}, first: 100) { ${PAGE_FIELDS} } }`);
    // Default order is by time: the dated Thursday remarks first, then the undated ones by name.
    expect(ids(page)).toEqual(['event:healey-washington-remarks', 'event:healey-hegseth-discussions', 'event:healey-newsmax-interview']);
    expect(page.totalCount).toBe(3);
  });

  it('filters by place, status, kind, text and time', async () => {
    const list = async (filter: string) =>
      ids(await field<Page<IdNode>>(`{ events(filter: ${filter}, orderBy: {field: NAME}, first: 100) { ${PAGE_FIELDS} } }`));
    expect(await list('{placeId: "place:washington"}')).toEqual(['event:healey-hegseth-discussions', 'event:healey-washington-remarks']);
    expect(await list('{status: [PLANNED]}')).toEqual([
      'event:starmer-meets-european-leaders-friday',
      'event:us-ukraine-negotiations-saudi-arabia',
    ]);
    expect(await list('{status: [ONGOING]}')).toEqual(['event:starmer-macron-peacekeeping-initiative']);
    expect(await list('{kind: ["meeting"]}')).toEqual([
      'event:coalition-of-the-willing-discussions',
      'event:healey-hegseth-discussions',
      'event:starmer-meets-european-leaders-friday',
    ]);
    expect(await list('{text: "newsmax"}')).toEqual(['event:healey-newsmax-interview']);
    expect(await list('{time: {toRelativeDays: -1}}')).toEqual([
      'event:coalition-of-the-willing-discussions',
      'event:healey-washington-remarks',
      'event:oval-office-dispute',
      'event:era-loan-first-instalment-transfer',
    ]);
  });

  it('visits every event once, page by page, by time and by name', async () => {
    for (const args of ['', 'orderBy: {field: NAME, direction: DESC},', 'orderBy: {field: TIME, direction: DESC},']) {
      const whole = await field<Page<IdNode>>(`{ events(${args} first: 100) { ${PAGE_FIELDS} } }`);
      const walked = await walk('events', args, 3);
      expect(walked.ids).toEqual(ids(whole));
      expect(new Set(walked.ids).size).toBe(14);
    }
  });
});

describe('statements and stances', () => {
  it('filters statements by speaker: Rachel Reeves said four things', async () => {
    const page = await field<Page<{ id: string; kind: string }>>(
      '{ statements(filter: {speakerId: "person:rachel-reeves"}, first: 100) { totalCount edges { node { id kind } } } }',
    );
    expect(page.edges.map((e) => [e.node.id, e.node.kind])).toEqual([
      // By name, in code-point order: capitals before lower case.
      ['statement:reeves-ukraine-needs-our-support', 'DIRECT_QUOTE'],
      ['statement:reeves-defence-spending', 'DIRECT_QUOTE'],
      ['statement:reeves-era-agreement', 'PARTIAL_QUOTE'],
      ['statement:reeves-long-term-commitment', 'REPORTED_SPEECH'],
    ]);
    expect(page.totalCount).toBe(4);
  });

  it('filters statements by kind, subject and text', async () => {
    const list = async (filter: string) =>
      ids(await field<Page<IdNode>>(`{ statements(filter: ${filter}, first: 100) { ${PAGE_FIELDS} } }`)).sort();
    expect(await list('{kind: [DIRECT_QUOTE]}')).toEqual(
      [
        'statement:healey-trump-asked-europe-to-step-up',
        'statement:healey-lasting-secure-peace',
        'statement:reeves-defence-spending',
        'statement:reeves-ukraine-needs-our-support',
      ].sort(),
    );
    expect(await list('{kind: [DIRECT_QUOTE], speakerId: "person:john-healey"}')).toEqual([
      'statement:healey-lasting-secure-peace',
      'statement:healey-trump-asked-europe-to-step-up',
    ]);
    expect(await list('{aboutId: "commitment:peacekeeping-force-ukraine"}')).toEqual([
      'statement:lavrov-direct-provocation',
      'statement:lavrov-unveiled-involvement-of-nato',
    ]);
    expect(await list('{text: "GARBAGE"}')).toEqual(['statement:hegseth-all-garbage']);
  });

  it('pages through all 18 statements', async () => {
    const walked = await walk('statements', '', 4);
    expect(walked.total).toBe(18);
    expect(walked.pages).toBe(5);
    expect(new Set(walked.ids).size).toBe(18);
  });

  it('filters stances towards the peacekeeping force', async () => {
    const page = await field<Page<{ id: string; kind: string }>>(
      '{ stances(filter: {towardsId: "commitment:peacekeeping-force-ukraine"}, first: 100) { totalCount edges { node { id kind } } } }',
    );
    expect(page.edges.map((e) => [e.node.id, e.node.kind]).sort()).toEqual([
      ['stance:lavrov-condemns-peacekeeping-force', 'condemns'],
      ['stance:russia-dismisses-peacekeeping-force', 'dismisses'],
      ['stance:starmer-macron-support-peacekeeping-force', 'supports'],
    ]);
    expect(page.totalCount).toBe(3);
  });

  it('filters stances by holder and kind', async () => {
    const list = async (filter: string) =>
      ids(await field<Page<IdNode>>(`{ stances(filter: ${filter}, first: 100) { ${PAGE_FIELDS} } }`)).sort();
    expect(await list('{holderId: "nation:gb"}')).toEqual([
      'stance:uk-commits-to-defence-posture',
      'stance:uk-commits-to-peace-in-ukraine',
      'stance:uk-supports-ukraine',
    ]);
    expect(await list('{holderId: "person:keir-starmer", kind: ["supports"]}')).toEqual([
      'stance:starmer-macron-support-peacekeeping-force',
      'stance:starmer-supports-ukraine',
    ]);
    expect(await list('{kind: ["supports"]}')).toEqual([
      'stance:european-leaders-support-ukraine',
      'stance:starmer-macron-support-peacekeeping-force',
      'stance:starmer-supports-ukraine',
      'stance:uk-supports-ukraine',
    ]);
    const walked = await walk('stances', '', 5);
    expect(walked.total).toBe(17);
    expect(new Set(walked.ids).size).toBe(17);
  });
});
