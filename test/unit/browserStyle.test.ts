/**
 * browser/style.grass as Neo4j Browser 5.24 reads it. Its GRASS parser knows no comments: a comment
 * is glued onto the selector that follows it, and that rule silently never applies. This test
 * parses the file with the same algorithm (a port of Browser's `parseGrass`, non-JSON branch) and
 * checks that every rule lands on a real label or type, that the labels people look at have
 * distinct colours, and that every node has the short caption the style shows. The settings that
 * apply the style on connect are checked against docker-compose.yml too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { browserSettings } from '../../ops/localNeo4j/localNeo4j.js';
import { MAX_CAPTION_CHARS } from '../../seed/plan/PlanBuilder.js';
import { planSeed } from '../../seed/prepareGraph.js';
import { NODE_LABELS, REL_TYPES } from '../../src/model/vocabulary.js';

const STYLE = readFileSync(new URL('../../browser/style.grass', import.meta.url), 'utf8');

/** Neo4j Browser 5.24.0's GRASS parser (neo4j-browser `parseGrass`, the branch for non-JSON text), as it behaves. */
function parseGrassLikeBrowser(text: string): Record<string, Record<string, string>> {
  let inString = false;
  let inSelector = false;
  let inNested = false;
  let key = '';
  let body = '';
  const rules: Record<string, string> = {};
  for (const ch of text) {
    let structural = true;
    switch (ch) {
      case '{':
        if (inString) structural = false;
        else if (inSelector) inNested = true;
        else inSelector = true;
        break;
      case '}':
        if (inString) structural = false;
        else if (inNested) inNested = false;
        else {
          inSelector = false;
          rules[key] = body;
          key = '';
          body = '';
        }
        break;
      case "'":
      case '"':
        inString = !inString;
        break;
      default:
        structural = false;
    }
    if (!structural) {
      if (inSelector) body += ch;
      else if (!/[\s\n]/.test(ch)) key += ch;
    }
  }
  const parsed: Record<string, Record<string, string>> = {};
  for (const [selector, declarations] of Object.entries(rules)) {
    parsed[selector] = {};
    for (const declaration of declarations.split(';')) {
      const parts = declaration.split(':');
      if (parts.length === 2) parsed[selector][(parts[0] ?? '').trim()] = (parts[1] ?? '').trim();
    }
  }
  return parsed;
}

const GRASS_PROPERTIES = new Set([
  'diameter',
  'color',
  'border-color',
  'border-width',
  'text-color-internal',
  'text-color-external',
  'font-size',
  'caption',
  'shaft-width',
  'padding',
]);

describe('browser/style.grass, as Neo4j Browser parses it', () => {
  const rules = parseGrassLikeBrowser(STYLE);
  const nodeRule = (label: string): Record<string, string> => rules[`node.${label}`] ?? {};

  it('has no comments, which Browser would glue onto the next selector', () => {
    expect(STYLE).not.toMatch(/\/\*|\*\/|^\s*\/\//m);
    expect(STYLE).not.toContain('`');
  });

  it('gives every rule a selector Browser knows: node, relationship, or one of the graph’s labels and types', () => {
    const selectors = Object.keys(rules);
    // As many rules as the file writes: none swallowed by another.
    expect(selectors.length).toBe((STYLE.match(/^\S[^{\n]*\{/gm) ?? []).length);
    const known = new Set(['node', 'relationship', ...NODE_LABELS.map((l) => `node.${l}`), ...REL_TYPES.map((t) => `relationship.${t}`)]);
    expect(selectors.filter((s) => !known.has(s))).toEqual([]);
    for (const label of NODE_LABELS) expect(rules[`node.${label}`], label).toBeDefined();
  });

  it('keeps every declaration: known properties, non-empty values (a second colon would drop one)', () => {
    for (const [selector, declarations] of Object.entries(rules)) {
      const written = (/\{([^}]*)\}/.exec(STYLE.slice(STYLE.indexOf(`${selector} {`))) ?? [])[1] ?? '';
      expect(Object.keys(declarations).length, selector).toBe(written.split(';').filter((d) => d.trim() !== '').length);
      for (const [property, value] of Object.entries(declarations)) {
        expect(GRASS_PROPERTIES.has(property), `${selector} ${property}`).toBe(true);
        if (property !== 'caption') expect(value, `${selector} ${property}`).not.toBe('');
      }
    }
  });

  it('gives each label its own, clearly different colour', () => {
    const colours = NODE_LABELS.map((label) => nodeRule(label).color?.toLowerCase());
    expect(new Set(colours).size).toBe(NODE_LABELS.length);
    const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const distance = (a: string, b: string): number => Math.hypot(...rgb(a).map((v, i) => v - (rgb(b)[i] ?? 0)));
    // Commitment and Nation were 30 apart (two pinks); the labels people look at must be far apart.
    const main = ['Commitment', 'Nation', 'Person', 'Event', 'Statement', 'Stance', 'Organization'];
    for (const a of main)
      for (const b of main) if (a < b) expect(distance(nodeRule(a).color ?? '', nodeRule(b).color ?? ''), `${a}/${b}`).toBeGreaterThan(100);
  });

  it('captions every node with its short caption, which every planned node has', async () => {
    for (const label of NODE_LABELS) expect(nodeRule(label).caption, label).toBe('{caption}');
    const plan = await planSeed();
    const missing = plan.nodes.filter((n) => typeof n.props.caption !== 'string' || n.props.caption === '').map((n) => n.id);
    expect(missing).toEqual([]);
    const long = plan.nodes.filter((n) => [...String(n.props.caption)].length > MAX_CAPTION_CHARS).map((n) => n.id);
    expect(long).toEqual([]);
  });
});

describe('the style and guide on connect', () => {
  it('docker-compose.yml sets the settings the local Neo4j writes', () => {
    const compose = YAML.parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8')) as {
      services: { neo4j: { environment: Record<string, string> } };
    };
    const env = compose.services.neo4j.environment;
    const settings = browserSettings(4000);
    expect(env.NEO4J_browser_post__connect__cmd).toBe(settings['browser.post_connect_cmd']);
    expect(env.NEO4J_browser_remote__content__hostname__whitelist).toBe(settings['browser.remote_content_hostname_whitelist']);
    expect(settings['browser.post_connect_cmd']).toBe(
      'style http://localhost:4000/browser/style.grass; play http://localhost:4000/browser/guide.html',
    );
  });
});
