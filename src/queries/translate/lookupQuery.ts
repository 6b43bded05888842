/**
 * One Cypher query for a whole lookup by id (`nation(id) { … }`): the node, only the properties
 * the selection reads, and every relationship field below it walked inside the same query as
 * nested COLLECT subqueries, each bounded by its `first`, in the order the batched loaders use; a
 * `…Count` field is a COUNT subquery. The id and every page size travel as parameters; labels,
 * relationship types and property names come from the model and the schema (selection.ts).
 */
import neo4j from 'neo4j-driver';
import { cypher, type NamedQuery } from '../../db/cypher.js';
import type { Executor, Params } from '../../db/Executor.js';
import { NODE_LABELS, type NodeLabel } from '../../model/vocabulary.js';
import { cachedQuery } from '../cachedQuery.js';
import type { NodeRecord } from '../records.js';
import { RELATIONS, relationPattern } from '../relations.js';
import { readPrefetched } from './prefetched.js';
import { slotKey, type LookupSelection, type NodeSelection, type Slot, type TargetSelection } from './selection.js';

/** A stored property or relationship property name as the schema spells its fields: nothing else reaches the text. */
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const KNOWN_LABELS: ReadonlySet<string> = new Set(NODE_LABELS);

function property(name: string): string {
  if (!PROPERTY_NAME.test(name)) throw new Error(`Not a property name: ${JSON.stringify(name)}`);
  return name;
}

function label(name: NodeLabel): NodeLabel {
  if (!KNOWN_LABELS.has(name)) throw new Error(`Not a label of the model: ${JSON.stringify(name)}`);
  return name;
}

/** Writes the query text: fresh variable names per nesting level, `$first<i>` per relation slot in the order met. */
class Writer {
  private variables = 0;
  private pages = 0;

  /** `v {.id, .prop…, __label: …, __0: …}`: the map projection of node `v`. */
  node(
    v: string,
    selection: NodeSelection,
    labelExpr: string,
    indent: string,
    edge?: { r: string; properties: readonly string[] },
  ): string {
    const entries = [
      '.id',
      ...selection.properties.filter((p) => p !== 'id').map((p) => `.${property(p)}`),
      `__label: ${labelExpr}`,
      ...(edge && edge.properties.length > 0 ? [`__edge: ${edge.r} {${edge.properties.map((p) => `.${property(p)}`).join(', ')}}`] : []),
      ...selection.slots.map((slot, i) => `${slotKey(i)}: ${this.slot(v, labelExpr, slot, indent)}`),
    ];
    return `${v} {${entries.join(', ')}}`;
  }

  /**
   * A neighbour `m`: one projection when every label it may have gets the same selection, else one
   * per branch, the labels whose selection asks nothing beyond the id falling to the ELSE.
   */
  target(m: string, target: TargetSelection, indent: string, edge: { r: string; properties: readonly string[] }): string {
    const [only, ...more] = target.branches;
    if (!only) return this.node(m, EMPTY, `labels(${m})[0]`, indent, edge);
    if (more.length === 0) {
      const [sole, ...others] = only.labels;
      return this.node(m, only.selection, sole !== undefined && others.length === 0 ? `'${label(sole)}'` : `labels(${m})[0]`, indent, edge);
    }
    const inner = `${indent}  `;
    const branches = target.branches
      .filter(({ selection }) => selection.properties.length > 0 || selection.slots.length > 0)
      .map(
        ({ labels, selection }) =>
          `\n${inner}WHEN ${labels.map((l) => `${m}:${label(l)}`).join(' OR ')} THEN ${this.node(m, selection, `labels(${m})[0]`, inner, edge)}`,
      );
    return `CASE${branches.join('')}\n${inner}ELSE ${this.node(m, EMPTY, `labels(${m})[0]`, inner, edge)}\n${indent}END`;
  }

  private slot(v: string, labelExpr: string, slot: Slot, indent: string): string {
    const inner = `${indent}  `;
    switch (slot.kind) {
      case 'relation': {
        const spec = RELATIONS[slot.relation];
        if (!spec) throw new Error(`No relation field ${slot.relation}`);
        const n = ++this.variables;
        const [m, r] = [`n${n}`, `r${n}`];
        const { arrow, where, order } = relationPattern(spec, r, m);
        const page = `$first${this.pages++}`;
        const withEdge = slot.edge.length > 0 ? `${m}, ${r}` : m;
        const items = [
          'COLLECT {',
          `${inner}MATCH (${v})${arrow}(${m})${where ? ` ${where}` : ''}`,
          `${inner}WITH ${withEdge} ORDER BY ${order} LIMIT ${page}`,
          `${inner}RETURN ${this.target(m, slot.target, inner, { r, properties: slot.edge })}`,
          `${indent}}`,
        ].join('\n');
        return slot.self ? `{items: ${items}, self: ${this.node(v, slot.self, labelExpr, indent)}}` : items;
      }
      case 'count': {
        const spec = RELATIONS[slot.relation];
        if (!spec) throw new Error(`No relation field ${slot.relation}`);
        const n = ++this.variables;
        const { arrow, where } = relationPattern(spec, `r${n}`, `n${n}`);
        return `COUNT { MATCH (${v})${arrow}(n${n})${where ? ` ${where}` : ''} }`;
      }
      case 'sourceOf': {
        const m = `n${++this.variables}`;
        return [
          'COLLECT {',
          `${inner}MATCH (${m}:Source {id: ${v}.sourceId})`,
          `${inner}RETURN ${this.node(m, slot.target, `'Source'`, inner)}`,
          `${indent}}`,
        ].join('\n');
      }
      case 'property':
        return `${v}.${property(slot.property)}`;
      default: {
        const unreachable: never = slot;
        return unreachable;
      }
    }
  }
}

const EMPTY: NodeSelection = { properties: [], slots: [] };

/** The page sizes of the relation slots, in the order the Writer numbers them. */
function pageSizes(selection: NodeSelection, into: number[] = []): number[] {
  for (const slot of selection.slots) {
    if (slot.kind === 'relation') {
      into.push(slot.first);
      for (const branch of slot.target.branches) pageSizes(branch.selection, into);
      if (slot.self) pageSizes(slot.self, into);
    } else if (slot.kind === 'sourceOf') {
      pageSizes(slot.target, into);
    }
  }
  return into;
}

/**
 * The query's text depends on the shape of the selection only (labels, properties, fields, and
 * branches), never on aliases or page sizes, so every request of one shape shares one text, built
 * once and kept in the bounded cache of query shapes.
 */
function lookupQuery({ label: root, selection }: LookupSelection): NamedQuery {
  const shape = JSON.stringify(selection, (key, value: unknown) => (key === 'responseKey' || key === 'first' ? undefined : value));
  return cachedQuery(`lookup ${root} ${shape}`, () => {
    const writer = new Writer();
    return cypher(`lookup.${root}`, `MATCH (n:${label(root)} {id: $id})\nRETURN ${writer.node('n', selection, `'${root}'`, '')} AS node`);
  });
}

/** The one query a lookup sends, and its parameters: the id, and `first<i>` for each relation slot. */
export function buildLookupQuery(lookup: LookupSelection, id: string): { query: NamedQuery; params: Params } {
  const params: Params = { id };
  pageSizes(lookup.selection).forEach((first, i) => {
    params[`first${i}`] = neo4j.int(first);
  });
  return { query: lookupQuery(lookup), params };
}

/**
 * The node with this id and what its selection asks for below it, in one query; null when there is
 * none. Every record of the tree carries its prefetched fields (prefetched.ts).
 */
export async function fetchLookup(executor: Executor, lookup: LookupSelection, id: string): Promise<NodeRecord | null> {
  const { query, params } = buildLookupQuery(lookup, id);
  const [row] = await executor.read(query, params);
  return row ? readPrefetched(row.node ?? null, { branches: [{ labels: [lookup.label], selection: lookup.selection }] }) : null;
}
