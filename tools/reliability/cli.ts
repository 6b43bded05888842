/**
 * Flags of the reliability scripts: `--name value` numbers and bare booleans, each with a default,
 * so every run is bounded whatever the caller passes.
 */
export type FlagSpec = Record<string, { default: number; min: number; max: number } | { default: boolean }>;

export type Flags<S extends FlagSpec> = { [K in keyof S]: S[K]['default'] };

/** Parses `argv` against `spec`; an unknown flag or an out-of-range number is an error naming it. */
export function parseFlags<S extends FlagSpec>(argv: string[], spec: S, usage: string): Flags<S> {
  const out: Record<string, number | boolean> = Object.fromEntries(Object.entries(spec).map(([name, s]) => [name, s.default]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const name = arg.replace(/^--/, '');
    const s = spec[name];
    if (!arg.startsWith('--') || !s) throw new UsageError(`Unknown argument '${arg}'.\n${usage}`);
    if (typeof s.default === 'boolean') {
      out[name] = true;
      continue;
    }
    const range = s as { min: number; max: number };
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value < range.min || value > range.max) {
      throw new UsageError(`--${name} needs a whole number from ${range.min} to ${range.max}.\n${usage}`);
    }
    out[name] = value;
  }
  return out as Flags<S>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** On SIGINT/SIGTERM, stop what the run started, then exit 130. */
export function onInterrupt(cleanUp: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping what this run started …\n`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
}

/** Runs a measurement's `main`; a usage or local-Neo4j error prints its message, anything else its stack; exit 1. */
export function runMain(main: () => Promise<void>, plainErrors: readonly (abstract new (...args: never[]) => Error)[] = []): void {
  main().catch((err: unknown) => {
    const plain = err instanceof UsageError || plainErrors.some((type) => err instanceof type);
    process.stderr.write(
      `${plain && err instanceof Error ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}
