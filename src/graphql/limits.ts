/**
 * What one request may cost. Depth and aliases are GraphQL validation rules (GraphQL Armor); the
 * cost is estimated before execution (graphql-query-complexity): 1 per field, a list's subtree
 * multiplied by its page size (`first`, `limit`, the number of `ids`), and a relationship list
 * without a page size by an assumed fan-out. Each refusal names the limit and its value.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Limits } from '../config.js';
import type { GraphContext } from './context.js';
import { readOnlyRule } from './readOnlyRule.js';

/** Assumed size of a relationship list (e.g. a nation's commitments), which has no page size. */
export const RELATION_LIST_FANOUT = 10;

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

/** A list's multiplier: its page size argument, else the assumed fan-out of a relationship list. */
const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const pageSize =
    typeof args.first === 'number'
      ? args.first
      : typeof args.limit === 'number'
        ? args.limit
        : Array.isArray(args.ids)
          ? args.ids.length
          : undefined;
  if (pageSize !== undefined) return 1 + childComplexity * Math.max(pageSize, 1);
  // A connection's `edges` hold the page its parent already paid for; strings are leaves.
  const isRelationList = isListType(getNullableType(field.type)) && field.name !== 'edges' && getNamedType(field.type).name !== 'String';
  return isRelationList ? 1 + childComplexity * RELATION_LIST_FANOUT : undefined;
};

/** Refuses, before execution, an operation whose estimated cost exceeds `limits.maxCost`. */
/**
 * Costs already estimated, per parsed document (Apollo reuses one DocumentNode per query text
 * from its document cache, so a WeakMap forgets documents that cache drops) and per operation
 * name and variables. Estimating walks the whole document with the schema on every request;
 * a client sending the same operation with the same variables pays it once.
 */
const MAX_COSTS_PER_DOCUMENT = 64;

export function costLimitPlugin(schema: GraphQLSchema, limits: Limits): ApolloServerPlugin<GraphContext> {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const estimate = (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number => {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
    let known = costs.get(document);
    const cached = known?.get(key);
    if (cached !== undefined) return cached;
    const cost = getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
    if (!known) costs.set(document, (known = new Map<string, number>()));
    if (known.size >= MAX_COSTS_PER_DOCUMENT) known.clear();
    known.set(key, cost);
    return cost;
  };
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document, operationName }) {
          let cost: number;
          try {
            cost = estimate(document, operationName ?? undefined, request.variables ?? {});
          } catch (err) {
            // The estimator coerces the variables; when they do not fit the operation, Apollo's own
            // check refuses the request with BAD_USER_INPUT before anything executes, so step aside.
            if (err instanceof GraphQLError) return Promise.resolve();
            throw err;
          }
          if (cost > limits.maxCost) {
            throw new GraphQLError(
              `Operation cost ${cost} exceeds the limit of ${limits.maxCost} (MAX_COST). Lists count once per item of their page size; ask for smaller pages or fewer nested lists.`,
              // A refusal is the client's to fix: 400, not the 500 Apollo gives errors thrown in plugins.
              { extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_COST', max: limits.maxCost, actual: cost, http: { status: 400 } } },
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}
