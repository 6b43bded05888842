/**
 * Checks of user input, shared by the resolvers (ids, page sizes, texts) and by the query modules
 * (filters, cursors): they live below both, so that the query modules never import the GraphQL
 * layer. Each failure is a BAD_USER_INPUT error that names the argument and the limit.
 */
import { AppError } from '../errors.js';
import { labelOfId, type NodeLabel } from '../model/vocabulary.js';

export const MAX_PAGE_SIZE = 100;
export const MAX_TEXT_LENGTH = 200;

function bad(argument: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', `Argument "${argument}" ${message}`, { details: { argument } });
}

/** Checks an id's shape and returns the label its prefix names. */
export function checkId(id: string, argument = 'id'): NodeLabel {
  const label = id.length <= MAX_TEXT_LENGTH ? labelOfId(id) : undefined;
  if (label === undefined)
    throw bad(argument, 'is not a valid id: ids look like "person:keir-starmer" or "commitment:uk-ukraine-era-loan-2-26bn".');
  return label;
}

/**
 * A page size between 0 and `max`. Null means the field's default (`fallback`, the SDL's default
 * value), which is also what the cost estimate counts for it (see limits.ts).
 */
export function checkFirst(first: number | null | undefined, fallback: number, max = MAX_PAGE_SIZE, argument = 'first'): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw bad(argument, `must be between 0 and ${max} (the maximum page size); got ${value}.`);
  return value;
}

/** A free-text argument: trimmed, at most MAX_TEXT_LENGTH characters; undefined when empty. */
export function checkText(text: string | null | undefined, argument = 'text'): string | undefined {
  if (text === null || text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed.length > MAX_TEXT_LENGTH) throw bad(argument, `must be at most ${MAX_TEXT_LENGTH} characters; got ${trimmed.length}.`);
  return trimmed === '' ? undefined : trimmed;
}

/** An integer within [min, max]. */
export function checkRange(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw bad(argument, `must be an integer from ${min} to ${max}; got ${value}.`);
  return value;
}

export function badArgument(argument: string, message: string): AppError {
  return bad(argument, message);
}
