/**
 * The loader against the real Neo4j: the whole first source document, seeded as a user would.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { createLogger } from '../../src/logger.js';
import { SeedValidationError } from '../../seed/validate/validate.js';
import { NODE_LABELS, REL_TYPES } from '../../src/model/vocabulary.js';
import { writeGraph } from '../../seed/write/writeGraph.js';
import { GRAPH_SCHEMA } from '../../src/model/graphSchema.js';
import { LOAD_STATE_LABEL } from '../../src/model/loadState.js';
import { DATA_DIR, planSeed, prepareGraph } from '../../seed/prepareGraph.js';
import { graphFingerprint } from '../../tools/reliability/graphFingerprint.js';
import { testRuntime } from '../support/testRuntime.js';

const logger = createLogger({ logLevel: 'silent' });
const SECOND_SOURCE = new URL('../fixtures/seed/second-source/data/', import.meta.url).pathname;

/** The facts the first source document states, counted by hand from the curated file. */
const ARTICLE_FACTS = {
  Group: 9,
  Tenure: 10,
  Commitment: 11,
  Funding: 2,
  ExchangeRate: 1,
  Event: 14,
  Statement: 18,
  Stance: 17,
};
/** The registry's entities, counted by hand (the nations: the article's six and the tracker's 38 donors). */
const REGISTRY = { Person: 9, Nation: 44, Organization: 5, Place: 5, Office: 9, Topic: 8 };

describe('seeding the first source document', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const read = (name: string, body: string, params: Record<string, unknown> = {}) => rt.executor.read(cypher(`test.${name}`, body), params);

  beforeAll(async () => {
    rt = await testRuntime();
    await prepareGraph(rt.executor, logger);
  }, 120_000);
  afterAll(async () => {
    await rt.close();
  });

  it('loads every label with the expected count', async () => {
    const rows = await read(
      'labelCounts',
      `MATCH (n) WHERE NOT n:${LOAD_STATE_LABEL} UNWIND labels(n) AS label RETURN label, count(*) AS n`,
    );
    const counts = Object.fromEntries(rows.map((r) => [r.label as string, Number(r.n)]));
    const plan = await planSeed();
    const planned: Record<string, number> = {};
    for (const n of plan.nodes) planned[n.label] = (planned[n.label] ?? 0) + 1;
    expect(counts).toEqual(planned);
    expect(counts).toMatchObject(REGISTRY);
    const article = await read(
      'articleCounts',
      `MATCH (n {sourceId: 'source:uk-france-coalition-ukraine-support'}) WHERE NOT n:Evidence UNWIND labels(n) AS label RETURN label, count(*) AS n`,
    );
    expect(Object.fromEntries(article.map((r) => [r.label as string, Number(r.n)]))).toEqual(ARTICLE_FACTS);
    // The article, and the six table files of the tracker's one release.
    expect(counts.Source).toBe(7);
    expect(counts.Dataset).toBe(1);
  });

  it('gives every node an id and a name', async () => {
    const [row] = await read(
      'missingIdOrName',
      `MATCH (n) WHERE NOT n:${LOAD_STATE_LABEL} AND (n.id IS NULL OR n.name IS NULL OR trim(n.name) = "") RETURN count(n) AS n`,
    );
    expect(row?.n).toBe(0);
  });

  it('ties every fact and entity to evidence in its source', async () => {
    const [row] = await read(
      'unsupported',
      `MATCH (n) WHERE NOT n:Source AND NOT n:Evidence AND NOT n:Dataset AND NOT n:${LOAD_STATE_LABEL} AND NOT (n)-[:SUPPORTED_BY]->(:Evidence) RETURN collect(n.id) AS ids`,
    );
    expect(row?.ids).toEqual([]);
  });

  it('keeps every evidence quote verbatim at its offsets in the stored source text', async () => {
    const rows = await read(
      'evidence',
      'MATCH (e:Evidence)-[:FOUND_IN]->(s:Source) RETURN e.quote AS quote, e.start AS start, e.end AS end, s.text AS text, s.path AS path',
    );
    expect(rows.length).toBeGreaterThan(1000);
    const files = new Map<string, string>();
    for (const { quote, start, end, text, path } of rows) {
      // The stored text is the file, byte for byte.
      const file = typeof path === 'string' ? path : '';
      if (!files.has(file)) files.set(file, readFileSync(new URL(`../../seed/${file}`, import.meta.url), 'utf8'));
      expect(text).toBe(files.get(file));
      // Offsets count Unicode code points, as in the W3C TextPositionSelector.
      expect(
        Array.from(text as string)
          .slice(start as number, end as number)
          .join(''),
      ).toBe(quote);
    }
  });

  it('records people with the offices they hold', async () => {
    const rows = await read(
      'offices',
      `MATCH (p:Person)-[:HOLDS]->(t:Tenure)-[:IN_OFFICE]->(o:Office)-[:OFFICE_OF]->(body)
       RETURN p.name AS person, o.name AS office, body.id AS body, t.status AS status ORDER BY person, office`,
    );
    const held = rows.map((r) => [r.person, r.body, r.status].map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' | '));
    expect(held).toEqual(
      expect.arrayContaining([
        'Keir Starmer | nation:gb | current',
        'Emmanuel Macron | nation:fr | current',
        'John Healey | nation:gb | current',
        'Pete Hegseth | nation:us | current',
        'Volodymyr Zelensky | nation:ua | current',
        'Rachel Reeves | nation:gb | current',
        'Sergei Lavrov | nation:ru | current',
      ]),
    );
    // The source calls Trump "former US President" and also "President Trump": both claims, flagged as conflicting.
    const trump = await read(
      'trumpTenures',
      `MATCH (:Person {id: 'person:donald-trump'})-[:HOLDS]->(t:Tenure)-[:CONFLICTS_WITH]-(other:Tenure)
       RETURN t.status AS status, 'conflicting' IN t.flags AS flagged ORDER BY status`,
    );
    expect(trump.map((r) => r.status)).toEqual(expect.arrayContaining(['current', 'former']));
    expect(trump.every((r) => r.flagged === true)).toBe(true);
  });

  it('records the ERA loan with donor, recipient, amount, funding and its instalment', async () => {
    const [loan] = await read(
      'loan',
      `MATCH (donor)-[:COMMITTED]->(c:Commitment {id: 'commitment:uk-ukraine-era-loan-2-26bn'})-[:TO]->(recipient)
       OPTIONAL MATCH (c)-[:FUNDED_BY]->(f:Funding)
       OPTIONAL MATCH (c)-[:HAS_PART]->(part:Commitment)
       OPTIONAL MATCH (approver:Person)-[:APPROVED]->(c)
       RETURN donor.id AS donor, recipient.id AS recipient, c.amountStated AS stated, c.amountValue AS value, c.amountCurrency AS currency,
              c.kind AS kind, c.subtype AS subtype, c.status AS status, f.name AS funding, approver.id AS approver,
              part.amountValue AS partValue, part.status AS partStatus`,
    );
    expect(loan).toEqual({
      donor: 'nation:gb',
      recipient: 'nation:ua',
      stated: '£2.26 billion',
      value: 2_260_000_000,
      currency: 'GBP',
      kind: 'financial',
      subtype: 'era-loan',
      status: 'approved',
      funding: expect.stringMatching(/seized Russian assets/) as unknown,
      approver: 'person:rachel-reeves',
      partValue: 752_000_000,
      partStatus: 'transferred',
    });
  });

  it('keeps "nearly £30 million" as stated, with its qualifier and upper bound', async () => {
    const [deal] = await read(
      'drones',
      `MATCH (d)-[:COMMITTED]->(c:Commitment {id: 'commitment:uk-ukraine-attack-drones-deal-30m'})-[:TO]->(r)
       MATCH (c)-[:CONTRACTED_WITH]->(firm:Organization)
       RETURN d.id AS donor, r.id AS recipient, c.amountStated AS stated, c.amountValue AS value, c.amountQualifier AS qualifier,
              c.amountUpperBound AS upper, c.amountCurrency AS currency, c.status AS status, c.kind AS kind, firm.unnamed AS unnamedFirm`,
    );
    expect(deal).toEqual({
      donor: 'nation:gb',
      recipient: 'nation:ua',
      stated: 'nearly £30 million',
      value: 30_000_000,
      qualifier: 'nearly',
      upper: 30_000_000,
      currency: 'GBP',
      status: 'signed',
      kind: 'military',
      unnamedFirm: true,
    });
  });

  it('records quotes verbatim with their speakers', async () => {
    const rows = await read(
      'quotes',
      `MATCH (p:Person)-[:SAID]->(s:Statement) WHERE s.kind IN ['direct-quote', 'partial-quote'] RETURN p.id AS speaker, s.text AS text`,
    );
    const said = rows.map((r) => [r.speaker, r.text]);
    expect(said).toEqual(
      expect.arrayContaining([
        ['person:john-healey', 'Donald Trump has asked Europe to step up, and we are,'],
        [
          'person:rachel-reeves',
          expect.stringContaining('Now more than ever, in this changed world, Ukraine needs our support') as unknown,
        ],
        ['person:pete-hegseth', 'all garbage.'],
      ]),
    );
    const text = readFileSync(new URL('../../seed/sources/uk-france-coalition-ukraine-support.txt', import.meta.url), 'utf8');
    for (const [, quote] of said) expect(text).toContain(quote);
  });

  it('finds people by alias through the full-text index', async () => {
    const rows = await read(
      'fulltext',
      `CALL db.index.fulltext.queryNodes('search_names', $q) YIELD node, score RETURN node.id AS id ORDER BY score DESC LIMIT 3`,
      { q: '"Mr Healey"' },
    );
    expect(rows[0]?.id).toBe('person:john-healey');
  });

  it('leaves exactly the same graph when run twice, and finds the migrations already applied', async () => {
    const first = await graphFingerprint(rt.executor);
    await prepareGraph(rt.executor, logger);
    const second = await graphFingerprint(rt.executor);
    expect(second).toEqual(first);
    const report = await applyMigrations(rt.executor, GRAPH_SCHEMA);
    expect(report.created).toEqual([]);
    expect(report.recreated).toEqual([]);
  });

  it('rejects a broken seed file with a clear error and leaves the graph unchanged', async () => {
    const before = await graphFingerprint(rt.executor);
    // A copy of seed/ (data files and the texts they point at) with one bad currency code.
    const root = mkdtempSync(join(tmpdir(), 'seed-broken-'));
    cpSync(DATA_DIR, join(root, 'data'), { recursive: true });
    cpSync(join(DATA_DIR, '..', 'sources'), join(root, 'sources'), { recursive: true });
    const dir = join(root, 'data');
    const file = join(dir, 'sources', 'uk-france-coalition-ukraine-support.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('currency: GBP', 'currency: GPB'));
    const error = await prepareGraph(rt.executor, logger, [dir]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    const issue = (error as SeedValidationError).issues.find((i) => i.message.includes('GPB'));
    expect(issue?.file).toMatch(/sources\/uk-france-coalition-ukraine-support\.yaml$/);
    expect(issue?.path).toMatch(/^commitments\[\d+\]\.amount\.currency$/);
    expect(await graphFingerprint(rt.executor)).toEqual(before);
  });

  it('refuses a damaged copy of a tracker file with file, row and column, and leaves the graph unchanged', async () => {
    const before = await graphFingerprint(rt.executor);
    const root = mkdtempSync(join(tmpdir(), 'seed-broken-csv-'));
    cpSync(DATA_DIR, join(root, 'data'), { recursive: true });
    cpSync(join(DATA_DIR, '..', 'sources'), join(root, 'sources'), { recursive: true });
    const file = join(root, 'sources', 'kiel-ust-r29', 'weapons.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(/,(\d+),/, ',4x9,'); // a letter in the number of weapons, row 3
    writeFileSync(file, lines.join('\n'));
    const error = await prepareGraph(rt.executor, logger, [join(root, 'data')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as SeedValidationError).issues).toContainEqual({
      file: 'sources/kiel-ust-r29/weapons.csv',
      path: 'row=3 col=3 (number_of_weapons)',
      message: 'expected an integer, got "4x9"',
    });
    expect(await graphFingerprint(rt.executor)).toEqual(before);
  });

  it('rolls back a write that fails midway, leaving the previous graph intact', async () => {
    const before = await graphFingerprint(rt.executor);
    const plan = await planSeed();
    const renamed = {
      ...plan,
      nodes: plan.nodes.map((n) => (n.id === 'person:keir-starmer' ? { ...n, props: { ...n.props, name: 'CHANGED' } } : n)),
    };
    // A relationship to a node that does not exist fails after nodes were merged and old relationships deleted.
    const broken = {
      ...renamed,
      rels: [
        ...renamed.rels,
        {
          type: 'SAID' as const,
          from: { label: 'Person' as const, id: 'person:keir-starmer' },
          to: { label: 'Statement' as const, id: 'statement:missing' },
          props: {},
        },
      ],
    };
    await expect(writeGraph(rt.executor, broken, { labels: NODE_LABELS, relTypes: REL_TYPES })).rejects.toThrow(/endpoints were not found/);
    expect(await graphFingerprint(rt.executor)).toEqual(before);
  });

  it('adds a second source to the same person and nation nodes instead of duplicating them', async () => {
    await prepareGraph(rt.executor, logger, [DATA_DIR, SECOND_SOURCE]);
    const [row] = await read(
      'secondSource',
      `MATCH (p:Person) WHERE p.name = 'Keir Starmer'
       WITH collect(p) AS people
       UNWIND people AS p
       MATCH (p)-[:SUPPORTED_BY]->(:Evidence)-[:FOUND_IN]->(s:Source)
       RETURN size(people) AS starmers, collect(DISTINCT s.id) AS sources`,
    );
    expect(row?.starmers).toBe(1);
    expect(row?.sources).toHaveLength(2);
    const [ukraine] = await read('ukraineNodes', `MATCH (n:Nation) WHERE n.name = 'Ukraine' RETURN count(n) AS n`);
    expect(ukraine?.n).toBe(1);
    // Back to the seed alone: the second source's facts are removed again (the article and the tracker's six files stay).
    await prepareGraph(rt.executor, logger);
    const [sources] = await read('sourceCount', 'MATCH (s:Source) RETURN count(s) AS n');
    expect(sources?.n).toBe(7);
  });
});
