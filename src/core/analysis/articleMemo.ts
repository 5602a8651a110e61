// A document analysed again and again while it is edited (on the analysis worker) is mostly the
// same text each time: in an archive export every article is analysed alone, so an article whose
// text did not change has the same analysis as before. The memo remembers each article's analysis
// by its exact text for one analysis to the next, so a full analysis after a keystroke analyses
// one article and reuses the thousands of others; the result is identical to analysing them all.

import type { AnalyzeArticle } from './archive';
import type { Analysis } from './types';

export class ArticleMemo {
  /** Articles of the last full analysis, by their text. */
  private previous = new Map<string, Analysis>();
  private current = new Map<string, Analysis>();

  constructor(private readonly analyzeArticle: AnalyzeArticle) {}

  /** Call before each analysis of the document: what the last one did not use is forgotten, so memory follows one version of the text. */
  next(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** `analyzeArticle`, answered from the last analysis when this article's text is unchanged. */
  readonly analyze: AnalyzeArticle = (text) => {
    let found = this.current.get(text) ?? this.previous.get(text);
    if (!found) found = this.analyzeArticle(text);
    this.current.set(text, found);
    return found;
  };
}
