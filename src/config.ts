/**
 * Configuration, parsed once from the environment with zod. Every problem is reported at once.
 * Nothing else in the project reads `process.env`.
 */
import { z } from 'zod';

const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** A port of its own for GET /health, answered by a worker thread (src/server/healthListener.ts); unset: none. */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The health port answers 503 when the API's event loop has not turned for this long. */
  HEALTH_STALL_MS: positiveInt(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `auto`: human-readable lines when stdout is a terminal in development, JSON otherwise. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /** Unset: `npm start` starts and uses the project's local Neo4j. */
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI (optionally +s or +ssc)')
    .optional(),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'must be a Neo4j database name')
    .default('neo4j'),
  /** How long to wait for a TCP connection to Neo4j before calling it unavailable. */
  NEO4J_CONNECT_TIMEOUT_MS: positiveInt(3000),
  /** How long the driver may retry a transaction on transient errors (its default is 30 s, too long for an API). */
  NEO4J_MAX_RETRY_TIME_MS: positiveInt(1000),
  /** Server-side limit on every API transaction. */
  NEO4J_QUERY_TIMEOUT_MS: positiveInt(5000),
  NEO4J_MAX_POOL_SIZE: positiveInt(50),
  /** After Neo4j is found unavailable, how long requests fail at once before one tries again. */
  NEO4J_UNAVAILABLE_COOLDOWN_MS: positiveInt(1000),
  /** Start-up: attempts to reach Neo4j, with exponential backoff between them. */
  NEO4J_STARTUP_ATTEMPTS: positiveInt(10),
  /** Comma-separated origins allowed to call the API from a browser; `*` allows any. Empty: none. */
  CORS_ORIGINS: csv.default([]),
  /** Largest accepted request body. */
  MAX_BODY_BYTES: positiveInt(100_000),
  /** Deepest selection nesting an operation may have. */
  MAX_DEPTH: positiveInt(10),
  /** Most aliases an operation may use. */
  MAX_ALIASES: positiveInt(20),
  /** Highest estimated cost of an operation: 1 per field, lists weighted by their page size. */
  MAX_COST: positiveInt(20_000),
  /** Most lexical tokens in an operation's text (stops huge documents before they are parsed). */
  MAX_TOKENS: positiveInt(5_000),
  /** Largest page size (`first`) a list accepts. */
  MAX_PAGE_SIZE: positiveInt(100),
  /** Most items (objects, list elements, KiB of long text) one answer may hold, counted while it is built. */
  MAX_ANSWER_ITEMS: positiveInt(20_000),
  /**
   * Most items all the answers being built and sent at once may hold; past it requests are shed
   * with 503. Each request reserves its estimate, an upper bound, so the pool admits ten answers
   * of the largest size, and more of the usual ones (docs/reliability.md, "Attack").
   */
  MAX_INFLIGHT_ITEMS: positiveInt(200_000),
  /** Schema introspection; default on except in production. */
  ENABLE_INTROSPECTION: bool.optional(),
  /** GraphiQL (served offline, from the project's dependencies) at the GraphQL URL; default on except in production. */
  ENABLE_LANDING_PAGE: bool.optional(),
  /** A persisted-operation manifest (Apollo's JSON format); when set, only its operations run. */
  PERSISTED_OPERATIONS_FILE: z.string().min(1).optional(),
  /** `npm start` validates and loads the seed data before serving; off: serve the graph as it is. */
  SEED_ON_START: bool.optional(),
  /**
   * V8 heap limit of the API process, in MiB (`--max-old-space-size`). Deliberate rather than
   * Node's default, which follows the machine's memory: a leak or a runaway request then fails
   * fast as "JavaScript heap out of memory", which the supervisor logs and restarts, instead of
   * growing until the kernel's (or the container's) OOM killer ends it without a word.
   */
  API_MAX_HEAP_MB: z.coerce.number().int().min(64).default(512),
});

export type Env = Record<string, string | undefined>;

export interface Config {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** Liveness on a port of its own, answered by a worker thread; undefined: none. */
  health: { port: number | undefined; stallMs: number };
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** `auto`: pretty when stdout is a terminal and NODE_ENV is development (src/logger.ts decides). */
  logFormat: 'auto' | 'pretty' | 'json';
  /**
   * The level of the one line per GraphQL request: `debug` in development, where a person reads
   * the terminal and each click in the IDE would otherwise push the ready block away; `info`
   * elsewhere, where the lines feed a log collector.
   */
  requestLogLevel: 'debug' | 'info';
  neo4j: {
    /** Undefined when the project should start its own local Neo4j. */
    uri: string | undefined;
    username: string;
    password: string | undefined;
    database: string;
    connectTimeoutMs: number;
    maxRetryTimeMs: number;
    queryTimeoutMs: number;
    maxPoolSize: number;
    startupAttempts: number;
    unavailableCooldownMs: number;
  };
  corsOrigins: string[];
  maxBodyBytes: number;
  /** What one request may cost; every refusal names the limit and its value. */
  limits: Limits;
  introspection: boolean;
  landingPage: boolean;
  persistedOperationsFile: string | undefined;
  /** Whether `npm start` loads the seed data before serving (a deployment may seed as a separate job). */
  seedOnStart: boolean;
  /** Heap limit (MiB) of the API process that `npm start` runs and restarts. */
  apiMaxHeapMb: number;
}

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxPageSize: number;
  /** Most items one answer may hold (objects, list elements, KiB of long text), counted while it is built. */
  maxAnswerItems: number;
  /** Most items the answers in flight may hold together; past it, requests are shed (503, Retry-After). */
  maxInflightItems: number;
  /** Server-side timeout of each database transaction. */
  queryTimeoutMs: number;
  maxBodyBytes: number;
}

/** Every invalid variable, named with the reason. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses `env` (default: the process environment). Throws ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): Config {
  // Empty strings mean "unset", as they do in .env files and compose interpolation.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const e = parsed.data;
  if (e.NEO4J_URI && !e.NEO4J_PASSWORD) {
    throw new ConfigError([
      'NEO4J_PASSWORD: required when NEO4J_URI is set (an unset URI uses the local Neo4j and its generated password)',
    ]);
  }
  if (e.MAX_INFLIGHT_ITEMS < e.MAX_ANSWER_ITEMS) {
    throw new ConfigError([
      `MAX_INFLIGHT_ITEMS (${e.MAX_INFLIGHT_ITEMS}) must be at least MAX_ANSWER_ITEMS (${e.MAX_ANSWER_ITEMS}): one answer of the largest size must fit`,
    ]);
  }
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    health: { port: e.HEALTH_PORT, stallMs: e.HEALTH_STALL_MS },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    requestLogLevel: e.NODE_ENV === 'development' ? 'debug' : 'info',
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
      maxRetryTimeMs: e.NEO4J_MAX_RETRY_TIME_MS,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
      maxPoolSize: e.NEO4J_MAX_POOL_SIZE,
      startupAttempts: e.NEO4J_STARTUP_ATTEMPTS,
      unavailableCooldownMs: e.NEO4J_UNAVAILABLE_COOLDOWN_MS,
    },
    corsOrigins: e.CORS_ORIGINS,
    maxBodyBytes: e.MAX_BODY_BYTES,
    limits: {
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxCost: e.MAX_COST,
      maxTokens: e.MAX_TOKENS,
      maxPageSize: e.MAX_PAGE_SIZE,
      maxAnswerItems: e.MAX_ANSWER_ITEMS,
      maxInflightItems: e.MAX_INFLIGHT_ITEMS,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
      maxBodyBytes: e.MAX_BODY_BYTES,
    },
    introspection: e.ENABLE_INTROSPECTION ?? e.NODE_ENV !== 'production',
    landingPage: e.ENABLE_LANDING_PAGE ?? e.NODE_ENV !== 'production',
    persistedOperationsFile: e.PERSISTED_OPERATIONS_FILE,
    seedOnStart: e.SEED_ON_START ?? true,
    apiMaxHeapMb: e.API_MAX_HEAP_MB,
  };
}

/**
 * The environment of a child process of ours: this process's own (PATH, HOME, the settings it
 * was given), with `overrides` on top. The one place a child's environment is built, so what a
 * child receives beyond what we were given is always spelled out by the caller.
 */
export function childEnvironment(overrides: Env, env: Env = process.env): Env {
  return { ...env, ...overrides };
}
