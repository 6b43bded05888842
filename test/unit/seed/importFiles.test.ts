/**
 * The import files the bulk path hands to neo4j-admin: typed headers, a column whose type differs
 * between rows split into files of its own, empty arrays typed, texts quoted, and an array
 * delimiter no element contains. (That the import of them equals the online load is proved
 * against a real Neo4j in test/e2e/bulkLoad.test.ts.)
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { arrayDelimiter, writeImportFiles } from '../../../seed/write/importFiles.js';
import type { WritableGraph } from '../../../seed/write/writableGraph.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const plan: WritableGraph = {
  nodes: [
    {
      label: 'Nation',
      id: 'nation:a',
      props: { id: 'nation:a', name: 'A, "quoted"\nsecond line', aliases: ['x', 'y'], rank: 1n, score: 1.5 },
    },
    { label: 'Nation', id: 'nation:b', props: { id: 'nation:b', name: '', aliases: [], rank: 2n, flag: true } },
    { label: 'Nation', id: 'nation:c', props: { id: 'nation:c', name: 'C', rank: 3.25, note: null } },
  ],
  rels: [{ type: 'PART_OF', from: { label: 'Nation', id: 'nation:a' }, to: { label: 'Nation', id: 'nation:b' }, props: { share: 0.5 } }],
};

async function files(graph: WritableGraph) {
  const dir = mkdtempSync(join(tmpdir(), 'import-files-'));
  dirs.push(dir);
  const result = await writeImportFiles(graph, dir);
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return { result, read, names: readdirSync(dir).sort() };
}

describe('import files for neo4j-admin', () => {
  it('types every column in the header and quotes every text', async () => {
    const { result, read, names } = await files(plan);
    // nation:c has rank as a Float where the others have an Integer: a file of its own.
    expect(names).toEqual(['nodes-Nation-0.csv', 'nodes-Nation-1.csv', 'rels-PART_OF-0.csv']);
    expect(read('nodes-Nation-0.csv')).toBe(
      [
        'id:ID,aliases:string[],flag:boolean,name,rank:long,score:double',
        '"nation:a","x¦y",,"A, ""quoted""\nsecond line",1,1.5',
        '"nation:b","",true,"",2,',
        '',
      ].join('\n'),
    );
    expect(read('nodes-Nation-1.csv')).toBe(['id:ID,name,rank:double', '"nation:c","C",3.25', ''].join('\n'));
    expect(read('rels-PART_OF-0.csv')).toBe([':START_ID,:END_ID,share:double', '"nation:a","nation:b",0.5', ''].join('\n'));
    expect(result.args).toContain('--array-delimiter=¦');
    expect(result.args).toContain('--multiline-fields=true');
    expect(result.args.filter((a) => a.startsWith('--nodes=Nation='))).toHaveLength(2);
    expect(result).toMatchObject({ nodeFiles: 2, relationshipFiles: 1 });
  });

  it('chooses an array delimiter that no element contains', () => {
    const withBar: WritableGraph = { nodes: [{ label: 'Topic', id: 'topic:t', props: { aliases: ['a¦b'] } }], rels: [] };
    expect(arrayDelimiter(plan)).toBe('¦');
    expect(arrayDelimiter(withBar)).toBe('\u001f');
  });

  it('refuses a number the importer cannot read', async () => {
    const nan: WritableGraph = { nodes: [{ label: 'Topic', id: 'topic:t', props: { score: Number.NaN } }], rels: [] };
    await expect(files(nan)).rejects.toThrow(/Cannot bulk-import the number NaN/);
  });
});
