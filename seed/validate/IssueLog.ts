import type { z } from 'zod';
import type { SeedIssue } from './SeedValidationError.js';

/** Formats a path the way curators read it: `commitments[2].amount.currency`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** Collects issues from every check; validation fails only after all have run. */
export class IssueLog {
  readonly issues: SeedIssue[] = [];
  /**
   * Ids of items that failed their schema. They are still defined (the curator wrote them), so
   * references to them must not be reported again as unknown: one mistake, one issue.
   */
  readonly rejectedIds = new Set<string>();

  add(file: string, path: string, message: string): void {
    this.issues.push({ file, path, message });
  }

  /** Adds zod issues under a path prefix; unknown keys become one issue per key. */
  addZod(file: string, prefix: readonly PropertyKey[], error: z.ZodError): void {
    for (const issue of error.issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) this.add(file, formatPath([...path, key]), 'unknown field (not in the schema)');
      } else {
        this.add(file, formatPath(path), issue.message);
      }
    }
  }
}
