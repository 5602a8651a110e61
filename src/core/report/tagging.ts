// What the tags of one article say for the report: parsed from its sidecar with the core's own
// reader and placed on the current text, so flagged and orphaned tags are the ones the editor shows.
import { parseSidecar } from '../annotations/sidecar/parse';
import { cutAt } from '../text/excerpt';
import { loadAnnotations } from '../annotations/sidecar/load';
import type { Annotation, AnnotationStatus, Rejection } from '../annotations/model/types';

export interface TagSummary {
  readonly id: string;
  readonly label: string;
  readonly author: string;
  readonly status: AnnotationStatus;
  /** Found again after the text changed, but not surely: a person should confirm it. */
  readonly flagged: boolean;
  readonly start: number;
  readonly end: number;
  /** The tagged passage, cut to TAG_TEXT_LIMIT characters. */
  readonly text: string;
}

export interface ArticleTagging {
  readonly path: string;
  readonly tags: readonly TagSummary[];
  /** Detections a person dismissed (active rejections). */
  readonly rejected: number;
  /** Why the sidecar could not be read (with its line), or null. */
  readonly error: string | null;
}

export const TAG_TEXT_LIMIT = 300;

/**
 * The tagging of an article from its sidecar text (null: no sidecar). `sha256` is the hash the
 * sidecar would record for `articleText` (computed by the caller: the core holds no crypto).
 */
export function articleTagging(path: string, sidecarText: string | null, articleText: string, sha256: string, articleFileName?: string): ArticleTagging {
  if (sidecarText === null) return { path, tags: [], rejected: 0, error: null };
  const parsed = parseSidecar(sidecarText, articleFileName === undefined ? {} : { articleFileName });
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const error = first ? `line ${first.line}: ${first.message}` : 'the sidecar could not be read';
    return { path, tags: [], rejected: 0, error };
  }
  const loaded = loadAnnotations(parsed.sidecar, articleText, sha256);
  const tags = loaded.set.annotations.map((a, i) => tagSummary(a, articleText, loaded.outcomes[i]?.needsReview ?? false));
  return { path, tags, rejected: loaded.set.rejections.filter((r) => r.status === 'active').length, error: null };
}

/**
 * The tagging of an article open in the editor, from the tags as the editor holds them (the sidecar
 * on disk may not have been written yet); `inReview`: tags placed not surely, to be checked.
 */
export function liveTagging(path: string, annotations: readonly Annotation[], rejections: readonly Rejection[], articleText: string, inReview: ReadonlySet<string> | ReadonlyMap<string, number>): ArticleTagging {
  const tags = annotations.map((a) => tagSummary(a, articleText, inReview.has(a.id)));
  return { path, tags, rejected: rejections.filter((r) => r.status === 'active').length, error: null };
}

/** One tag as the report shows it; `inDoubt`: placed but not surely after the text changed. */
function tagSummary(a: Annotation, articleText: string, inDoubt: boolean): TagSummary {
  return {
    id: a.id,
    label: a.label,
    author: a.author,
    status: a.status,
    flagged: a.status === 'active' && inDoubt,
    start: a.start,
    end: a.end,
    text: cutAt(a.status === 'orphaned' ? a.text : articleText.slice(a.start, a.end), TAG_TEXT_LIMIT),
  };
}
