/**
 * Global setup of the database tiers: starts (or reuses) the project's dedicated `test` Neo4j
 * instance on its own ports (7688/7475), so the suite never touches the data of the `dev`
 * instance that `npm start` uses. Tests may wipe the test instance freely.
 */
import type { TestProject } from 'vitest/node';
import { NEO4J_VERSION } from '../ops/localNeo4j/versions.js';
import { start, testInstance } from '../ops/localNeo4j/localNeo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; username: string; password: string; httpUrl: string };
    neo4jVersion: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const conn = await start(testInstance(), (message) => console.log(`[test neo4j] ${message}`));
  project.provide('neo4j', { uri: conn.uri, username: conn.username, password: conn.password, httpUrl: conn.httpUrl });
  project.provide('neo4jVersion', NEO4J_VERSION);
}
