/**
 * The plain description of what a request selects below one node, which the GraphQL layer reads
 * from an operation (src/graphql/translate/) and lookupQuery.ts turns into one Cypher query. It
 * names stored properties and relation fields only: no GraphQL types, and no request text apart
 * from response keys (aliases), which never reach the Cypher text.
 */
import type { NodeLabel } from '../../model/vocabulary.js';
import type { RelationKey } from '../relations.js';

/** What to fetch of one node: its stored properties (besides `id` and its label, always fetched) and its prefetched fields. */
export interface NodeSelection {
  /** Stored property names, each from the schema's fields (see src/graphql/translate/storedReads.ts), sorted, without duplicates. */
  readonly properties: readonly string[];
  readonly slots: readonly Slot[];
}

/**
 * What to fetch of a neighbour that may have one of several labels: one selection per group of
 * labels the selection treats alike (`... on Nation { … }` sets nations apart), every label the
 * field's type allows in one branch.
 */
export interface TargetSelection {
  readonly branches: readonly { readonly labels: readonly NodeLabel[]; readonly selection: NodeSelection }[];
}

/**
 * One field whose value the query fetches along with its node, under the field's response key
 * (its alias, or its name). Its resolver reads the value from the record instead of loading it.
 */
export type Slot =
  /** A relationship field (list, single or exactly one neighbour): at most `first` neighbours, in the relation's order. */
  | {
      readonly kind: 'relation';
      readonly responseKey: string;
      readonly relation: RelationKey;
      readonly first: number;
      /** The relationship's properties the field reads (a mention's surface form, a participation's role). */
      readonly edge: readonly string[];
      readonly target: TargetSelection;
      /**
       * The parent once more, with the selection of the item's field that returns the parent (a
       * participation's `actor` seen from the actor): a record of its own, so what that field selects never mixes with
       * what the parent's own fields select under the same response keys.
       */
      readonly self?: NodeSelection;
    }
  /** A `…Count` field: the size of the whole relationship list. */
  | { readonly kind: 'count'; readonly responseKey: string; readonly relation: RelationKey }
  /** A fact's `source`: the Source whose id the fact stores (`sourceId`). */
  | { readonly kind: 'sourceOf'; readonly responseKey: string; readonly target: NodeSelection }
  /** A stored property left out of records unless asked for (a source's full `text`). */
  | { readonly kind: 'property'; readonly responseKey: string; readonly property: string };

/** The key under which the query returns a node's `i`-th slot (stored properties never start with `__`). */
export const slotKey = (i: number): string => `__${i}`;

/** A lookup by id: the node's label (from the id's prefix) and what to fetch of it. */
export interface LookupSelection {
  readonly label: NodeLabel;
  readonly selection: NodeSelection;
}

/**
 * At least as many as the objects and list items a selection can return, its node included: what
 * the answer budget will count of it at most (each item of a list counts twice, as an element and
 * as the object or wrapper, such as a Mention, that holds the neighbour). A query that fetches a
 * whole tree at once holds it all before the budget counts any of it, so a lookup whose bound is
 * over the budget is left to the loaders, which the budget stops level by level.
 */
/** How many relationship lists deep the selection walks below its root (0: the node's own fields only). */
export function relationDepth(selection: NodeSelection): number {
  let depth = 0;
  for (const slot of selection.slots) {
    if (slot.kind === 'relation')
      depth = Math.max(
        depth,
        1 + Math.max(0, ...slot.target.branches.map((branch) => relationDepth(branch.selection))),
        slot.self ? relationDepth(slot.self) : 0,
      );
    else if (slot.kind === 'sourceOf') depth = Math.max(depth, relationDepth(slot.target));
  }
  return depth;
}

export function itemBound(selection: NodeSelection): number {
  let items = 1;
  for (const slot of selection.slots) {
    if (slot.kind === 'relation') {
      const perItem = Math.max(1, ...slot.target.branches.map((branch) => itemBound(branch.selection)));
      items += slot.first * (1 + perItem) + (slot.self ? itemBound(slot.self) : 0);
    } else if (slot.kind === 'sourceOf') {
      items += itemBound(slot.target);
    }
  }
  return items;
}
