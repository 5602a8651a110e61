// Quote search over article summaries: by words (ranked by how rare the matched words are, with a
// bonus for the exact phrase) and by speaker (any spelling of the person's name).
import { nameWordKey } from './nameKeys';
import type { SpeakerDirectory } from './people';
import { quoteWords } from './quoteWords';
import type { ArticleSummary } from './summary';

export interface QuoteQuery {
  /** Words that should occur in the quote, any order; all of them ranks highest. */
  readonly words?: string;
  /** A name, or part of one ("Lavrov", "Sergey Lavrov"): only quotes of that speaker. */
  readonly speaker?: string;
  readonly limit?: number;
}

export interface QuoteHit {
  readonly path: string;
  readonly quote: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The speaker as named in the article, and the merged person's name when a directory was given. */
  readonly speaker: string | null;
  readonly person: string | null;
  readonly score: number;
}

interface Item {
  readonly article: number;
  readonly quote: number;
  readonly phrase: string;
}

const DEFAULT_LIMIT = 50;
/** A folded word ending in a possessive `'s` (typographic apostrophes are made plain by folding). */
const POSSESSIVE = /.'s$/u;

export class QuoteSearchIndex {
  private readonly items: Item[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(
    private readonly summaries: readonly ArticleSummary[],
    private readonly directory?: SpeakerDirectory,
  ) {
    summaries.forEach((s, article) =>
      s.quotes.forEach((q, quote) => {
        const norm = quoteWords(q.text).norm;
        const id = this.items.length;
        this.items.push({ article, quote, phrase: ` ${norm.join(' ')} ` });
        // A possessive is also found by its noun: "Ukraine's" by a search for "Ukraine".
        for (const w of new Set(norm.flatMap((n) => (POSSESSIVE.test(n) ? [n, n.slice(0, -2)] : [n])))) {
          const list = this.postings.get(w);
          if (list) list.push(id);
          else this.postings.set(w, [id]);
        }
      }),
    );
  }

  search(query: QuoteQuery): QuoteHit[] {
    const terms = [...new Set(quoteWords(query.words ?? '').norm)];
    const speakerKeys = quoteWords(query.speaker ?? '').norm.map(nameWordKey);
    const scores = new Map<number, number>();
    if (terms.length > 0) {
      for (const t of terms) {
        const list = this.postings.get(t) ?? [];
        const idf = Math.log(1 + this.items.length / (1 + list.length));
        for (const id of list) scores.set(id, (scores.get(id) ?? 0) + idf);
      }
      const phrase = ` ${quoteWords(query.words ?? '').norm.join(' ')} `;
      for (const [id, s] of scores) if (terms.length > 1 && this.items[id]?.phrase.includes(phrase)) scores.set(id, s * 2);
    } else if (speakerKeys.length > 0) this.items.forEach((_, id) => scores.set(id, 1));
    const hits: QuoteHit[] = [];
    for (const [id, score] of scores) {
      const hit = this.hit(id, score);
      if (hit && (speakerKeys.length === 0 || this.speakerMatches(id, speakerKeys))) hits.push(hit);
    }
    hits.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path) || a.start - b.start);
    return hits.slice(0, query.limit ?? DEFAULT_LIMIT);
  }

  private hit(id: number, score: number): QuoteHit | undefined {
    const item = this.items[id];
    const s = item ? this.summaries[item.article] : undefined;
    const q = item ? s?.quotes[item.quote] : undefined;
    if (!item || !s || !q) return undefined;
    const speaker = q.speaker === null ? null : (s.speakers[q.speaker]?.name ?? null);
    const personId = q.speaker === null ? null : (this.directory?.assignments.get(s.path)?.[q.speaker] ?? null);
    const person = personId === null ? null : (this.directory?.people[personId]?.name ?? null);
    return { path: s.path, quote: item.quote, start: q.start, end: q.end, text: q.text, speaker, person, score };
  }

  /** Every query word matches a word of the speaker's name in the article, or of any variant of the merged person. */
  private speakerMatches(id: number, keys: readonly string[]): boolean {
    const item = this.items[id];
    const s = item ? this.summaries[item.article] : undefined;
    const speakerIndex = item && s ? s.quotes[item.quote]?.speaker : null;
    if (!s || speakerIndex === null || speakerIndex === undefined) return false;
    const names = [s.speakers[speakerIndex]?.name ?? ''];
    const personId = this.directory?.assignments.get(s.path)?.[speakerIndex];
    if (personId !== null && personId !== undefined) names.push(...(this.directory?.people[personId]?.variants.map((v) => v.name) ?? []));
    return names.some((n) => {
      const have = new Set(quoteWords(n).norm.map(nameWordKey));
      return keys.every((k) => have.has(k));
    });
  }
}
