/**
 * The cache of cost estimates (see limits.ts): what an estimate depends on, and nothing else,
 * makes its key; entries and key bytes are bounded.
 */
import { Kind, visit, type DocumentNode } from 'graphql';

/**
 * Costs already estimated. The key holds only what an estimate depends on: the document (an id
 * per parsed DocumentNode; Apollo reuses one per query text), the operation name, and the values
 * of the variables that size a list (`first`, `limit`, the length of `ids`) or decide an
 * `@include`/`@skip`. Undeclared or unrelated variables never reach the key. Bounded in entries
 * and in key bytes; the least recently used go first; long keys are not cached at all.
 */
export class CostCache {
  private readonly entries = new Map<string, number>();
  private bytes = 0;

  constructor(
    readonly maxEntries = 1000,
    readonly maxBytes = 256 * 1024,
    readonly maxKeyBytes = 1024,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get keyBytes(): number {
    return this.bytes;
  }

  get(key: string): number | undefined {
    const cost = this.entries.get(key);
    if (cost !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(key);
      this.entries.set(key, cost);
    }
    return cost;
  }

  set(key: string, cost: number): void {
    if (key.length > this.maxKeyBytes || this.entries.has(key)) return;
    this.entries.set(key, cost);
    this.bytes += key.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= oldest.length;
    }
  }
}

/** Per document: an id for cache keys, and the variables its cost depends on. */
interface DocumentFacts {
  id: number;
  sizeVariables: string[];
}

const documentFacts = new WeakMap<DocumentNode, DocumentFacts>();
let nextDocumentId = 1;

function factsOf(document: DocumentNode): DocumentFacts {
  let facts = documentFacts.get(document);
  if (!facts) {
    const names = new Set<string>();
    visit(document, {
      Argument(node, _key, _parent, _path, ancestors) {
        const owner = ancestors[ancestors.length - 1];
        const inDirective = owner !== undefined && 'kind' in owner && owner.kind === Kind.DIRECTIVE;
        if (!inDirective && !['first', 'limit', 'ids'].includes(node.name.value)) return;
        visit(node.value, {
          Variable(variable) {
            names.add(variable.name.value);
          },
        });
      },
    });
    facts = { id: nextDocumentId++, sizeVariables: [...names].sort() };
    documentFacts.set(document, facts);
  }
  return facts;
}

export function cacheKey(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): string {
  const facts = factsOf(document);
  // A list of ids counts by its length; anything else by its value.
  const values = facts.sizeVariables.map((name) => {
    const value = variables[name];
    return Array.isArray(value) ? `#${value.length}` : value;
  });
  return `${facts.id}\u0000${operationName ?? ''}\u0000${JSON.stringify(values)}`;
}
