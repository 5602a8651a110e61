// The data re-anchoring takes and returns.

import type { LineCharacter } from './positions';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy' | 'orphaned';

export interface StoredAnchor {
  /** Where the passage was, in the text the sidecar was written for. */
  readonly start: LineCharacter;
  readonly end: LineCharacter;
  readonly text: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface AnchorResult {
  readonly method: AnchorMethod;
  /** Offsets into the document text as given (BOM and CRLF included); start === end when orphaned. */
  readonly start: number;
  readonly end: number;
  /** 0..1: 1 for a passage found where it was with its context, lower when the place is a guess. */
  readonly confidence: number;
}
