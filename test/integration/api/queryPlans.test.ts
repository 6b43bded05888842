/**
 * Filters by a linked node (donor, recipient, speaker …) start from that node: the Cypher a list or
 * the totals run seeks it by id and expands, instead of scanning every node of the label and
 * testing each. So their cost follows the size of the answer, not of the graph (docs/benchmarks.md).
 * Checked on Neo4j's own plan (EXPLAIN) of the very query the API sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/apiHarness.js';
import { testRuntime } from '../../support/testRuntime.js';

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}
const operators = (plan: PlanNode): string[] => [plan.operatorType.split('@')[0] ?? '', ...plan.children.flatMap(operators)];

describe('filtered lists and totals', () => {
  let api: ApiHarness;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    api = await apiHarness();
    rt = await testRuntime();
  }, 120_000);
  afterAll(async () => {
    await api.close();
    await rt.close();
  });

  it.each([
    ['commitments by donor', '{ commitments(filter: { donorId: "nation:gb" }, first: 5) { totalCount edges { node { id } } } }'],
    ['commitments by recipient', '{ commitments(filter: { recipientId: "nation:ua" }, first: 5) { edges { node { id } } } }'],
    ['totals by donor', '{ commitmentTotals(groupBy: RECIPIENT, currency: "GBP", filter: { donorId: "nation:gb" }) { currency } }'],
    ['statements by speaker', '{ statements(filter: { speakerId: "person:keir-starmer" }, first: 5) { edges { node { id } } } }'],
    ['heavy weapons by donor', '{ heavyWeapons(filter: { donorId: "nation:us" }, first: 5) { totalCount edges { node { id } } } }'],
    [
      'weapon totals by system',
      '{ heavyWeaponTotals(groupBy: DONOR, filter: { systemId: "weapon-system:m777-howitzer" }) { groupCount } }',
    ],
    ['figures by subject', '{ figures(filter: { subjectId: "nation:dk" }, first: 5) { totalCount edges { node { id } } } }'],
    [
      'a lookup with its whole selection',
      '{ nation(id: "nation:gb") { name commitmentsMade(first: 5) { name recipients { ... on Node { id } } evidence(first: 2) { quote } source { title } } } }',
    ],
  ])('%s: seek the linked node, never scan the label', async (_name, query) => {
    const { errors, queries } = await api.execute(query);
    expect(errors).toBeUndefined();
    const [first] = queries;
    expect(first).toBeDefined();
    if (!first) return;
    const { summary } = await rt.driver.executeQuery(`EXPLAIN ${first.text}`, first.params);
    const ops = operators(summary.plan as unknown as PlanNode);
    expect(ops).toContain('NodeUniqueIndexSeek');
    expect(ops).not.toContain('NodeByLabelScan');
    expect(ops).not.toContain('AllNodesScan');
  });

  it('a page after a cursor seeks from the cursor in the name index, never scanning the label', async () => {
    const page = (after: string | null) =>
      api.execute<{ commitments: { pageInfo: { endCursor: string } } }>(
        'query($after: String) { commitments(orderBy: { field: NAME, direction: ASC }, first: 3, after: $after) { pageInfo { endCursor } edges { node { id } } } }',
        { after },
      );
    const first = await page(null);
    const cursor = first.data?.commitments.pageInfo.endCursor ?? null;
    expect(cursor).not.toBeNull();
    const { errors, queries } = await page(cursor);
    expect(errors).toBeUndefined();
    const [query] = queries;
    if (!query) throw new Error('no query');
    const { summary } = await rt.driver.executeQuery(`EXPLAIN ${query.text}`, query.params);
    const ops = operators(summary.plan as unknown as PlanNode);
    expect(ops.some((op) => op.startsWith('NodeIndexSeekByRange'))).toBe(true);
    expect(ops).not.toContain('NodeByLabelScan');
    // One ordered range read that stops after the page, not a union of seeks sorted afterwards.
    expect(ops).not.toContain('Union');
    expect(ops).toContain('PartialTop');
  });
});
