/**
 * GraphQL enums whose stored values are their names in lower kebab case (`IN_PROGRESS` is stored
 * as `in-progress`, as the seed files write it). codegen.ts reads this list to type resolvers with
 * the stored values; the runtime enum resolvers are built from it too.
 */
export const STORED_ENUMS = {
  FlagKind: ['VAGUE', 'APPROXIMATE', 'CONFLICTING', 'INFERRED', 'UNNAMED'],
  TimePrecision: ['EXACT', 'DAY', 'WEEKDAY_RELATIVE', 'WEEK_RELATIVE', 'MONTH', 'YEAR', 'UNKNOWN'],
  CommitmentKind: ['FINANCIAL', 'MILITARY', 'HUMANITARIAN', 'DIPLOMATIC', 'POLICY', 'ECONOMIC', 'UNSPECIFIED'],
  CommitmentStatus: [
    'PROPOSED',
    'PLANNED',
    'ANNOUNCED',
    'AGREED',
    'APPROVED',
    'SIGNED',
    'IN_PROGRESS',
    'TRANSFERRED',
    'HALTED',
    'UNCERTAIN',
    'COMMITTED',
    'ALLOCATED',
  ],
  EventStatus: ['OCCURRED', 'PLANNED', 'ONGOING'],
  StatementKind: ['DIRECT_QUOTE', 'PARTIAL_QUOTE', 'REPORTED_SPEECH'],
} as const satisfies Record<string, readonly string[]>;

export function storedValue(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}
