// The cross-article results of a corpus, from its summaries: people, quotes found in several
// articles, and lines that recur across a folder.
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
  return {
    articles: summaries.length,
    quotes: summaries.reduce((n, s) => n + s.quotes.length, 0),
    people: mergeSpeakers(summaries).people,
    quoteGroups: groupQuotes(summaries),
    repeatedLines: findRepeatedLines(summaries),
  };
}
