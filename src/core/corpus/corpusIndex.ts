// The corpus as the extension keeps it: one summary per file, updated as files change. Lines
// repeated across a folder are counted incrementally, per file (the articles of one export are not
// pages of one site); people, quote groups and search are recombined from the articles (an export
// counts each of its articles, see articleViews) on first use after a change (near-linear, so a
// debounced refresh stays cheap).
import { parseArticleId } from '../archive/articleIds';
import { allArticleViews } from './articleViews';
import type { SpeakerDirectory } from './people';
import { mergeSpeakers } from './people';
import type { QuoteGroup } from './quoteGroups';
import { groupQuotes } from './quoteGroups';
import { QuoteSearchIndex } from './quoteSearch';
import type { RepeatedLine, RepeatedLineMark } from './repeatedLines';
import { RepeatedLineIndex } from './repeatedLines';
import type { ArticleSummary } from './summary';

export class CorpusIndex {
  private readonly summaries = new Map<string, ArticleSummary>();
  private readonly lines: RepeatedLineIndex;
  private directory: SpeakerDirectory | null = null;
  private groups: QuoteGroup[] | null = null;
  private search: QuoteSearchIndex | null = null;
  private views: ArticleSummary[] | null = null;
  private viewsByPath: Map<string, ArticleSummary> | null = null;

  constructor(minRepeatArticles?: number) {
    this.lines = new RepeatedLineIndex(minRepeatArticles);
  }

  get size(): number {
    return this.summaries.size;
  }

  /** Adds or replaces the summary of an article (same path). */
  set(summary: ArticleSummary): void {
    this.summaries.set(summary.path, summary);
    this.lines.add(summary);
    this.invalidate();
  }

  delete(path: string): void {
    if (!this.summaries.delete(path)) return;
    this.lines.remove(path);
    this.invalidate();
  }

  /** The summary of a file, or of one article of an export file (`file#N`). */
  get(path: string): ArticleSummary | undefined {
    const whole = this.summaries.get(path);
    if (whole) return whole;
    return parseArticleId(path).number === undefined ? undefined : this.article(path);
  }

  /** Articles in the corpus: an export file counts each of its articles. */
  get articleCount(): number {
    return this.articles().length;
  }

  /** One summary per article (see articleViews), in the order files were added. */
  articles(): readonly ArticleSummary[] {
    return (this.views ??= allArticleViews(this.summaries.values()));
  }

  /** The article summary named `path` without recomputing the views of its file. */
  article(path: string): ArticleSummary | undefined {
    this.viewsByPath ??= new Map(this.articles().map((v) => [v.path, v]));
    return this.viewsByPath.get(path);
  }

  people(): SpeakerDirectory {
    return (this.directory ??= mergeSpeakers(this.list()));
  }

  quoteGroups(): readonly QuoteGroup[] {
    return (this.groups ??= groupQuotes(this.list()));
  }

  repeatedLines(): RepeatedLine[] {
    return this.lines.repeatedLines();
  }

  /** The lines of one article that recur across its folder (for marking them as boilerplate). */
  repeatedLinesOf(path: string): RepeatedLineMark[] {
    return this.lines.marksFor(path);
  }

  quoteSearch(): QuoteSearchIndex {
    return (this.search ??= new QuoteSearchIndex(this.list(), this.people()));
  }

  private list(): readonly ArticleSummary[] {
    return this.articles();
  }

  private invalidate(): void {
    this.views = null;
    this.viewsByPath = null;
    this.directory = null;
    this.groups = null;
    this.search = null;
  }
}
