/**
 * The fields an object of one concrete type is asked for, by response key, as graphql-js's own
 * execution collects them: through inline fragments and fragment spreads whose type condition
 * the type meets, leaving out what `@skip`/`@include` leave out for the request's variables.
 */
import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  Kind,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/** What collecting needs of the request: its schema, fragments and variables. */
export interface Operation {
  schema: GraphQLSchema;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variableValues: Readonly<Record<string, unknown>>;
}

function included(node: SelectionNode, variables: Operation['variableValues']): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

function applies(operation: Operation, fragment: InlineFragmentNode | FragmentDefinitionNode, type: GraphQLObjectType): boolean {
  if (!fragment.typeCondition) return true;
  const condition = typeFromAST(operation.schema, fragment.typeCondition);
  if (condition === type) return true;
  return condition !== undefined && isAbstractType(condition) && operation.schema.isSubType(condition, type);
}

/** The field nodes of `sets` that apply to an object of `type`, grouped by response key in the order first met. */
export function collectFields(
  operation: Operation,
  type: GraphQLObjectType,
  sets: readonly (SelectionSetNode | undefined)[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection, operation.variableValues)) continue;
      switch (selection.kind) {
        case Kind.FIELD: {
          const key = selection.alias?.value ?? selection.name.value;
          const same = fields.get(key);
          if (same) same.push(selection);
          else fields.set(key, [selection]);
          break;
        }
        case Kind.INLINE_FRAGMENT:
          if (applies(operation, selection, type)) visit(selection.selectionSet);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const fragment = operation.fragments[name];
          if (visited.has(name) || !fragment || !applies(operation, fragment, type)) break;
          visited.add(name);
          visit(fragment.selectionSet);
          break;
        }
        default: {
          const unreachable: never = selection;
          return unreachable;
        }
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}
