/**
 * Reads the executable schema to find every place a client can put text — each String or ID
 * argument, inside input objects and lists too — and builds valid operations that carry a chosen
 * value there. Tests that probe the API with hostile input use it so that no argument is
 * forgotten when the schema grows.
 */
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredInputField,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** One place in the schema where a client's text arrives. */
export interface TextSlot {
  /** The object type whose field takes the argument, e.g. `Query`. */
  typeName: string;
  fieldName: string;
  /** The argument's name, then input-object field names: `['filter', 'subtype']`. */
  path: string[];
  /** The scalar that receives the text. */
  scalar: string;
  /** True when a list lies on the way (the text is sent as a one-element list). */
  inList: boolean;
  /** Readable name, e.g. `Query.commitments(filter.subtype[])`. */
  label: string;
}

/** Values for required arguments that are not under test, by coordinate (`Query.commitmentTotals.currency`). */
export type FillValues = Readonly<Record<string, unknown>>;

/** Generic valid values for scalars, used when no coordinate-specific value is given. */
const SCALAR_SAMPLES: Readonly<Record<string, unknown>> = { ID: 'nation:ua', String: 'Ukraine', Int: 1, Float: 1, Boolean: false };

/**
 * Every argument slot of type String or ID (by default) on the fields of `Query` and of every
 * object type reachable from it, following input objects (cycles cut) and lists.
 */
export function textSlots(schema: GraphQLSchema, scalars: readonly string[] = ['String', 'ID']): TextSlot[] {
  const slots: TextSlot[] = [];
  for (const type of reachableObjectTypes(schema)) {
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) {
        walkInput(arg.type, [arg.name], false, new Set(), (path, scalar, inList) => {
          const label = `${type.name}.${field.name}(${path.join('.')}${inList ? '[]' : ''})`;
          slots.push({ typeName: type.name, fieldName: field.name, path, scalar, inList, label });
        });
      }
    }
  }
  return slots.filter((slot) => scalars.includes(slot.scalar));
}

function walkInput(
  type: GraphQLInputType,
  path: string[],
  inList: boolean,
  seen: Set<string>,
  found: (path: string[], scalar: string, inList: boolean) => void,
): void {
  if (isNonNullType(type)) return walkInput(type.ofType, path, inList, seen, found);
  if (isListType(type)) return walkInput(type.ofType, path, true, seen, found);
  if (isScalarType(type)) return found(path, type.name, inList);
  if (isInputObjectType(type) && !seen.has(type.name)) {
    const inside = new Set([...seen, type.name]);
    for (const field of Object.values(type.getFields())) walkInput(field.type, [...path, field.name], inList, inside, found);
  }
}

/** `Query` and every object type its fields lead to (through interfaces and unions too), in a stable order. */
export function reachableObjectTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  const query = schema.getQueryType();
  if (!query) return [];
  const seen = new Map<string, GraphQLObjectType>();
  const queue: GraphQLNamedType[] = [query];
  while (queue.length > 0) {
    const type = queue.shift() as GraphQLNamedType;
    const objects = isAbstractType(type) ? schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
    for (const object of objects) {
      if (seen.has(object.name) || object.name.startsWith('__')) continue;
      seen.set(object.name, object);
      for (const field of Object.values(object.getFields())) queue.push(getNamedType(field.type));
    }
  }
  return [...seen.values()];
}

/** The field a slot belongs to. */
export function slotField(schema: GraphQLSchema, slot: TextSlot): GraphQLField<unknown, unknown> {
  const type = schema.getType(slot.typeName);
  const field = isObjectType(type) ? type.getFields()[slot.fieldName] : undefined;
  if (!field) throw new Error(`No field ${slot.typeName}.${slot.fieldName}`);
  return field;
}

/**
 * A valid value of `type` with only what it requires: required input fields, one-element lists,
 * the first enum value, and `fill` or a generic sample for scalars. `coordinate` names the
 * argument (`Query.paths.toId`) so `fill` can give a value that passes the resolver's checks.
 */
export function sampleValue(type: GraphQLInputType, coordinate: string, fill: FillValues = {}): unknown {
  if (coordinate in fill) return fill[coordinate];
  if (isNonNullType(type)) return sampleValue(type.ofType, coordinate, fill);
  if (isListType(type)) return [sampleValue(type.ofType, coordinate, fill)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isScalarType(type)) return SCALAR_SAMPLES[type.name] ?? 'x';
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isRequiredInputField(field)) value[field.name] = sampleValue(field.type, `${coordinate}.${field.name}`, fill);
    }
    return value;
  }
  return null;
}

/** A value of `type` that carries `payload` at `path` (input-field names below the argument), valid everywhere else. */
export function valueAtPath(
  type: GraphQLInputType,
  path: readonly string[],
  payload: unknown,
  coordinate: string,
  fill: FillValues = {},
): unknown {
  if (isNonNullType(type)) return valueAtPath(type.ofType, path, payload, coordinate, fill);
  if (isListType(type)) return [valueAtPath(type.ofType, path, payload, coordinate, fill)];
  const [head, ...rest] = path;
  if (head === undefined) return payload;
  if (!isInputObjectType(type)) throw new Error(`${coordinate} has no field ${head}`);
  const field = type.getFields()[head];
  if (!field) throw new Error(`${coordinate} has no field ${head}`);
  const value = sampleValue(type, coordinate, fill) as Record<string, unknown>;
  value[head] = valueAtPath(field.type, rest, payload, `${coordinate}.${head}`, fill);
  return value;
}

/** An operation with its variables, ready to POST. */
export interface ProbeOperation {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * A valid operation that calls the slot's field with `payload` in the slot and valid values in
 * every other required argument. Every argument travels as a variable, so no payload can break
 * the operation's syntax: whatever the server does with it happens in the resolvers. Fields of
 * types other than Query are reached through `options.reachVia` if given, else through the
 * shortest chain of fields from Query that `reachVia` finds.
 */
export function probeOperation(
  schema: GraphQLSchema,
  slot: TextSlot,
  payload: unknown,
  options: { fill?: FillValues; selection?: string; reachVia?: (fieldSelection: string, variableDefinitions: string) => string } = {},
): ProbeOperation {
  const field = slotField(schema, slot);
  const fill = options.fill ?? {};
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const uses: string[] = [];
  field.args.forEach((arg: GraphQLArgument, i) => {
    const coordinate = `${slot.typeName}.${field.name}.${arg.name}`;
    const name = `a${i}`;
    if (arg.name === slot.path[0]) variables[name] = valueAtPath(arg.type, slot.path.slice(1), payload, coordinate, fill);
    else if (isNonNullType(arg.type) && arg.defaultValue === undefined) variables[name] = sampleValue(arg.type, coordinate, fill);
    else if (coordinate in fill) variables[name] = fill[coordinate];
    else return;
    definitions.push(`$${name}: ${String(arg.type)}`);
    uses.push(`${arg.name}: $${name}`);
  });
  const selection = options.selection ?? selectionSet(getNamedType(field.type));
  const fieldSelection = `probe: ${field.name}${uses.length > 0 ? `(${uses.join(', ')})` : ''}${selection ? ` ${selection}` : ''}`;
  const vars = definitions.length > 0 ? `(${definitions.join(', ')})` : '';
  const query =
    slot.typeName === schema.getQueryType()?.name
      ? `query Probe${vars} { ${fieldSelection} }`
      : (options.reachVia ?? reachVia(schema, slot.typeName) ?? unreachable(slot))(fieldSelection, vars);
  return { query, variables };
}

function unreachable(slot: TextSlot): never {
  throw new Error(`${slot.label} is not on Query: pass reachVia to say how to reach ${slot.typeName}`);
}

/**
 * A selection set for `type`: all its leaf fields without required arguments and, down to
 * `depth` levels, its first `breadth` object fields (Connection types list `edges` and
 * `pageInfo` first, so lists get their nodes). Abstract types get `__typename`, plus the
 * interface's own fields. Empty for leaf types.
 */
export function selectionSet(type: GraphQLNamedType, depth = 3, breadth = 2): string {
  if (isLeafType(type)) return '';
  const parts = ['__typename'];
  if (isObjectType(type) || isInterfaceType(type)) {
    const fields = Object.values(type.getFields()).filter((f) =>
      f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined),
    );
    for (const f of fields) if (isLeafType(getNamedType(f.type))) parts.push(f.name);
    if (depth > 0) {
      const composites = fields.filter((f) => !isLeafType(getNamedType(f.type))).slice(0, breadth);
      for (const f of composites) parts.push(`${f.name} ${selectionSet(getNamedType(f.type), depth - 1, breadth)}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

/**
 * A JavaScript value written as a GraphQL literal: strings in JSON quoting (valid GraphQL), enum
 * names bare where `type` is an enum, non-finite numbers as `1e999`. Values of the wrong shape are
 * printed anyway: the fuzzer sends those on purpose.
 */
export function printLiteral(value: unknown, type?: GraphQLInputType): string {
  const named = type ? getNamedType(type) : undefined;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return isEnumType(named) && /^[_A-Za-z]\w*$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '1e999';
  if (typeof value === 'boolean') return String(value);
  const itemType = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) return `[${value.map((v) => printLiteral(v, isListType(itemType) ? itemType.ofType : type)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(value).map(([k, v]) => `${k}: ${printLiteral(v, fields[k]?.type)}`);
    return `{${entries.join(', ')}}`;
  }
  return typeof value === 'bigint' ? value.toString() : 'null';
}

/**
 * How to reach objects of `typeName` from Query: a breadth-first walk over fields without required
 * arguments, through inline fragments on interfaces and unions. Returns a function that wraps a
 * field selection (and the operation's variable definitions) into a whole query, or undefined
 * when the type cannot be reached that way.
 */
export function reachVia(
  schema: GraphQLSchema,
  typeName: string,
): ((fieldSelection: string, variableDefinitions: string) => string) | undefined {
  const query = schema.getQueryType();
  if (!query) return undefined;
  type Step = { type: GraphQLObjectType; wrap: (inner: string) => string };
  const queue: Step[] = [{ type: query, wrap: (inner) => inner }];
  const seen = new Set([query.name]);
  while (queue.length > 0) {
    const { type, wrap } = queue.shift() as Step;
    if (type.name === typeName && type !== query) return (selection, vars) => `query Probe${vars} { ${wrap(selection)} }`;
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const target = getNamedType(field.type);
      const objects = isAbstractType(target) ? schema.getPossibleTypes(target) : isObjectType(target) ? [target] : [];
      for (const object of objects) {
        if (seen.has(object.name)) continue;
        seen.add(object.name);
        const fragment = isAbstractType(target) ? (inner: string) => `... on ${object.name} { ${inner} }` : (inner: string) => inner;
        queue.push({ type: object, wrap: (inner) => wrap(`${field.name} { ${fragment(inner)} }`) });
      }
    }
  }
  return undefined;
}
