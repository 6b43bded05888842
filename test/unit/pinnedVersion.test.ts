import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NEO4J_VERSION } from '../../ops/localNeo4j/versions.js';

describe('the pinned Neo4j version', () => {
  it('is the one docker-compose.yml runs, community edition', () => {
    const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8')) as {
      services: { neo4j: { image: string } };
    };
    expect(compose.services.neo4j.image).toBe(`neo4j:${NEO4J_VERSION}-community`);
  });

  it('is a 5.26 LTS release, which runs on Java 17', () => {
    expect(NEO4J_VERSION).toMatch(/^5\.26\.\d+$/);
  });
});
