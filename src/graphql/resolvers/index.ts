import type { Resolvers } from '../../generated/graphql.js';
import { sourceResolvers } from './sourceResolvers.js';

/** Every domain's resolvers, merged. Each domain keeps its own file. */
export const resolvers: Resolvers[] = [sourceResolvers];
