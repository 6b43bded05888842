/** Captions for nodes (what Neo4j Browser shows), kept short and readable. */

/** Cuts text to at most `max` code points at a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text.replace(/\s+/g, ' ').trim());
  if (points.length <= max) return points.join('');
  const cut = points.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:—-]+$/u, '')}…`;
}

/** Joins names as in prose: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
