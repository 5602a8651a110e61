// Shared by the layout readers: line access with bounded pattern matching, paragraphs, the
// patterns every archive uses (dates, copyright lines, labelled fields), and the builder that
// turns a document's classified lines into an ArchiveArticle.

import type { ArchiveArticle, ArchiveFields, ArchiveMetadataLine, Span } from '../types';
import type { LineTable } from '../lines';

/** A run of non-blank lines: 0-based line indices, both inclusive. */
export interface Paragraph {
  readonly first: number;
  readonly last: number;
}

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember';
/** "December 31, 2020 Thursday", "31 December 2020", "2020-12-31". */
export const DATE_PATTERN = new RegExp(`^\\s*(?:\\S+\\s+){0,2}(?:(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\.?\\s+(?:${MONTHS})\\.?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\b`, 'i');
export const COPYRIGHT_PATTERN = /^\s*(?:copyright\b|\(c\)|©)|all rights reserved/i;
/** `LABEL: value` with a label of letters and hyphens; the layouts decide which labels count. */
const FIELD_PATTERN = /^([A-Za-z][A-Za-z-]{0,30}[A-Za-z]):(?:\s(.*))?$/;

export class DocumentLines {
  readonly text: string;

  constructor(readonly lines: LineTable) {
    this.text = lines.text;
  }

  get lineCount(): number {
    return this.lines.count;
  }

  start(line: number): number {
    return this.lines.start(line);
  }

  end(line: number): number {
    return this.lines.end(line);
  }

  /** The trimmed text of a line short enough to match patterns against, else undefined. */
  matchable(line: number): string | undefined {
    return this.lines.matchable(line)?.trim();
  }

  blank(line: number): boolean {
    return this.lines.blank(line);
  }

  /** Whether the line's first non-blank character is one of `characters`. */
  startsWithOneOf(line: number, characters: string): boolean {
    const code = this.lines.firstCharacter(line);
    return code >= 0 && characters.includes(String.fromCharCode(code));
  }

  indented(line: number): boolean {
    const first = this.text.charCodeAt(this.start(line));
    return first === 32 || first === 9;
  }

  /** `[label, value]` of a `LABEL: value` line. */
  field(index: number): readonly [string, string] | undefined {
    const text = this.matchable(index);
    const match = text === undefined ? null : FIELD_PATTERN.exec(text);
    return match?.[1] === undefined ? undefined : [match[1], (match[2] ?? '').trim()];
  }

  /** Runs of non-blank lines among lines `from`..`to` (inclusive). */
  paragraphs(from: number, to: number): Paragraph[] {
    const result: Paragraph[] = [];
    let first = -1;
    for (let i = from; i <= to; i++) {
      if (!this.blank(i)) {
        if (first < 0) first = i;
        continue;
      }
      if (first >= 0) result.push({ first, last: i - 1 });
      first = -1;
    }
    if (first >= 0) result.push({ first, last: to });
    return result;
  }

  nonBlankLines(from: number, to: number, limit: number): number[] {
    const result: number[] = [];
    for (let i = from; i <= to && result.length < limit; i++) if (!this.blank(i)) result.push(i);
    return result;
  }
}

/** Collects one document's metadata lines and fields, then builds the article. */
export class ArticleBuilder {
  private readonly metadata: ArchiveMetadataLine[] = [];
  private readonly fields: { -readonly [K in keyof ArchiveFields]: ArchiveFields[K] } = {};
  private headline: Span | undefined;

  constructor(private readonly doc: DocumentLines) {}

  meta(lineIndex: number, field: string, value?: string): void {
    const start = this.doc.start(lineIndex);
    const end = this.doc.end(lineIndex);
    const shown = value ?? this.doc.text.slice(start, Math.min(end, start + 1000)).trim();
    this.metadata.push({ field, value: shown, start, end, line: lineIndex });
  }

  /** Sets a field once: the first line naming it wins. */
  field(name: keyof ArchiveFields, value: string): void {
    if (this.fields[name] === undefined && value !== '') this.fields[name] = value;
  }

  setHeadline(first: number, last: number): void {
    const start = this.doc.start(first);
    const end = this.doc.end(last);
    this.headline = { start, end };
    this.field('headline', squeeze(this.doc.text.slice(start, Math.min(end, start + 1000))));
  }

  /** @param body the story's paragraphs (possibly none); `emptyAt` is the body offset when there are none */
  build(index: number, firstLine: number, lastLine: number, body: readonly Paragraph[], emptyAt: number): ArchiveArticle {
    const firstBody = body[0];
    const lastBody = body[body.length - 1];
    const bodyStart = firstBody ? this.doc.start(firstBody.first) : emptyAt;
    const bodyEnd = lastBody ? this.doc.end(lastBody.last) : emptyAt;
    return {
      index,
      start: this.doc.start(firstLine),
      end: this.doc.end(lastLine),
      bodyStart,
      bodyEnd,
      ...(this.headline ? { headline: this.headline } : {}),
      metadata: [...this.metadata].sort((a, b) => a.start - b.start),
      fields: { ...this.fields },
    };
  }
}

/** Runs of spaces and line breaks as one space, trimmed. */
export function squeeze(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Paragraphs from the end that are metadata (each starting with a field line, say) form the
 * trailer; returns how many paragraphs at the end of `paragraphs[from..]` are trailer.
 */
export function trailerLength(paragraphs: readonly Paragraph[], from: number, isMeta: (line: number) => boolean): number {
  let count = 0;
  for (let i = paragraphs.length - 1; i >= from; i--) {
    const paragraph = paragraphs[i];
    if (!paragraph || !isMeta(paragraph.first)) break;
    count++;
  }
  return count;
}
