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
