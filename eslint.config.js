// @ts-check
import eslint from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Which folder may import which (README, "Layout"): imports flow one way. The graph model is the
 * bottom; the API (src/) and the loader (seed/) build on it and never on each other's insides;
 * operator commands (ops/) sit on top of both; measurement and documentation tools (tools/) sit on
 * top of everything, and nothing that ships imports them. Each zone names what its `target` must
 * not import `from`.
 */
const BOUNDARIES = [
  {
    target: './src/model',
    from: ['./src', './seed', './ops', './tools', './test'],
    except: ['./model'],
    message: 'The graph model imports nothing of the project.',
  },
  {
    target: './src',
    from: ['./seed', './ops', './tools', './test'],
    message: 'The API (src/) never imports the loader, the operator commands or the tools.',
  },
  {
    target: './src/db',
    from: ['./src/queries', './src/graphql', './src/server', './src/supervisor'],
    message: 'The database layer sits below the query modules and the GraphQL layer.',
  },
  {
    target: './src/queries',
    from: ['./src/graphql', './src/server', './src/supervisor'],
    message: 'Query modules sit below the GraphQL layer: resolvers call them, never the reverse.',
  },
  {
    target: './src/graphql',
    from: ['./src/server', './src/supervisor'],
    message: 'The GraphQL layer does not know how it is served.',
  },
  {
    target: './seed',
    from: ['./src/queries', './src/graphql', './src/server', './src/supervisor', './src/serve.ts', './ops', './tools', './test'],
    message: 'The loader builds on the graph model and the database layer only; it never imports the API, operator commands or tools.',
  },
  {
    target: ['./seed/validate', './seed/plan'],
    from: ['./seed/write', './seed/prepareGraph.ts', './src/db'],
    message: 'Reading, validating and planning seed data touch no database.',
  },
  {
    target: './ops',
    from: ['./tools', './test'],
    message: 'Operator commands ship with the service; they never import measurement or documentation tools.',
  },
  {
    target: './tools',
    from: ['./test'],
    message: 'Tools never import test code.',
  },
  {
    target: './codegen.ts',
    from: ['./src/db', './src/queries', './src/graphql', './src/server', './seed', './ops', './tools'],
    message: 'Codegen reads the graph model only.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.neo4j/', '.tmp/', 'src/generated/', 'coverage/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      // TypeScript sources are modules to follow too (the plugin's default is .js only).
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Configuration is read once, in src/config.ts.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts.' }],
      'import-x/no-restricted-paths': ['error', { zones: BOUNDARIES }],
      // No circles between modules. Type-only imports erase at compile time and are left out:
      // the generated resolver types and the records they map to name each other by design.
      'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }],
    },
  },
  {
    files: ['src/config.ts', 'ops/localNeo4j/localNeo4j.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
