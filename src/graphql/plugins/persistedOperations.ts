/**
 * An optional allow-list of persisted operations for production frontends. Given a manifest in
 * Apollo's format (made by @apollo/generate-persisted-query-manifest), the server runs only the
 * operations it lists: sent in full, or by hash alone (`extensions.persistedQuery.sha256Hash`).
 */
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { createHash } from 'node:crypto';
import type { GraphContext } from '../context.js';

const ManifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({ id: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().optional(), type: z.string().optional(), body: z.string().min(1) }),
  ),
});

export interface PersistedOperations {
  /** Apollo's persisted-query cache, holding exactly the manifest's operations; writes are ignored. */
  cache: KeyValueCache<string>;
  plugin: ApolloServerPlugin<GraphContext>;
  size: number;
}

/** Reads the manifest (a clear error names the file and what is wrong) and builds the allow-list. */
export function persistedOperations(file: string): PersistedOperations {
  let manifest: z.infer<typeof ManifestSchema>;
  try {
    manifest = ManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    throw new Error(
      `PERSISTED_OPERATIONS_FILE ${file} is not a valid persisted-operation manifest: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const bodies = new Map<string, string>();
  for (const op of manifest.operations) {
    const hash = createHash('sha256').update(op.body).digest('hex');
    if (hash !== op.id)
      throw new Error(`PERSISTED_OPERATIONS_FILE ${file}: operation ${op.name ?? op.id} has id ${op.id} but its body hashes to ${hash}`);
    bodies.set(op.id, op.body);
  }
  // Apollo prefixes the keys of its persisted-query cache with "apq:".
  const cache: KeyValueCache<string> = {
    get: (key) => Promise.resolve(key.startsWith('apq:') ? bodies.get(key.slice(4)) : undefined),
    set: () => Promise.resolve(),
    delete: () => Promise.resolve(false),
  };
  const plugin: ApolloServerPlugin<GraphContext> = {
    requestDidStart() {
      return Promise.resolve({
        // Checked once the operation is resolved: an error thrown earlier (didResolveSource) would
        // reach the client as a 500 instead of this 400.
        didResolveOperation({ queryHash }) {
          if (!bodies.has(queryHash)) {
            throw new GraphQLError('This server runs only persisted operations, and this operation is not in its allow-list.', {
              extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED', http: { status: 400 } },
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
  return { cache, plugin, size: bodies.size };
}
