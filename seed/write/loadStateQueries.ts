/**
 * Reading and writing the loader's bookkeeping node (src/model/loadState.ts). Its label is a
 * constant of the model, never input.
 */
import { cypher } from '../../src/db/cypher.js';
import type { TxRunner } from '../../src/db/Executor.js';
import type { GraphCounts } from './countGraph.js';
import { LOAD_STATE_ID, LOAD_STATE_LABEL, type LoadStatus } from '../../src/model/loadState.js';

/** What the last load recorded. */
export interface LoadStateRecord {
  status: LoadStatus;
  /** The input fingerprint (seed/inputFingerprint.ts) of the data loaded. */
  inputHash: string;
  /** Files outside the data directories that the data named (texts, tables), as `<dir index>:<path>`. */
  references: string[];
  /** Every load unit with its hash and the owner keys it owns (seed/plan/units.ts). */
  units: { id: string; hash: string; ownerKeys: string[] }[];
  /** Labels that held shared nodes: where a reload looks for stale shared nodes and relationships. */
  sharedLabels: string[];
  /** Nodes per label and relationships per type the load left: checked against the count store. */
  counts: GraphCounts;
}

const READ = cypher('seed.loadState.read', `MATCH (s:${LOAD_STATE_LABEL} {id: $id}) RETURN properties(s) AS state`);
const WRITE = cypher('seed.loadState.write', `MERGE (s:${LOAD_STATE_LABEL} {id: $id}) SET s = $props`);
const MARK_WRITING = cypher('seed.loadState.writing', `MERGE (s:${LOAD_STATE_LABEL} {id: $id}) SET s.status = 'writing'`);

const EMPTY: LoadStateRecord = {
  status: 'writing',
  inputHash: '',
  references: [],
  units: [],
  sharedLabels: [],
  counts: { nodes: {}, relationships: {} },
};

/** The recorded state, or undefined when none was recorded (or it is unreadable: then nothing can be skipped). */
export async function readLoadState(run: TxRunner): Promise<LoadStateRecord | undefined> {
  const [row] = await run(READ, { id: LOAD_STATE_ID });
  const s = row?.state as Record<string, unknown> | null | undefined;
  if (s === null || s === undefined) return undefined;
  if (typeof s.inputHash !== 'string' || typeof s.unitsJson !== 'string' || typeof s.countsJson !== 'string')
    // Only the mark of a batched load that began: nothing is known of what it wrote.
    return s.status === 'writing' ? { ...EMPTY, status: 'writing' } : undefined;
  try {
    const units = JSON.parse(s.unitsJson) as LoadStateRecord['units'];
    const counts = JSON.parse(s.countsJson) as GraphCounts;
    return {
      status: s.status === 'complete' ? 'complete' : 'writing',
      inputHash: s.inputHash,
      references: Array.isArray(s.references) ? s.references.map(String) : [],
      units,
      sharedLabels: Array.isArray(s.sharedLabels) ? s.sharedLabels.map(String) : [],
      counts,
    };
  } catch {
    return undefined;
  }
}

/** Records a finished load (in the same transaction as the write where there is one). */
export async function writeLoadState(run: TxRunner, state: LoadStateRecord): Promise<void> {
  const { units, counts, ...rest } = state;
  await run(WRITE, {
    id: LOAD_STATE_ID,
    props: { ...rest, id: LOAD_STATE_ID, unitsJson: JSON.stringify(units), countsJson: JSON.stringify(counts) },
  });
}

/** Marks the graph as being written in batches: partially updated until the load completes. */
export async function markWriting(run: TxRunner): Promise<void> {
  await run(MARK_WRITING, { id: LOAD_STATE_ID });
}
