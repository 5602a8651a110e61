// The corpus index together with what each summary was computed from (a hash per article), so a
// reopened workspace re-analyses only the files whose text or sidecar changed. Persistence goes
// through a small storage seam (workspace storage in the extension, memory in tests).
import type { CachedArticle } from './cacheFile';
import { parseCorpusCache, serialiseCorpusCache } from './cacheFile';
import { CorpusIndex } from './corpusIndex';
import type { ArticleSummary } from './summary';

export interface CorpusStorage {
  /** The saved text, or undefined when nothing was saved. */
  read(): Promise<string | undefined>;
  /** Replaces the saved text (atomically, where the medium allows). */
  write(text: string): Promise<void>;
}

export type LoadOutcome = { readonly loaded: number } | { readonly loaded: 0; readonly discarded: string };

export class IndexedCorpus {
  readonly index: CorpusIndex;
  private readonly hashes = new Map<string, string>();

  constructor(
    private readonly engine: string,
    minRepeatArticles?: number,
  ) {
    this.index = new CorpusIndex(minRepeatArticles);
  }

  get size(): number {
    return this.hashes.size;
  }

  /** Restores a saved index; a corrupt, old or unreadable one is discarded (the index stays empty). */
  async load(storage: CorpusStorage): Promise<LoadOutcome> {
    let text: string | undefined;
    try {
      text = await storage.read();
    } catch (e) {
      return { loaded: 0, discarded: `cannot read the cache: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (text === undefined) return { loaded: 0 };
    const parsed = parseCorpusCache(text, this.engine);
    if (!parsed.ok) return { loaded: 0, discarded: parsed.reason };
    for (const a of parsed.articles) this.set(a.key, a.hash, a.summary);
    return { loaded: parsed.articles.length };
  }

  save(storage: CorpusStorage): Promise<void> {
    return storage.write(serialiseCorpusCache(this.entries(), this.engine));
  }

  hashOf(key: string): string | undefined {
    return this.hashes.get(key);
  }

  keys(): IterableIterator<string> {
    return this.hashes.keys();
  }

  /** Adds or replaces an article; `summary.path` must be `key`. */
  set(key: string, hash: string, summary: ArticleSummary): void {
    this.hashes.set(key, hash);
    this.index.set(summary.path === key ? summary : { ...summary, path: key });
  }

  delete(key: string): boolean {
    if (!this.hashes.delete(key)) return false;
    this.index.delete(key);
    return true;
  }

  /** Forgets every article not in `present` (files deleted while the workspace was closed); returns how many. */
  retainOnly(present: ReadonlySet<string>): number {
    let removed = 0;
    for (const key of [...this.hashes.keys()]) if (!present.has(key) && this.delete(key)) removed++;
    return removed;
  }

  private *entries(): Generator<CachedArticle> {
    for (const [key, hash] of this.hashes) {
      const summary = this.index.get(key);
      if (summary) yield { key, hash, summary };
    }
  }
}
