/** One problem found in the seed files. */
export interface SeedIssue {
  /** File relative to the data directory (`sources/x.yaml`), or the directory itself. */
  file: string;
  /** Path to the field, e.g. `commitments[2].amount.currency`; empty for the whole file. */
  path: string;
  message: string;
}

/**
 * Thrown once with every problem found, so a curator fixes a file in one pass instead of
 * one error per run.
 */
export class SeedValidationError extends Error {
  readonly issues: readonly SeedIssue[];

  constructor(issues: readonly SeedIssue[]) {
    super(
      [
        `Seed validation failed with ${issues.length} problem${issues.length === 1 ? '' : 's'}:`,
        ...issues.map((i) => `  ${i.file}${i.path === '' ? '' : ` ${i.path}`}: ${i.message}`),
      ].join('\n'),
    );
    this.name = 'SeedValidationError';
    this.issues = issues;
  }
}
