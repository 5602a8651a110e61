// An export holding many articles is analysed one article at a time: a quote in one story is
// never attributed to someone named in another, a pronoun never reaches back across a document
// boundary, and boilerplate is judged against each story alone. The archive's own metadata lines
// (BYLINE:, LENGTH:, the document markers…) are reported as boilerplate of kind `metadata`.

import type { Analysis, ArticleScope, NoiseLine, Quote, Speaker, SpeakerMention } from './types';
import type { ArchiveArticle, ArchiveSplit } from '../archive/types';
import type { SeparatorPattern } from '../archive/separatorPattern';
import { splitArchive } from '../archive/splitArchive';
import { mergeSorted } from '../text/sortedSearch';

export interface AnalyzeOptions {
  /** The user's separator between articles (see compileSeparatorPattern). */
  readonly separator?: SeparatorPattern;
}

/** Analyses one ordinary article; offsets into the text given. */
export type AnalyzeArticle = (text: string) => Analysis;

/** Metadata is read from the archive's layout, not guessed: it is as sure as boilerplate gets. */
const METADATA_CONFIDENCE = 1;

/** Analyses `text`, article by article when it is an archive export holding several. */
export function analyzeArchive(text: string, analyzeArticle: AnalyzeArticle, options: AnalyzeOptions = {}): Analysis {
  const split = splitArchive(text, options.separator ? { separator: options.separator } : {});
  if (split.layout === null || split.articles.length === 0) return analyzeArticle(text);
  return analyzeSplit(text, split, analyzeArticle);
}

function analyzeSplit(text: string, split: ArchiveSplit, analyzeArticle: AnalyzeArticle): Analysis {
  const quotes: Quote[] = [];
  const speakers: Speaker[] = [];
  const cues: Analysis['cues'][number][] = [];
  const noise: NoiseLine[] = [];
  const articles: ArticleScope[] = [];
  for (const article of split.articles) {
    const part = shifted(analyzeArticle(text.slice(article.bodyStart, article.bodyEnd)), article.bodyStart, speakers.length);
    // One by one: an export may hold more detections than a spread fits on the call stack.
    for (const q of part.quotes) quotes.push(q);
    for (const s of part.speakers) speakers.push(s);
    for (const c of part.cues) cues.push(c);
    // The headline the archive names is the article's title, never boilerplate (a custom layout's lies in the body).
    const { headline } = article;
    const bodyNoise = headline ? part.noise.filter((n) => n.end <= headline.start || n.start >= headline.end) : part.noise;
    for (const n of mergedNoise(metadataLines(article), bodyNoise)) noise.push(n);
    articles.push(scopeOf(article));
  }
  return { quotes, speakers, cues, noise, articles };
}

function scopeOf(article: ArchiveArticle): ArticleScope {
  const { start, end, bodyStart, bodyEnd, fields, headline } = article;
  return headline ? { start, end, bodyStart, bodyEnd, fields, headline: { start: headline.start, end: headline.end } } : { start, end, bodyStart, bodyEnd, fields };
}

function metadataLines(article: ArchiveArticle): NoiseLine[] {
  return article.metadata
    .filter((m) => m.end > m.start)
    .map((m) => ({
      start: m.start,
      end: m.end,
      kind: 'metadata' as const,
      confidence: METADATA_CONFIDENCE,
      evidence: [{ rule: `archive:${m.field}`, detail: m.value === '' ? `archive ${m.field} line` : `archive ${m.field}: ${m.value}` }],
    }));
}

/** Both lists sorted by start and disjoint (metadata lies outside the body): one merge. */
function mergedNoise(a: readonly NoiseLine[], b: readonly NoiseLine[]): NoiseLine[] {
  return mergeSorted(a, b, (x, y) => x.start - y.start);
}

/** One article's analysis moved to its place in the file, with speaker ids numbered after the articles before it. */
function shifted(a: Analysis, by: number, firstSpeaker: number): Analysis {
  const span = <T extends { start: number; end: number }>(s: T): T => ({ ...s, start: s.start + by, end: s.end + by });
  const id = (old: string): string => `s${firstSpeaker + Number(old.slice(1))}`;
  const mention = (m: SpeakerMention | null): SpeakerMention | null => (m ? span(m) : null);
  return {
    quotes: a.quotes.map((q) => ({ ...span(q), speakerId: q.speakerId === null ? null : id(q.speakerId), mention: mention(q.mention), cue: q.cue ? span(q.cue) : null })),
    speakers: a.speakers.map((s) => ({ ...s, id: id(s.id), mentions: s.mentions.map(span) })),
    cues: a.cues.map(span),
    noise: a.noise.map(span),
  };
}
