/**
 * The one place the Neo4j version is pinned. The local server (assembled from Maven Central),
 * the docker-compose image tag and the integration test that reads `dbms.components()` all
 * follow this constant; a unit test fails if docker-compose.yml drifts from it.
 */
export const NEO4J_VERSION = '5.26.29';

/** Neo4j Browser ships separately on Maven Central; 5.24.0 is the newest published there. */
export const NEO4J_BROWSER_VERSION = '5.24.0';
