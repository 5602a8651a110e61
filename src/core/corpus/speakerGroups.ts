import type { Analysis, Quote } from '../analysis/types';

/** Two speakers of different articles are the same person when their names match without case. */
export function speakerKey(name: string): string {
  return name.toLocaleLowerCase();
}

/** The quotes of an analysis attributed to the speaker with this key, in text order. */
export function quotesOfSpeaker(analysis: Analysis, key: string): Quote[] {
  const ids = new Set(analysis.speakers.filter((s) => speakerKey(s.name) === key).map((s) => s.id));
  return analysis.quotes.filter((q) => q.speakerId !== null && ids.has(q.speakerId));
}

export interface ArticleQuotes<A> {
  readonly article: A;
  readonly quotes: readonly Quote[];
}

export interface SpeakerGroup<A> {
  /** The fullest spelling of the name across articles. */
  readonly name: string;
  readonly key: string;
  readonly articles: readonly ArticleQuotes<A>[];
  readonly quoteCount: number;
}

/**
 * The quotes of every article grouped by speaker (same name without case), the most quoted
 * first, then by name. Speakers without a quote are left out.
 */
export function groupBySpeaker<A extends { readonly analysis: Analysis }>(articles: readonly A[]): SpeakerGroup<A>[] {
  const groups = new Map<string, { name: string; articles: ArticleQuotes<A>[] }>();
  for (const article of articles) {
    for (const speaker of article.analysis.speakers) {
      const quotes = article.analysis.quotes.filter((q) => q.speakerId === speaker.id);
      if (quotes.length === 0) continue;
      const key = speakerKey(speaker.name);
      const group = groups.get(key) ?? { name: speaker.name, articles: [] };
      if (speaker.name.length > group.name.length) group.name = speaker.name;
      group.articles.push({ article, quotes });
      groups.set(key, group);
    }
  }
  return [...groups]
    .map(([key, g]) => ({ key, name: g.name, articles: g.articles, quoteCount: g.articles.reduce((n, a) => n + a.quotes.length, 0) }))
    .sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name));
}
