// The data every exchange format is turned into and made from: an article's text and its tags
// with plain offsets, whatever the format counts in.

import type { AnnotationSet, AnnotationStatus, AttributeValue } from '../annotations/model/types';
import type { ArchiveFields } from '../archive/types';

/** One article of an archive export file: its place in the file's text (UTF-16, as read) and its metadata. */
export interface ExportArchiveArticle {
  readonly start: number;
  readonly end: number;
  readonly fields: ArchiveFields;
}

/** One article to export: its text as read from disk and its tags as loaded from the sidecar. */
export interface ExportArticle {
  /** Path relative to the export root with `/` separators, e.g. `world/article.txt`. */
  readonly name: string;
  readonly text: string;
  readonly set: AnnotationSet;
  /** When the file is an archive export of several articles: each one (see archiveExportArticles). */
  readonly articles?: readonly ExportArchiveArticle[];
}

export interface ExportFile {
  /** Relative path with `/` separators. */
  readonly path: string;
  readonly content: string;
}

export interface ExportResult {
  readonly files: readonly ExportFile[];
  /** Tags left out: those the format cannot say are orphaned or rejected, and `across`. */
  readonly skipped: number;
  /** Of `skipped`, the tags of an archive file that run across two of its articles, where the format holds one task per article. */
  readonly across?: number;
  /** Names the format had to write otherwise (brat's single tokens): `from` as tagged, `to` as written. Importing the files back gives `to`. */
  readonly renamed?: readonly { readonly from: string; readonly to: string }[];
}

/** How the offsets of an imported tag are counted. */
export type OffsetUnit = 'codePoints' | 'utf16';

/** A tag read from an exchange file, before it is placed in an article. */
export interface ImportedTag {
  /** Offsets into the article text without BOM, in `unit`; absent when the file gives no place. */
  readonly start?: number;
  readonly end?: number;
  readonly unit: OffsetUnit;
  readonly label: string;
  /** The tagged words as the file gives them (for checking the place, and for re-anchoring). */
  readonly text?: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly id?: string;
  readonly note?: string;
  readonly author?: string;
  readonly created?: string;
  readonly modified?: string;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  /** Set by formats that can say a tag had lost its place. */
  readonly status?: AnnotationStatus;
}

/** One article's worth of tags from an exchange file. */
export interface ImportedDocument {
  /** The article's file name (or path) as the file names it, when it does. */
  readonly name?: string;
  /** The article text when the file carries it (used to find the article when the name does not). */
  readonly text?: string;
  readonly tags: readonly ImportedTag[];
}

export interface ImportProblem {
  /** The exchange file, and the 1-based line in it when known. */
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export interface ParsedImport {
  readonly documents: readonly ImportedDocument[];
  readonly problems: readonly ImportProblem[];
}

/** An input file handed to a format reader. */
export interface InputFile {
  readonly path: string;
  readonly content: string;
}
