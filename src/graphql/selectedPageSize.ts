/**
 * The largest page a request asks of a list below the field being resolved, read from the
 * operation. A query module that answers a whole root field in one query bounds each list it
 * returns by this size; the list's own resolver still checks its `first` and slices its page.
 */
import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * The largest `first` (its default when left out or null, clamped to 0…`max`) of the fields at
 * `path` below the current field, over every alias and fragment; 0 when none is selected. Where the
 * path leaves the object types (an interface or union on the way) it answers `max`: never too few.
 */
export function selectedPageSize(info: GraphQLResolveInfo, path: readonly string[], fallback: number, max: number): number {
  let type = getNamedType(info.returnType);
  let nodes: readonly FieldNode[] = info.fieldNodes;
  let largest = 0;
  for (const [depth, name] of path.entries()) {
    if (!isObjectType(type)) return max;
    const field = type.getFields()[name];
    if (!field) return 0;
    nodes = nodes.flatMap((node) => fieldsNamed(node.selectionSet, name, info));
    if (depth === path.length - 1) {
      for (const node of nodes) {
        const { first } = getArgumentValues(field, node, info.variableValues);
        const size = first === null || first === undefined ? fallback : typeof first === 'number' && Number.isInteger(first) ? first : 0;
        largest = Math.max(largest, Math.min(Math.max(size, 0), max));
      }
    }
    type = getNamedType(field.type);
  }
  return largest;
}

/** The fields called `name` in a selection set, through inline fragments and fragment spreads (validation forbids cycles). */
function fieldsNamed(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection): FieldNode[] => {
    switch (selection.kind) {
      case Kind.FIELD:
        return selection.name.value === name ? [selection] : [];
      case Kind.INLINE_FRAGMENT:
        return fieldsNamed(selection.selectionSet, name, info);
      case Kind.FRAGMENT_SPREAD:
        return fieldsNamed(info.fragments[selection.name.value]?.selectionSet, name, info);
      default: {
        const unreachable: never = selection;
        return unreachable;
      }
    }
  });
}
