// The compact record of one article that the corpus combiners work from: quotes with their text,
// speakers with their name forms, and a hash per line. No full text, JSON-serialisable, so that an
// index can analyse articles in workers, keep the summaries (or persist them) and recombine them
// when a file changes.
import type { Analysis, ArticleScope, MentionKind } from '../analysis/types';
import { articleIndexOf } from '../archive/articleSpans';
import type { ArchiveFields } from '../archive/types';
import { hash52, words } from './words';
import { cutAt } from '../text/excerpt';
import { labelExcerpt } from '../text/excerpt';

export type SpeakerKind = 'person' | 'organisation' | 'other';

export interface SpeakerSummary {
  /** The fullest form of the name in the article, as written ("Sergey Lavrov"). */
  readonly name: string;
  readonly kind: SpeakerKind;
  /** Distinct name forms the article uses for this speaker ("Lavrov", "Sergey Lavrov"). */
  readonly mentions: readonly string[];
  /** Quotes of the article attributed to this speaker. */
  readonly quotes: number;
  /** In an export of several articles: the 0-based article the speaker belongs to. */
  readonly article?: number;
}

export interface QuoteSummary {
  readonly start: number;
  readonly end: number;
  /** The quoted words as written, cut to QUOTE_TEXT_LIMIT characters. */
  readonly text: string;
  /** Index into the article's `speakers`, or null when no source was found. */
  readonly speaker: number | null;
}

/** Parallel arrays (compact in memory and JSON): one entry per line long enough to be compared. */
export interface LineDigest {
  /** hash52 of the line's normalised words. */
  readonly hashes: readonly number[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** 1 when the single-article detector already calls the line boilerplate, else 0. */
  readonly noise: readonly number[];
}

/** One article of an export file: its place and what the archive says of it. */
export interface ArchivedArticle {
  readonly start: number;
  readonly end: number;
  /** The headline as written, on one line. */
  readonly headline?: string;
  readonly fields: ArchiveFields;
}

/** Where a summary that stands for one article of an export comes from (see articleViews). */
export interface ArticleOrigin {
  /** The export file's path or URI. */
  readonly file: string;
  /** 1-based place in the export. */
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly headline?: string;
  readonly fields: ArchiveFields;
}

export interface ArticleSummary {
  /** Identifies the article (a path or URI, or an article id `file#N`); unique in a corpus. */
  readonly path: string;
  /** The folder the article lies in: articles of one folder usually come from one site. */
  readonly folder: string;
  readonly speakers: readonly SpeakerSummary[];
  readonly quotes: readonly QuoteSummary[];
  readonly lines: LineDigest;
  /** A file holding several articles of an archive export: each one, in text order. */
  readonly articles?: readonly ArchivedArticle[];
  /** Set on the summary of one article of such a file (offsets stay those of the file). */
  readonly origin?: ArticleOrigin;
}

export interface ArticleLocation {
  readonly path: string;
  readonly folder: string;
}

/** Quote text kept per quote: enough to recognise and diff a statement, bounded on hostile input. */
export const QUOTE_TEXT_LIMIT = 4000;
/** Longest speaker name (and name form) kept in a summary, in characters. */
export const MAX_NAME_CHARS = 200;
/** Lines with fewer words or characters ("Share", "12", "-- ") are too common to say anything. */
const MIN_LINE_WORDS = 2;
const MIN_LINE_CHARS = 10;

function speakerKind(kinds: ReadonlySet<MentionKind>): SpeakerKind {
  if (kinds.has('name')) return 'person';
  if (kinds.has('organisation')) return 'organisation';
  return 'other';
}

function digestLines(text: string, analysis: Analysis): LineDigest {
  const noiseStarts = new Set(analysis.noise.map((n) => n.start));
  const hashes: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const noise: number[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const normalised = words(text.slice(start, end)).join(' ');
    if (normalised.length >= MIN_LINE_CHARS && normalised.split(' ', MIN_LINE_WORDS).length >= MIN_LINE_WORDS) {
      hashes.push(hash52(normalised));
      starts.push(start);
      ends.push(end);
      noise.push(noiseStarts.has(start) ? 1 : 0);
    }
    if (nl >= text.length) break;
    start = nl + 1;
  }
  return { hashes, starts, ends, noise };
}

function archivedArticle(text: string, scope: ArticleScope): ArchivedArticle {
  const written = scope.fields.headline ?? (scope.headline ? text.slice(scope.headline.start, scope.headline.end) : '');
  const headline = written.replace(/\s+/g, ' ').trim().slice(0, HEADLINE_LIMIT);
  return { start: scope.start, end: scope.end, ...(headline === '' ? {} : { headline }), fields: { ...scope.fields } };
}

/** Headline text kept per article: a line, bounded on hostile input. */
const HEADLINE_LIMIT = 500;

/** The summary of one analysed article (`analysis` = analyze(text)). Pure; linear in the text. */
export function summariseArticle(text: string, analysis: Analysis, location: ArticleLocation): ArticleSummary {
  const index = new Map<string, number>();
  const quoteCounts = analysis.speakers.map(() => 0);
  analysis.speakers.forEach((s, i) => index.set(s.id, i));
  const quotes: QuoteSummary[] = analysis.quotes.map((q) => {
    const speaker = q.speakerId === null ? null : (index.get(q.speakerId) ?? null);
    if (speaker !== null) quoteCounts[speaker] = (quoteCounts[speaker] ?? 0) + 1;
    return { start: q.start, end: q.end, text: cutAt(text.slice(q.start, q.end), QUOTE_TEXT_LIMIT), speaker };
  });
  const scopes = analysis.articles ?? [];
  const speakers: SpeakerSummary[] = analysis.speakers.map((s, i) => {
    const kinds = new Set(s.mentions.map((m) => m.kind));
    // The name inside each mention, not the whole phrase around it ("Lavrov", not "Russian Foreign Minister Lavrov").
    const forms = new Set(s.mentions.filter((m) => m.kind === 'name' || m.kind === 'organisation').map((m) => m.head ?? m.text));
    // A name is a few words; a run of thousands of hyphenated words read as one is cut (it is shown and saved for every article).
    const summary = { name: labelExcerpt(s.name, MAX_NAME_CHARS), kind: speakerKind(kinds), mentions: [...forms].map((f) => labelExcerpt(f, MAX_NAME_CHARS)), quotes: quoteCounts[i] ?? 0 };
    // Each article is analysed alone, so all of a speaker's mentions lie in one article.
    const article = scopes.length > 0 ? articleIndexOf(scopes, s.mentions[0]?.start ?? -1) : undefined;
    return article === undefined ? summary : { ...summary, article };
  });
  const base = { path: location.path, folder: location.folder, speakers, quotes, lines: digestLines(text, analysis) };
  return scopes.length > 0 ? { ...base, articles: scopes.map((scope) => archivedArticle(text, scope)) } : base;
}
