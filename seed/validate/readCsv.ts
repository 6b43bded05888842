/**
 * Reads a CSV file (RFC 4180: comma-separated fields, records ended by LF or CRLF, fields that
 * may be quoted, `""` for a quote inside a quoted field, line breaks allowed inside one) into
 * records that keep where they are in the file: each record's number, counted from 1 with the
 * header as record 1 (the `row=N` of an RFC 7111 fragment identifier), and the code-point
 * offsets of its verbatim text (the same offsets the evidence of a text source uses). The first
 * step of reading a dataset's table files (datasets/readDatasets.ts).
 *
 * Every problem is reported, each with its record and field, and no table is returned then:
 * an unterminated quote, a quote inside an unquoted field, text after a closing quote, a record
 * whose number of fields differs from the header's, an empty file.
 */

export interface CsvRecord {
  /** The record's number in the file, the header being record 1. */
  row: number;
  /** Code-point offset of the record's first character (start inclusive). */
  start: number;
  /** Code-point offset just after its last character, line break excluded. */
  end: number;
  /** The record's verbatim text: exactly the file's code points from `start` to `end`. */
  text: string;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  /** The data records, in file order (the header is not among them). */
  records: CsvRecord[];
}

export interface CsvProblem {
  file: string;
  row: number;
  /** 1-based field number, when the problem is in one field. */
  column?: number;
  reason: string;
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; problems: CsvProblem[] };

/** Parses `text` (the file's content) as CSV; `file` names it in problems. */
export function readCsv(text: string, file: string): CsvResult {
  const chars = Array.from(text);
  const problems: CsvProblem[] = [];
  const records: CsvRecord[] = [];
  let i = 0;
  let row = 0;
  while (i < chars.length) {
    row += 1;
    const start = i;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let afterClosingQuote = false;
    let reportedInRecord = false;
    const problem = (reason: string): void => {
      if (!reportedInRecord) problems.push({ file, row, column: cells.length + 1, reason });
      reportedInRecord = true;
    };
    let end = chars.length;
    let next = chars.length;
    for (; i < chars.length; i += 1) {
      const c = chars[i];
      if (quoted) {
        if (c !== '"') cell += c;
        else if (chars[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else {
          quoted = false;
          afterClosingQuote = true;
        }
        continue;
      }
      if (c === ',') {
        cells.push(cell);
        cell = '';
        afterClosingQuote = false;
      } else if (c === '\n' || (c === '\r' && chars[i + 1] === '\n')) {
        end = i;
        next = c === '\r' ? i + 2 : i + 1;
        break;
      } else if (c === '"') {
        if (cell === '' && !afterClosingQuote) quoted = true;
        else problem('a quote inside a field that does not start with one');
      } else if (afterClosingQuote) {
        problem('text after the closing quote of a quoted field');
      } else {
        cell += c;
      }
    }
    if (quoted) problem('a quoted field is not closed before the end of the file');
    cells.push(cell);
    records.push({ row, start, end, text: chars.slice(start, end).join(''), cells });
    i = next;
  }
  const [header, ...data] = records;
  if (!header) return { ok: false, problems: [{ file, row: 1, reason: 'the file is empty: no header record' }] };
  // A record already reported (say, a quote never closed) would only add a field count that says nothing more.
  const reported = new Set(problems.map((p) => p.row));
  for (const record of data) {
    if (!reported.has(record.row) && record.cells.length !== header.cells.length) {
      problems.push({
        file,
        row: record.row,
        reason: `${record.cells.length} fields where the header has ${header.cells.length}`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, table: { header: header.cells, records: data } };
}
