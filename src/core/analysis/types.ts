// The plain data the detection engine returns. Offsets are UTF-16 code units into
// the text exactly as given (a BOM, CRLF and astral characters included), `end` exclusive,
// so they map one to one onto VS Code document offsets.

import type { ArchiveFields } from '../archive/types';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Why a detection was made: the rule or signal names and a short human-readable line each. */
export interface Evidence {
  /** Stable machine name of the rule or signal, e.g. `mark-pair`, `lexicon:subscribe`. */
  readonly rule: string;
  /** One line for a person, e.g. `curly quotes “…” closed in the same paragraph`. */
  readonly detail: string;
}

export type MentionKind = 'name' | 'organisation' | 'description' | 'pronoun';

export interface SpeakerMention extends Span {
  /** The whole phrase naming the source as written, e.g. `Sanders' campaign manager, Jeff Weaver,`. */
  readonly text: string;
  readonly kind: MentionKind;
  /**
   * The name inside a longer mention, as written (`Jeff Weaver`); absent when the mention is the
   * name alone. The canonical speaker (`Speaker.name`) is built from these names.
   */
  readonly head?: string;
}

export interface Speaker {
  /** Stable within one analysis: `s0`, `s1`, … in order of first mention. */
  readonly id: string;
  /** The fullest form of the name seen in the document, e.g. `Sergei Lavrov`. */
  readonly name: string;
  readonly mentions: readonly SpeakerMention[];
}

export interface Cue extends Span {
  readonly text: string;
}

export interface Quote extends Span {
  /** Id of the canonical speaker, or null when no source was found. */
  readonly speakerId: string | null;
  /** The mention the speaker was attributed from (may lie in a neighbouring paragraph). */
  readonly mention: SpeakerMention | null;
  readonly cue: Cue | null;
  /** 0..1 */
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
}

export type NoiseKind =
  | 'comment'
  | 'comment-form'
  | 'related-links'
  | 'social'
  | 'subscribe'
  | 'contact'
  | 'chrome'
  | 'duplicate'
  | 'pull-quote'
  | 'video'
  | 'byline'
  /** A line of an archive export's own metadata (BYLINE:, LENGTH:, the document marker…). */
  | 'metadata'
  | 'other';

export interface NoiseLine extends Span {
  readonly kind: NoiseKind;
  /** 0..1 */
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
}

export interface Analysis {
  /** Sorted by start; never overlapping. Spans exclude the quotation marks. */
  readonly quotes: readonly Quote[];
  readonly speakers: readonly Speaker[];
  /** Sorted by start. */
  readonly cues: readonly Cue[];
  /** Whole lines (start of line to end of line, line break excluded), sorted by start. */
  readonly noise: readonly NoiseLine[];
  /** Present when the text is an archive export split into articles: each article's place, in text order. */
  readonly articles?: readonly ArticleScope[];
}

/** One article of an archive export: its whole document, its body and what the archive says of it. */
export interface ArticleScope extends Span {
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly headline?: Span;
  readonly fields: ArchiveFields;
}
