// The annotation model held in memory. Offsets are UTF-16 code units into the document text
// exactly as the editor holds it (`end` exclusive), so they map one to one onto VS Code offsets.
// The anchor strings (text, prefix, suffix) are kept normalized (see normalizedText.ts) because
// that is how the sidecar stores them and how re-anchoring compares them.

export type AttributeValue = string | number | boolean;

/**
 * `active`: anchored to the text. `orphaned`: its passage was deleted or could not be found again;
 * kept with its last text so nothing a person tagged is silently lost. `rejected`: a reviewer
 * marked the tag as wrong; kept (and anchored) for the record but not shown as a tag.
 */
export type AnnotationStatus = 'active' | 'orphaned' | 'rejected';

export interface TextAnchor {
  readonly start: number;
  readonly end: number;
  /** The passage itself, line breaks as `\n`. */
  readonly text: string;
  /** Up to CONTEXT_LENGTH characters before the passage, to tell repeated passages apart. */
  readonly prefix: string;
  /** Up to CONTEXT_LENGTH characters after the passage. */
  readonly suffix: string;
}

export interface Annotation extends TextAnchor {
  /** Stable random id, 12 lowercase hex characters; never reused. */
  readonly id: string;
  readonly label: string;
  readonly note?: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly author: string;
  /** ISO 8601 timestamps. */
  readonly created: string;
  readonly modified: string;
  readonly status: AnnotationStatus;
  /**
   * Set while the tag waits for a person to check its place: re-anchoring found it, but not surely
   * (the confidence of that place, 0 to 1). Kept in the sidecar, so a rewrite never takes an
   * unchecked place as checked; confirming, moving or editing the tag clears it.
   */
  readonly review?: number;
}

/**
 * A detection (a quote, a speaker, a noise line found by the analysis) that a person dismissed.
 * It is anchored like an annotation, so it keeps hiding that detection after edits; when its
 * passage is gone it becomes `orphaned` and hides nothing.
 */
export interface Rejection extends TextAnchor {
  /** Stable random id, as for annotations: rewrites of the sidecar match entries by it. */
  readonly id: string;
  /** The detection kind as the analysis names it, e.g. `quote`, `speaker`, `noise:comment`. */
  readonly kind: string;
  readonly author: string;
  readonly created: string;
  readonly status: 'active' | 'orphaned';
}

/** Everything a sidecar holds, with positions as offsets into the current document text. */
export interface AnnotationSet {
  /** File name of the text file the sidecar belongs to (no folder), e.g. `article.txt`. */
  readonly file: string;
  /** Hex SHA-256 of the text the positions refer to; see `textForHashing`. */
  readonly sha256: string;
  readonly annotations: readonly Annotation[];
  readonly rejections: readonly Rejection[];
}
