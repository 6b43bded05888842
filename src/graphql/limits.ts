/**
 * What one request may cost. Depth and aliases are GraphQL validation rules (GraphQL Armor); the
 * cost is estimated before execution (graphql-query-complexity) as an upper bound on the number
 * of values the answer can hold: 1 per field, and a list's subtree multiplied by the number of
 * items the list will actually return (`first` as sent, or its default when left out or null;
 * `limit`; the number of `ids`; or a fixed bound the list's shape guarantees). A list field with
 * no known bound makes the estimate fail, and a failed estimate refuses the request: nothing
 * skips the check. Each refusal names the limit and its value.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isLeafType,
  isListType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Limits } from '../config.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { EDGES_PER_NODE } from '../queries/graph/neighbourhoodQueries.js';
import { truncate } from '../truncate.js';
import type { GraphContext } from './context.js';
import type { InFlightPool } from './answerBudget.js';
import { CostCache, cacheKey } from './costCache.js';
import { readOnlyRule } from './readOnlyRule.js';
import { MAX_HOPS } from './resolvers/graphResolvers.js';

/** The validation rules: read-only operations, depth and aliases. */
export function limitRules(limits: Limits): ValidationRule[] {
  // Armor's rules throw on rejection unless told otherwise, which Apollo would take for a crash;
  // reporting through the validation context makes it an ordinary validation error instead.
  const report = {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return [
    readOnlyRule,
    maxDepthRule({ n: limits.maxDepth, exposeLimits: true, ignoreIntrospection: true, ...report }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...report }),
  ];
}

/** Arguments that set how many items a list returns. */
const SIZE_ARGUMENTS = ['first', 'limit'] as const;

/**
 * Lists without a size argument, and the most items each can hold, with the reason. The parent
 * field's own size argument already multiplies them (a connection's `edges` hold the page its
 * parent paid for; `paths(limit)` and `neighbourhood(limit)` multiply their whole result).
 */
export const FIXED_LIST_BOUNDS: Readonly<Record<string, number>> = {
  'CommitmentConnection.edges': 1,
  'PersonConnection.edges': 1,
  'NationConnection.edges': 1,
  'OrganizationConnection.edges': 1,
  'EventConnection.edges': 1,
  'TimelineConnection.edges': 1,
  'StatementConnection.edges': 1,
  'StanceConnection.edges': 1,
  'FigureConnection.edges': 1,
  'HeavyWeaponsConnection.edges': 1,
  // A path of at most MAX_HOPS relationships has one node more than it has relationships.
  'Path.nodes': MAX_HOPS + 1,
  'Path.edges': MAX_HOPS,
  'PathResult.paths': 1,
  'Subgraph.nodes': 1,
  'Subgraph.edges': EDGES_PER_NODE,
};

/**
 * How many items a field returns at most: for a field with a size argument (a list, or a
 * connection or path result that is paged), the page it will serve; for a list without one, its
 * fixed bound; undefined for a field that returns one value. A list of objects with no known
 * bound throws, so the estimate fails and the request is refused. Introspection lists are bounded
 * by the schema, not by the data, and count once.
 */
export function listBound(
  typeName: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  maxPageSize = Number.POSITIVE_INFINITY,
): number | undefined {
  if (typeName.startsWith('__')) return undefined;
  for (const name of SIZE_ARGUMENTS) {
    const arg = field.args.find((a) => a.name === name);
    if (!arg) continue;
    // What the resolver will serve: the value sent (GraphQL fills in the default when it is left
    // out), or the declared default when it is sent as null, as checkFirst does. A value out of
    // range is refused by the resolver before anything is fetched.
    const value = args[name] ?? arg.defaultValue;
    if (typeof value !== 'number') throw new CostEstimateError(`${typeName}.${field.name} has no default for "${name}"`);
    // A page the resolver would refuse is refused here, before the request reserves its cost.
    if (name === 'first' && (value < 0 || value > maxPageSize)) {
      throw new PageSizeError(
        `Argument "first" of ${typeName}.${field.name} must be between 0 and ${maxPageSize} (the maximum page size, MAX_PAGE_SIZE); got ${value}.`,
      );
    }
    return Math.max(0, value);
  }
  if (Array.isArray(args.ids)) return args.ids.length;
  const type = getNullableType(field.type);
  if (!isListType(type) || isLeafType(getNamedType(type))) return undefined;
  const fixed = FIXED_LIST_BOUNDS[`${typeName}.${field.name}`];
  if (fixed !== undefined) return fixed;
  throw new CostEstimateError(`${typeName}.${field.name} is a list with no bound`);
}

/** 1 for the field, plus its subtree once per item it can return. */
function boundedEstimator(maxPageSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => 1 + childComplexity * (listBound(type.name, field, args, maxPageSize) ?? 1);
}

/** The estimated cost of one operation of `document`; throws when it cannot be estimated, or a page is over `maxPageSize`. */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  maxPageSize = Number.POSITIVE_INFINITY,
): number {
  return getComplexity({ schema, query: document, operationName, variables, estimators: [boundedEstimator(maxPageSize)] });
}

class CostEstimateError extends Error {}
/** A page size the resolver would refuse: the client's to fix. */
class PageSizeError extends Error {}

/**
 * Refuses, before execution, an operation whose estimated cost exceeds `limits.maxCost`, or whose
 * cost cannot be estimated; then admits it against the process's in-flight budget (503 with
 * Retry-After when the answers already being built would not leave room for it).
 */
export function costLimitPlugin(
  schema: GraphQLSchema,
  limits: Limits,
  pool: InFlightPool,
  logger: Logger,
  cache = new CostCache(),
): ApolloServerPlugin<GraphContext> {
  const estimate = (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number => {
    const key = cacheKey(document, operationName, variables);
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const cost = estimateCost(schema, document, operationName, variables, limits.maxPageSize);
    cache.set(key, cost);
    return cost;
  };
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document, operationName, contextValue }) {
          let cost: number;
          try {
            cost = estimate(document, operationName ?? undefined, request.variables ?? {});
          } catch (err) {
            throw estimateFailure(err, logger);
          }
          if (!Number.isFinite(cost) || cost > limits.maxCost) {
            throw new GraphQLError(
              `Operation cost ${cost} exceeds the limit of ${limits.maxCost} (MAX_COST). Lists count once per item of their page size; ask for smaller pages or fewer nested lists.`,
              // A refusal is the client's to fix: 400, not the 500 Apollo gives errors thrown in plugins.
              { extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_COST', max: limits.maxCost, actual: cost, http: { status: 400 } } },
            );
          }
          // Released by answerBudgetPlugin once the answer has been sent.
          contextValue.budget.admit(pool, cost);
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * What a failed estimate becomes. Variables that do not fit the operation are the client's to
 * fix (BAD_USER_INPUT, as Apollo would say); anything else, such as a document the estimator gives
 * up on, is refused as over the cost limit. Never a reason to run the operation unchecked.
 */
function estimateFailure(err: unknown, logger: Logger): GraphQLError {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof PageSizeError) {
    // The same error the resolver would give (it names the argument), as a 400 before execution.
    return new AppError('BAD_USER_INPUT', message, { details: { argument: 'first', http: { status: 400 } } });
  }
  if (err instanceof GraphQLError && message.startsWith('Variable "$')) {
    return new GraphQLError(truncate(message, 300), { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
  if (!(err instanceof GraphQLError) && !(err instanceof CostEstimateError)) logger.warn({ err }, 'cost estimate failed');
  return new GraphQLError(`The cost of this operation could not be estimated (${truncate(message, 200)}), so it is refused (MAX_COST).`, {
    extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_COST', http: { status: 400 } },
  });
}
