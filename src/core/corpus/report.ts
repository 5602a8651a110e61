// The cross-article results of a corpus, from its summaries: people, quotes found in several
// articles, and lines that recur across a folder. Summaries are per file: an archive export counts
// each of its articles, while repeated lines are counted per file (see articleViews).
import { allArticleViews } from './articleViews';
import type { CorpusPerson } from './people';
import { mergeSpeakers } from './people';
import type { QuoteGroup } from './quoteGroups';
import { groupQuotes } from './quoteGroups';
import type { RepeatedLine } from './repeatedLines';
import { findRepeatedLines } from './repeatedLines';
import type { ArticleSummary } from './summary';

export interface CorpusReport {
  readonly articles: number;
  readonly quotes: number;
  readonly people: readonly CorpusPerson[];
  readonly quoteGroups: readonly QuoteGroup[];
  readonly repeatedLines: readonly RepeatedLine[];
}

export function corpusReport(summaries: readonly ArticleSummary[]): CorpusReport {
  const articles = allArticleViews(summaries);
  return {
    articles: articles.length,
    quotes: articles.reduce((n, s) => n + s.quotes.length, 0),
    people: mergeSpeakers(articles).people,
    quoteGroups: groupQuotes(articles),
    repeatedLines: findRepeatedLines(summaries),
  };
}
