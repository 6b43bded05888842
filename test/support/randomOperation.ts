/**
 * Random GraphQL operations built from the schema, for fuzzing: random root fields, argument
 * values (as literals or variables, mostly of the right type, sometimes not), nested selections
 * to a random depth, aliases, inline fragments on interfaces and unions, named fragments and
 * `@include`/`@skip`. Most are valid; the invalid ones are invalid the way a careless client's are.
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
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { Prng } from './prng.js';
import { printLiteral } from './schemaArguments.js';

export interface RandomOperationOptions {
  /** Ids that exist in the graph: most ID values are drawn from these. */
  ids: readonly string[];
  /** Deepest selection below a root field. */
  maxDepth: number;
  /** Most fields chosen on one type. */
  maxFields: number;
  /** Share of argument values of the wrong type. */
  wrongTypeRate: number;
}

export interface RandomOperation {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

const WORDS = ['Ukraine', 'loan', 'Healey', 'Starmer', 'GBP', 'EUR', 'usd', 'peace', 'Mr', 'coalition', 'drones', '2.26', 'billion'];
const ODD_STRINGS = ['', ' ', '\t\n', 'é', 'Ü', '’', '“quote”', '😀', '\u200b', 'a'.repeat(201), '%', '_', '\\', '*', '"'];
const ODD_INTS = [-1, 0, 1, 2, 3, 5, 6, 7, 10, 50, 51, 99, 100, 101, 500, 501, 1000, 2147483647, -2147483648];
const WRONG_VALUES: readonly unknown[] = [
  42,
  -1.5,
  'text',
  '',
  true,
  false,
  null,
  {},
  [],
  { a: 1 },
  [[1]],
  ['x', 2],
  1e21,
  'NAME',
  'person:keir-starmer',
];

/** One random operation over `schema`. */
export function randomOperation(schema: GraphQLSchema, rng: Prng, options: RandomOperationOptions): RandomOperation {
  const query = schema.getQueryType();
  if (!query) throw new Error('The schema has no Query type');
  const builder = new OperationBuilder(schema, rng, options);
  const rootFields = rng.sample(Object.values(query.getFields()), rng.int(1, 3));
  const selections = rootFields.map((field) => builder.field(field, 0));
  if (rng.chance(0.05)) selections.push('__typename');
  const name = rng.chance(0.5) ? `Fuzz${rng.int(0, 999)}` : undefined;
  const definitions = builder.variableDefinitions.length > 0 ? `(${builder.variableDefinitions.join(', ')})` : '';
  const head = name !== undefined || definitions ? `query ${name ?? ''}${definitions} ` : '';
  const text = `${head}{ ${selections.join(' ')} }${builder.fragments.map((f) => `\n${f}`).join('')}`;
  return { query: text, variables: builder.variables, ...(name !== undefined && rng.chance(0.8) ? { operationName: name } : {}) };
}

class OperationBuilder {
  readonly variables: Record<string, unknown> = {};
  readonly variableDefinitions: string[] = [];
  readonly fragments: string[] = [];
  private aliasCount = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rng: Prng,
    private readonly options: RandomOperationOptions,
  ) {}

  field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const { rng } = this;
    const alias = rng.chance(0.2) ? `a${this.aliasCount++}: ` : '';
    const args = field.args.map((arg) => this.argument(arg)).filter((a): a is string => a !== undefined);
    const directive = rng.chance(0.04) ? ` @${rng.pick(['include', 'skip'])}(if: ${String(rng.chance(0.5))})` : '';
    const type = getNamedType(field.type);
    const selection = isLeafType(type) ? '' : ` ${this.selection(type, depth + 1)}`;
    return `${alias}${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${directive}${selection}`;
  }

  private argument(arg: GraphQLArgument): string | undefined {
    const { rng } = this;
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!required && !rng.chance(0.5)) return undefined;
    const value = rng.chance(this.options.wrongTypeRate) ? rng.pick(WRONG_VALUES) : this.value(arg.type, 0);
    if (rng.chance(0.5)) return `${arg.name}: ${printLiteral(value, arg.type)}`;
    const name = `v${this.variableDefinitions.length}`;
    this.variableDefinitions.push(`$${name}: ${String(arg.type)}`);
    this.variables[name] = value;
    return `${arg.name}: $${name}`;
  }

  /** A value of `type`, mostly valid: ids from the graph, words from the texts, page sizes around the limits. */
  value(type: GraphQLInputType, level: number): unknown {
    const { rng } = this;
    if (isNonNullType(type)) return this.value(type.ofType, level);
    if (rng.chance(0.05)) return null;
    if (isListType(type)) return Array.from({ length: rng.int(0, 3) }, () => this.value(type.ofType, level + 1));
    if (isEnumType(type)) return rng.chance(0.95) ? rng.pick(type.getValues()).name : 'NOT_A_VALUE';
    if (isInputObjectType(type)) {
      const value: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        if (level < 3 && (required || rng.chance(0.5))) value[field.name] = this.value(field.type, level + 1);
      }
      return value;
    }
    if (isScalarType(type)) return this.scalar(type.name);
    return null;
  }

  private scalar(name: string): unknown {
    const { rng } = this;
    switch (name) {
      case 'ID':
        return rng.chance(0.7)
          ? rng.pick(this.options.ids)
          : rng.pick(['person:nobody', 'nation:zz', 'x', '', 'person:', 'PERSON:KEIR-STARMER', rng.string(8)]);
      case 'String':
        return rng.chance(0.6) ? rng.pick(WORDS) : rng.chance(0.5) ? rng.pick(ODD_STRINGS) : rng.string(rng.int(0, 40));
      case 'Int':
        return rng.pick(ODD_INTS);
      case 'Float':
        return rng.pick([0, 1.5, -3, 1e300, 0.1]);
      case 'Boolean':
        return rng.chance(0.5);
      default:
        return rng.string(5);
    }
  }

  /** A selection set on `type`; at `maxDepth` only `__typename`. */
  selection(type: GraphQLNamedType, depth: number): string {
    const { rng } = this;
    if (depth > this.options.maxDepth) return '{ __typename }';
    const parts: string[] = [];
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = rng.sample(Object.values(type.getFields()), rng.int(1, this.options.maxFields));
      for (const field of fields) parts.push(this.field(field, depth));
    }
    if (isAbstractType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      for (const object of rng.sample(possible, rng.int(isInterfaceType(type) ? 0 : 1, 2))) {
        const inner = this.selection(object, depth);
        if (rng.chance(0.3)) {
          const name = `F${this.fragments.length}`;
          this.fragments.push(`fragment ${name} on ${object.name} ${inner}`);
          parts.push(`...${name}`);
        } else {
          parts.push(`... on ${object.name} ${inner}`);
        }
      }
    }
    if (parts.length === 0 || rng.chance(0.1)) parts.push('__typename');
    return `{ ${parts.join(' ')} }`;
  }
}
