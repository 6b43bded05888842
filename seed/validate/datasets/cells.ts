/**
 * The cells of a table file, typed by its mapping's columns: every cell parsed (decimals exactly),
 * or the reason it cannot be, and where a problem is (`row=57 col=4 (month)`).
 */
import type { CsvRecord } from '../readCsv.js';
import type { Column, Mapping } from './datasetSchemas.js';
import { isZero, parseDecimal, scaled, toNumber, type Decimal } from './decimal.js';
import type { RowEvidence, TableProp } from './tableTypes.js';

/** A typed cell: the verbatim text and its value. */
export type Typed =
  | { type: 'text'; raw: string; value: string }
  | { type: 'integer'; raw: string; value: bigint }
  | { type: 'decimal'; raw: string; value: Decimal }
  | { type: 'float'; raw: string; value: number }
  | { type: 'list'; raw: string; value: { name: string; count: bigint | null; text: string }[] };

export interface Row {
  record: CsvRecord;
  cells: Map<string, Typed>;
  evidence: RowEvidence;
}

export interface Table {
  key: string;
  mapping: Mapping;
  rows: Row[];
  file: string;
}

/** Where a problem is: `row=N`, or `row=N col=C (name)`. */
export const where = (row: number, col?: { index: number; name: string }): string =>
  col === undefined ? `row=${row}` : `row=${row} col=${col.index + 1} (${col.name})`;

/** Types one cell, or says why it cannot. */
export function typeCell(column: Column, raw: string): Typed | string {
  if (raw === '') return column.optional === true ? { type: 'text', raw, value: '' } : 'empty cell';
  switch (column.type) {
    case 'text':
      return { type: 'text', raw, value: raw };
    case 'code':
      return new RegExp(column.pattern).test(raw) ? { type: 'text', raw, value: raw } : `"${raw}" does not match ${column.pattern}`;
    case 'enum':
      return column.values.includes(raw) ? { type: 'text', raw, value: raw } : `"${raw}" is not one of ${column.values.join(', ')}`;
    case 'integer': {
      if (!/^-?(0|[1-9][0-9]*)$/.test(raw)) return `expected an integer, got "${raw}"`;
      const value = BigInt(raw);
      if ((column.min !== undefined && value < BigInt(column.min)) || (column.max !== undefined && value > BigInt(column.max)))
        return `expected an integer ${column.min ?? '…'}–${column.max ?? '…'}, got "${raw}"`;
      return { type: 'integer', raw, value };
    }
    case 'decimal': {
      const value = parseDecimal(raw);
      if (value === undefined) return `expected a decimal number, got "${raw}"`;
      if (column.min !== undefined && toNumber(value) < column.min) return `expected at least ${column.min}, got "${raw}"`;
      return { type: 'decimal', raw, value };
    }
    case 'float': {
      const value = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isFinite(value)) return `expected a number, got "${raw}"`;
      if (column.min !== undefined && value < column.min) return `expected at least ${column.min}, got "${raw}"`;
      return { type: 'float', raw, value };
    }
    case 'month-year': {
      const m = /^(0[1-9]|1[0-2])\/(\d{4})$/.exec(raw);
      return m ? { type: 'text', raw, value: `${m[2]}-${m[1]}` } : `expected MM/YYYY, got "${raw}"`;
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw))
        ? { type: 'text', raw, value: raw }
        : `expected YYYY-MM-DD, got "${raw}"`;
    case 'list': {
      const pattern = new RegExp(column.item);
      const items: { name: string; count: bigint | null; text: string }[] = [];
      for (const text of raw.split(column.separator)) {
        const m = pattern.exec(text);
        const name = m?.groups?.name;
        if (!m || name === undefined) return `list item "${text}" does not match ${column.item}`;
        const count = m.groups?.count;
        items.push({ name, count: count === undefined ? null : BigInt(count), text });
      }
      return { type: 'list', raw, value: items };
    }
  }
}

/** A typed value as a stored property, with the column's scale applied. */
export function propOf(cell: Typed, column: Column | undefined): TableProp {
  const scale = column !== undefined && (column.type === 'decimal' || column.type === 'float') ? (column.scale ?? 1) : 1;
  switch (cell.type) {
    case 'text':
      return cell.value;
    case 'integer':
      return cell.value;
    case 'decimal':
      return scaled(cell.value, scale);
    case 'float':
      return cell.value * scale;
    case 'list':
      return cell.value.map((item) => item.text);
  }
}

export const isZeroCell = (cell: Typed): boolean =>
  (cell.type === 'decimal' && isZero(cell.value)) ||
  (cell.type === 'float' && cell.value === 0) ||
  (cell.type === 'integer' && cell.value === 0n);

/** Unit words for a scale: 1e9 → "billion". */
export function scaleWord(scale: number | undefined): string {
  if (scale === undefined || scale === 1) return '';
  const words: Record<number, string> = { 1e3: ' thousand', 1e6: ' million', 1e9: ' billion', 1e12: ' trillion' };
  return words[scale] ?? ` × ${scale}`;
}
