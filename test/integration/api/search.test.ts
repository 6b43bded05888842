/**
 * Query.search against the seeded graph: aliases from the source's surface forms, ranking, type
 * filters, bounds, and hostile text that must never reach Lucene as syntax.
 */
import { describe, expect, it } from 'vitest';
import { useApiHarness, type OperationResult } from '../../support/apiHarness.js';
import { testRuntime } from '../../support/testRuntime.js';
import { cypher } from '../../../src/db/cypher.js';
import { luceneQuery } from '../../../src/queries/search/luceneQuery.js';
import { byField } from '../../../src/queries/search/searchQueries.js';

interface Hit {
  score: number;
  fuzzy: boolean;
  node: { __typename: string; id: string; name: string };
}

/**
 * Searches whose exact and prefix hits must keep their order now that spelling is forgiven (the
 * queries whose results were recorded before spelling tolerance existed).
 */
const QUERIES_BEFORE_SPELLING_TOLERANCE = ['Healey', 'Trump', 'peace', 'Europe', 'Saudi Arabia', 'heal', 'billion'];

const SEARCH = `query Search($query: String!, $types: [SearchableType!], $first: Int) {
  search(query: $query, types: $types, first: $first) { score fuzzy node { __typename id name } }
}`;

describe('search', () => {
  const api = useApiHarness();
  const search = (query: string, variables: Record<string, unknown> = {}): Promise<OperationResult<{ search: Hit[] }>> =>
    api.execute<{ search: Hit[] }>(SEARCH, { query, ...variables });
  const ids = async (query: string, variables: Record<string, unknown> = {}): Promise<string[]> => {
    const result = await search(query, variables);
    expect(result.errors).toBeUndefined();
    return (result.data?.search ?? []).map((hit) => hit.node.id);
  };

  describe('finds entities by the aliases the source uses', () => {
    it.each([
      ['Mr Healey', 'person:john-healey'],
      ['Ms Reeves', 'person:rachel-reeves'],
      ['Sir Keir Starmer', 'person:keir-starmer'],
      ['Sir Keir', 'person:keir-starmer'],
      ['President Trump', 'person:donald-trump'],
      ['Britain', 'nation:gb'],
      ['Coalition of the willing', 'group:coalition-of-the-willing'],
    ])('"%s" → %s first', async (query, expected) => {
      expect((await ids(query))[0]).toBe(expected);
    });

    it.each([
      ['Chancellor', 'office:gb-chancellor-of-the-exchequer', 'person:rachel-reeves'],
      ['The British Prime Minister', 'office:gb-prime-minister', 'person:keir-starmer'],
    ])('"%s" finds the office and its holder, whom the source calls so, as the two best hits', async (query, office, person) => {
      const top = (await ids(query)).slice(0, 2);
      expect(top.sort()).toEqual([office, person]);
    });

    it('matches the start of a word, so a half-typed name is enough', async () => {
      expect((await ids('Keir Starm'))[0]).toBe('person:keir-starmer');
      expect((await ids('heal'))[0]).toBe('person:john-healey');
    });

    it('finds commitments by name and statements by their text', async () => {
      expect((await ids('£2.26 billion'))[0]).toBe('commitment:uk-ukraine-era-loan-2-26bn');
      expect(await ids('reliable partner', { types: ['STATEMENT'] })).toEqual(['statement:reeves-ukraine-needs-our-support']);
    });

    it('needs every word: "Mr Healey" finds no other "Mr"', async () => {
      expect(await ids('Mr Healey', { types: ['PERSON'] })).toEqual(['person:john-healey']);
    });
  });

  it.each(['Healey', 'heal'])(
    'ranks "%s" exact and prefix hits first, then fuzzy ones, each by score, best first, with ids breaking ties',
    async (query) => {
      const result = await search(query, { first: 50 });
      const hits = result.data?.search ?? [];
      expect(hits.length).toBeGreaterThan(1);
      for (let i = 1; i < hits.length; i += 1) {
        const [a, b] = [hits[i - 1], hits[i]] as [Hit, Hit];
        if (a.fuzzy !== b.fuzzy) expect(b.fuzzy).toBe(true);
        else expect(a.score > b.score || (a.score === b.score && a.node.id < b.node.id)).toBe(true);
      }
      expect(hits.every((hit) => hit.score > 0)).toBe(true);
    },
  );

  it('filters by type', async () => {
    const people = await search('Starmer', { types: ['PERSON'] });
    expect(people.data?.search.map((h) => [h.node.__typename, h.node.id])).toEqual([['Person', 'person:keir-starmer']]);
    const events = await search('Starmer', { types: ['EVENT'] });
    const eventHits = events.data?.search ?? [];
    expect(eventHits.map((h) => h.node.id)).toContain('event:starmer-meets-european-leaders-friday');
    expect(eventHits.every((h) => h.node.__typename === 'Event')).toBe(true);
    const either = await ids('Starmer', { types: ['PERSON', 'EVENT'], first: 50 });
    expect(either).toContain('person:keir-starmer');
    expect(either).toContain('event:starmer-meets-european-leaders-friday');
  });

  it('returns at most `first` hits, and refuses more than 50', async () => {
    expect(await ids('peace', { first: 2 })).toHaveLength(2);
    const tooMany = await search('peace', { first: 51 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.message).toMatch(/"first".*50/);
  });

  it('refuses an empty, blank or over-long query, naming the limit', async () => {
    for (const query of ['', '   \n\t']) {
      const result = await search(query);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain('"query"');
    }
    const long = await search('Healey '.repeat(43));
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toContain('200');
  });

  describe('forgives spelling', () => {
    it.each(['Zelensky', 'Zelenskyy', 'Zelenksy', 'Volodimir Zelenskiy', 'zelenskiy', 'Volodymyr'])(
      '"%s" → Volodymyr Zelensky first',
      async (query) => {
        expect((await ids(query))[0]).toBe('person:volodymyr-zelensky');
      },
    );

    it('says which hits matched only as a similar spelling, and ranks every exact or prefix hit before them', async () => {
      const exact = (await search('Zelensky', { types: ['PERSON'] })).data?.search ?? [];
      expect(exact.map((h) => [h.node.id, h.fuzzy])).toEqual([['person:volodymyr-zelensky', false]]);
      const misspelt = (await search('Zelenskyy', { types: ['PERSON'] })).data?.search ?? [];
      expect(misspelt.map((h) => [h.node.id, h.fuzzy])).toEqual([['person:volodymyr-zelensky', true]]);
      // "heal" finds John Healey by prefix; words a letter off ("head", "deal" …) come only after.
      const hits = (await search('heal', { first: 50 })).data?.search ?? [];
      expect(hits[0]?.node.id).toBe('person:john-healey');
      const firstFuzzy = hits.findIndex((h) => h.fuzzy);
      expect(firstFuzzy).toBeGreaterThan(0);
      expect(hits.slice(firstFuzzy).every((h) => h.fuzzy)).toBe(true);
    });

    it('ignores accents, both ways', async () => {
      expect((await ids('Zelénsky'))[0]).toBe('person:volodymyr-zelensky');
      expect((await ids('Brítain'))[0]).toBe('nation:gb');
    });

    it('does not make a short word fuzzy: "Ms" is not "Mr"', async () => {
      expect(await ids('Ms Healey', { types: ['PERSON'] })).toEqual([]);
    });

    // The exact and prefix hits come first, in exactly the order the exact-only query gives them
    // (asked of the index directly here): forgiving spelling only adds hits after them.
    it.each(QUERIES_BEFORE_SPELLING_TOLERANCE)('"%s" keeps the order it had without spelling tolerance', async (query) => {
      const rt = await testRuntime();
      try {
        const exact = await rt.executor.read(
          cypher(
            'test.exactOnly',
            `CALL db.index.fulltext.queryNodes('search_names', $q) YIELD node, score
             RETURN node.id AS id ORDER BY score DESC, node.id ASC LIMIT 50`,
          ),
          { q: byField(luceneQuery(query) ?? '') },
        );
        const hits = (await search(query, { first: 50 })).data?.search ?? [];
        const expected = exact.map((r) => r.id as string);
        expect(expected.length).toBeGreaterThan(0);
        const exactHits = hits.filter((h) => !h.fuzzy).map((h) => h.node.id);
        expect(exactHits).toEqual(expected.slice(0, exactHits.length));
        // … and before every fuzzy hit.
        expect(hits.slice(0, exactHits.length).every((h) => !h.fuzzy)).toBe(true);
      } finally {
        await rt.close();
      }
    });
  });

  describe('hostile text is plain words, never Lucene syntax', () => {
    it.each([
      '"',
      ')(',
      '*:*',
      'AND OR NOT',
      'name:*',
      'Healey~',
      'Healey^100',
      '[a TO z]',
      '{!lucene}',
      '\\',
      '/.*/',
      'a'.repeat(200),
      '-Healey +',
    ])('%s gives results or BAD_USER_INPUT, never an internal error', async (query) => {
      const result = await search(query, { first: 50 });
      const codes = (result.errors ?? []).map((e) => e.extensions?.code);
      expect(codes.filter((code) => code !== 'BAD_USER_INPUT')).toEqual([]);
      if (!result.errors) expect(Array.isArray(result.data?.search)).toBe(true);
    });

    it('a query of punctuation only finds nothing (it is not a match-all)', async () => {
      expect(await ids('*:*')).toEqual([]);
      expect(await ids('")(')).toEqual([]);
    });

    it('a 300-character query is refused', async () => {
      const result = await search('x'.repeat(300));
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('OR typed by a user is a word, not an operator', async () => {
      // As an operator it would find both people; as a required word it finds neither (no alias holds "or").
      const found = await ids('Healey OR Reeves', { first: 50 });
      expect(found).not.toContain('person:john-healey');
      expect(found).not.toContain('person:rachel-reeves');
    });

    it('quotes and wildcards around a name still find it', async () => {
      expect((await ids('"Healey"'))[0]).toBe('person:john-healey');
      expect((await ids('(Reeves)'))[0]).toBe('person:rachel-reeves');
    });
  });
});
