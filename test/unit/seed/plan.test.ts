import { beforeAll, describe, expect, it } from 'vitest';
import { validateSeedDir, type ValidatedSeed } from '../../../seed/validate/validate.js';
import { planGraph, type GraphPlan, type PlannedRel } from '../../../seed/plan/plan.js';
import { NODE_LABELS, RELATIONSHIPS, type NodeLabel } from '../../../src/model/vocabulary.js';
import { DATA_DIR } from './paths.js';

let seed: ValidatedSeed;
let plan: GraphPlan;

beforeAll(async () => {
  seed = await validateSeedDir(DATA_DIR);
  plan = planGraph(seed);
});

const node = (id: string) => plan.nodes.find((n) => n.id === id);
const rels = (filter: Partial<{ type: string; from: string; to: string }>): PlannedRel[] =>
  plan.rels.filter(
    (r) =>
      (filter.type === undefined || r.type === filter.type) &&
      (filter.from === undefined || r.from.id === filter.from) &&
      (filter.to === undefined || r.to.id === filter.to),
  );

describe('planGraph', () => {
  it('is deterministic, whatever the order of its input', () => {
    const reversed: ValidatedSeed = {
      registry: Object.fromEntries(
        Object.entries(seed.registry).map(([k, v]) => [k, [...(v as unknown[])].reverse()]),
      ) as unknown as ValidatedSeed['registry'],
      sources: [...seed.sources].reverse(),
      datasets: [...seed.datasets].reverse(),
    };
    expect(planGraph(seed)).toEqual(plan);
    expect(planGraph(reversed)).toEqual(plan);
  });

  it('emits nodes and relationships sorted and without duplicates', () => {
    const nodeKeys = plan.nodes.map((n) => `${n.label} ${n.id}`);
    expect(nodeKeys).toEqual([...nodeKeys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(plan.nodes.map((n) => n.id)).size).toBe(plan.nodes.length);
    const relKeys = plan.rels.map((r) => `${r.type}|${r.from.id}|${r.to.id}`);
    expect(new Set(relKeys).size).toBe(relKeys.length);
  });

  it('gives every node an id and a name, with labels from the vocabulary', () => {
    for (const n of plan.nodes) {
      expect(NODE_LABELS).toContain(n.label);
      expect(n.props.id).toBe(n.id);
      expect(typeof n.props.name).toBe('string');
      expect((n.props.name as string).length).toBeGreaterThan(0);
    }
    expect(new Set(plan.nodes.map((n) => n.label))).toEqual(new Set(NODE_LABELS));
  });

  it('supports every node but Source, Dataset and Evidence with evidence', () => {
    const supported = new Set(rels({ type: 'SUPPORTED_BY' }).map((r) => r.from.id));
    const unsupported = plan.nodes.filter(
      (n) => n.label !== 'Source' && n.label !== 'Evidence' && n.label !== 'Dataset' && !supported.has(n.id),
    );
    expect(unsupported.map((n) => n.id)).toEqual([]);
  });

  it('has no dangling relationship and follows the vocabulary’s endpoints', () => {
    const labels = new Map(plan.nodes.map((n) => [n.id, n.label]));
    for (const r of plan.rels) {
      expect(labels.get(r.from.id), `${r.type} from ${r.from.id}`).toBe(r.from.label);
      expect(labels.get(r.to.id), `${r.type} to ${r.to.id}`).toBe(r.to.label);
      const spec = RELATIONSHIPS[r.type];
      expect(spec.from as readonly NodeLabel[]).toContain(r.from.label);
      expect(spec.to as readonly NodeLabel[]).toContain(r.to.label);
    }
  });

  it('stores only flat Neo4j property values, integers as bigint', () => {
    for (const item of [...plan.nodes, ...plan.rels])
      for (const [key, value] of Object.entries(item.props)) {
        const ok =
          value === null ||
          ['string', 'number', 'boolean', 'bigint'].includes(typeof value) ||
          (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'));
        expect(ok, key).toBe(true);
      }
    const evidence = plan.nodes.filter((n) => n.label === 'Evidence');
    for (const e of evidence) {
      expect(typeof e.props.start).toBe('bigint');
      expect(e.id).toBe(`evidence:${String(e.props.sourceId).slice('source:'.length)}:${String(e.props.start)}-${String(e.props.end)}`);
    }
  });

  it('keeps one Evidence node per span, with the quote found in the Source text', () => {
    const source = node('source:uk-france-coalition-ukraine-support');
    const text = Array.from(source?.props.text as string);
    const e = node('evidence:uk-france-coalition-ukraine-support:0-16');
    expect(e?.props).toMatchObject({ quote: 'Sir Keir Starmer', start: 0n, end: 16n, method: 'hand-curated', confidence: 1 });
    expect(text.slice(0, 16).join('')).toBe('Sir Keir Starmer');
    expect(rels({ type: 'FOUND_IN', from: e?.id })).toHaveLength(1);
    // "the US temporarily halted military aid and intelligence sharing" supports two commitments.
    const shared = rels({ type: 'SUPPORTED_BY' }).filter(
      (r) => r.to.id === rels({ type: 'SUPPORTED_BY', from: 'commitment:us-military-aid-ukraine-halt' })[0]?.to.id,
    );
    expect(shared.map((r) => r.from.id).sort()).toEqual([
      'commitment:us-intelligence-sharing-ukraine-halt',
      'commitment:us-military-aid-ukraine-halt',
    ]);
    expect(source?.props.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('plans the ERA loan exactly', () => {
    const id = 'commitment:uk-ukraine-era-loan-2-26bn';
    expect(node(id)?.props).toMatchObject({
      name: 'UK £2.26 billion ERA loan to Ukraine',
      kind: 'financial',
      subtype: 'era-loan',
      status: 'approved',
      amountStated: '£2.26 billion',
      amountValue: 2_260_000_000,
      amountCurrency: 'GBP',
      instrument: 'extraordinary revenue acceleration agreement',
      isPart: false,
    });
    expect(rels({ type: 'COMMITTED', to: id }).map((r) => r.from.id)).toEqual(['nation:gb']);
    expect(rels({ type: 'TO', from: id }).map((r) => r.to.id)).toEqual(['nation:ua']);
    expect(rels({ type: 'FUNDED_BY', from: id }).map((r) => r.to.id)).toEqual(['funding:profits-from-seized-russian-assets']);
    expect(rels({ type: 'APPROVED', to: id }).map((r) => r.from.id)).toEqual(['person:rachel-reeves']);
    const parts = rels({ type: 'HAS_PART', from: id }).map((r) => node(r.to.id));
    expect(parts).toHaveLength(1);
    expect(parts[0]?.props).toMatchObject({
      amountValue: 752_000_000,
      amountCurrency: 'GBP',
      status: 'transferred',
      isPart: true,
      timeStated: 'on Thursday',
      timePrecision: 'weekday-relative',
      timeAnchor: 'publication',
    });
  });

  it('keeps "nearly £30 million" as stated with its upper bound', () => {
    expect(node('commitment:uk-ukraine-attack-drones-deal-30m')?.props).toMatchObject({
      amountStated: 'nearly £30 million',
      amountValue: 30_000_000,
      amountQualifier: 'nearly',
      amountUpperBound: 30_000_000,
      itemType: 'Aviation and drones',
      status: 'signed',
    });
    expect(rels({ type: 'CONTRACTED_WITH', from: 'commitment:uk-ukraine-attack-drones-deal-30m' })[0]?.to.id).toBe(
      'organization:unnamed-anglo-american-security-firm',
    );
  });

  it('records the stated €650 billion = £545 billion conversion', () => {
    const rate = plan.nodes.find((n) => n.label === 'ExchangeRate');
    expect(rate?.props).toMatchObject({ base: 'EUR', quote: 'GBP', baseValue: 650e9, quoteValue: 545e9 });
    expect(rate?.props.rate).toBeCloseTo(545 / 650, 12);
    expect(rels({ type: 'CONVERTS', from: rate?.id })[0]?.to.id).toBe('commitment:eu-budget-rule-relaxation-650bn');
  });

  it('keeps both of Donald Trump’s tenure claims, flagged and linked as conflicting', () => {
    const former = 'tenure:donald-trump-us-president-former';
    const current = 'tenure:donald-trump-us-president-current';
    expect(node(former)?.props).toMatchObject({ status: 'former' });
    expect(node(current)?.props).toMatchObject({ status: 'current' });
    expect(node(former)?.props.flags).toContain('conflicting');
    expect(rels({ type: 'CONFLICTS_WITH', from: former, to: current })).toHaveLength(1);
    expect(rels({ type: 'CONFLICTS_WITH', from: current, to: former })).toHaveLength(1);
    expect(
      rels({ type: 'HOLDS', from: 'person:donald-trump' })
        .map((r) => r.to.id)
        .sort(),
    ).toEqual([current, former]);
  });

  it('gives entities aliases, honorifics and search text from their mentions', () => {
    expect(node('person:john-healey')?.props).toMatchObject({
      aliases: ['Defence Secretary John Healey', 'John Healey', 'Mr Healey'],
      honorifics: ['Mr'],
      searchText: 'John Healey | Defence Secretary John Healey | Mr Healey',
      mentionCount: 5n,
    });
    const surfaceForms = rels({ type: 'SUPPORTED_BY', from: 'person:keir-starmer' }).map((r) => r.props.surfaceForm);
    expect(new Set(surfaceForms)).toEqual(new Set(['Sir Keir Starmer', 'The British Prime Minister']));
  });

  it('ties quotes to speakers and occasions', () => {
    const quote = 'statement:healey-trump-asked-europe-to-step-up';
    expect(node(quote)?.props).toMatchObject({ kind: 'direct-quote', text: 'Donald Trump has asked Europe to step up, and we are,' });
    expect(rels({ type: 'SAID', to: quote })[0]?.from.id).toBe('person:john-healey');
    expect(rels({ type: 'DURING', from: quote })[0]?.to.id).toBe('event:healey-washington-remarks');
    expect(node(quote)?.props.flags).toEqual(['inferred']);
    const quotes = plan.nodes.filter((n) => n.label === 'Statement' && n.props.kind !== 'reported-speech');
    expect(quotes.length).toBeGreaterThanOrEqual(7);
  });
});
