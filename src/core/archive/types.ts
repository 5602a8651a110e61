// What the archive splitter finds in an export file holding many articles: where each article
// lies in the original text, which of its lines are archive metadata and what they say.
// Offsets are UTF-16 code units into the text exactly as given (BOM and line breaks included), so
// the editor can map them one to one onto document offsets.

export type ArchiveLayout = 'lexisnexis' | 'nexis-uni' | 'factiva' | 'custom';

export interface Span {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** One line of archive metadata (a `BYLINE:` line, a word count, the `Document …` id line…). */
export interface ArchiveMetadataLine extends Span {
  /**
   * Lower-case field name: the archive's own (`byline`, `length`, `load-date`, `section`…) or one
   * of ours for unlabelled lines: `marker` (the line that starts or ends a document), `source`,
   * `date`, `edition`, `copyright`, `words`, `language`, `id`, `separator`, `header`.
   */
  readonly field: string;
  /** The value without the field label, trimmed. */
  readonly value: string;
  /** 0-based line number in the original text (as VS Code counts lines). */
  readonly line: number;
}

export interface ArchiveFields {
  readonly source?: string;
  readonly date?: string;
  readonly byline?: string;
  readonly headline?: string;
  readonly section?: string;
  readonly length?: string;
  readonly language?: string;
  readonly id?: string;
  /** When the archive loaded the article (`LOAD-DATE:`): a date for the report's timeline when the article's own is missing. */
  readonly loadDate?: string;
}

export interface ArchiveArticle extends Span {
  /** 0-based position in the export. */
  readonly index: number;
  /** The story itself, without the metadata before and after it; trimmed of blank lines. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** The headline's line(s) when the layout names one; may lie inside the body (custom layout). */
  readonly headline?: Span;
  /** In text order; lines of the document outside the body and the headline. */
  readonly metadata: readonly ArchiveMetadataLine[];
  readonly fields: ArchiveFields;
}

export interface ArchiveSplit {
  /** `null`: no clear layout; the text is one ordinary article and `articles` is empty. */
  readonly layout: ArchiveLayout | null;
  /** In text order, not overlapping. */
  readonly articles: readonly ArchiveArticle[];
}
