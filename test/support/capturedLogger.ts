/**
 * A logger for a test server that keeps its warnings and errors in memory, so a test that finds an
 * unexpected error can report the cause the server logged (which clients never see).
 */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export interface CapturedLogger {
  logger: Logger;
  /** Every line logged at `level` or above, parsed. */
  entries: Record<string, unknown>[];
}

export function capturedLogger(level: 'info' | 'warn' | 'error' = 'warn'): CapturedLogger {
  const entries: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        try {
          entries.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          entries.push({ msg: line });
        }
      }
      done();
    },
  });
  return { logger: pino({ level }, stream), entries };
}

/** One line per distinct logged error: message, error type and first stack frame, with how often it came. */
export function summariseLogged(entries: readonly Record<string, unknown>[]): string[] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const err = entry.err as { type?: string; message?: string; stack?: string } | undefined;
    const frame =
      err?.stack
        ?.split('\n')
        .find((l) => l.trim().startsWith('at '))
        ?.trim() ?? '';
    const key = `${String(entry.msg)}: ${err?.type ?? ''} ${err?.message ?? ''} ${frame}`.slice(0, 400);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${n}× ${key}`);
}
