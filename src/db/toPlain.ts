/**
 * Converts Neo4j driver values to plain JavaScript at the edge of the database layer, so the rest
 * of the code never sees driver types: Integer → number (string beyond 2^53), temporal → ISO
 * string, Point → {srid,x,y,z}, Node/Relationship → their properties, Path → its nodes and edges.
 */
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
} from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isLocalTime(value) || isTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isPoint(value)) {
    const point: { [key: string]: Plain } = { srid: toPlain(value.srid), x: value.x, y: value.y };
    if (value.z !== undefined) point.z = value.z;
    return point;
  }
  if (isNode(value)) return { ...plainMap(value.properties), labels: value.labels };
  if (isRelationship(value)) return { ...plainMap(value.properties), type: value.type };
  if (isPath(value)) {
    return {
      nodes: [toPlain(value.start), ...value.segments.map((s) => toPlain(s.end))],
      relationships: value.segments.map((s) => toPlain(s.relationship)),
    };
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') return plainMap(value as Record<string, unknown>);
  throw new TypeError(`Cannot convert a ${typeof value} from Neo4j to a plain value`);
}

function plainMap(map: Record<string, unknown>): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const [key, v] of Object.entries(map)) out[key] = toPlain(v);
  return out;
}
