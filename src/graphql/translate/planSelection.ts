/**
 * Reads what a lookup's operation selects below the node (its fields, fragments, aliases,
 * `@skip`/`@include`, variables, and `... on Type` on abstract types) into the plain description
 * the query module turns into one Cypher query (src/queries/translate/). Every node type's field
 * translates (see `fieldKind`); a field the planner leaves out has no prefetched value and its
 * resolver loads it as before (the cases are listed in untranslated.ts).
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { checkFirst } from '../../queries/inputChecks.js';
import { RELATIONS, type RelationKey } from '../../queries/relations.js';
import {
  itemBound,
  relationDepth,
  type LookupSelection,
  type NodeSelection,
  type Slot,
  type TargetSelection,
} from '../../queries/translate/selection.js';
import { NODE_LABELS, type NodeLabel } from '../../model/vocabulary.js';
import { RELATION_PAGE_SIZE } from '../resolvers/nodeResolvers.js';
import { collectFields, type Operation } from './collectFields.js';
import { isValueObject, leafReads, valueObjectReads } from './storedReads.js';
import { MAX_TRANSLATED_DEPTH, MAX_PLANNED_SELECTIONS, MAX_PREFETCHED_FIELDS } from './untranslated.js';

const NODE_TYPES: ReadonlySet<string> = new Set(NODE_LABELS);

/** Items of a relation list that wrap the neighbour: which of their fields holds it, which returns the parent, which read the relationship. */
interface Wrapper {
  node: string;
  self?: string;
  edge: readonly string[];
}

function wrapperOf(relation: RelationKey, itemType: string): Wrapper | undefined {
  switch (itemType) {
    case 'Mention':
      return { node: 'evidence', edge: ['surfaceForm', 'honorific'] };
    case 'SystemCount':
      return { node: 'system', edge: ['count', 'stated'] };
    case 'Participation':
      return relation === 'Event.participants'
        ? { node: 'actor', self: 'event', edge: ['role', 'inferred'] }
        : { node: 'event', self: 'actor', edge: ['role', 'inferred'] };
    default:
      return undefined;
  }
}

/** How a field of a node type is answered by a translated query. */
export type FieldKind = 'stored' | 'valueObject' | 'relation' | 'count' | 'sourceOf' | 'deferredProperty';

/** How the field `name` of node type `type` translates; undefined for a field it does not know. */
export function fieldKind(type: GraphQLObjectType, name: string): FieldKind | undefined {
  const field = type.getFields()[name];
  if (!field) return undefined;
  const named = getNamedType(field.type);
  if (RELATIONS[`${type.name}.${name}`]) return 'relation';
  if (name.endsWith('Count') && RELATIONS[`${type.name}.${name.slice(0, -'Count'.length)}`]) return 'count';
  if (`${type.name}.${name}` === 'Source.text') return 'deferredProperty';
  if (name === 'source' && named.name === 'Source') return 'sourceOf';
  if (isLeafType(named)) return 'stored';
  if (isValueObject(named.name)) return 'valueObject';
  return undefined;
}

/**
 * Selections of two labels that fetch the same are one branch: a relation field compares by how it
 * walks (`Person.commitmentsMade` and `Group.commitmentsMade` walk alike), not by its parent's type.
 */
function sameWalk(key: string, value: unknown): unknown {
  if (key !== 'relation' || typeof value !== 'string') return value;
  const { from: _from, ...walk } = RELATIONS[value] ?? {};
  return walk;
}

/** Too much to plan: the lookup is left to the loaders. */
class TooLarge extends Error {}

class Planner {
  private planned = 0;
  private prefetchedFields = 0;

  constructor(
    private readonly operation: Operation,
    private readonly maxPageSize: number,
  ) {}

  /** What to fetch of a node of object type `type` for the selection sets `sets`. */
  node(type: GraphQLObjectType, sets: readonly (SelectionSetNode | undefined)[]): NodeSelection {
    if (++this.planned > MAX_PLANNED_SELECTIONS) throw new TooLarge();
    const properties = new Set<string>();
    const slots: Slot[] = [];
    for (const [responseKey, nodes] of collectFields(this.operation, type, sets)) {
      const [first] = nodes;
      const name = first?.name.value;
      if (!first || name === undefined || name === '__typename' || name === 'id') continue;
      const field = type.getFields()[name];
      if (!field) continue;
      const subsets = nodes.map((node) => node.selectionSet);
      const kind = fieldKind(type, name);
      switch (kind) {
        case 'stored':
          for (const property of leafReads(type.name, name)) properties.add(property);
          break;
        case 'valueObject': {
          const valueType = getNamedType(field.type);
          const selected = isObjectType(valueType) ? [...collectFields(this.operation, valueType, subsets).values()] : [];
          const names = selected.flatMap((group) => (group[0] ? [group[0].name.value] : []));
          for (const property of valueObjectReads(valueType.name, names)) properties.add(property);
          break;
        }
        case 'relation': {
          const slot = this.relation(type, responseKey, field, nodes);
          if (slot) slots.push(slot);
          break;
        }
        case 'count':
          slots.push({ kind: 'count', responseKey, relation: `${type.name}.${name.slice(0, -'Count'.length)}` });
          break;
        case 'deferredProperty':
          slots.push({ kind: 'property', responseKey, property: name });
          break;
        case 'sourceOf': {
          const source = this.operation.schema.getType('Source');
          if (!isObjectType(source)) break;
          slots.push({ kind: 'sourceOf', responseKey, target: this.node(source, subsets) });
          break;
        }
        case undefined:
          break;
        default: {
          const unreachable: never = kind;
          return unreachable;
        }
      }
    }
    this.prefetchedFields += slots.length;
    if (this.prefetchedFields > MAX_PREFETCHED_FIELDS) throw new TooLarge();
    return { properties: [...properties].sort(), slots };
  }

  /**
   * A relation field's slot; none when the field's nodes under this response key disagree on
   * `first` (aliases of a wrapped neighbour can meet on one record) or `first` is one the
   * resolver refuses: the resolver then loads the field, or gives the same error as before.
   */
  private relation(
    type: GraphQLObjectType,
    responseKey: string,
    field: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
  ): Slot | undefined {
    const relation = `${type.name}.${field.name}`;
    let first = 1;
    if (isListType(getNullableType(field.type))) {
      const asked = new Set(
        nodes.map((node) => JSON.stringify(getArgumentValues(field, node, this.operation.variableValues).first ?? null)),
      );
      if (asked.size !== 1) return undefined;
      const [value] = [...asked].map((text) => JSON.parse(text) as number | null);
      try {
        first = checkFirst(value, RELATION_PAGE_SIZE, this.maxPageSize);
      } catch {
        return undefined;
      }
    }
    const subsets = nodes.map((node) => node.selectionSet);
    const itemType = getNamedType(field.type);
    const wrapper = wrapperOf(relation, itemType.name);
    if (!wrapper || !isObjectType(itemType)) {
      return { kind: 'relation', responseKey, relation, first, edge: [], target: this.target(itemType, subsets) };
    }
    // The item wraps the neighbour: its fields are the neighbour, the parent, or the relationship's properties.
    const wrapped = [...collectFields(this.operation, itemType, subsets).values()].flat();
    const setsOf = (name: string) => wrapped.filter((node) => node.name.value === name).map((node) => node.selectionSet);
    const nodeField = itemType.getFields()[wrapper.node];
    const selfSets = wrapper.self === undefined ? [] : setsOf(wrapper.self);
    return {
      kind: 'relation',
      responseKey,
      relation,
      first,
      edge: wrapper.edge.filter((property) => wrapped.some((node) => node.name.value === property)),
      target: nodeField ? this.target(getNamedType(nodeField.type), setsOf(wrapper.node)) : { branches: [] },
      ...(selfSets.length > 0 ? { self: this.node(type, selfSets) } : {}),
    };
  }

  /** One selection per group of labels the neighbour may have that the selection treats alike. */
  private target(type: GraphQLNamedType, sets: readonly (SelectionSetNode | undefined)[]): TargetSelection {
    const types = isAbstractType(type) ? this.operation.schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
    const branches = new Map<string, { labels: NodeLabel[]; selection: NodeSelection }>();
    for (const object of types) {
      if (!NODE_TYPES.has(object.name)) continue;
      const selection = this.node(object, sets);
      const key = JSON.stringify(selection, sameWalk);
      const branch = branches.get(key);
      if (branch) branch.labels.push(object.name as NodeLabel);
      else branches.set(key, { labels: [object.name as NodeLabel], selection });
    }
    return { branches: [...branches.values()] };
  }
}

/** The limits planning respects: the page sizes lists accept, and the items an answer may hold. */
export interface PlanLimits {
  maxPageSize: number;
  maxAnswerItems: number;
  /** Most relationship lists one below another a translated query walks (MAX_TRANSLATED_DEPTH by default). */
  maxTranslatedDepth?: number;
}

/**
 * What a lookup of a node of `label` fetches for the operation's selection below the root field;
 * undefined when the selection is too large to plan, or could return more than the answer budget
 * allows (the loaders answer it then, and the budget stops them as before).
 */
export function planLookup(info: GraphQLResolveInfo, label: NodeLabel, limits: PlanLimits): LookupSelection | undefined {
  const type = info.schema.getType(label);
  if (!isObjectType(type)) return undefined;
  const planner = new Planner({ schema: info.schema, fragments: info.fragments, variableValues: info.variableValues }, limits.maxPageSize);
  let selection: NodeSelection;
  try {
    selection = planner.node(
      type,
      info.fieldNodes.map((node) => node.selectionSet),
    );
  } catch (err) {
    if (err instanceof TooLarge) return undefined;
    throw err;
  }
  return itemBound(selection) <= limits.maxAnswerItems && relationDepth(selection) <= (limits.maxTranslatedDepth ?? MAX_TRANSLATED_DEPTH)
    ? { label, selection }
    : undefined;
}
