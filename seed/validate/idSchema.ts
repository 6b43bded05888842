/** Ids in seed files are checked against the model's id convention (src/model/ids.ts). */
import { z } from 'zod';
import { isIdOf, type IdType } from '../../src/model/ids.js';

/** A zod schema for an id of one or more types, with a message that shows the convention. */
export function idSchema(...types: IdType[]) {
  return z.string().refine((id) => isIdOf(id, types), {
    error: (issue) => `invalid id ${JSON.stringify(issue.input)}: expected ${types.map((t) => `"${t}:<lowercase-kebab>"`).join(' or ')}`,
  });
}
