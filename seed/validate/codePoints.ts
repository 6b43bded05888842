/**
 * Character offsets in this project are Unicode code points (as in the W3C Web Annotation
 * TextPositionSelector), not UTF-16 code units: a JS string index would drift on any
 * character outside the Basic Multilingual Plane, and other tools (Python, Neo4j's
 * `substring`) count code points.
 */

/** A text split into code points once, so that many offset look-ups stay cheap. */
export class CodePointText {
  readonly text: string;
  readonly points: readonly string[];

  constructor(text: string) {
    this.text = text;
    this.points = Array.from(text);
  }

  /** Number of code points in the text. */
  get length(): number {
    return this.points.length;
  }

  /** The text between two code-point offsets (start inclusive, end exclusive). */
  slice(start: number, end: number): string {
    return this.points.slice(start, end).join('');
  }

  /** Every occurrence of `quote`, as code-point `[start, end)` pairs, in text order. */
  findAll(quote: string): { start: number; end: number }[] {
    if (quote.length === 0) return [];
    const quoteLength = Array.from(quote).length;
    const found: { start: number; end: number }[] = [];
    let unitIndex = this.text.indexOf(quote);
    while (unitIndex !== -1) {
      const start = Array.from(this.text.slice(0, unitIndex)).length;
      found.push({ start, end: start + quoteLength });
      unitIndex = this.text.indexOf(quote, unitIndex + 1);
    }
    return found;
  }
}
