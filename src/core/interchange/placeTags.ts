// Putting imported tags on an article: by their offsets when the words there, and their context,
// are the ones the file gives, else by the editor's re-anchoring (text and context; a place found
// not surely is marked for review, as the editor marks it), else as orphaned tags that keep their
// words. Never a duplicate of a tag the article already has.

import type { Annotation, AnnotationSet } from '../annotations/model/types';
import { anchorAt, textForHashing } from '../annotations/anchoring/capture';
import { normalizeLineBreaks, normalizeText } from '../annotations/anchoring/normalizedText';
import type { NormalizedText } from '../annotations/anchoring/normalizedText';
import { LineIndex } from '../annotations/anchoring/positions';
import { IN_DOUBT } from '../annotations/anchoring/evidence';
import { needsReview, reanchorAll } from '../annotations/anchoring/reanchor';
import type { StoredAnchor } from '../annotations/anchoring/types';
import { withReview } from '../annotations/model/create';
import { ANNOTATION_ID_PATTERN, newAnnotationId } from '../annotations/model/ids';
import { OccurrenceIndex } from '../annotations/anchoring/occurrences';
import { CodePointIndex } from './codePoints';
import type { ImportedDocument, ImportedTag } from './types';

export interface ImportOptions {
  /** Author for tags the file does not credit (brat has no author at all). */
  readonly author: string;
  /** ISO timestamp for tags without dates. */
  readonly now: string;
  /** Ids of tags to create; injectable for tests. */
  readonly newId?: () => string;
}

export interface ImportCounts {
  readonly added: number;
  readonly alreadyPresent: number;
  /** Of the added, how many could not be placed and came in orphaned. */
  readonly orphaned: number;
  /** Of the added, how many were placed by their words (their offsets did not hold). */
  readonly reanchored: number;
  /** Of the added, how many were found, but not surely: marked for a person to check, as the editor marks them. */
  readonly review: number;
  /** Tags skipped because their label is empty. */
  readonly withoutLabel: number;
  /** Tags that cover no words (their start equals their end, or their words are empty): skipped, since a tag marks words. */
  readonly empty: number;
}

export interface ImportOutcome {
  readonly set: AnnotationSet;
  readonly counts: ImportCounts;
}

interface Located {
  readonly tag: ImportedTag;
  /** UTF-16 offsets into the article text (BOM included) when the offsets were checked, else undefined. */
  readonly at?: { start: number; end: number };
  readonly anchor: StoredAnchor;
  /** Placed where the file's offsets said (their words checked). */
  readonly byOffsets: boolean;
  /** The one place the tag's words occur, in another context than the file gives: where it goes, for a person to check, if re-anchoring finds no better. */
  readonly onlyCopy?: { start: number; end: number };
}

/**
 * Adds `document`'s tags to `set`, the tags of `articleText`. Tags already present (same id, or
 * the same author's same label on the same words) are counted and left alone, so importing twice
 * changes nothing.
 */
export function importTags(articleText: string, set: AnnotationSet, document: ImportedDocument, options: ImportOptions): ImportOutcome {
  // A tag needs a label to be a tag (the sidecar schema requires one), and words to mark.
  const labelled = document.tags.filter((tag) => tag.label.trim() !== '');
  const usable = labelled.filter((tag) => !coversNoWords(tag));
  const article = new PreparedText(articleText, usable.flatMap((tag) => (hasOffsets(tag) || tag.text === undefined ? [] : [normalizeLineBreaks(tag.text)])));
  const source = document.text === undefined ? undefined : new PreparedText(document.text, []);
  const located = usable.map((tag) => locate(article, source, tag));
  const toReanchor = located.filter((l) => l.at === undefined);
  const found = reanchorAll(articleText, toReanchor.map((l) => l.anchor));
  const reanchored = new Map(toReanchor.map((l, i) => [l, found[i]]));

  const annotations = [...set.annotations];
  const present = new Set(annotations.flatMap(identities));
  const ids = new Set(annotations.map((a) => a.id));
  // Ids given to tags of this import: a second tag under one of them is another tag, not the same.
  const importedIds = new Set<string>();
  let added = 0;
  let alreadyPresent = 0;
  let orphaned = 0;
  let byWords = 0;
  let review = 0;
  for (const entry of located) {
    let result = reanchored.get(entry);
    // Not found by words and context, but its words are in the article once: there, in doubt.
    if (entry.at === undefined && entry.onlyCopy !== undefined && (result === undefined || result.method === 'orphaned')) result = { method: 'fuzzy', ...entry.onlyCopy, confidence: IN_DOUBT };
    const lost = entry.at === undefined && (result === undefined || result.method === 'orphaned');
    const place = entry.at ?? (result === undefined ? { start: 0, end: 0 } : { start: result.start, end: result.end });
    const unsure = !lost && result !== undefined && needsReview(result);
    let candidate = withReview(toAnnotation(articleText, entry, place, lost, options), unsure ? result?.confidence : undefined);
    const [byId, byContent] = identities(candidate);
    // A file that credits no author gives its tags the importer's name: such a tag is the same as one
    // of the same id whoever imported it (a teammate importing the file again adds nothing).
    const sameId = entry.tag.author === undefined ? ids.has(candidate.id) : present.has(byId);
    if (present.has(byContent) || (!importedIds.has(candidate.id) && sameId)) {
      alreadyPresent++;
      continue;
    }
    // An id another tag has already (another annotator's, or one a file gave two tags): this one gets its own.
    if (ids.has(candidate.id)) candidate = { ...candidate, id: (options.newId ?? newAnnotationId)() };
    annotations.push(candidate);
    for (const identity of identities(candidate)) present.add(identity);
    ids.add(candidate.id);
    importedIds.add(candidate.id);
    added++;
    if (candidate.status === 'orphaned') orphaned++;
    else if (!entry.byOffsets) byWords++;
    if (candidate.review !== undefined) review++;
  }
  return { set: { ...set, annotations }, counts: { added, alreadyPresent, orphaned, reanchored: byWords, review, withoutLabel: document.tags.length - labelled.length, empty: labelled.length - usable.length } };
}

function hasOffsets(tag: ImportedTag): boolean {
  return tag.start !== undefined && tag.end !== undefined;
}

/** A span from a place to the same place, or with empty words: it tags nothing. */
function coversNoWords(tag: ImportedTag): boolean {
  return (hasOffsets(tag) && tag.end === tag.start) || tag.text === '';
}

/** A text and what placing many tags in it needs, each built once on first use. */
class PreparedText {
  /** Without BOM: what offsets in exchange files count from. */
  readonly plain: string;
  readonly bom: number;
  private codePoints: CodePointIndex | undefined;
  private normalizedCodePoints: CodePointIndex | undefined;
  private lines: LineIndex | undefined;
  private normalizedText: NormalizedText | undefined;
  /**
   * Characters the search for a tag's only copy may still read (see `onlyCopyOf`): each search reads
   * the whole text, so a file of thousands of tags none of whose offsets hold (an article edited at
   * its top) leaves the rest to re-anchoring near their place, and the cost stays linear.
   */
  private searchBudget: number;
  private wordsAloneIndex: OccurrenceIndex | undefined;

  /** `wordsAlone`: the words (line breaks as LF) of the tags known by them alone, found together in one pass over the text. */
  constructor(
    readonly original: string,
    private readonly wordsAlone: readonly string[],
  ) {
    this.plain = textForHashing(original);
    this.bom = original.length - this.plain.length;
    this.searchBudget = SEARCHES_PER_TEXT * (original.length + 1);
  }

  /**
   * Where `words` occur once and only once in the normalized text. A tag with offsets searches only
   * while the budget lasts (re-anchoring near its offsets finds it otherwise); the tags known by
   * their words alone (W3C quote selectors), which nothing else can place, are all looked up in
   * one index of the text, built once for all of them: however many a file holds, the cost stays
   * linear in the text and their words.
   */
  onlyCopyOf(words: string, hasOffsets: boolean): number | undefined {
    if (words.trim() === '') return undefined;
    if (!hasOffsets) {
      const places = this.wordsAloneOccurrences.of(words);
      return places.length === 1 ? places[0] : undefined;
    }
    if (this.searchBudget <= 0) return undefined;
    this.searchBudget -= this.original.length + 1;
    return onlyOccurrence(this.normalized.text, words);
  }

  /**
   * For a tag known by its words alone: the one copy of `words` in the normalized text whose
   * surroundings are the `prefix` and `suffix` the file gives (their nearest CONTEXT_COMPARED
   * characters), if exactly one has them among the first COPIES_WEIGHED copies.
   */
  copyInContext(words: string, prefix: string, suffix: string): number | undefined {
    if (words.trim() === '') return undefined;
    const places = this.wordsAloneOccurrences.of(words);
    if (places.length > COPIES_WEIGHED) return undefined;
    const before = prefix.slice(-CONTEXT_COMPARED);
    const after = suffix.slice(0, CONTEXT_COMPARED);
    let found: number | undefined;
    for (const at of places) {
      if (!contextAgrees(this.normalized.text, { start: at, end: at + words.length }, before, after)) continue;
      if (found !== undefined) return undefined;
      found = at;
    }
    return found;
  }

  private get wordsAloneOccurrences(): OccurrenceIndex {
    return (this.wordsAloneIndex ??= new OccurrenceIndex(this.normalized.text, this.wordsAlone));
  }

  /** The tag's offsets in the text with its line breaks as LF (as most files count them), when they fit in it. */
  normalizedOffsetsOf(tag: ImportedTag): { start: number; end: number } | undefined {
    const text = this.normalized.text;
    return offsetsIn(text, () => (this.normalizedCodePoints ??= new CodePointIndex(text)), tag);
  }

  get codePointIndex(): CodePointIndex {
    return (this.codePoints ??= new CodePointIndex(this.plain));
  }

  get lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.plain));
  }

  get normalized(): NormalizedText {
    return (this.normalizedText ??= normalizeText(this.original));
  }

  /** The tag's offsets as UTF-16 offsets into `plain`, when they fit in it. */
  offsetsOf(tag: ImportedTag): { start: number; end: number } | undefined {
    return offsetsIn(this.plain, () => this.codePointIndex, tag);
  }
}

/** A tag's offsets as UTF-16 offsets into `text` (`index` of its code points, made when the tag counts them), when they fit in it. */
function offsetsIn(text: string, index: () => CodePointIndex, tag: ImportedTag): { start: number; end: number } | undefined {
  if (tag.start === undefined || tag.end === undefined || tag.start < 0 || tag.end < tag.start) return undefined;
  const convert = (offset: number): number => (tag.unit === 'codePoints' ? index().toUtf16(offset) : offset);
  const start = convert(tag.start);
  const end = convert(tag.end);
  return end <= text.length ? { start, end } : undefined;
}

/** Checks the tag's offsets against the article; when they do not hold, prepares its anchor for re-anchoring. */
function locate(article: PreparedText, source: PreparedText | undefined, tag: ImportedTag): Located {
  // The words the file means: as it states them, else as its own copy of the text has them.
  const inSource = source?.offsetsOf(tag);
  const sourceAnchor = source !== undefined && inSource !== undefined ? anchorAt(source.plain, inSource.start, inSource.end) : undefined;
  const words = tag.text === undefined ? sourceAnchor?.text : normalizeLineBreaks(tag.text);
  // The context the file gives (W3C's prefix and suffix, or the words around the tag in its own copy of the text).
  const prefix = normalizeLineBreaks(tag.prefix ?? sourceAnchor?.prefix ?? '');
  const suffix = normalizeLineBreaks(tag.suffix ?? sourceAnchor?.suffix ?? '');
  const inArticle = article.offsetsOf(tag);
  // The offsets hold when the words there are the tag's and so is their context: the same words
  // elsewhere in a changed article (another "said") are not the tag's place.
  if (inArticle !== undefined && (words === undefined || normalizeLineBreaks(article.plain.slice(inArticle.start, inArticle.end)) === words) && contextAgrees(article.plain, inArticle, prefix, suffix)) {
    return { tag, at: { start: inArticle.start + article.bom, end: inArticle.end + article.bom }, anchor: emptyAnchor, byOffsets: true };
  }
  // Offsets counted with LF line breaks in an article written with CRLF (or CR): read there, they hold.
  const inLf = words === undefined || article.normalized.text.length === article.original.length ? undefined : article.normalizedOffsetsOf(tag);
  if (inLf !== undefined && article.normalized.text.slice(inLf.start, inLf.end) === words && contextAgrees(article.normalized.text, inLf, prefix, suffix)) {
    return { tag, at: { start: article.normalized.toOriginal(inLf.start), end: article.normalized.toOriginal(inLf.end) }, anchor: emptyAnchor, byOffsets: true };
  }
  // Words known alone (a W3C quote selector), found once in the context the file gives: placed
  // surely, though they occur elsewhere too ("Ruiz" after "Then ", not the one opening the text).
  const inContext = words === undefined || hasOffsets(tag) ? undefined : article.copyInContext(words, prefix, suffix);
  if (inContext !== undefined && words !== undefined) {
    return { tag, at: { start: article.normalized.toOriginal(inContext), end: article.normalized.toOriginal(inContext + words.length) }, anchor: emptyAnchor, byOffsets: false };
  }
  // Words found once and only once, in the context the file gives, need nothing more to be placed surely.
  const unique = words === undefined ? undefined : article.onlyCopyOf(words, hasOffsets(tag));
  const onlyCopy = unique === undefined || words === undefined ? undefined : { start: article.normalized.toOriginal(unique), end: article.normalized.toOriginal(unique + words.length) };
  if (onlyCopy !== undefined && unique !== undefined && contextAgrees(article.normalized.text, { start: unique, end: unique + (words?.length ?? 0) }, prefix, suffix)) {
    return { tag, at: onlyCopy, anchor: emptyAnchor, byOffsets: false };
  }
  const near = inArticle ?? { start: 0, end: 0 };
  return {
    tag,
    byOffsets: false,
    ...(onlyCopy === undefined ? {} : { onlyCopy }),
    anchor: {
      start: article.lineIndex.positionAt(near.start),
      end: article.lineIndex.positionAt(near.end),
      text: words ?? '',
      prefix,
      suffix,
    },
  };
}

/**
 * Whether the text around `at` is the context a file gives (line breaks as LF): the prefix ends
 * where the tag starts, the suffix starts where it ends. No context given agrees with any.
 */
function contextAgrees(text: string, at: { start: number; end: number }, prefix: string, suffix: string): boolean {
  // Twice the length read: a CRLF article has more code units than its LF context.
  const before = normalizeLineBreaks(text.slice(Math.max(0, at.start - 2 * prefix.length), at.start));
  const after = normalizeLineBreaks(text.slice(at.end, at.end + 2 * suffix.length));
  return before.endsWith(prefix) && after.startsWith(suffix);
}

/** The sidecar's timestamp form (ISO 8601 with a zone); anything else is replaced rather than written. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function validTimestamp(value: string | undefined): string | undefined {
  return value !== undefined && TIMESTAMP.test(value) ? value : undefined;
}

/** Copies of a tag's words weighed by their context, at most (a word found more often is left to re-anchoring). */
const COPIES_WEIGHED = 64;
/** Characters of the prefix and of the suffix compared, those nearest the words. */
const CONTEXT_COMPARED = 256;

/** Whole-text searches for a tag's only copy one import may make, as a multiple of the text's length. */
const SEARCHES_PER_TEXT = 256;

function onlyOccurrence(text: string, words: string): number | undefined {
  const first = text.indexOf(words);
  return first >= 0 && text.indexOf(words, first + 1) < 0 ? first : undefined;
}

const emptyAnchor: StoredAnchor = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 }, text: '', prefix: '', suffix: '' };

function toAnnotation(articleText: string, entry: Located, place: { start: number; end: number }, lost: boolean, options: ImportOptions): Annotation {
  const { tag } = entry;
  const anchor = lost
    ? { start: place.start, end: place.start, text: entry.anchor.text || normalizeLineBreaks(tag.text ?? ''), prefix: entry.anchor.prefix, suffix: entry.anchor.suffix }
    : anchorAt(articleText, place.start, place.end);
  const created = validTimestamp(tag.created) ?? options.now;
  return {
    ...anchor,
    id: tag.id !== undefined && ANNOTATION_ID_PATTERN.test(tag.id) ? tag.id : (options.newId ?? newAnnotationId)(),
    label: tag.label,
    ...(tag.note === undefined || tag.note === '' ? {} : { note: tag.note }),
    attributes: { ...tag.attributes },
    author: tag.author ?? options.author,
    created,
    modified: validTimestamp(tag.modified) ?? created,
    status: lost ? 'orphaned' : tag.status === 'rejected' ? 'rejected' : 'active',
  };
}

/**
 * What makes two tags the same: the same id by the same author (a tag imported before and changed
 * since, in the sidecar, is still that tag), or the same author's same label on the same place (for
 * orphaned tags, which have no place, on the same lost words). Two annotators tagging the same
 * words stay two tags, which is what agreement between them needs, and so do two annotators' tags
 * that a file gives one id.
 */
function identities(a: Annotation): [string, string] {
  const place = a.status === 'orphaned' ? `orphaned\u0000${a.text}` : `${a.start}\u0000${a.end}`;
  return [`id\u0000${a.id}\u0000${a.author}`, `${a.author}\u0000${a.label}\u0000${place}`];
}
