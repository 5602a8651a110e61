import type { Analysis } from '../analysis/types';
import { countWords } from '../text/words';

/** What the status bar, Show Article Info and the command line's summary say about an article. */
export interface ArticleStatistics {
  readonly lines: number;
  readonly words: number;
  readonly quotes: number;
  /** Speakers with at least one attributed quote (a name merely mentioned is not a source). */
  readonly speakers: number;
  readonly boilerplateLines: number;
  /** 0..1: the share of the article's non-space characters that lie on boilerplate lines. */
  readonly boilerplateShare: number;
}

const nonSpaceLength = (s: string): number => s.replace(/\s+/g, '').length;

export function articleStatistics(text: string, analysis: Analysis): ArticleStatistics {
  const contentChars = nonSpaceLength(text);
  const boilerplateChars = analysis.noise.reduce((n, s) => n + nonSpaceLength(text.slice(s.start, s.end)), 0);
  const quoted = new Set(analysis.quotes.map((q) => q.speakerId));
  return {
    lines: text.split(/\r\n|\r|\n/).length,
    words: countWords(text),
    quotes: analysis.quotes.length,
    speakers: analysis.speakers.filter((s) => quoted.has(s.id)).length,
    boilerplateLines: analysis.noise.length,
    boilerplateShare: contentChars === 0 ? 0 : boilerplateChars / contentChars,
  };
}
