/**
 * Prints the code-point offsets of every occurrence of a quote in a source text, so that
 * curators never count characters by hand.
 *
 *   npx tsx tools/curate/locate.ts seed/sources/<source>.txt '<quote>' ['<within>']
 *
 * With a third argument, only occurrences inside occurrences of `<within>` (a longer,
 * unique stretch of text) are printed: the way to pick one "Ukraine" among many.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { CodePointText } from '../../seed/validate/codePoints.js';

/** Occurrences of `quote`, optionally restricted to those inside an occurrence of `within`. */
export function locate(text: CodePointText, quote: string, within?: string): { start: number; end: number }[] {
  const hits = text.findAll(quote);
  if (within === undefined) return hits;
  const windows = text.findAll(within);
  return hits.filter((hit) => windows.some((w) => hit.start >= w.start && hit.end <= w.end));
}

async function main(argv: string[]): Promise<number> {
  const [file, quote, within] = argv;
  if (file === undefined || quote === undefined) {
    console.error("usage: npx tsx tools/curate/locate.ts <source.txt> '<quote>' ['<within>']");
    return 2;
  }
  const text = new CodePointText(await readFile(file, 'utf8'));
  const hits = locate(text, quote, within);
  if (hits.length === 0) {
    console.error(`not found: ${JSON.stringify(quote)}`);
    return 1;
  }
  for (const hit of hits) console.log(`start: ${hit.start}, end: ${hit.end}`);
  return 0;
}

// Run only as a script, so tests can import `locate` without side effects.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
