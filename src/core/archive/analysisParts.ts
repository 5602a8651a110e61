// The analysis of a file cut into one part per article, for outputs that give a row per article
// (`analyze --json`, the readable summary). Offsets stay those of the file, so a row points into
// the file exactly as the editor shows it; an ordinary file is one part with no article.
import type { Analysis, Speaker } from '../analysis/types';
import { articleIndexOf } from './articleSpans';
import type { ArchiveFields } from './types';
import { articleId } from './articleIds';

export interface AnalysisPart {
  /** The file's path, or `file#N` for article N of an export. */
  readonly id: string;
  /** Absent for an ordinary file. */
  readonly article?: { readonly number: number; readonly start: number; readonly end: number; readonly fields: ArchiveFields };
  readonly analysis: Analysis;
}

/** Each item in the list of the article holding its start; linear (binary search per item). */
function byArticle<T>(items: readonly T[], count: number, startOf: (item: T) => number | undefined, scopes: readonly { start: number; end: number }[]): T[][] {
  const out: T[][] = Array.from({ length: count }, () => []);
  for (const item of items) {
    const start = startOf(item);
    const index = start === undefined ? undefined : articleIndexOf(scopes, start);
    if (index !== undefined) out[index]?.push(item);
  }
  return out;
}

/** One part per article of `analysis`. A speaker belongs to the article of its first mention (each article is analysed alone). */
export function analysisParts(file: string, analysis: Analysis): AnalysisPart[] {
  const scopes = analysis.articles;
  if (!scopes || scopes.length === 0) return [{ id: file, analysis }];
  const n = scopes.length;
  const at = (s: { readonly start: number }): number => s.start;
  const quotes = byArticle(analysis.quotes, n, at, scopes);
  const cues = byArticle(analysis.cues, n, at, scopes);
  const noise = byArticle(analysis.noise, n, at, scopes);
  const speakers = byArticle(analysis.speakers, n, (s: Speaker) => s.mentions[0]?.start, scopes);
  return scopes.map((scope, i) => ({
    id: articleId(file, i),
    article: { number: i + 1, start: scope.start, end: scope.end, fields: scope.fields },
    analysis: { quotes: quotes[i] ?? [], speakers: speakers[i] ?? [], cues: cues[i] ?? [], noise: noise[i] ?? [] },
  }));
}
