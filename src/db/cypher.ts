/**
 * A Cypher statement with a name. The name opens the text as a comment, so it shows in Neo4j's
 * query log and `SHOW TRANSACTIONS`, and travels as transaction metadata and in our logs.
 */
export interface NamedQuery {
  readonly name: string;
  readonly text: string;
}

/** Declares a named, parameterised query: `cypher('person.byId', 'MATCH (p:Person {id: $id}) …')`. */
export function cypher(name: string, body: string): NamedQuery {
  return { name, text: `// ${name}\n${body.trim()}` };
}
