/**
 * The one way this project builds its Apollo Server: schema, limits, security settings, error
 * masking and request log. The HTTP server, the test harness and the docs generator all use it,
 * so tests and documented examples run under exactly the production rules.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { GraphContext } from './context.js';
import { createFormatError } from './formatError.js';
import { answerBudgetPlugin, InFlightPool } from './answerBudget.js';
import { costLimitPlugin, limitRules } from './limits.js';
import { persistedOperations } from './plugins/persistedOperations.js';
import { requestLogPlugin } from './plugins/requestLogPlugin.js';
import { buildSchema } from './schema.js';

export function createApolloServer(
  config: Config,
  logger: Logger,
  extraPlugins: ApolloServerPlugin<GraphContext>[] = [],
): ApolloServer<GraphContext> {
  const schema = buildSchema();
  const pool = new InFlightPool(config.limits.maxInflightItems);
  const persisted = config.persistedOperationsFile ? persistedOperations(config.persistedOperationsFile) : undefined;
  if (persisted) logger.info({ operations: persisted.size }, 'only persisted operations are allowed');
  return new ApolloServer<GraphContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    // ops/start.ts owns SIGINT/SIGTERM (drain HTTP, then close the driver). Apollo's own
    // handlers would call stop() a second time, and in Apollo Server 5 that second call never
    // resolves, so the process could not exit cleanly.
    stopOnTerminationSignals: false,
    introspection: config.introspection,
    // Refuses GET and simple-form POSTs that a browser could send cross-site without a preflight.
    csrfPrevention: true,
    // Stops documents with huge numbers of tokens before they are parsed at all.
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: limitRules(config.limits),
    persistedQueries: persisted ? { cache: persisted.cache } : false,
    formatError: createFormatError(logger),
    plugins: [
      ...extraPlugins,
      // The API sets no cache hints. Apollo's cache-control plugin, on by default, would still wrap
      // every field's resolver (willResolveField) to compute a policy nobody reads: measurable CPU
      // per field on large answers (see docs/benchmarks.md).
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's own landing page (Sandbox) loads from Apollo's CDN and turns telemetry on; the HTTP
      // server serves GraphiQL from the project's dependencies instead (src/server/graphiqlPage.ts).
      ApolloServerPluginLandingPageDisabled(),
      costLimitPlugin(schema, config.limits, pool, logger),
      answerBudgetPlugin(),
      requestLogPlugin(logger, config.requestLogLevel),
      ...(persisted ? [persisted.plugin] : []),
    ],
  });
}
