/**
 * `planGraph`: the pure step from validated seed data to exactly the nodes and
 * relationships to write. The Neo4j writer consumes the `GraphPlan` contract; this module
 * never touches a database.
 */
import type { ValidatedSeed } from '../validate/ValidatedSeed.js';
import type { GraphPlan } from './GraphPlan.js';
import { planEntities } from './planEntities.js';
import { planSource } from './planEvidence.js';
import { planFacts } from './planFacts.js';
import { PlanBuilder } from './PlanBuilder.js';
import { planDatasetFacts, planDatasetMentions, planDatasetSources } from './planDataset.js';

export type { GraphPlan, PlannedNode, PlannedRel, PropValue } from './GraphPlan.js';
export type { NodeLabel, RelType } from '../../src/model/vocabulary.js';
export { evidenceId } from './planEvidence.js';

/** Names of every entity and fact, for captions that refer to other nodes. */
function nameIndex(seed: ValidatedSeed): (id: string) => string {
  const names = new Map<string, string>();
  const { registry } = seed;
  for (const e of [
    ...registry.people,
    ...registry.nations,
    ...registry.organizations,
    ...registry.places,
    ...registry.offices,
    ...registry.topics,
  ])
    names.set(e.id, e.name);
  for (const { data } of seed.sources) {
    for (const e of [...(data.groups ?? []), ...(data.fundings ?? []), ...(data.commitments ?? []), ...(data.events ?? [])])
      names.set(e.id, e.name);
    for (const s of data.statements ?? []) names.set(s.id, s.text);
  }
  return (id) => names.get(id) ?? id;
}

/**
 * Turns validated seed data into the graph to write: sorted (nodes by label then id,
 * relationships by type, from, to) and deduplicated (one Evidence node per source span,
 * one relationship of a type between two nodes). Deterministic: the same seed always
 * yields the same plan.
 */
export function planGraph(seed: ValidatedSeed): GraphPlan {
  const b = new PlanBuilder();
  for (const source of seed.sources) planSource(source, b);
  for (const dataset of seed.datasets) planDatasetSources(dataset, b);
  planEntities(seed, b);
  const nameOf = nameIndex(seed);
  for (const source of seed.sources) planFacts(source, b, nameOf);
  for (const dataset of seed.datasets) {
    planDatasetFacts(dataset, b);
    planDatasetMentions(dataset.mentions, b);
  }
  return b.build();
}
