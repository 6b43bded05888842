/**
 * The bulk path of a load into the project's own local Neo4j: the loader's plan written as
 * `neo4j-admin database import` files (seed/write/importFiles.ts), the instance stopped, the
 * import run, the instance started again and awaited. The loader (seed/loadSeed.ts) decides when
 * (an empty database; `--bulk`, or a first load above BULK_ABOVE_ROWS rows), validates before
 * anything is stopped, and applies the migrations and records the load afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Executor } from '../src/db/Executor.js';
import type { BulkWriter } from '../seed/loadSeed.js';
import type { GraphPlan } from '../seed/plan/plan.js';
import { writeImportFiles } from '../seed/write/importFiles.js';
import { BASE_DIR, importDatabase, type InstanceSpec, type Log } from './localNeo4j/localNeo4j.js';

/** How long to wait for the restarted instance to answer the loader's driver. */
const REACHABLE_TIMEOUT_MS = 120_000;

export interface BulkEvents {
  /** One line per stage: files written, import done, Neo4j answering. */
  stage: (message: string) => void;
  /** The importer's own output, for a terminal that shows its progress. */
  importerOutput?: (chunk: string) => void;
}

export function bulkWriter(spec: InstanceSpec, executor: Executor, when: BulkWriter['when'], log: Log, events: BulkEvents): BulkWriter {
  return {
    when,
    async write(plan: GraphPlan): Promise<void> {
      // Inside the instance's own folder (git-ignored), so the files sit on the same disk as the store.
      const dir = mkdtempSync(path.join(BASE_DIR, `import-${spec.name}-`));
      try {
        let t = performance.now();
        const files = await writeImportFiles(plan, dir);
        events.stage(
          `import files written: ${files.nodeFiles} node and ${files.relationshipFiles} relationship files, ` +
            `${(files.bytes / 1e6).toFixed(1)} MB in ${seconds(t)} s`,
        );
        t = performance.now();
        const result = await importDatabase(spec, files.args, log, {
          ...(events.importerOutput === undefined ? {} : { onOutput: events.importerOutput }),
        });
        events.stage(`neo4j-admin import and restart took ${seconds(t)} s (the importer alone ${result.seconds.toFixed(1)} s)`);
        t = performance.now();
        const deadline = Date.now() + REACHABLE_TIMEOUT_MS;
        while (!(await executor.ping(2000))) {
          if (Date.now() > deadline)
            throw new Error(`Neo4j '${spec.name}' did not answer within ${REACHABLE_TIMEOUT_MS / 1000} s after the import`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        events.stage(`Neo4j answers again after ${seconds(t)} s`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);
