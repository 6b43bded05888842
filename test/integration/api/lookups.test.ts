/**
 * Lookups by id and the relationship fields of each kind of node, against the seeded graph, with
 * answers read from the source document.
 */
import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../../support/apiHarness.js';

describe('lookups and relationship fields', () => {
  const api = useApiHarness();

  it('gives a person with aliases as written, offices and quotes', async () => {
    const { data, errors } = await api.execute<{
      person: {
        name: string;
        aliases: string[];
        honorifics: string[];
        tenures: { status: string; office: { name: string; of: { name: string } } }[];
        statements: { kind: string; text: string; occasion: { name: string } | null }[];
      };
    }>(`{ person(id: "person:john-healey") {
      name aliases honorifics
      tenures { status office { name of { ... on Nation { name } } } }
      statements { kind text occasion { name } }
    } }`);
    expect(errors).toBeUndefined();
    const person = data?.person;
    expect(person?.name).toBe('John Healey');
    expect(person?.aliases).toEqual(expect.arrayContaining(['Defence Secretary John Healey', 'Mr Healey']));
    expect(person?.honorifics).toContain('Mr');
    expect(person?.tenures).toEqual([
      { status: 'current', office: { name: 'Secretary of State for Defence (United Kingdom)', of: { name: 'United Kingdom' } } },
    ]);
    const quotes = person?.statements.filter((s) => s.kind === 'DIRECT_QUOTE').map((s) => s.text);
    expect(quotes).toEqual(
      expect.arrayContaining([
        'Donald Trump has asked Europe to step up, and we are,',
        'It’s a lasting, secure peace that we all want to see. We’ve got a big role to play in Europe, and we are determined to do that,',
      ]),
    );
    expect(person?.statements.find((s) => s.text.startsWith('It’s a lasting'))?.occasion?.name).toMatch(/Newsmax/);
  });

  it('gives a nation its commitments made and received, in both directions', async () => {
    const { data } = await api.execute<{
      gb: { commitmentsMade: { id: string }[] };
      ua: { commitmentsReceived: { id: string }[]; commitmentsReceivedCount: number };
      toUkraine: { totalCount: number };
    }>(`{
      gb: nation(id: "nation:gb") { commitmentsMade(first: 100) { id } }
      ua: nation(id: "nation:ua") { commitmentsReceived(first: 100) { id } commitmentsReceivedCount }
      toUkraine: commitments(filter: {recipientId: "nation:ua"}) { totalCount }
    }`);
    const made = data?.gb.commitmentsMade.map((c) => c.id) ?? [];
    expect(made).toEqual(
      expect.arrayContaining([
        'commitment:uk-ukraine-era-loan-2-26bn',
        'commitment:uk-ukraine-attack-drones-deal-30m',
        'commitment:uk-ukraine-era-loan-first-instalment-752m',
      ]),
    );
    // Ukraine receives the article's commitments and every one of the tracker's: the list is a page, its count the whole.
    expect(data?.ua.commitmentsReceived).toHaveLength(100);
    expect(data?.ua.commitmentsReceivedCount).toBe(data?.toUkraine.totalCount);
    expect(data?.ua.commitmentsReceivedCount).toBeGreaterThan(2000);
  });

  it('keeps money as stated and the stated conversion beside it', async () => {
    const { data } = await api.execute<{
      commitment: {
        amount: Record<string, unknown>;
        exchangeRates: { base: string; quote: string; rate: number; baseStated: string; quoteStated: string }[];
      };
    }>(`{
      commitment(id: "commitment:eu-budget-rule-relaxation-650bn") {
        amount { stated value currency qualifier lowerBound upperBound expected }
        exchangeRates { base quote rate baseStated quoteStated }
      } }`);
    expect(data?.commitment.amount).toEqual({
      stated: 'approximately €650 billion',
      value: 650e9,
      currency: 'EUR',
      qualifier: 'approximately',
      lowerBound: null,
      upperBound: null,
      expected: true,
    });
    expect(data?.commitment.exchangeRates).toEqual([
      { base: 'EUR', quote: 'GBP', rate: 545 / 650, baseStated: '€650 billion', quoteStated: '£545 billion' },
    ]);
  });

  it('gives a statement its speaker and what it is about, and evidence what it supports', async () => {
    const { data } = await api.execute<{
      statement: { speaker: { name: string }; evidence: { quote: string; supports: { id: string }[] }[] };
    }>(`{
      statement(id: "statement:healey-trump-asked-europe-to-step-up") {
        speaker { ... on Person { name } }
        evidence { quote supports { id } }
      } }`);
    expect(data?.statement.speaker.name).toBe('John Healey');
    expect(data?.statement.evidence[0]?.quote).toBe('“Donald Trump has asked Europe to step up, and we are,” Mr Healey stated.');
    expect(data?.statement.evidence[0]?.supports.map((s) => s.id)).toContain('statement:healey-trump-asked-europe-to-step-up');
  });

  it('gives an event its participants with roles and its place', async () => {
    const { data } = await api.execute<{
      node: { participants: { role: string | null; actor: { id: string } }[]; places: { id: string }[] };
    }>(`{
      node(id: "event:us-ukraine-negotiations-saudi-arabia") { ... on Event { participants { role actor { ... on Nation { id } } } places { id } } } }`);
    expect(data?.node.participants.map((p) => p.actor.id)).toEqual(expect.arrayContaining(['nation:us', 'nation:ua']));
    expect(data?.node.places.map((p) => p.id)).toEqual(['place:saudi-arabia']);
  });

  it('returns null for an id that names nothing, or a node of another type', async () => {
    const { data, errors } = await api.execute(
      '{ person(id: "person:nobody-at-all") { id } wrongType: person(id: "nation:gb") { id } node(id: "nation:xx") { id } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ person: null, wrongType: null, node: null });
  });

  it('refuses a malformed id with BAD_USER_INPUT naming the argument', async () => {
    const { errors } = await api.execute('{ node(id: "MATCH (n) DETACH DELETE n") { id } }');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/Argument "id" is not a valid id/);
  });

  it('refuses more than 100 ids at once', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `person:p${i}`);
    const { errors } = await api.execute('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/at most 100/);
  });
});
