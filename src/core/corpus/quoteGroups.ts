// Where else were these words quoted? Quotes of different articles that reproduce the same
// statement (identical, one inside the other, or reworded in a few places) are grouped through an
// inverted index of word 4-grams, so the cost grows with the number of quotes, not its square.
import type { DiffSide, QuoteRelation, WordChange } from './quoteDiff';
import { diffVersion, ReferenceGrams } from './quoteDiff';
import { ngramHash, quoteWords, wordHashes } from './quoteWords';
import type { ArticleSummary } from './summary';
import { UnionFind } from './unionFind';

export interface QuoteVersion {
  readonly path: string;
  /** Index of the quote in its article's summary. */
  readonly quote: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The speaker as named in that article, or null. */
  readonly speaker: string | null;
  /** Relation to the group's reference version (the first one). */
  readonly relation: QuoteRelation;
  readonly changes: readonly WordChange[];
}

export interface QuoteGroup {
  /** The reference version first (the wording most articles use), then the others in corpus order. */
  readonly versions: readonly QuoteVersion[];
  readonly articles: number;
}

const SHINGLE = 4;
/** Quotes shorter than this attach to a group but never join two groups ("at the highest level"). */
const LONG_QUOTE_WORDS = 6;
const MIN_QUOTE_WORDS = 3;
/** A shingle shared by more quotes links only to its first ones: duplicates still chain, cost stays linear. */
const POSTING_CAP = 12;
/** Two long quotes are one statement when they share half the shingles of the shorter, or a run of ~8 words. */
const SHARED_FRACTION = 0.5;
const SHARED_ENOUGH = 5;
const IDENTICAL = { relation: 'identical', changes: [] } as const;

interface Item {
  readonly article: number;
  readonly quote: number;
  readonly hashes: Int32Array;
  /** The folded words joined: equal keys are the same wording. */
  readonly key: string;
}

function collectItems(summaries: readonly ArticleSummary[]): Item[] {
  const items: Item[] = [];
  summaries.forEach((s, article) =>
    s.quotes.forEach((q, quote) => {
      const w = quoteWords(q.text);
      // Only hashes and the joined key are kept per quote: the words are read again for the few diffs.
      if (w.norm.length >= MIN_QUOTE_WORDS) items.push({ article, quote, hashes: wordHashes(w.norm), key: w.norm.join(' ') });
    }),
  );
  return items;
}

function shingles(hashes: Int32Array): number[] {
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= hashes.length; i++) out.add(ngramHash(hashes, i, SHINGLE));
  return [...out];
}

function linkLongQuotes(items: readonly Item[], long: readonly number[], uf: UnionFind): void {
  const postings = new Map<number, number[]>();
  // Shared-shingle counts per earlier quote, reset through the list of touched ones (no map per quote).
  const counts = new Int32Array(items.length);
  const sizes = new Int32Array(items.length);
  const touched: number[] = [];
  // A quote worded exactly like an earlier one links where that one did: only the first is indexed.
  const firstOfText = new Map<string, number>();
  for (const i of long) {
    const key = (items[i] as Item).key;
    const twin = firstOfText.get(key);
    if (twin !== undefined) {
      uf.union(twin, i);
      continue;
    }
    firstOfText.set(key, i);
    const own = shingles((items[i] as Item).hashes);
    sizes[i] = own.length;
    for (const h of own) {
      const list = postings.get(h);
      if (!list) {
        postings.set(h, [i]);
        continue;
      }
      for (const j of list) if ((counts[j] = (counts[j] ?? 0) + 1) === 1) touched.push(j);
      if (list.length < POSTING_CAP) list.push(i);
    }
    for (const j of touched) {
      const shared = counts[j] ?? 0;
      counts[j] = 0;
      const smaller = Math.min(own.length, sizes[j] ?? 0);
      if (shared >= SHARED_ENOUGH || shared >= Math.ceil(SHARED_FRACTION * smaller)) uf.union(i, j);
    }
    touched.length = 0;
  }
}

/** Short quotes join the group of a long quote that contains them word for word, or of identical short quotes. */
function attachShortQuotes(items: readonly Item[], long: readonly number[], short: readonly number[], uf: UnionFind): void {
  const byPhrase = new Map<number, number[]>();
  for (const i of short) {
    const h = (items[i] as Item).hashes;
    const key = ngramHash(h, 0, h.length);
    const list = byPhrase.get(key);
    if (list) {
      uf.union(list[0] as number, i);
      list.push(i);
    } else byPhrase.set(key, [i]);
  }
  if (byPhrase.size === 0) return;
  const attached = new Set<number>();
  const scanned = new Set<string>();
  for (const i of long) {
    const item = items[i] as Item;
    if (scanned.has(item.key)) continue;
    scanned.add(item.key);
    const w = item.hashes;
    for (let n = MIN_QUOTE_WORDS; n < LONG_QUOTE_WORDS; n++) {
      for (let k = 0; k + n <= w.length; k++) {
        const found = byPhrase.get(ngramHash(w, k, n));
        const first = found?.[0];
        if (first === undefined || attached.has(first)) continue;
        attached.add(first);
        uf.union(i, first);
      }
    }
  }
}

function versionsOf(members: readonly number[], items: readonly Item[], summaries: readonly ArticleSummary[]): QuoteVersion[] {
  // The reference: the wording used most often, then the longest.
  const frequency = new Map<string, number>();
  for (const m of members) {
    const key = (items[m] as Item).key;
    frequency.set(key, (frequency.get(key) ?? 0) + 1);
  }
  const score = (m: number): number => frequency.get((items[m] as Item).key) ?? 0;
  const length = (m: number): number => (items[m] as Item).hashes.length;
  let ref = members[0] as number;
  for (const m of members) if (score(m) > score(ref) || (score(m) === score(ref) && length(m) > length(ref))) ref = m;
  const refItem = items[ref] as Item;
  const sideOf = (item: Item): DiffSide => ({ words: quoteWords(summaries[item.article]?.quotes[item.quote]?.text ?? ''), hashes: item.hashes });
  const refGrams = new ReferenceGrams(sideOf(refItem));
  const ordered = [ref, ...members.filter((m) => m !== ref)];
  return ordered.map((m) => {
    const item = items[m] as Item;
    const summary = summaries[item.article] as ArticleSummary;
    const q = summary.quotes[item.quote];
    const speakerIndex = q?.speaker;
    const speaker = speakerIndex === null || speakerIndex === undefined ? null : (summary.speakers[speakerIndex]?.name ?? null);
    const diff = item.key === refItem.key ? IDENTICAL : diffVersion(refGrams, sideOf(item));
    return { path: summary.path, quote: item.quote, start: q?.start ?? 0, end: q?.end ?? 0, text: q?.text ?? '', speaker, relation: diff.relation, changes: diff.changes };
  });
}

/**
 * Groups the quotes of all summaries that reproduce one statement in at least two articles. The
 * articles are read in the order of their paths, so that the groups, their order and each one's
 * reference wording do not depend on the order the summaries came in (worker threads finish in any order).
 */
export function groupQuotes(given: readonly ArticleSummary[]): QuoteGroup[] {
  const summaries = [...given].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const items = collectItems(summaries);
  const long: number[] = [];
  const short: number[] = [];
  items.forEach((it, i) => (it.hashes.length >= LONG_QUOTE_WORDS ? long : short).push(i));
  const uf = new UnionFind(items.length);
  linkLongQuotes(items, long, uf);
  attachShortQuotes(items, long, short, uf);

  const members = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = uf.find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });
  const groups: QuoteGroup[] = [];
  for (const list of members.values()) {
    const articles = new Set(list.map((i) => (items[i] as Item).article)).size;
    if (articles >= 2) groups.push({ versions: versionsOf(list, items, summaries), articles });
  }
  groups.sort((a, b) => b.articles - a.articles || b.versions.length - a.versions.length);
  return groups;
}
