// Agreement between two annotators over the same articles: span F1 at two levels (exact: same
// label, same start and end; overlap: same label and at least one shared character, each span
// matched at most once, largest overlaps first) and Krippendorff's αu, per label and overall.

import { categoryAlpha, mergeOverlaps, unitizedAlpha } from './unitizedAlpha';
import type { Unit } from './unitizedAlpha';

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** One article as both annotators left it: its length and each one's spans. */
export interface ComparedArticle {
  readonly name: string;
  readonly length: number;
  readonly first: readonly Span[];
  readonly second: readonly Span[];
}

export interface MatchCounts {
  readonly matched: number;
  readonly onlyFirst: number;
  readonly onlySecond: number;
  /** 2·matched / (spans of first + spans of second); NaN when neither has a span. */
  readonly f1: number;
}

export interface LabelAgreement {
  readonly exact: MatchCounts;
  readonly overlap: MatchCounts;
  /** αu of this label; NaN when it cannot be computed (no spans). */
  readonly alpha: number;
}

export interface PairAgreement {
  readonly articles: number;
  readonly labels: Readonly<Record<string, LabelAgreement>>;
  readonly overall: LabelAgreement;
}

function counts(matched: number, first: number, second: number): MatchCounts {
  return { matched, onlyFirst: first - matched, onlySecond: second - matched, f1: first + second === 0 ? Number.NaN : (2 * matched) / (first + second) };
}

function add(a: MatchCounts, b: MatchCounts): MatchCounts {
  return counts(a.matched + b.matched, a.matched + a.onlyFirst + b.matched + b.onlyFirst, a.matched + a.onlySecond + b.matched + b.onlySecond);
}

const key = (s: Span): string => `${s.label}\u0000${s.start}\u0000${s.end}`;

/** Exact matches: same label, start and end (duplicates each match once). */
export function exactMatches(first: readonly Span[], second: readonly Span[]): MatchCounts {
  const available = new Map<string, number>();
  for (const s of second) available.set(key(s), (available.get(key(s)) ?? 0) + 1);
  let matched = 0;
  for (const s of first) {
    const left = available.get(key(s)) ?? 0;
    if (left > 0) {
      matched++;
      available.set(key(s), left - 1);
    }
  }
  return counts(matched, first.length, second.length);
}

/** Overlap matches: same label and a shared character; one-to-one, largest overlap first. */
export function overlapMatches(first: readonly Span[], second: readonly Span[]): MatchCounts {
  const candidates: { i: number; j: number; shared: number }[] = [];
  const sortedSecond = second.map((s, j) => ({ s, j })).sort((a, b) => a.s.start - b.s.start);
  first.forEach((a, i) => {
    for (const { s: b, j } of sortedSecond) {
      if (b.start >= a.end) break;
      const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
      if (b.label === a.label && shared > 0) candidates.push({ i, j, shared });
    }
  });
  candidates.sort((x, y) => y.shared - x.shared || x.i - y.i || x.j - y.j);
  const usedFirst = new Set<number>();
  const usedSecond = new Set<number>();
  for (const c of candidates) {
    if (usedFirst.has(c.i) || usedSecond.has(c.j)) continue;
    usedFirst.add(c.i);
    usedSecond.add(c.j);
  }
  return counts(usedFirst.size, first.length, second.length);
}

/** The articles laid end to end as one continuum, as αu over a corpus takes them. */
function units(articles: readonly ComparedArticle[]): { units: Unit[]; length: number } {
  const all: Unit[] = [];
  let offset = 0;
  for (const article of articles) {
    for (const [rater, spans] of [article.first, article.second].entries()) {
      for (const s of spans) if (s.end > s.start) all.push({ rater, category: s.label, begin: offset + s.start, length: s.end - s.start });
    }
    offset += article.length;
  }
  return { units: mergeOverlaps(all), length: offset };
}

export function pairAgreement(compared: readonly ComparedArticle[]): PairAgreement {
  // A span covering no characters marks nothing: it would count as an exact match and as no overlap at once.
  const articles = compared.map((a) => ({ ...a, first: a.first.filter((s) => s.end > s.start), second: a.second.filter((s) => s.end > s.start) }));
  const labels = [...new Set(articles.flatMap((a) => [...a.first, ...a.second].map((s) => s.label)))].sort();
  const continuum = units(articles);
  const study = { raterCount: 2, continuumBegin: 0, continuumLength: continuum.length, units: continuum.units };
  const zero = counts(0, 0, 0);
  const result: Record<string, LabelAgreement> = {};
  let exactAll = zero;
  let overlapAll = zero;
  for (const label of labels) {
    let exact = zero;
    let overlap = zero;
    for (const article of articles) {
      const first = article.first.filter((s) => s.label === label);
      const second = article.second.filter((s) => s.label === label);
      exact = add(exact, exactMatches(first, second));
      overlap = add(overlap, overlapMatches(first, second));
    }
    result[label] = { exact, overlap, alpha: continuum.length === 0 ? Number.NaN : categoryAlpha(study, label).alpha };
    exactAll = add(exactAll, exact);
    overlapAll = add(overlapAll, overlap);
  }
  return { articles: articles.length, labels: result, overall: { exact: exactAll, overlap: overlapAll, alpha: continuum.length === 0 ? Number.NaN : unitizedAlpha(study) } };
}
