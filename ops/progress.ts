/**
 * Progress of a load for the person running it. On a terminal: one line per stage, and below them
 * a status line rewritten in place while rows are written (rows, rate, estimated time left) or the
 * importer runs (its own last line), shown once the write has run for SHOW_AFTER_MS so a quick load
 * stays quiet. Anywhere else (a log file, CI): one line per stage, nothing per batch.
 */
import type { LoadProgress } from '../seed/loadSeed.js';

const SHOW_AFTER_MS = 2_000;
const REDRAW_MS = 250;

export interface ProgressReporter extends LoadProgress {
  /** Output of a program the load runs (the importer): its last line becomes the status line. */
  external(chunk: string): void;
  /** Clears the status line. */
  done(): void;
}

/**
 * `stageLine`, when given, receives the stage lines instead of the stream (a logger, so they
 * appear among its lines); the status line still goes to the stream, on a terminal only.
 */
export function progressReporter(
  stream: NodeJS.WriteStream,
  options: { stageLine?: (message: string) => void; now?: () => number } = {},
): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const began = now();
  let statusShown = false;
  let lastDraw = 0;
  let writeStarted: number | undefined;

  const clear = (): void => {
    if (statusShown) stream.write('\r\u001b[2K');
    statusShown = false;
  };
  const draw = (text: string): void => {
    const t = now();
    if (t - lastDraw < REDRAW_MS) return;
    lastDraw = t;
    // A pseudo-terminal may report 0 columns: then assume a common width.
    const width = Math.max(20, (stream.columns || 100) - 1);
    stream.write(`\r\u001b[2K${text.slice(0, width)}`);
    statusShown = true;
  };

  return {
    stage(message) {
      clear();
      if (options.stageLine !== undefined) return options.stageLine(message);
      stream.write(`[${((now() - began) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
    },
    rows(done, total) {
      if (!tty) return;
      writeStarted ??= now();
      const elapsed = (now() - writeStarted) / 1000;
      if (elapsed * 1000 < SHOW_AFTER_MS || total === 0) return;
      const rate = done / Math.max(elapsed, 0.001);
      const left = rate > 0 ? (total - done) / rate : Infinity;
      draw(
        `writing ${done.toLocaleString('en')} / ${total.toLocaleString('en')} rows (${Math.floor((100 * done) / total)} %), ` +
          `${Math.round(rate).toLocaleString('en')} rows/s, ${Number.isFinite(left) ? `about ${formatSeconds(left)} left` : 'estimating'}`,
      );
    },
    external(chunk) {
      if (!tty) return;
      const line = chunk
        .split(/[\r\n]+/)
        .map((l) => l.trim())
        .filter((l) => l.length > 0)
        .at(-1);
      if (line !== undefined) draw(`neo4j-admin import: ${line}`);
    },
    done: clear,
  };
}

/** 75 → "1 min 15 s". */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
