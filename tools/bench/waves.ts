/** The Cypher a request sent, in the order it could be sent: queries that overlapped in time form a wave. */
import type { QueryEvent } from '../../src/db/Executor.js';

export interface RecordedQuery {
  text: string;
  params: Record<string, unknown>;
}

/** Groups queries into waves: a query joins the current wave when it started before every query of that wave had ended. */
export function groupIntoWaves(events: readonly Pick<QueryEvent, 'text' | 'params' | 'startedAt' | 'durationMs'>[]): RecordedQuery[][] {
  const sorted = [...events].sort((a, b) => a.startedAt - b.startedAt);
  const waves: RecordedQuery[][] = [];
  let waveEnd = Number.NEGATIVE_INFINITY;
  for (const event of sorted) {
    const query = { text: event.text, params: event.params };
    const current = waves.at(-1);
    if (current && event.startedAt < waveEnd) {
      current.push(query);
      waveEnd = Math.max(waveEnd, event.startedAt + event.durationMs);
    } else {
      waves.push([query]);
      waveEnd = event.startedAt + event.durationMs;
    }
  }
  return waves;
}
