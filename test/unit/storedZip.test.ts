/**
 * The zip of saved queries that Neo4j Browser imports as favourites: read back with the format's
 * own structure (central directory → local headers → data, CRC-32 checked), one file per query.
 */
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { savedQueries, savedQueriesZip } from '../../src/server/browserFiles.js';
import { storedZip } from '../../src/server/storedZip.js';

/** The files of a stored zip, read through its central directory. */
function readZip(zip: Buffer): { name: string; text: string }[] {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files: { name: string; text: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    expect(zip.readUInt16LE(at + 10)).toBe(0); // stored
    const [crc, size, nameLength, offset] = [
      zip.readUInt32LE(at + 16),
      zip.readUInt32LE(at + 20),
      zip.readUInt16LE(at + 28),
      zip.readUInt32LE(at + 42),
    ];
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    expect(zip.readUInt32LE(offset)).toBe(0x04034b50);
    const dataAt = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    expect(crc32(data)).toBe(crc);
    files.push({ name, text: data.toString('utf8') });
    at += 46 + nameLength;
  }
  return files;
}

describe('the saved queries as a zip', () => {
  it('round-trips names (UTF-8) and texts', () => {
    const files = [
      { name: 'a/één.cypher', text: 'RETURN 1;\n' },
      { name: 'b.cypher', text: '' },
    ];
    expect(readZip(storedZip(files))).toEqual(files);
  });

  it('holds one .cypher file per query of browser/queries.cypher, in one folder, each opening with its title', () => {
    const file = readFileSync(new URL('../../browser/queries.cypher', import.meta.url), 'utf8');
    const queries = savedQueries(file);
    const files = readZip(savedQueriesZip(file));
    expect(files).toHaveLength(queries.length);
    expect(new Set(files.map((f) => f.name.split('/')[0]))).toEqual(new Set(['Ukraine support graph']));
    files.forEach((f, i) => {
      expect(f.name).toMatch(/\.cypher$/);
      expect(f.text).toBe(`// ${queries[i]?.title ?? ''}\n${queries[i]?.text ?? ''};\n`);
    });
  });
});
