// Krippendorff's unitized alpha (αu) for spans over a continuum (Krippendorff 1995, 2004: "Content
// Analysis", ch. 12; the form implemented by DKPro Statistics' KrippendorffAlphaUnitizingAgreement).
// Each rater cuts the continuum, per category, into units of that category and gaps. Observed
// disagreement sums, over every pair of raters and every overlapping pair of their sections, the
// squared differences of their ends (a unit against a gap containing it counts its length squared).
// Expected disagreement is the same over all ways the units and gaps could be placed. The overall
// value is 1 − (mean observed) / (mean expected) over the categories.

export interface Unit {
  /** 0-based rater index. */
  readonly rater: number;
  readonly category: string;
  /** Start on the continuum and length, both in the continuum's units (characters here). */
  readonly begin: number;
  readonly length: number;
}

export interface UnitizingStudy {
  readonly raterCount: number;
  readonly continuumBegin: number;
  readonly continuumLength: number;
  /** Units of one rater and category must not overlap (see `mergeOverlaps`). */
  readonly units: readonly Unit[];
}

export interface CategoryAlpha {
  readonly observed: number;
  readonly expected: number;
  /** 1 − observed/expected; NaN when there is nothing to disagree about (expected 0). */
  readonly alpha: number;
}

interface Section {
  readonly begin: number;
  readonly end: number;
  readonly isUnit: boolean;
}

/** One rater's sections of the continuum for one category, in order: units and the gaps between. */
function sections(study: UnitizingStudy, rater: number, category: string): Section[] {
  const units = study.units.filter((u) => u.rater === rater && u.category === category).sort((a, b) => a.begin - b.begin);
  const out: Section[] = [];
  let position = study.continuumBegin;
  for (const unit of units) {
    if (unit.begin > position) out.push({ begin: position, end: unit.begin, isUnit: false });
    out.push({ begin: unit.begin, end: unit.begin + unit.length, isUnit: true });
    position = Math.max(position, unit.begin + unit.length);
  }
  const end = study.continuumBegin + study.continuumLength;
  if (position < end) out.push({ begin: position, end, isUnit: false });
  return out;
}

function distance(g: Section, h: Section): number {
  if (g.isUnit && h.isUnit) return (g.begin - h.begin) ** 2 + (g.end - h.end) ** 2;
  if (g.isUnit && h.begin <= g.begin && g.end <= h.end) return (g.end - g.begin) ** 2;
  if (h.isUnit && g.begin <= h.begin && h.end <= g.end) return (h.end - h.begin) ** 2;
  return 0;
}

/** Sum of δ over every overlapping pair of sections of two raters (both lists sorted, one sweep). */
function pairDisagreement(a: readonly Section[], b: readonly Section[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const g = a[i];
    const h = b[j];
    if (g === undefined || h === undefined) break;
    if (g.begin < h.end && h.begin < g.end) sum += distance(g, h);
    if (g.end <= h.end) i++;
    else j++;
  }
  return sum;
}

export function observedDisagreement(study: UnitizingStudy, category: string): number {
  const { raterCount: r, continuumLength: l } = study;
  const perRater = Array.from({ length: r }, (_, rater) => sections(study, rater, category));
  let sum = 0;
  for (let i = 0; i < r; i++) {
    for (let j = i + 1; j < r; j++) sum += pairDisagreement(perRater[i] ?? [], perRater[j] ?? []);
  }
  // Every unordered pair counted once above; the formula sums ordered pairs.
  return (2 * sum) / (r * (r - 1) * l * l);
}

export function expectedDisagreement(study: UnitizingStudy, category: string): number {
  const { raterCount: r, continuumLength: l } = study;
  const lengths = study.units.filter((u) => u.category === category).map((u) => u.length);
  const gaps: number[] = [];
  for (let rater = 0; rater < r; rater++) {
    for (const s of sections(study, rater, category)) if (!s.isUnit) gaps.push(s.end - s.begin);
  }
  gaps.sort((x, y) => x - y);
  // suffix sums of gap lengths: Σ over gaps ≥ length of (gap − length + 1), in O(log n) per unit.
  const suffix = new Array<number>(gaps.length + 1).fill(0);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = (suffix[k + 1] ?? 0) + (gaps[k] ?? 0);
  const n = lengths.length;
  let numerator = 0;
  let squaredLengths = 0;
  for (const length of lengths) {
    const first = lowerBound(gaps, length);
    const count = gaps.length - first;
    const fits = (suffix[first] ?? 0) - count * (length - 1);
    numerator += ((n - 1) * (2 * length ** 3 - 3 * length ** 2 + length)) / 3 + length ** 2 * fits;
    squaredLengths += length * (length - 1);
  }
  return ((2 / l) * numerator) / (r * l * (r * l - 1) - squaredLengths);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? Infinity) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function categoryAlpha(study: UnitizingStudy, category: string): CategoryAlpha {
  const observed = observedDisagreement(study, category);
  const expected = expectedDisagreement(study, category);
  return { observed, expected, alpha: expected === 0 ? Number.NaN : 1 - observed / expected };
}

/** αu over all categories of the study: 1 − mean observed / mean expected. NaN without units. */
export function unitizedAlpha(study: UnitizingStudy): number {
  const categories = [...new Set(study.units.map((u) => u.category))];
  if (categories.length === 0) return Number.NaN;
  const values = categories.map((c) => categoryAlpha(study, c));
  const observed = values.reduce((s, v) => s + v.observed, 0);
  const expected = values.reduce((s, v) => s + v.expected, 0);
  return expected === 0 ? Number.NaN : 1 - observed / expected;
}

/** Units of one rater and category joined where they overlap or touch, as αu requires. */
export function mergeOverlaps(units: readonly Unit[]): Unit[] {
  const groups = new Map<string, Unit[]>();
  for (const u of units) {
    const key = JSON.stringify([u.rater, u.category]);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [u]);
    else list.push(u);
  }
  const merged: Unit[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => a.begin - b.begin);
    let current: Unit | undefined;
    for (const u of list) {
      if (current !== undefined && u.begin < current.begin + current.length) {
        current = { ...current, length: Math.max(current.length, u.begin + u.length - current.begin) };
      } else {
        if (current !== undefined) merged.push(current);
        current = u;
      }
    }
    if (current !== undefined) merged.push(current);
  }
  return merged;
}
