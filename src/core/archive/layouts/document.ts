// Shared by the layout readers: line access with bounded pattern matching, paragraphs, the
// patterns every archive uses (dates, copyright lines, labelled fields), and the builder that
// turns a document's classified lines into an ArchiveArticle.

import type { ArchiveArticle, ArchiveFields, ArchiveMetadataLine, Span } from '../types';
import type { TextLine } from '../lines';
import { isBlank, matchableText } from '../lines';

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
  constructor(
    readonly text: string,
    readonly lines: readonly TextLine[],
  ) {}

  line(index: number): TextLine {
    const line = this.lines[index];
    if (!line) throw new RangeError(`no line ${index}`);
    return line;
  }

  /** The trimmed text of a line short enough to match patterns against, else undefined. */
  matchable(index: number): string | undefined {
    const line = this.lines[index];
    return line === undefined ? undefined : matchableText(this.text, line)?.trim();
  }

  blank(index: number): boolean {
    const line = this.lines[index];
    return line === undefined || isBlank(this.text, line);
  }

  indented(index: number): boolean {
    const line = this.line(index);
    const first = this.text.charCodeAt(line.start);
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
    const line = this.doc.line(lineIndex);
    const shown = value ?? this.doc.text.slice(line.start, Math.min(line.end, line.start + 1000)).trim();
    this.metadata.push({ field, value: shown, start: line.start, end: line.end, line: lineIndex });
  }

  /** Sets a field once: the first line naming it wins. */
  field(name: keyof ArchiveFields, value: string): void {
    if (this.fields[name] === undefined && value !== '') this.fields[name] = value;
  }

  setHeadline(first: number, last: number): void {
    const start = this.doc.line(first).start;
    const end = this.doc.line(last).end;
    this.headline = { start, end };
    this.field('headline', squeeze(this.doc.text.slice(start, Math.min(end, start + 1000))));
  }

  /** @param body the story's paragraphs (possibly none); `emptyAt` is the body offset when there are none */
  build(index: number, firstLine: number, lastLine: number, body: readonly Paragraph[], emptyAt: number): ArchiveArticle {
    const firstBody = body[0];
    const lastBody = body[body.length - 1];
    const bodyStart = firstBody ? this.doc.line(firstBody.first).start : emptyAt;
    const bodyEnd = lastBody ? this.doc.line(lastBody.last).end : emptyAt;
    return {
      index,
      start: this.doc.line(firstLine).start,
      end: this.doc.line(lastLine).end,
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
