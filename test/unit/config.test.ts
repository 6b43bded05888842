import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('needs nothing: an unset NEO4J_URI means the local Neo4j', () => {
    const config = loadConfig({});
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.neo4j.database).toBe('neo4j');
    expect(config.corsOrigins).toEqual([]);
  });

  it('parses every variable', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://db.example:7687',
      NEO4J_USERNAME: 'reader',
      NEO4J_PASSWORD: 'secret-secret',
      NEO4J_DATABASE: 'graph',
      PORT: '8080',
      LOG_LEVEL: 'debug',
      CORS_ORIGINS: 'http://a.test, http://b.test',
      NEO4J_QUERY_TIMEOUT_MS: '2500',
    });
    expect(config.neo4j).toMatchObject({
      uri: 'neo4j+s://db.example:7687',
      username: 'reader',
      password: 'secret-secret',
      database: 'graph',
      queryTimeoutMs: 2500,
    });
    expect(config.port).toBe(8080);
    expect(config.logLevel).toBe('debug');
    expect(config.corsOrigins).toEqual(['http://a.test', 'http://b.test']);
  });

  it('reports every bad value at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', NEO4J_URI: 'http://nope', NEO4J_QUERY_TIMEOUT_MS: '-5' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT:/m);
    expect(problems).toMatch(/^LOG_LEVEL:/m);
    expect(problems).toMatch(/^NEO4J_URI: must be a bolt:\/\/ or neo4j:\/\/ URI/m);
    expect(problems).toMatch(/^NEO4J_QUERY_TIMEOUT_MS:/m);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('requires a password with an explicit NEO4J_URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' })).toThrow(/NEO4J_PASSWORD: required when NEO4J_URI is set/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).neo4j.uri).toBeUndefined();
  });

  it('reads the limits, and turns introspection and the landing page off in production unless enabled', () => {
    const config = loadConfig({ MAX_DEPTH: '7', MAX_COST: '900', MAX_PAGE_SIZE: '50' });
    expect(config.limits).toMatchObject({ maxDepth: 7, maxCost: 900, maxPageSize: 50, maxAliases: 20, queryTimeoutMs: 5000 });
    expect(config.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, landingPage: false });
    expect(loadConfig({ NODE_ENV: 'production', ENABLE_INTROSPECTION: 'true' })).toMatchObject({ introspection: true, landingPage: false });
    expect(() => loadConfig({ ENABLE_INTROSPECTION: 'yes', MAX_DEPTH: '0' })).toThrow(
      /ENABLE_INTROSPECTION[\s\S]*MAX_DEPTH|MAX_DEPTH[\s\S]*ENABLE_INTROSPECTION/,
    );
  });

  it('seeds on start unless SEED_ON_START is false, and rejects other values', () => {
    expect(loadConfig({}).seedOnStart).toBe(true);
    expect(loadConfig({ SEED_ON_START: 'false' }).seedOnStart).toBe(false);
    expect(() => loadConfig({ SEED_ON_START: 'maybe' })).toThrow(/SEED_ON_START/);
  });
});
