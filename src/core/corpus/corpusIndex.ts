// The corpus as the extension keeps it: one summary per article, updated as files change. Lines
// repeated across a folder are counted incrementally; people and quote groups are recombined from
// the summaries on first use after a change (near-linear, so a debounced refresh stays cheap).
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

  get(path: string): ArticleSummary | undefined {
    return this.summaries.get(path);
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

  private list(): ArticleSummary[] {
    return [...this.summaries.values()];
  }

  private invalidate(): void {
    this.directory = null;
    this.groups = null;
    this.search = null;
  }
}
