/** The CSV reader: RFC 4180 fields, record numbers counted with the header as 1, code-point offsets, every problem at once. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvResult } from '../../../seed/validate/readCsv.js';

function table(result: CsvResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.table;
}

describe('readCsv', () => {
  it('reads quoted and plain fields, with the header as record 1 and data from record 2', () => {
    const t = table(readCsv('donor,amount,note\n"United Kingdom",12.5,"a, b"\nFRA,0,""\n', 'x.csv'));
    expect(t.header).toEqual(['donor', 'amount', 'note']);
    expect(t.records.map((r) => [r.row, r.cells])).toEqual([
      [2, ['United Kingdom', '12.5', 'a, b']],
      [3, ['FRA', '0', '']],
    ]);
  });

  it('keeps each record’s verbatim text at its code-point offsets, also past characters outside the BMP', () => {
    const text = 'k,v\n"🇺🇦 Ukraine",1\r\n"say ""hi""",2';
    const t = table(readCsv(text, 'x.csv'));
    const codePoints = Array.from(text);
    for (const record of t.records) expect(codePoints.slice(record.start, record.end).join('')).toBe(record.text);
    expect(t.records[0]).toMatchObject({ row: 2, start: 4, text: '"🇺🇦 Ukraine",1', cells: ['🇺🇦 Ukraine', '1'] });
    expect(t.records[1]).toMatchObject({ row: 3, text: '"say ""hi""",2', cells: ['say "hi"', '2'] });
  });

  it('counts records, not lines: a quoted line break stays inside its record', () => {
    const t = table(readCsv('a,b\n"line one\nline two",x\nnext,y\n', 'x.csv'));
    expect(t.records.map((r) => [r.row, r.cells[0]])).toEqual([
      [2, 'line one\nline two'],
      [3, 'next'],
    ]);
  });

  it('reports every problem at once, with file, record and field, and returns no table', () => {
    const result = readCsv('a,b,c\n1,2\nx"y,2,3\n"ok"z,2,3\n1,2,3\n"never closed,2,3\n', 'damaged.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { file: 'damaged.csv', row: 3, column: 1, reason: 'a quote inside a field that does not start with one' },
      { file: 'damaged.csv', row: 4, column: 1, reason: 'text after the closing quote of a quoted field' },
      { file: 'damaged.csv', row: 6, column: 1, reason: 'a quoted field is not closed before the end of the file' },
      { file: 'damaged.csv', row: 2, reason: '2 fields where the header has 3' },
    ]);
  });

  it('refuses an empty file', () => {
    expect(readCsv('', 'empty.csv')).toEqual({
      ok: false,
      problems: [{ file: 'empty.csv', row: 1, reason: 'the file is empty: no header record' }],
    });
  });

  // The tracker's release, as copied into the seed.
  const KIEL = join(import.meta.dirname, '..', '..', '..', 'seed', 'sources', 'kiel-ust-r29');
  it('reads every file of the Kiel tracker release, each record at its offsets', () => {
    const files = readdirSync(KIEL).filter((f) => f.endsWith('.csv'));
    expect(files).toHaveLength(6);
    for (const file of files) {
      const text = readFileSync(join(KIEL, file), 'utf8');
      const t = table(readCsv(text, file));
      const lines = text.trimEnd().split('\n');
      // These files hold no quoted line breaks: one record per line.
      expect(t.records.length, file).toBe(lines.length - 1);
      expect(t.records.at(-1)?.text, file).toBe(lines.at(-1));
    }
  });
});
