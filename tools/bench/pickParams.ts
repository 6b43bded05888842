/**
 * Chooses the benchmark's parameters on the loaded graph, so that each operation's result has the
 * same size at every scale: everything is anchored in the first synthetic source
 * (`source:bench-s000000`), which is identical at every scale (the generator's sources are a
 * prefix of each other), except the nation, which is the one whose number of commitments made is
 * closest to `NESTED_COMMITMENTS` (the harness reports each answer's size, so a difference shows).
 */
import type { Driver } from 'neo4j-driver';
import type { BenchParams } from './ops.js';

export const ANCHOR_SOURCE = 'source:bench-s000000';
export const NESTED_COMMITMENTS = 10;
export const DEEP_PAGE_OFFSET = 1000;

type Picked = Omit<BenchParams, 'pageCursor'>;

export async function pickParams(driver: Driver, database: string): Promise<Picked> {
  const one = async (what: string, text: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> => {
    const { records } = await driver.executeQuery(text, params, { database });
    const record = records[0];
    if (!record) throw new Error(`Could not pick ${what}: the graph has none (is a generated dataset loaded?)`);
    return record.toObject();
  };

  // A commitment of the anchor source with at least one donor and one recipient.
  const commitment = await one(
    'a commitment',
    `MATCH (c:Commitment {sourceId: $source})
     WHERE EXISTS { (c)<-[:COMMITTED]-() } AND EXISTS { (c)-[:TO]->() }
     RETURN c.id AS id ORDER BY id LIMIT 1`,
    { source: ANCHOR_SOURCE },
  );
  // A node of the same source two relationships away through another fact of that source (not an
  // entity, which may be a hub), and not adjacent: its shortest paths are the same at every scale.
  const pathTo = await one(
    'a path target',
    `MATCH (c:Commitment {id: $id})--(m)--(t)
     WHERE m.sourceId = c.sourceId AND t.sourceId = c.sourceId AND t <> c AND NOT (c)--(t)
       AND NOT t:Evidence AND NOT m:Evidence
     RETURN DISTINCT t.id AS id ORDER BY id LIMIT 1`,
    { id: commitment.id },
  );
  // The speaker of the anchor source's first statement, by full name.
  const speaker = await one(
    'a speaker',
    `MATCH (p:Person)-[:SAID]->(s:Statement {sourceId: $source})
     RETURN p.name AS name ORDER BY s.id LIMIT 1`,
    { source: ANCHOR_SOURCE },
  );
  const nation = await one(
    'a nation',
    `MATCH (n:Nation)
     WITH n, COUNT { (n)-[:COMMITTED]->(:Commitment) } AS made
     WHERE made > 0
     RETURN n.id AS id, made ORDER BY abs(made - $target), n.id LIMIT 1`,
    { target: NESTED_COMMITMENTS },
  );
  const currency = await one(
    'a currency',
    `MATCH (:Nation {id: $id})-[:COMMITTED]->(c:Commitment) WHERE c.amountCurrency IS NOT NULL
     RETURN c.amountCurrency AS currency, count(*) AS n ORDER BY n DESC, currency LIMIT 1`,
    { id: nation.id },
  );
  const commitments = await one('the number of commitments', 'MATCH (c:Commitment) RETURN count(c) AS n');
  if (Number(commitments.n) < DEEP_PAGE_OFFSET + 20) {
    throw new Error(
      `The deep page needs at least ${DEEP_PAGE_OFFSET + 20} commitments; this graph has ${String(commitments.n)} (use a larger --scales value)`,
    );
  }
  return {
    commitmentId: String(commitment.id),
    pathToId: String(pathTo.id),
    searchText: String(speaker.name),
    nationId: String(nation.id),
    currency: String(currency.currency),
    pageOffset: DEEP_PAGE_OFFSET,
  };
}

/** This API's keyset cursor of row `offset` (1-based) of the commitments by name: paged to through the API itself. */
export async function apiCursorAt(graphqlUrl: string, offset: number): Promise<string> {
  let after: string | null = null;
  let seen = 0;
  while (seen < offset) {
    const first = Math.min(100, offset - seen);
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query($first: Int!, $after: String) { commitments(orderBy: {field: NAME, direction: ASC}, first: $first, after: $after) { pageInfo { endCursor } } }`,
        variables: { first, after },
      }),
    });
    const body = (await res.json()) as { data?: { commitments?: { pageInfo?: { endCursor?: string | null } } }; errors?: unknown };
    const cursor = body.data?.commitments?.pageInfo?.endCursor;
    if (!cursor) throw new Error(`Paging to row ${offset} failed after ${seen} rows: ${JSON.stringify(body.errors ?? body)}`);
    after = cursor;
    seen += first;
  }
  if (after === null) throw new Error('offset must be at least 1');
  return after;
}
