/**
 * Builds a synthetic source text sentence by sentence and remembers where every piece landed,
 * in code points (the project's offsets), so evidence quotes are true by construction.
 */

/** An evidence item: the verbatim quote and its code-point offsets. */
export interface Span {
  quote: string;
  start: number;
  end: number;
}

/** Mentions of one entity under one surface form, in the seed format. */
export interface MentionItem {
  entity: string;
  surfaceForm: string;
  honorific?: string;
  evidence: Span[];
}

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** The whole text plus the mentions recorded while writing it. */
export class TextBuilder {
  private readonly pieces: string[] = [];
  private length = 0;
  private readonly mentions = new Map<string, MentionItem>();

  /** Starts a sentence at the current end of the text (a space first, unless at a line start). */
  sentence(): Sentence {
    const last = this.pieces.at(-1);
    if (last !== undefined && !last.endsWith('\n')) this.push(' ');
    return new Sentence(this);
  }

  /** Ends the paragraph: a line break, as in the curated source. */
  paragraph(): void {
    if (this.pieces.length > 0) this.push('\n');
  }

  /** Appends raw text and returns where it landed. */
  push(text: string): Span {
    const start = this.length;
    this.pieces.push(text);
    this.length += codePoints(text);
    return { quote: text, start, end: this.length };
  }

  /** Records one occurrence of an entity (the span must be the surface form). */
  mention(entity: string, span: Span, honorific?: string): void {
    const key = `${entity}\u0000${span.quote}`;
    const item = this.mentions.get(key) ?? {
      entity,
      surfaceForm: span.quote,
      ...(honorific === undefined ? {} : { honorific }),
      evidence: [],
    };
    item.evidence.push(span);
    this.mentions.set(key, item);
  }

  get offset(): number {
    return this.length;
  }

  text(): string {
    return `${this.pieces.join('')}\n`;
  }

  /** Mentions in first-occurrence order. */
  mentionItems(): MentionItem[] {
    return [...this.mentions.values()];
  }
}

/** One sentence being written: plain words, entity mentions, and marks for longer spans. */
export class Sentence {
  private readonly start: number;
  private readonly parts: string[] = [];

  constructor(private readonly text: TextBuilder) {
    this.start = text.offset;
  }

  /** Appends words; returns their span (e.g. a stated amount). */
  words(s: string): Span {
    this.parts.push(s);
    return this.text.push(s);
  }

  /** Appends an entity's surface form and records the mention. */
  mention(entity: string, surfaceForm: string, honorific?: string): Span {
    const span = this.words(surfaceForm);
    this.text.mention(entity, span, honorific);
    return span;
  }

  /** The current position, to record a mention spanning several pieces later. */
  mark(): { offset: number; part: number } {
    return { offset: this.text.offset, part: this.parts.length };
  }

  /** Records a mention of everything written since `mark` (e.g. "Defence Minister of Valdoria"). */
  mentionSince(mark: { offset: number; part: number }, entity: string): void {
    this.text.mention(entity, { quote: this.parts.slice(mark.part).join(''), start: mark.offset, end: this.text.offset });
  }

  /** The whole sentence as an evidence span. */
  end(): Span {
    return { quote: this.parts.join(''), start: this.start, end: this.text.offset };
  }
}
