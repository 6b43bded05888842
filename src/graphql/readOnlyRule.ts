/**
 * The API is read-only: its schema has no Mutation or Subscription type. graphql-js would notice
 * only when executing such an operation, as an error without a code; this rule refuses it during
 * validation, with a message that says why.
 */
import { GraphQLError, OperationTypeNode, type ValidationRule } from 'graphql';

export const readOnlyRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== OperationTypeNode.QUERY) {
      const root =
        node.operation === OperationTypeNode.MUTATION ? context.getSchema().getMutationType() : context.getSchema().getSubscriptionType();
      if (!root) context.reportError(new GraphQLError(`This API is read-only: it has no ${node.operation} operations.`, { nodes: [node] }));
    }
  },
});
