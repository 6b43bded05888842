/**
 * When to restart a crashed API process, and how to say why it died. Pure: no timers, no
 * processes; the supervisor (`supervise.ts`) feeds it the clock.
 */

export interface BackoffPolicy {
  /** Delay before the first restart after a crash. */
  initialMs: number;
  /** The delay doubles with each crash in a row, up to this. */
  maxMs: number;
  /** A process that served at least this long before dying starts the series afresh. */
  resetAfterMs: number;
}

/**
 * 0.5 s, 1 s, 2 s, 4 s, 8 s, 16 s, then 30 s between attempts: one crash costs half a second, a
 * crash loop (a poisoned request retried by a client, a Neo4j that refuses us) settles at two
 * attempts a minute instead of spinning. A minute of serving counts as recovered.
 */
export const RESTART_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

/** Delay before restart number `crashesInARow` (1 for the first crash of a series). */
export function restartDelayMs(crashesInARow: number, policy: BackoffPolicy = RESTART_BACKOFF): number {
  const exponent = Math.max(0, crashesInARow - 1);
  // The exponent is capped so that any count, however long the loop, gives a finite number.
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(exponent, 30));
}

export interface RestartDecision {
  /** Crashes in a row, this one included. */
  crashesInARow: number;
  /** How long the process served before dying (0 if it never served). */
  servedMs: number;
  delayMs: number;
}

/** The crash count of one supervised process, reset after a long enough stretch of serving. */
export class RestartBackoff {
  private crashes = 0;
  private servingSince: number | undefined;

  constructor(
    private readonly policy: BackoffPolicy = RESTART_BACKOFF,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new process was started; it has not served yet. */
  started(): void {
    this.servingSince = undefined;
  }

  /** The current process reported that it serves. */
  serving(): void {
    this.servingSince = this.now();
  }

  /** The current process died unasked: how long to wait before the next one. */
  crashed(): RestartDecision {
    const servedMs = this.servingSince === undefined ? 0 : this.now() - this.servingSince;
    if (servedMs >= this.policy.resetAfterMs) this.crashes = 0;
    this.crashes += 1;
    this.servingSince = undefined;
    return { crashesInARow: this.crashes, servedMs, delayMs: restartDelayMs(this.crashes, this.policy) };
  }
}

/** Marks in a dying process's last stderr lines that name the cause better than its exit status. */
const HEAP_EXHAUSTED = /JavaScript heap out of memory|Reached heap limit/;

/**
 * Why a process ended, in words for a log line: what its exit status means and, when its last
 * stderr lines say so, that it ran out of heap.
 */
export function describeExit(
  code: number | null,
  signal: NodeJS.Signals | null,
  context: { stderrTail?: string; maxHeapMb?: number } = {},
): string {
  if (context.stderrTail && HEAP_EXHAUSTED.test(context.stderrTail)) {
    const limit = context.maxHeapMb === undefined ? '' : ` of ${context.maxHeapMb} MiB (API_MAX_HEAP_MB)`;
    return `ran out of JavaScript heap${limit} and was aborted (${signal ?? `code ${code}`})`;
  }
  if (signal === 'SIGKILL') return "was killed by SIGKILL (an operator, or the kernel's or container's out-of-memory killer)";
  if (signal === 'SIGABRT') return 'aborted (SIGABRT: a fatal error in Node or V8; its stderr is above)';
  if (signal === 'SIGSEGV' || signal === 'SIGBUS') return `crashed (${signal}: a fault in native code)`;
  if (signal) return `was ended by ${signal}`;
  if (code === 0) return 'exited with code 0 although nobody asked it to stop';
  if (code === 1) return 'exited with code 1 (an uncaught error; its stderr is above)';
  return `exited with code ${code}`;
}

/** The last `maxLines` lines written to a stream, to quote when the process dies. */
export class TailBuffer {
  private text = '';

  constructor(private readonly maxLines = 20) {}

  push(chunk: string): void {
    this.text += chunk;
    const lines = this.text.split('\n');
    // Keep one more element than lines wanted: the last one is the unfinished line.
    if (lines.length > this.maxLines + 1) this.text = lines.slice(-(this.maxLines + 1)).join('\n');
    // A single endless line must not grow without bound either.
    if (this.text.length > 8_000) this.text = this.text.slice(-8_000);
  }

  toString(): string {
    return this.text.trim();
  }

  clear(): void {
    this.text = '';
  }
}
