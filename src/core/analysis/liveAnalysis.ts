// The analysis of one document that is being edited while full analyses run elsewhere (on a
// worker). It always has an answer for the newest version once it has had any: edits are spliced
// in quickly (see incremental.ts), and a full analysis that arrives for an older version is
// brought forward through the edits made since, never shown as it was. Pure: versions, texts
// and analyses in, analyses out.

import type { AnalyzeArticle } from './archive';
import type { TextChange } from './editMap';
import { EditMap } from './editMap';
import { reanalyze } from './incremental';
import { spliceIsExact } from './incrementalExport';
import type { Analysis, ArticleScope } from './types';

/**
 * A full analysis as it arrives from elsewhere: the export's articles at once, the detections
 * read only when needed (a 5 MB export's are tens of megabytes to parse).
 */
export interface ArrivedAnalysis {
  /** The places and fields of the export's articles (undefined when the text is not an export). */
  readonly articles: readonly ArticleScope[] | undefined;
  /** The detections; undefined when they were left out because the articles were those expected (see `soundArticles`). */
  analysis(): Analysis | undefined;
}

export interface LiveResult {
  readonly version: number;
  readonly analysis: Analysis;
  /** Covers the whole text (from a full analysis, possibly with edits spliced in since). */
  readonly complete: boolean;
  /** Equals a full analysis of this version. */
  readonly exact: boolean;
}

interface Logged {
  readonly version: number;
  readonly changes: readonly TextChange[];
}

/** More edits than this since the oldest full analysis still awaited, and the older ones are forgotten (that result then cannot be used). */
const MAX_LOGGED = 10_000;
/** Quick answers remembered per version, to check a full analysis of that version against (the newest ones: some seconds of typing). */
const MAX_QUICK_KEPT = 32;

/** What is kept of a quick answer: its articles only, not its detections (a 5 MB export's are megabytes per version). */
interface Quick {
  readonly articles: readonly ArticleScope[] | undefined;
  /** The answer equals a full analysis of its version if that one cuts the export into these articles (see spliceIsExact). */
  readonly sound: boolean;
}

export class LiveAnalysis {
  private base: LiveResult | undefined;
  /** Edits since `base.version`. */
  private pending = EditMap.none;
  /** Every edit after `logFrom`, to bring a full analysis of any later version forward. */
  private log: Logged[] = [];
  private logFrom: number;
  private newest: number;
  /** The version of the last full analysis taken. */
  private fullVersion = -Infinity;
  /** `base` equals a full analysis of its version if that one cuts the export into the same articles. */
  private sound = false;
  /** The quick answers given since the last full analysis taken, by version. */
  private quick = new Map<number, Quick>();

  constructor(
    version: number,
    private readonly analyzeArticle: AnalyzeArticle,
  ) {
    this.newest = version;
    this.logFrom = version;
  }

  get version(): number {
    return this.newest;
  }

  /**
   * The articles of the quick answer given for `version` when that answer equals a full analysis
   * of it as long as the full analysis cuts the text into these articles: a full analysis that
   * finds them may leave its detections out (`ArrivedAnalysis.analysis`). With `text` (the newest
   * version's), that answer is made now if it is not yet and could vouch.
   */
  soundArticles(version: number, text?: string | (() => string)): readonly ArticleScope[] | undefined {
    // Not asked for yet (no repaint of that version): made now when it can vouch.
    if (text !== undefined && this.sound) this.quickForNewest(version, text);
    const known = this.quick.get(version);
    return known?.sound ? known.articles : undefined;
  }

  /** Makes the quick answer of an export's `version` if it is the newest and none was asked for yet (one article's work). */
  private quickForNewest(version: number, text: string | (() => string)): void {
    if (version === this.newest && !this.quick.has(version) && this.base?.analysis.articles !== undefined) this.current(text);
  }

  /** The document went from `version - 1` (or the newest known) to `version` by `changes`, in order. */
  edited(version: number, changes: readonly TextChange[]): void {
    this.newest = version;
    if (this.base) this.pending = this.pending.then(changes);
    this.log.push({ version, changes });
    if (this.log.length > MAX_LOGGED) {
      const dropped = this.log.splice(0, this.log.length - MAX_LOGGED);
      this.logFrom = dropped[dropped.length - 1]?.version ?? this.logFrom;
    }
  }

  /** The analysis of the newest version (`text`, read only when needed), quick where edits were made since the last full one; undefined before any. */
  current(text: string | (() => string)): LiveResult | undefined {
    const base = this.base;
    if (!base) return undefined;
    if (base.version === this.newest && this.pending.isEmpty) return base;
    const analysis = reanalyze(base.analysis, this.pending, typeof text === 'string' ? text : text(), this.analyzeArticle);
    this.sound = this.sound && base.analysis.articles !== undefined && spliceIsExact(base.analysis.articles, this.pending);
    this.base = { version: this.newest, analysis, complete: base.complete, exact: false };
    this.pending = EditMap.none;
    this.quick.set(this.newest, { articles: analysis.articles, sound: this.sound });
    for (const v of this.quick.keys()) {
      if (this.quick.size <= MAX_QUICK_KEPT) break;
      this.quick.delete(v);
    }
    return this.base;
  }

  /** A first, partial answer (such as the visible part analysed alone) while a full analysis runs. */
  partial(version: number, analysis: Analysis): void {
    if (this.base || version !== this.newest) return;
    this.base = { version, analysis, complete: false, exact: false };
    this.pending = EditMap.none;
    this.sound = false;
  }

  /**
   * A full analysis of `version` arrived; `text` is the newest version's. Returns false when it
   * is of no use (older than what is known, or its edits were forgotten).
   */
  full(version: number, analysis: Analysis, text: string | (() => string)): boolean {
    return this.arrived(version, { articles: analysis.articles, analysis: () => analysis }, text);
  }

  /**
   * As `full`, for an analysis whose detections are read only when needed: when the quick answer
   * given for that version is known to equal it (an export typed in, its articles unchanged), the
   * detections are not read and the answer shown stays the same object.
   */
  arrived(version: number, arrived: ArrivedAnalysis, text: string | (() => string)): boolean {
    if (version <= this.fullVersion || version < this.logFrom || version > this.newest) return false;
    // No quick answer was asked for the newest version (its editor hidden, or typing paused before
    // a repaint): splicing it now costs one article, reading the full result a whole export.
    this.quickForNewest(version, text);
    const known = this.quick.get(version);
    const vouched = !!this.base && !!known?.sound && !!known.articles && !!arrived.articles && sameData(known.articles, arrived.articles);
    // Detections left out although they are needed: nothing is taken, the caller asks again for them.
    const analysis = vouched ? undefined : arrived.analysis();
    if (!vouched && !analysis) return false;
    this.fullVersion = version;
    const since = this.log.filter((e) => e.version > version).flatMap((e) => e.changes);
    this.log = this.log.filter((e) => e.version > version);
    this.logFrom = version;
    for (const v of [...this.quick.keys()]) if (v <= version) this.quick.delete(v);
    if (!analysis) {
      // Vouched for: what was shown for that version is what the full analysis says, and what is
      // shown now follows from it as surely (a full result read since would have forgotten every
      // quick answer): it stays, and is exact when no edit came since.
      if (this.base) {
        const exact = since.length === 0 && this.base.version === version && this.pending.isEmpty;
        this.base = { ...this.base, complete: true, exact: this.base.exact || exact };
      }
      return true;
    }
    const newest = (): string => (typeof text === 'string' ? text : text());
    // What is shown no longer follows from the quick answers remembered: none may vouch for it.
    this.quick.clear();
    if (since.length === 0) {
      // Typing in an export: the quick splice usually equals the full analysis already. Keeping the
      // shown object then lets every consumer see that nothing changed (nothing is repainted).
      const shown = this.base?.version === version && this.pending.isEmpty ? this.base.analysis : undefined;
      this.base = { version, analysis: shown && sameData(shown, analysis) ? shown : analysis, complete: true, exact: true };
      this.pending = EditMap.none;
      this.sound = true;
      return true;
    }
    const edits = EditMap.of(since);
    this.base = { version: this.newest, analysis: reanalyze(analysis, edits, newest(), this.analyzeArticle), complete: true, exact: false };
    this.pending = EditMap.none;
    this.sound = analysis.articles !== undefined && spliceIsExact(analysis.articles, edits);
    return true;
  }
}

/** Deep equality of plain data (what an analysis is made of), with early exits on shared parts: linear, no allocation. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    keys++;
    if (!sameData(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) keys--;
  return keys === 0;
}
