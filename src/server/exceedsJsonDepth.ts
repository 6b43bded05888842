/**
 * How deep a parsed JSON value nests, checked without recursion. JSON.parse builds a value 40,000
 * levels deep without complaint, but anything that later walks it recursively (JSON.stringify,
 * graphql-js's coercion, graphql-query-complexity) overflows the stack: a 500 and a stack trace
 * in the log per request. This walk keeps its own stack on the heap, so no depth can overflow it,
 * and stops as soon as the limit is passed.
 */

/**
 * Whether `value` nests more than `max` levels: a scalar is depth 0, `{}` and `[]` are 1,
 * `{"a": [1]}` is 2. Only arrays and plain objects count (a parsed JSON value has nothing else).
 */
export function exceedsJsonDepth(value: unknown, max: number): boolean {
  const pending: [value: unknown, depth: number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      // Scalars add no level: skipping them keeps the stack to the containers still to visit.
      if (child !== null && typeof child === 'object') pending.push([child, depth + 1]);
    }
  }
  return false;
}
