import type { Annotation, Rejection } from '../../core/annotations/model/types';

/** Everything known about the annotations of one text file. */
export interface FileAnnotations<U> {
  readonly textUri: U;
  readonly sidecarUri: U;
  readonly annotations: readonly Annotation[];
  readonly rejections: readonly Rejection[];
  /** Why the annotations are read-only (the sidecar is malformed or too new), or undefined. */
  readonly problem: string | undefined;
  /** The last write failed; the annotations are kept in memory and written when possible. */
  readonly unsaved: boolean;
  /**
   * Tags found again after the article changed outside the editor, but not surely (another copy
   * of their words, or their surroundings changed), by id with the confidence of the place: a
   * person should check them. A tag leaves this list when it is confirmed, moved or edited.
   */
  readonly review: ReadonlyMap<string, number>;
}

export interface Snapshot {
  readonly annotations: readonly Annotation[];
  readonly rejections: readonly Rejection[];
}

/** A state before a change, for undo: its places follow typing; after a reload they are found again by their words. */
export interface HistoryEntry extends Snapshot {
  /** The text was replaced as a whole since: the places are found again by their words when it is restored. */
  readonly reanchor: boolean;
}

/** The store's mutable record of one file; only the store's parts change it. */
export interface FileState<U> extends Snapshot {
  readonly textUri: U;
  readonly sidecarUri: U;
  /**
   * The sidecar as last read or written: what the file holds as far as the store knows. A file found
   * otherwise was changed outside, and is merged with the annotations rather than written over.
   */
  sidecarText: string | undefined;
  /** A merge with an outside change not written yet: the document the next write builds on (its comments, conflicts). */
  mergedText: string | undefined;
  problem: string | undefined;
  annotations: readonly Annotation[];
  rejections: readonly Rejection[];
  history: HistoryEntry[];
  writes: Promise<void>;
  writeFailed: boolean;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Positions changed by typing: the sidecar is rewritten when the text is saved. */
  positionsChanged: boolean;
  /** The contents of the latest write begun, to tell it from an outside change in a watcher event while it lands. */
  lastWrite: string | undefined;
  /** The document closed while its annotations were not saved: found again in the text when it reopens. */
  detached: boolean;
  /** Writes queued or under way. */
  writesPending: number;
  review: Map<string, number>;
}

export function newState<U>(textUri: U, sidecarUri: U, sidecarText: string | undefined, problem: string | undefined, snapshot: Snapshot, review = new Map<string, number>()): FileState<U> {
  return {
    textUri,
    sidecarUri,
    sidecarText,
    mergedText: undefined,
    problem,
    annotations: snapshot.annotations,
    rejections: snapshot.rejections,
    history: [],
    writes: Promise.resolve(),
    writeFailed: false,
    retryTimer: undefined,
    positionsChanged: false,
    lastWrite: undefined,
    detached: false,
    writesPending: 0,
    review,
  };
}

export function viewOf<U>(state: FileState<U>): FileAnnotations<U> {
  return {
    textUri: state.textUri,
    sidecarUri: state.sidecarUri,
    annotations: state.annotations,
    rejections: state.rejections,
    problem: state.problem,
    unsaved: state.writeFailed,
    review: state.review,
  };
}

export function sortByPosition<T extends { start: number; end: number }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.start - b.start || a.end - b.end);
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
