// Boilerplate learned from the corpus: a line that recurs in at least three articles of one folder
// (in practice one site) is site furniture even when nothing in a single article gives it away.
// Counting is per folder, so text that articles of different outlets share (wire copy, syndicated
// paragraphs) stays article text. An archive export holding several articles takes no part: its
// articles come from many outlets, so its folder is not a site, and a sentence its articles share
// is syndicated copy, not furniture (its archive metadata is already boilerplate of its own kind).
// Incremental: articles are added and removed as files change.
import type { ArticleSummary } from './summary';

/** Articles of one folder a line must recur in to be boilerplate. */
export const MIN_REPEAT_ARTICLES = 3;

/** One line of an article that recurs across its folder, as the extension would mark it. */
export interface RepeatedLineMark {
  readonly start: number;
  readonly end: number;
  readonly kind: 'repeated';
  /** Articles of the folder that contain the line. */
  readonly count: number;
  /** True when the single-article detector already calls the line boilerplate. */
  readonly alreadyNoise: boolean;
}

/** A recurring line of a folder, with one place where it occurs. */
export interface RepeatedLine {
  readonly folder: string;
  readonly hash: number;
  readonly count: number;
  readonly example: { readonly path: string; readonly start: number; readonly end: number };
  /** Share of its occurrences that the single-article detector already calls boilerplate, 0..1. */
  readonly alreadyNoise: number;
}

interface Counted {
  count: number;
  noise: number;
}

export class RepeatedLineIndex {
  private readonly folders = new Map<string, Map<number, Counted>>();
  private readonly articles = new Map<string, ArticleSummary>();

  constructor(private readonly minArticles = MIN_REPEAT_ARTICLES) {}

  /** Adds an article, replacing an earlier summary of the same path. */
  add(summary: ArticleSummary): void {
    this.remove(summary.path);
    if (summary.articles && summary.articles.length > 0) return;
    this.articles.set(summary.path, summary);
    let counts = this.folders.get(summary.folder);
    if (!counts) this.folders.set(summary.folder, (counts = new Map<number, Counted>()));
    for (const [hash, noise] of distinctLines(summary)) {
      const c = counts.get(hash);
      if (c) {
        c.count++;
        c.noise += noise;
      } else counts.set(hash, { count: 1, noise });
    }
  }

  remove(path: string): void {
    const old = this.articles.get(path);
    if (!old) return;
    this.articles.delete(path);
    const counts = this.folders.get(old.folder);
    if (!counts) return;
    for (const [hash, noise] of distinctLines(old)) {
      const c = counts.get(hash);
      if (!c) continue;
      c.count--;
      c.noise -= noise;
      if (c.count <= 0) counts.delete(hash);
    }
    if (counts.size === 0) this.folders.delete(old.folder);
  }

  /** The lines of one added article that recur in its folder, in text order. */
  marksFor(path: string): RepeatedLineMark[] {
    const s = this.articles.get(path);
    const counts = s ? this.folders.get(s.folder) : undefined;
    if (!s || !counts) return [];
    const marks: RepeatedLineMark[] = [];
    s.lines.hashes.forEach((hash, i) => {
      const count = counts.get(hash)?.count ?? 0;
      if (count >= this.minArticles) {
        marks.push({ start: s.lines.starts[i] ?? 0, end: s.lines.ends[i] ?? 0, kind: 'repeated', count, alreadyNoise: s.lines.noise[i] === 1 });
      }
    });
    return marks;
  }

  /** Every recurring line of every folder: folders in name order, lines most frequent first. */
  repeatedLines(): RepeatedLine[] {
    const wanted = new Map<string, Map<number, Counted>>();
    for (const [folder, counts] of this.folders) {
      const keep = new Map([...counts].filter(([, c]) => c.count >= this.minArticles));
      if (keep.size > 0) wanted.set(folder, keep);
    }
    const out: RepeatedLine[] = [];
    const seen = new Set<string>();
    for (const s of this.articles.values()) {
      const keep = wanted.get(s.folder);
      if (!keep) continue;
      s.lines.hashes.forEach((hash, i) => {
        const c = keep.get(hash);
        const id = `${s.folder}\u0000${hash}`;
        if (!c || seen.has(id)) return;
        seen.add(id);
        const example = { path: s.path, start: s.lines.starts[i] ?? 0, end: s.lines.ends[i] ?? 0 };
        out.push({ folder: s.folder, hash, count: c.count, example, alreadyNoise: c.noise / c.count });
      });
    }
    return out.sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : b.count - a.count || a.example.start - b.example.start));
  }
}

/** Each line hash of an article once (a line repeated inside one article counts once), with its noise flag. */
function distinctLines(s: ArticleSummary): Map<number, number> {
  const out = new Map<number, number>();
  s.lines.hashes.forEach((hash, i) => {
    if (!out.has(hash)) out.set(hash, s.lines.noise[i] ?? 0);
  });
  return out;
}

/** The recurring lines of a set of summaries (pure convenience over RepeatedLineIndex). */
export function findRepeatedLines(summaries: readonly ArticleSummary[], minArticles = MIN_REPEAT_ARTICLES): RepeatedLine[] {
  const index = new RepeatedLineIndex(minArticles);
  for (const s of summaries) index.add(s);
  return index.repeatedLines();
}
