/**
 * Query.paths and Query.neighbourhood on the seeded first source. Expected ids come from
 * seed/data/sources/uk-france-coalition-ukraine-support.yaml: Rachel Reeves approved the ERA loan
 * to Ukraine, voiced the UK's stance supporting Ukraine and made two statements about Ukraine;
 * Keir Starmer holds one tenure, took part in two events and took three stances.
 */
import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../../support/apiHarness.js';

interface EdgeOut {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  role: string | null;
}
interface NodeOut {
  __typename: string;
  id: string;
}
interface PathsOut {
  paths: { from: NodeOut; to: NodeOut; paths: { length: number; nodes: NodeOut[]; edges: EdgeOut[] }[] };
}
interface NeighbourhoodOut {
  neighbourhood: { nodes: NodeOut[]; edges: EdgeOut[]; truncated: boolean };
}

const PATHS = `query Paths($fromId: ID!, $toId: ID!, $maxHops: Int, $includeEvidence: Boolean, $limit: Int) {
  paths(fromId: $fromId, toId: $toId, maxHops: $maxHops, includeEvidence: $includeEvidence, limit: $limit) {
    from { __typename id } to { __typename id }
    paths { length nodes { __typename id } edges { id type fromId toId role } }
  }
}`;
const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $depth: Int, $includeEvidence: Boolean, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, includeEvidence: $includeEvidence, limit: $limit) {
    nodes { __typename id } edges { id type fromId toId role } truncated
  }
}`;

const REEVES = 'person:rachel-reeves';
const UKRAINE = 'nation:ua';
const LOAN = 'commitment:uk-ukraine-era-loan-2-26bn';
const STARMER = 'person:keir-starmer';
const STARMER_NEIGHBOURS = [
  'event:starmer-macron-peacekeeping-initiative',
  'event:starmer-meets-european-leaders-friday',
  'stance:starmer-macron-support-peacekeeping-force',
  'stance:starmer-opposes-russian-advances',
  'stance:starmer-supports-ukraine',
  'tenure:keir-starmer-gb-prime-minister',
];

describe('paths and neighbourhood', () => {
  const api = useApiHarness();
  const paths = async (variables: Record<string, unknown>) => api.execute<PathsOut>(PATHS, variables);
  const neighbourhood = async (variables: Record<string, unknown>) => api.execute<NeighbourhoodOut>(NEIGHBOURHOOD, variables);

  describe('paths', () => {
    it('finds every shortest path from Rachel Reeves to Ukraine, via the loan among them, with exact ids', async () => {
      const result = await paths({ fromId: REEVES, toId: UKRAINE });
      expect(result.errors).toBeUndefined();
      const out = result.data?.paths;
      expect(out?.from).toEqual({ __typename: 'Person', id: REEVES });
      expect(out?.to).toEqual({ __typename: 'Nation', id: UKRAINE });
      expect(out?.paths.map((p) => [p.length, ...p.nodes.map((n) => n.id)])).toEqual([
        [2, REEVES, LOAN, UKRAINE],
        [2, REEVES, 'stance:uk-supports-ukraine', UKRAINE],
        [2, REEVES, 'statement:reeves-long-term-commitment', UKRAINE],
        [2, REEVES, 'statement:reeves-ukraine-needs-our-support', UKRAINE],
      ]);
      expect(out?.paths[0]?.edges).toEqual([
        { id: `APPROVED:${REEVES}->${LOAN}`, type: 'APPROVED', fromId: REEVES, toId: LOAN, role: null },
        { id: `TO:${LOAN}->${UKRAINE}`, type: 'TO', fromId: LOAN, toId: UKRAINE, role: null },
      ]);
    });

    it('walks relationships against their direction too, reporting each in its stored direction', async () => {
      const result = await paths({ fromId: UKRAINE, toId: REEVES, limit: 1 });
      expect(result.data?.paths.paths).toHaveLength(1);
      const [path] = result.data?.paths.paths ?? [];
      expect(path?.nodes.map((n) => n.id)).toEqual([UKRAINE, LOAN, REEVES]);
      expect(path?.edges.map((e) => [e.fromId, e.toId])).toEqual([
        [LOAN, UKRAINE],
        [REEVES, LOAN],
      ]);
    });

    it('gives an empty list when no path fits within maxHops', async () => {
      const result = await paths({ fromId: REEVES, toId: UKRAINE, maxHops: 1 });
      expect(result.errors).toBeUndefined();
      expect(result.data?.paths.paths).toEqual([]);
    });

    it('leaves evidence out unless asked, and then may go through it', async () => {
      const plain = await paths({ fromId: STARMER, toId: 'person:emmanuel-macron', maxHops: 6, limit: 50 });
      const plainNodes = plain.data?.paths.paths.flatMap((p) => p.nodes) ?? [];
      expect(plainNodes.length).toBeGreaterThan(0);
      expect(plainNodes.filter((n) => n.__typename === 'Evidence' || n.__typename === 'Source')).toEqual([]);
      // With provenance, a span that mentions Starmer is one hop away (SUPPORTED_BY, with the surface form).
      const viaProvenance = await paths({
        fromId: STARMER,
        toId: 'evidence:uk-france-coalition-ukraine-support:0-16',
        includeEvidence: true,
      });
      expect(viaProvenance.data?.paths.paths).toEqual([
        {
          length: 1,
          nodes: [
            { __typename: 'Person', id: STARMER },
            { __typename: 'Evidence', id: 'evidence:uk-france-coalition-ukraine-support:0-16' },
          ],
          edges: [
            {
              id: `SUPPORTED_BY:${STARMER}->evidence:uk-france-coalition-ukraine-support:0-16`,
              type: 'SUPPORTED_BY',
              fromId: STARMER,
              toId: 'evidence:uk-france-coalition-ukraine-support:0-16',
              role: 'Sir Keir Starmer',
            },
          ],
        },
      ]);
      const withoutProvenance = await paths({ fromId: STARMER, toId: 'evidence:uk-france-coalition-ukraine-support:0-16' });
      expect(withoutProvenance.data?.paths.paths).toEqual([]);
    });

    it('returns at most `limit` paths', async () => {
      const result = await paths({ fromId: REEVES, toId: UKRAINE, limit: 2 });
      expect(result.data?.paths.paths.map((p) => p.nodes[1]?.id)).toEqual([LOAN, 'stance:uk-supports-ukraine']);
    });

    it('joins a node to itself by one path of length 0', async () => {
      const result = await paths({ fromId: REEVES, toId: REEVES });
      expect(result.data?.paths.paths).toEqual([{ length: 0, nodes: [{ __typename: 'Person', id: REEVES }], edges: [] }]);
    });

    it('says which id names nothing (NOT_FOUND)', async () => {
      const from = await paths({ fromId: 'person:nobody', toId: UKRAINE });
      expect(from.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(from.errors?.[0]?.message).toBe('No node with id "person:nobody" (argument "fromId").');
      const to = await paths({ fromId: REEVES, toId: 'nation:zz' });
      expect(to.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(to.errors?.[0]?.message).toContain('"toId"');
      expect(to.errors?.[0]?.message).not.toContain('"fromId"');
    });

    it.each([
      [{ fromId: REEVES, toId: UKRAINE, maxHops: 7 }, 'maxHops'],
      [{ fromId: REEVES, toId: UKRAINE, maxHops: 0 }, 'maxHops'],
      [{ fromId: REEVES, toId: UKRAINE, limit: 51 }, 'limit'],
      [{ fromId: 'rachel-reeves', toId: UKRAINE }, 'fromId'],
      [{ fromId: REEVES, toId: 'nation:UA") MATCH (n) DETACH DELETE n //' }, 'toId'],
    ])('refuses %j naming "%s" (BAD_USER_INPUT)', async (variables, argument) => {
      const result = await paths(variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(`"${argument}"`);
    });
  });

  describe('neighbourhood', () => {
    it('of Keir Starmer at depth 1: the centre first, then his tenure, events and stances, with no evidence', async () => {
      const result = await neighbourhood({ id: STARMER });
      expect(result.errors).toBeUndefined();
      const out = result.data?.neighbourhood;
      expect(out?.nodes.map((n) => n.id)).toEqual([STARMER, ...STARMER_NEIGHBOURS]);
      expect(out?.truncated).toBe(false);
      expect(out?.edges.map((e) => e.id)).toEqual([
        `HOLDS:${STARMER}->tenure:keir-starmer-gb-prime-minister`,
        `PARTICIPATED_IN:${STARMER}->event:starmer-macron-peacekeeping-initiative`,
        `PARTICIPATED_IN:${STARMER}->event:starmer-meets-european-leaders-friday`,
        `TOOK:${STARMER}->stance:starmer-macron-support-peacekeeping-force`,
        `TOOK:${STARMER}->stance:starmer-opposes-russian-advances`,
        `TOOK:${STARMER}->stance:starmer-supports-ukraine`,
      ]);
      // A participation's role travels on its edge.
      expect(out?.edges.find((e) => e.toId === 'event:starmer-meets-european-leaders-friday')?.role).toBe('convener');
    });

    it('includes evidence (his four mention spans, with their surface forms) only when asked', async () => {
      const result = await neighbourhood({ id: STARMER, includeEvidence: true });
      const out = result.data?.neighbourhood;
      const evidence = out?.nodes.filter((n) => n.__typename === 'Evidence').map((n) => n.id);
      expect(evidence).toEqual(
        ['0-16', '158-184', '2043-2059', '4543-4559'].map((span) => `evidence:uk-france-coalition-ukraine-support:${span}`),
      );
      expect(out?.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(STARMER_NEIGHBOURS));
      const roles = out?.edges.filter((e) => e.type === 'SUPPORTED_BY' && e.fromId === STARMER).map((e) => e.role);
      expect(new Set(roles)).toEqual(new Set(['Sir Keir Starmer', 'The British Prime Minister']));
    });

    it('reaches further with depth, ring by ring, and every edge joins two returned nodes', async () => {
      const result = await neighbourhood({ id: STARMER, depth: 2, limit: 500 });
      const out = result.data?.neighbourhood;
      const ids = out?.nodes.map((n) => n.id) ?? [];
      expect(ids.slice(0, 7)).toEqual([STARMER, ...STARMER_NEIGHBOURS]);
      expect(ids).toContain('office:gb-prime-minister'); // via his tenure
      expect(new Set(ids).size).toBe(ids.length);
      expect(out?.nodes.some((n) => n.__typename === 'Evidence' || n.__typename === 'Source')).toBe(false);
      for (const edge of out?.edges ?? []) {
        expect(ids).toContain(edge.fromId);
        expect(ids).toContain(edge.toId);
      }
      expect(out?.edges.map((e) => e.id)).toContain('IN_OFFICE:tenure:keir-starmer-gb-prime-minister->office:gb-prime-minister');
      // One query for the centre, one per ring, one for the edges.
      expect(result.queries.map((q) => q.name)).toEqual([
        'graph.neighbourhood.centre',
        'graph.neighbourhood.ring',
        'graph.neighbourhood.ring',
        'graph.neighbourhood.edges',
      ]);
    });

    it('stops at `limit` nodes, nearest first, and says it was truncated', async () => {
      const result = await neighbourhood({ id: STARMER, limit: 3 });
      const out = result.data?.neighbourhood;
      expect(out?.nodes.map((n) => n.id)).toEqual([STARMER, ...STARMER_NEIGHBOURS.slice(0, 2)]);
      expect(out?.truncated).toBe(true);
      expect(out?.edges.map((e) => e.toId)).toEqual(STARMER_NEIGHBOURS.slice(0, 2));
      const exact = await neighbourhood({ id: STARMER, limit: 7 });
      expect(exact.data?.neighbourhood.nodes).toHaveLength(7);
      expect(exact.data?.neighbourhood.truncated).toBe(false);
    });

    it('says NOT_FOUND for an id that names nothing', async () => {
      const result = await neighbourhood({ id: 'person:nobody' });
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(result.errors?.[0]?.message).toContain('person:nobody');
    });

    it.each([
      [{ id: STARMER, depth: 4 }, 'depth'],
      [{ id: STARMER, depth: 0 }, 'depth'],
      [{ id: STARMER, limit: 501 }, 'limit'],
      [{ id: STARMER, limit: 0 }, 'limit'],
      [{ id: 'keir-starmer' }, 'id'],
      [{ id: 'planet:earth' }, 'id'],
    ])('refuses %j naming "%s" (BAD_USER_INPUT)', async (variables, argument) => {
      const result = await neighbourhood(variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(`"${argument}"`);
    });
  });
});
