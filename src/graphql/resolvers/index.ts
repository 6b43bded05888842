import type { Resolvers } from '../../generated/graphql.js';
import { figureResolvers } from './figureResolvers.js';
import { graphResolvers } from './graphResolvers.js';
import { listResolvers } from './listResolvers.js';
import { lookupResolvers } from './lookupResolvers.js';
import { nodeResolvers } from './nodeResolvers.js';
import { searchResolvers } from './searchResolvers.js';
import { timelineResolvers } from './timelineResolvers.js';
import { totalsResolvers } from './totalsResolvers.js';
import { weaponResolvers } from './weaponResolvers.js';

/** Every domain's resolvers, merged by makeExecutableSchema. Each domain keeps its own file. */
export const resolvers: Resolvers[] = [
  nodeResolvers,
  lookupResolvers,
  listResolvers,
  timelineResolvers,
  searchResolvers,
  totalsResolvers,
  figureResolvers,
  weaponResolvers,
  graphResolvers,
];
