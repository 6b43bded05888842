/**
 * Schema migrations: the constraints and indexes the graph needs, applied idempotently.
 *
 * Declarative rather than a numbered log: the desired schema is derived from the model's label
 * list; each run creates what is missing, recreates what changed definition (e.g. a label added
 * to the full-text index), and leaves anything else — indexes a user made by hand — alone.
 */
import type { SchemaItem } from '../model/graphSchema.js';
import { cypher, type NamedQuery } from './cypher.js';
import type { Executor } from './Executor.js';

const SHOW_CONSTRAINTS = cypher(
  'schema.showConstraints',
  'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties',
);
const SHOW_INDEXES = cypher(
  'schema.showIndexes',
  'SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint RETURN name, type, labelsOrTypes, properties, owningConstraint',
);
const AWAIT_INDEXES = cypher('schema.awaitIndexes', 'CALL db.awaitIndexes(300)');

export interface MigrationReport {
  created: string[];
  recreated: string[];
  unchanged: string[];
}

/** Brings the database's schema to `desired`. Safe to run on every start. */
/**
 * `timeoutMs` bounds each statement (the executor's query timeout by default): creating a
 * constraint waits until its index holds every existing node, which on a freshly imported graph
 * of a million nodes takes far longer than a request may.
 */
export async function applyMigrations(executor: Executor, desired: SchemaItem[], timeoutMs?: number): Promise<MigrationReport> {
  const write = (query: NamedQuery) => executor.writeTransaction(query.name, (run) => run(query), timeoutMs);
  const existing = new Map<string, string>();
  for (const row of await executor.read(SHOW_CONSTRAINTS))
    existing.set(text(row.name), signature(text(row.type), row.labelsOrTypes, row.properties));
  for (const row of await executor.read(SHOW_INDEXES)) {
    if (row.owningConstraint === null) existing.set(text(row.name), signature(text(row.type), row.labelsOrTypes, row.properties));
  }
  const report: MigrationReport = { created: [], recreated: [], unchanged: [] };
  for (const item of desired) {
    const have = existing.get(item.name);
    const want = signatureOf(item);
    if (have === want) {
      report.unchanged.push(item.name);
      continue;
    }
    // Schema statements cannot take parameters; names and labels come from our own model, never from input.
    if (have !== undefined) await write(cypher(`schema.drop.${item.name}`, dropStatement(item)));
    await write(cypher(`schema.create.${item.name}`, createStatement(item)));
    (have === undefined ? report.created : report.recreated).push(item.name);
  }
  await write(AWAIT_INDEXES);
  return report;
}

function createStatement(item: SchemaItem): string {
  switch (item.kind) {
    case 'unique':
      return `CREATE CONSTRAINT ${item.name} IF NOT EXISTS FOR (n:${item.label}) REQUIRE n.${item.property} IS UNIQUE`;
    case 'range':
      return `CREATE INDEX ${item.name} IF NOT EXISTS FOR (n:${item.label}) ON (n.${item.property})`;
    case 'fulltext':
      return `CREATE FULLTEXT INDEX ${item.name} IF NOT EXISTS FOR (n:${item.labels.join('|')}) ON EACH [${item.properties.map((p) => `n.${p}`).join(', ')}]`;
    default: {
      const unreachable: never = item;
      return unreachable;
    }
  }
}

function dropStatement(item: SchemaItem): string {
  return item.kind === 'unique' ? `DROP CONSTRAINT ${item.name} IF EXISTS` : `DROP INDEX ${item.name} IF EXISTS`;
}

function signatureOf(item: SchemaItem): string {
  switch (item.kind) {
    case 'unique':
      return signature('UNIQUENESS', [item.label], [item.property]);
    case 'range':
      return signature('RANGE', [item.label], [item.property]);
    case 'fulltext':
      return signature('FULLTEXT', item.labels, item.properties);
    default: {
      const unreachable: never = item;
      return unreachable;
    }
  }
}

function signature(type: string, labels: unknown, properties: unknown): string {
  const list = (v: unknown): string => (Array.isArray(v) ? [...(v as string[])].sort().join(',') : '');
  return `${type.replace('NODE_PROPERTY_', '')}|${list(labels)}|${list(properties)}`;
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`Expected a string from SHOW CONSTRAINTS/INDEXES, got ${typeof value}`);
  return value;
}
