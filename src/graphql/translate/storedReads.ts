/**
 * Which stored properties a scalar field of a node type reads: its own name, unless its resolver in
 * resolvers/nodeResolvers.ts reads others (a title falls back to the name) or builds a value object
 * from flattened properties (`moneyOf`, `timeOf`, `targetOf`). A translated query fetches exactly
 * these, so a record holds what its fields read and nothing more. Every name comes from the SDL or
 * from this table, never from a request.
 */

/** Fields whose resolver reads other properties than the field's name. */
const FIELD_READS: Readonly<Record<string, readonly string[]>> = {
  'Source.title': ['title', 'name'],
  'Dataset.title': ['title', 'name'],
};

interface ValueObject {
  /** What the resolver reads to decide whether there is a value at all (null otherwise). */
  presence: readonly string[];
  /** The stored property each of the value object's fields reads. */
  fields: Readonly<Record<string, string>>;
}

const flattened = (prefix: string, fields: readonly string[]): Record<string, string> =>
  Object.fromEntries(fields.map((field) => [field, `${prefix}${field.charAt(0).toUpperCase()}${field.slice(1)}`]));

/** Value objects stored flattened on their node (`amount.value` is `amountValue`). */
const VALUE_OBJECTS: Readonly<Record<string, ValueObject>> = {
  // moneyOf: null unless amountStated or amountValue is set.
  Money: {
    presence: ['amountStated', 'amountValue'],
    fields: flattened('amount', ['stated', 'value', 'currency', 'qualifier', 'lowerBound', 'upperBound', 'expected', 'statedUnit']),
  },
  // timeOf: null unless timePrecision is set.
  TimeRef: {
    presence: ['timePrecision'],
    fields: flattened('time', [
      'stated',
      'precision',
      'date',
      'anchor',
      'relativeDaysMin',
      'relativeDaysMax',
      'inferred',
      'note',
      'year',
      'month',
      'period',
    ]),
  },
  // targetOf: null unless targetStated is set.
  Target: { presence: ['targetStated'], fields: flattened('target', ['stated', 'value', 'unit']) },
};

/** Whether a field of this type is a value object stored flattened on its node. */
export function isValueObject(typeName: string): boolean {
  return typeName in VALUE_OBJECTS;
}

/** The stored properties a leaf field reads. */
export function leafReads(typeName: string, fieldName: string): readonly string[] {
  return FIELD_READS[`${typeName}.${fieldName}`] ?? [fieldName];
}

/** The stored properties a value object's field reads, given the value object's fields the request selects. */
export function valueObjectReads(typeName: string, selected: readonly string[]): readonly string[] {
  const value = VALUE_OBJECTS[typeName];
  if (!value) throw new Error(`${typeName} is not a value object`);
  return [...value.presence, ...selected.flatMap((field) => (value.fields[field] === undefined ? [] : [value.fields[field]]))];
}
