/**
 * Writes a graph plan to Neo4j in ONE transaction, so a failure anywhere leaves the previous graph
 * exactly as it was, and the graph afterwards is exactly the plan:
 *   1. nodes: `UNWIND $rows MERGE (n:Label {id}) SET n = row.props`, in batches (properties are
 *      replaced, so a property removed from a seed file disappears);
 *   2. nodes of the model's labels that the plan no longer has are deleted;
 *   3. relationships of the model's types are replaced: deleted, then created from the plan.
 *      Relationships have no identity of their own in the seed files, so replacing them is what
 *      makes a second run leave the same graph rather than duplicates.
 * Labels and relationship types cannot be parameters in Cypher; they come from the model's own
 * vocabulary (checked here against a strict pattern), never from user input.
 */
import { cypher } from '../../src/db/cypher.js';
import type { Executor, TxRunner } from '../../src/db/Executor.js';

type PropValue = string | number | boolean | bigint | null | string[] | number[];

export interface WritableGraph {
  nodes: { label: string; id: string; props: Record<string, PropValue> }[];
  rels: { type: string; from: { label: string; id: string }; to: { label: string; id: string }; props: Record<string, PropValue> }[];
}

export interface WriteReport {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  deletedNodes: number;
}

const BATCH_SIZE = 1000;
const IDENTIFIER = /^[A-Z][A-Za-z]*$|^[A-Z][A-Z_]*$/;

export async function writeGraph(
  executor: Executor,
  plan: WritableGraph,
  vocabulary: { labels: readonly string[]; relTypes: readonly string[] },
  timeoutMs = 300_000,
): Promise<WriteReport> {
  for (const name of [...vocabulary.labels, ...vocabulary.relTypes]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Refusing to write: '${name}' is not a valid label or relationship type`);
  }
  const nodesByLabel = groupBy(plan.nodes, (n) => n.label);
  const relsByShape = groupBy(plan.rels, (r) => `${r.type}|${r.from.label}|${r.to.label}`);
  for (const label of nodesByLabel.keys())
    if (!vocabulary.labels.includes(label)) throw new Error(`Refusing to write: label '${label}' is not in the model's vocabulary`);
  for (const rel of plan.rels)
    if (!vocabulary.relTypes.includes(rel.type))
      throw new Error(`Refusing to write: relationship type '${rel.type}' is not in the model's vocabulary`);

  const deletedNodes = await executor.writeTransaction(
    'seed.writeGraph',
    async (run) => {
      for (const [label, nodes] of nodesByLabel) {
        const merge = cypher(`seed.mergeNodes.${label}`, `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) SET n = row.props`);
        for (const batch of chunks(nodes, BATCH_SIZE))
          await run(merge, { rows: batch.map((n) => ({ id: n.id, props: { ...n.props, id: n.id } })) });
      }
      let deletedNodes = 0;
      for (const label of vocabulary.labels) {
        const ids = (nodesByLabel.get(label) ?? []).map((n) => n.id);
        const prune = cypher(
          `seed.pruneNodes.${label}`,
          `MATCH (n:${label}) WHERE NOT n.id IN $ids DETACH DELETE n RETURN count(*) AS deleted`,
        );
        const [row] = await run(prune, { ids });
        deletedNodes += Number(row?.deleted ?? 0);
      }
      for (const type of vocabulary.relTypes) {
        await run(cypher(`seed.clearRelationships.${type}`, `MATCH ()-[r:${type}]->() DELETE r`));
      }
      for (const [shape, rels] of relsByShape) {
        const [type, fromLabel, toLabel] = shape.split('|') as [string, string, string];
        const create = cypher(
          `seed.createRelationships.${type}`,
          `UNWIND $rows AS row
           MATCH (a:${fromLabel} {id: row.from})
           MATCH (b:${toLabel} {id: row.to})
           CREATE (a)-[r:${type}]->(b) SET r = row.props
           RETURN count(r) AS created`,
        );
        for (const batch of chunks(rels, BATCH_SIZE)) {
          const [row] = await run(create, { rows: batch.map((r) => ({ from: r.from.id, to: r.to.id, props: r.props })) });
          if (Number(row?.created ?? 0) !== batch.length) {
            throw new Error(
              `Relationship ${type} (${fromLabel})→(${toLabel}): ${batch.length - Number(row?.created ?? 0)} of ${batch.length} endpoints were not found; nothing was written`,
            );
          }
        }
      }
      return deletedNodes;
    },
    timeoutMs,
  );
  // Counted after the commit: Neo4j answers label and type counts from its count store then,
  // whereas inside the write transaction each count scans the transaction's own changes too.
  return { ...(await executor.readTransaction('seed.countGraph', (run) => countGraph(run, vocabulary))), deletedNodes };
}

async function countGraph(
  run: TxRunner,
  vocabulary: { labels: readonly string[]; relTypes: readonly string[] },
): Promise<Omit<WriteReport, 'deletedNodes'>> {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const label of vocabulary.labels) {
    const [row] = await run(cypher(`seed.countNodes.${label}`, `MATCH (n:${label}) RETURN count(n) AS n`));
    nodes[label] = Number(row?.n ?? 0);
  }
  for (const type of vocabulary.relTypes) {
    const [row] = await run(cypher(`seed.countRelationships.${type}`, `MATCH ()-[r:${type}]->() RETURN count(r) AS n`));
    relationships[type] = Number(row?.n ?? 0);
  }
  return { nodes, relationships };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
