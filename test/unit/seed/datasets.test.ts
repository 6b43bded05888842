/**
 * Tabular sources: the Kiel tracker's files as the seed reads them (every fact on its row, at its
 * code-point offsets), and damaged copies refused with file, row and column, everything at once.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedValidationError, validateSeedDir, type ValidatedSeed } from '../../../seed/validate/validate.js';
import { CodePointText } from '../../../seed/validate/codePoints.js';
import { DATA_DIR, SEED_ROOT } from './paths.js';

const DIR = 'sources/kiel-ust-r29';
let seed: ValidatedSeed;

beforeAll(async () => {
  seed = await validateSeedDir(DATA_DIR);
});

/** The CSV as plain records (the files quote text cells and hold no comma inside one, except release_info's label). */
async function csv(name: string): Promise<{ line: number; cells: Record<string, string> }[]> {
  const text = await readFile(path.join(SEED_ROOT, DIR, name), 'utf8');
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = header!.split(',').map((h) => h.replace(/"/g, ''));
  return lines.map((line, i) => ({
    line: i + 2,
    cells: Object.fromEntries(line.split(',').map((c, j) => [names[j]!, c.replace(/"/g, '')])),
  }));
}

describe('the Kiel tracker as a tabular source', () => {
  it('reads one dataset with its six files, each with the sha256 the manifest states', () => {
    expect(seed.datasets.map((d) => d.meta.id)).toEqual(['dataset:kiel-ust-r29']);
    const [dataset] = seed.datasets;
    expect(dataset!.tables.map((t) => [t.path, t.rowCount])).toEqual([
      [`${DIR}/data_explorer.csv`, 1079],
      [`${DIR}/total_allocations.csv`, 52],
      [`${DIR}/weapons.csv`, 61],
      [`${DIR}/eu_aid_shares.csv`, 27],
      [`${DIR}/procurement_trends.csv`, 52],
      [`${DIR}/release_info.csv`, 1],
    ]);
    expect(dataset!.warnings).toEqual([]);
  });

  it('rests every fact and mention on a row: its verbatim text at its code-point offsets, its number the line', () => {
    const [dataset] = seed.datasets;
    const texts = new Map(dataset!.tables.map((t) => [t.sourceId, { text: new CodePointText(t.text), lines: t.text.split('\n') }]));
    const rows = [
      ...dataset!.facts.flatMap((f) => f.evidence.map((e) => ({ sourceId: e.sourceId, ...e.evidence }))),
      ...dataset!.mentions.map((m) => ({ sourceId: m.sourceId, ...m.evidence })),
    ];
    expect(rows.length).toBeGreaterThan(3000);
    for (const row of rows) {
      const source = texts.get(row.sourceId)!;
      expect(source.text.slice(row.start, row.end)).toBe(row.quote);
      expect(source.lines[row.row - 1]).toBe(row.quote);
    }
  });

  it('turns each nonzero allocation into a Commitment whose amount is the cell, exactly, in euros', async () => {
    const facts = new Map(seed.datasets[0]!.facts.map((f) => [f.id, f]));
    let checked = 0;
    for (const { line, cells } of await csv('data_explorer.csv')) {
      for (const kind of ['financial', 'humanitarian', 'military'] as const) {
        const donor = cells.iso === 'EU' ? 'organization:eu' : undefined;
        const id = [...facts.keys()].find(
          (k) =>
            k.endsWith(`-${cells.year}-${cells.month!.padStart(2, '0')}-${kind}-allocated`) &&
            facts.get(k)!.evidence[0]!.evidence.row === line,
        );
        if (cells[kind] === '0') {
          expect(id).toBeUndefined();
          continue;
        }
        const fact = facts.get(id!)!;
        expect(fact.props.amountStated).toBe(cells[kind]);
        // Exact: the decimal shifted by nine places, never a float product.
        const [whole, fraction = ''] = cells[kind]!.split('.');
        expect(fact.props.amountValue).toBe(Number(BigInt(whole! + fraction.padEnd(9, '0'))));
        if (donor !== undefined) expect(fact.rels.find((r) => r.type === 'COMMITTED')?.from).toBe(donor);
        checked += 1;
      }
    }
    expect(checked).toBe(1450); // the nonzero allocation cells of the file
  });

  it('resolves donors to the registry by ISO code and alias, never making new ones', () => {
    const mentions = seed.datasets[0]!.mentions;
    const byWords = new Map(mentions.map((m) => [m.surfaceForm, m.entity]));
    expect(byWords.get('United Kingdom')).toBe('nation:gb');
    expect(byWords.get('United States')).toBe('nation:us');
    expect(byWords.get('France')).toBe('nation:fr');
    expect(byWords.get('EU (Commission and Council)')).toBe('organization:eu');
    expect(byWords.get('Turkiye')).toBe('nation:tr');
    const registry = new Set([...seed.registry.nations, ...seed.registry.organizations].map((e) => e.id));
    for (const m of mentions) expect(registry.has(m.entity), m.entity).toBe(true);
  });

  it('lists each heavy-weapon system with its count, summing two spellings of one system in a row', () => {
    const weapons = seed.datasets[0]!.facts.filter((f) => f.label === 'WeaponSystem');
    const d30 = weapons.find((w) => w.id === 'weapon-system:d-30-howitzer')!;
    expect(d30.props.aliases).toEqual(['D-30 Howitzer', 'D-30 howitzer']);
    const estonia = d30.rels.find((r) => r.from === 'heavy-weapons:kiel-ust-r29-ee-howitzers')!;
    expect(estonia.props).toEqual({ count: 33n, stated: 'D-30 howitzer (24); D-30 Howitzer (9)' });
  });
});

describe('a damaged copy of a table file', () => {
  let root: string;

  /** A copy of the seed with one CSV changed by `edit`; the validation's problems, or none. */
  async function damaged(file: string, edit: (text: string) => string): Promise<string[]> {
    const dir = await mkdtemp(path.join(root, 'seed-'));
    await cp(path.join(SEED_ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
    await cp(path.join(SEED_ROOT, 'sources'), path.join(dir, 'sources'), { recursive: true });
    const target = path.join(dir, DIR, file);
    await writeFile(target, edit(await readFile(target, 'utf8')));
    try {
      await validateSeedDir(path.join(dir, 'data'));
      return [];
    } catch (err) {
      if (!(err instanceof SeedValidationError)) throw err;
      return err.issues.map((i) => `${i.file} ${i.path}: ${i.message}`);
    }
  }

  /** Replaces line `line` (1-based) of `text` by `f(line)`. */
  const onLine = (line: number, f: (l: string) => string) => (text: string) =>
    text
      .split('\n')
      .map((l, i) => (i === line - 1 ? f(l) : l))
      .join('\n');

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'datasets-test-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reports a letter in a number with its file, row and column', async () => {
    const issues = await damaged(
      'data_explorer.csv',
      onLine(1002, (l) => l.replace(',0.622992,', ',0.62299O,')),
    );
    expect(issues).toContain(`${DIR}/data_explorer.csv row=1002 col=8 (military): expected a decimal number, got "0.62299O"`);
    expect(issues.some((i) => i.includes('differs from the manifest') && i.includes('data_explorer.csv'))).toBe(true);
  });

  it('reports a missing column by name on row 1', async () => {
    const issues = await damaged('total_allocations.csv', (text) =>
      text
        .split('\n')
        .map((l) => l.split(',').slice(0, 5).join(','))
        .join('\n'),
    );
    expect(issues.some((i) => i.startsWith(`${DIR}/total_allocations.csv row=1: missing column "humanitarian"`))).toBe(true);
  });

  it('reports an unknown ISO code', async () => {
    const issues = await damaged(
      'data_explorer.csv',
      onLine(1002, (l) => l.replace('"GBR"', '"XYZ"')),
    );
    expect(issues).toContain(
      `${DIR}/data_explorer.csv row=1002 col=2 (iso): unknown actor code "XYZ": no registry nation has iso3 XYZ and the manifest's actors.byCode has no entry`,
    );
  });

  it('reports month 13, and every other problem of the same run with it', async () => {
    const issues = await damaged('data_explorer.csv', (text) =>
      onLine(1002, (l) => l.replace(',2022,3,', ',2022,13,'))(onLine(57, (l) => l.replace(/^"([^"]+)","([A-Z]+)",/, '"$1","$2",x'))(text)),
    );
    expect(issues).toContain(`${DIR}/data_explorer.csv row=1002 col=4 (month): expected an integer 1–12, got "13"`);
    expect(issues.some((i) => i.startsWith(`${DIR}/data_explorer.csv row=57 col=3 (year): expected an integer`))).toBe(true);
  });

  it('refuses a row whose total is not the sum of its kinds, and a month whose donors do not add up to the published total', async () => {
    const issues = await damaged(
      'data_explorer.csv',
      onLine(1002, (l) => l.replace(',0.922018,0.123269,', ',0.932018,0.123269,')),
    );
    expect(issues).toContain(
      `${DIR}/data_explorer.csv row=1002: check row-total: total 0.932018 ≠ financial + humanitarian + military = 0.922018 (difference 0.010000)`,
    );
    expect(issues.some((i) => i.includes('check monthly-total') && i.includes('year, month = 2022,3'))).toBe(true);
    expect(issues.some((i) => i.includes('check to-be-allocated') && i.includes('row=1002'))).toBe(true);
  });

  it('accepts the file unchanged (the copy itself is sound)', async () => {
    expect(await damaged('data_explorer.csv', (t) => t)).toEqual([]);
  });
});
