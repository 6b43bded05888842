/**
 * Fills in evidence offsets in a source YAML file, so curators write quotes and never count
 * characters:
 *
 *   npx tsx tools/curate/fill-offsets.ts seed/data/sources/<source>.yaml
 *
 * For every evidence item (`{ quote: … }`) whose offsets are missing or wrong, it sets
 * `start`/`end` to the quote's only occurrence in the source text. When a quote occurs more
 * than once, add `at: '<a longer, unique stretch around it>'`; the tool picks the occurrence
 * inside it and removes `at` (which the schema would reject). Comments are preserved.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isScalar, parseDocument, visit } from 'yaml';
import { CodePointText } from '../../seed/validate/codePoints.js';
import { locate } from './locate.js';

/**
 * Rewrites the YAML text; returns it with the problems that need a curator. Only the
 * evidence maps that change are rewritten, in place, so comments and the formatting of
 * everything else (including the project's Prettier style) are left exactly as they were.
 */
export function fillOffsets(yamlText: string, text: CodePointText): { yaml: string; problems: string[] } {
  const doc = parseDocument(yamlText);
  const problems: string[] = [];
  const edits: { from: number; to: number; replacement: string }[] = [];
  const source = (node: unknown): string => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range === undefined ? String(node) : yamlText.slice(range[0], range[1]);
  };
  visit(doc, {
    Map(_key, map) {
      const quoteNode = map.get('quote', true);
      if (!isScalar(quoteNode) || typeof quoteNode.value !== 'string') return;
      const quote = quoteNode.value;
      const at = map.get('at');
      const start = map.get('start');
      const end = map.get('end');
      const alreadyRight = typeof start === 'number' && typeof end === 'number' && text.slice(start, end) === quote && at === undefined;
      if (alreadyRight) return;
      const line = quoteNode.range ? yamlText.slice(0, quoteNode.range[0]).split('\n').length : 0;
      const hits = locate(text, quote, typeof at === 'string' ? at : undefined);
      if (hits.length !== 1) {
        problems.push(
          `line ${line}: ${JSON.stringify(quote)}${typeof at === 'string' ? ` at ${JSON.stringify(at)}` : ''} occurs ${hits.length} times${hits.length > 1 ? ' (add or lengthen `at`)' : ''}`,
        );
        return;
      }
      if (!map.flow || map.range === undefined || map.range === null) {
        problems.push(`line ${line}: write evidence as a flow map, { quote: …, at: … }`);
        return;
      }
      const hit = hits[0]!;
      const kept = map.items
        .filter((pair) => !['at', 'start', 'end'].includes(String(isScalar(pair.key) ? pair.key.value : pair.key)))
        .map((pair) => `${source(pair.key)}: ${source(pair.value)}`);
      edits.push({
        from: map.range[0],
        to: map.range[1],
        replacement: `{ ${[...kept, `start: ${hit.start}`, `end: ${hit.end}`].join(', ')} }`,
      });
    },
  });
  let yaml = yamlText;
  for (const edit of edits.sort((a, b) => b.from - a.from)) yaml = yaml.slice(0, edit.from) + edit.replacement + yaml.slice(edit.to);
  return { yaml, problems };
}

async function main(argv: string[]): Promise<number> {
  const [file] = argv;
  if (file === undefined) {
    console.error('usage: npx tsx tools/curate/fill-offsets.ts <data>/sources/<source>.yaml');
    return 2;
  }
  const yamlText = await readFile(file, 'utf8');
  const sourcePath: unknown = parseDocument(yamlText).getIn(['source', 'path']);
  if (typeof sourcePath !== 'string') {
    console.error('source.path is missing');
    return 1;
  }
  // Text paths are relative to the seed root: the parent of the data directory.
  const root = path.resolve(path.dirname(file), '..', '..');
  const text = new CodePointText(await readFile(path.join(root, sourcePath), 'utf8'));
  const { yaml, problems } = fillOffsets(yamlText, text);
  await writeFile(file, yaml);
  for (const p of problems) console.error(p);
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
