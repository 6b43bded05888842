/**
 * Cuts user-controlled text to a short prefix before it is echoed: GraphQL's own errors quote
 * whatever was sent (a 99 KB argument comes back in full), and names from a request end up in
 * log lines. One marker says something was cut, so a reader never takes the prefix for the whole.
 */

/** What ends a cut text. */
export const TRUNCATION_MARK = '… (truncated)';

/** `text` itself when it has at most `max` characters; otherwise a prefix of it plus TRUNCATION_MARK, `max` characters in all. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(max - TRUNCATION_MARK.length, 0);
  // Never end on half of a surrogate pair (an emoji cut in two is not valid Unicode).
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + TRUNCATION_MARK;
}
