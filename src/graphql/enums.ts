/**
 * Apollo's enum resolvers for the enums stored in lower kebab case (src/model/storedEnums.ts):
 * GraphQL names on the wire, stored values in records.
 */
import { STORED_ENUMS, storedValue } from '../model/storedEnums.js';

/** `{ FlagKind: { VAGUE: 'vague', … }, … }`: Apollo maps between names and stored values with these. */
export function storedEnumResolvers(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(STORED_ENUMS).map(([name, values]) => [name, Object.fromEntries(values.map((value) => [value, storedValue(value)]))]),
  );
}
