// The sidecar as written in the file: positions as line/character of the text whose hash is
// `sha256`. Turning them into offsets needs the current text (see loadAnnotations.ts).

import type { Annotation, Rejection } from '../model/types';
import type { LineCharacter } from '../anchoring/positions';

export const SIDECAR_VERSION = 1;

/** `article.txt` → `article.txt.annotations.yaml`. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/**
 * Sidecars longer than this are refused unread (about 5,000 tags): parsing costs time and memory
 * in proportion to the size, and an article with more tags than that is not read by a person.
 */
export const MAX_SIDECAR_CHARACTERS = 2_000_000;

export interface StoredRange {
  readonly start: LineCharacter;
  readonly end: LineCharacter;
}

export type StoredAnnotation = Omit<Annotation, 'start' | 'end'> & StoredRange;
export type StoredRejection = Omit<Rejection, 'start' | 'end'> & StoredRange;

export interface StoredSidecar {
  readonly version: typeof SIDECAR_VERSION;
  readonly file: string;
  readonly sha256: string;
  readonly annotations: readonly StoredAnnotation[];
  readonly rejections: readonly StoredRejection[];
}

export interface SidecarError {
  /** 1-based line in the sidecar file. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  readonly message: string;
}

export function sidecarFileName(textFileName: string): string {
  return textFileName + SIDECAR_SUFFIX;
}
