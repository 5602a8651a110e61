// An in-memory workspace for the annotation store: files in a map, open documents in a set, and a
// reporter that records what the person would be told.

import type { SidecarError } from '../../../../src/core/annotations/sidecar/types';
import { SIDECAR_SUFFIX } from '../../../../src/core/annotations/sidecar/types';
import { ChangedMeanwhileError } from '../../../../src/base/atomicWrite';
import type { AnnotationWorkspace, ArticleDocument, ContentChange, StoreReporter } from '../../../../src/tagging/store/workspace';

export class MemoryDocument implements ArticleDocument<string> {
  isDirty = false;
  constructor(
    readonly uri: string,
    public text: string,
  ) {}

  getText(): string {
    return this.text;
  }

  /** Applies an edit and returns the change event the editor would send. */
  edit(start: number, end: number, insert: string): ContentChange[] {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.isDirty = true;
    return [{ rangeOffset: start, rangeLength: end - start, text: insert }];
  }
}

export class MemoryWorkspace implements AnnotationWorkspace<string> {
  readonly files = new Map<string, string>();
  readonly open = new Set<MemoryDocument>();
  /** When set, every write throws this. */
  writeError: Error | undefined;
  /** When set, reading this file throws. */
  unreadable: string | undefined;
  writes = 0;

  key = (uri: string): string => uri;
  sidecarOf = (uri: string): string => `${uri}${SIDECAR_SUFFIX}`;
  textOf = (uri: string): string | undefined => (uri.endsWith(SIDECAR_SUFFIX) ? uri.slice(0, -SIDECAR_SUFFIX.length) : undefined);
  fileName = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);
  relativePath = (uri: string): string => uri;

  readText(uri: string): Promise<string | undefined> {
    if (uri === this.unreadable) return Promise.reject(new Error('permission denied'));
    return Promise.resolve(this.files.get(uri));
  }

  /** When set, writes wait for it (a slow disk). */
  hold: Promise<void> | undefined;
  /** Runs just before a file is replaced (another program writing at that moment). */
  beforeReplace: ((uri: string) => void) | undefined;

  /** Honours `unchangedSince` as the local disk's atomic write does. */
  async writeAtomically(uri: string, content: string, unchangedSince?: { readonly text: string | undefined }): Promise<void> {
    if (this.hold) await this.hold;
    if (this.writeError) throw this.writeError;
    this.beforeReplace?.(uri);
    if (unchangedSince && this.files.get(uri) !== unchangedSince.text) throw new ChangedMeanwhileError(uri);
    this.writes++;
    this.files.set(uri, content);
  }

  openDocument(uri: string): MemoryDocument | undefined {
    return [...this.open].find((d) => d.uri === uri);
  }

  isOpen(doc: ArticleDocument<string>): boolean {
    return this.open.has(doc as MemoryDocument);
  }

  isArticle(doc: ArticleDocument<string>): boolean {
    return doc.uri.endsWith('.txt');
  }

  openArticle(uri: string, text: string): MemoryDocument {
    this.files.set(uri, text);
    const doc = new MemoryDocument(uri, text);
    this.open.add(doc);
    return doc;
  }
}

export class RecordingReporter implements StoreReporter<string> {
  readonly unusable: [string, string][] = [];
  readonly errors = new Map<string, readonly SidecarError[]>();
  readonly failed: [string, string][] = [];
  readonly recovered: string[] = [];
  readonly conflicts: [string, number][] = [];

  t(message: string, ...args: (string | number)[]): string {
    return message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
  }

  sidecarUnusable(uri: string, problem: string): void {
    this.unusable.push([uri, problem]);
  }

  sidecarErrors(uri: string, errors: readonly SidecarError[]): void {
    if (errors.length === 0) this.errors.delete(uri);
    else this.errors.set(uri, errors);
  }

  writeFailed(uri: string, reason: string): void {
    this.failed.push([uri, reason]);
  }

  writeRecovered(uri: string): void {
    this.recovered.push(uri);
  }

  mergeConflicts(uri: string, count: number): void {
    this.conflicts.push([uri, count]);
  }
}
