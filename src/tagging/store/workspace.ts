// The seam between the annotation store and VS Code: everything the store needs from files,
// documents and the user interface, so the store runs over an in-memory workspace in unit tests.

import type { SidecarError } from '../../core/annotations/sidecar/types';

/** An open article as the store sees it (a vscode.TextDocument fits). */
export interface ArticleDocument<U> {
  readonly uri: U;
  getText(): string;
  readonly isDirty: boolean;
}

/** One edit of a document change (a vscode.TextDocumentContentChangeEvent fits). */
export interface ContentChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/** Files and open documents, addressed by URIs of type `U`. */
export interface AnnotationWorkspace<U> {
  /** A stable string for the URI, to key maps. */
  key(uri: U): string;
  /** The sidecar of a text file (`a.txt` → `a.txt.annotations.yaml` beside it). */
  sidecarOf(textUri: U): U;
  /** The text file of a sidecar, or undefined when `uri` is not a sidecar. */
  textOf(sidecarUri: U): U | undefined;
  /** The file's last path segment. */
  fileName(uri: U): string;
  /** The path a person reads in messages (relative to the workspace). */
  relativePath(uri: U): string;
  /** The text, or undefined when the file does not exist; other read errors throw. */
  readText(uri: U): Promise<string | undefined>;
  /**
   * Replaces the file in one step, or throws and leaves the old file whole; with `unchangedSince`
   * (its text as last read, undefined for no file), also when it changed since.
   */
  writeAtomically(uri: U, content: string, unchangedSince?: { readonly text: string | undefined }): Promise<void>;
  /** The open document of the URI, if any. */
  openDocument(uri: U): ArticleDocument<U> | undefined;
  /** Whether this document is still open (it may have closed during a read). */
  isOpen(doc: ArticleDocument<U>): boolean;
  /** Whether the document is an article (sidecars and other files are not annotated). */
  isArticle(doc: ArticleDocument<U>): boolean;
}

/** What the store tells the person, and the words it uses; VS Code shows these, tests record them. */
export interface StoreReporter<U> {
  /** Localises a message with `{0}`-style placeholders. */
  t(message: string, ...args: (string | number)[]): string;
  /** A sidecar cannot be used: its annotations are read-only until it is fixed. Called once per content. */
  sidecarUnusable(sidecarUri: U, problem: string): void;
  /** The errors of a malformed sidecar, with their lines; an empty list clears them. */
  sidecarErrors(sidecarUri: U, errors: readonly SidecarError[]): void;
  /** A write failed for the first time since the last success. */
  writeFailed(sidecarUri: U, reason: string): void;
  /** A write succeeded after failures. */
  writeRecovered(textUri: U): void;
  /** A sidecar changed outside was merged with the annotations, and `count` tags were changed differently on both sides. */
  mergeConflicts(sidecarUri: U, count: number): void;
}
