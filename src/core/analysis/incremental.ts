// A quick re-analysis after edits: what the edits touched is analysed again, the rest of the
// previous analysis is moved to its new place. In an archive export the unit is the article (an
// article's detections depend on that article alone); in one long article it is a window of
// paragraphs around each edit. The result is provisional: a full analysis must follow to correct
// what a window cannot see (see `reanalyze`).

import type { Analysis, NoiseLine, Quote, Speaker, SpeakerMention, Span } from './types';
import type { AnalyzeArticle } from './archive';
import type { EditMap } from './editMap';
import { movedQuote, quoteShifts, reanalyzeExport } from './incrementalExport';
import { mergeSorted } from '../text/sortedSearch';

/** Paragraphs of context kept on each side of an edit: an attribution may read its neighbours. */
const CONTEXT_PARAGRAPHS = 1;
/** A window never grows past this many characters on each side of an edit, even in one huge paragraph. */
const MAX_REACH = 8_000;
/** Edits spread over more than this are not re-analysed here (a replace-all): only what they touched is dropped. */
const MAX_WINDOW_TEXT = 200_000;

/**
 * `previous` (an analysis of the text before `edits`) brought to `text`, the text after them.
 *
 * Equal to `analyze(text)` everywhere except:
 * - inside a window of paragraphs around each edit, which is analysed alone: an attribution or a
 *   pronoun there cannot reach a speaker named outside it, and quotes dropped as sure boilerplate
 *   are judged on the window's lines;
 * - boilerplate verdicts of the edited lines themselves, which come from the window alone (every
 *   other line keeps its verdict, though the whole-page judgement might change);
 * - speaker ids and order: the previous speakers keep theirs, a new speaker comes last;
 * - whether the text is an archive export at all: the previous layout is kept (a separator typed
 *   or deleted shows after the full analysis).
 * In an archive export, an edit inside an article's body re-analyses that whole body and the
 * other articles keep their detections (see incrementalExport.ts), so there the result equals
 * `analyze(text)` as long as the edit did not change where articles begin and end.
 */
export function reanalyze(previous: Analysis, edits: EditMap, text: string, analyzeArticle: AnalyzeArticle): Analysis {
  if (edits.isEmpty) return previous;
  if (previous.articles) return reanalyzeExport(previous, previous.articles, edits, text, analyzeArticle);
  const dirty = edits.dirty();
  const windows = paragraphWindows(text, dirty, previous, edits);
  const fresh = windows.reduce((n, w) => n + (w.end - w.start), 0) <= MAX_WINDOW_TEXT ? windows.map((w) => windowAnalysis(text, w, analyzeArticle)) : [];
  const inWindow = overlapTest(windows);
  const quotes = mergeByStart(previous.quotes.map((q) => movedQuote(q, edits)).filter((q): q is Quote => !!q && !inWindow(quoteExtent(q))), fresh.flatMap((f) => f.analysis.quotes));
  // A paragraph window's boilerplate verdicts stand only on the edited lines: the whole page judges the others.
  const noise = mergeByStart(
    previous.noise.map((n) => edits.span(n)).filter((n): n is NoiseLine => !!n && (!inWindow(n) || !overlapsAny(n, dirty))),
    fresh.flatMap((f) => f.analysis.noise.filter((n) => overlapsAny(n, dirty))),
  );
  const { quotes: named, speakers } = speakersByName(quotes, previous.speakers, fresh);
  return { quotes: named, speakers, cues: uniqueCues(named), noise };
}

interface WindowResult {
  readonly analysis: Analysis;
}

/** One window analysed alone and moved to its place; its speaker ids are prefixed to keep them apart from the previous ones. */
function windowAnalysis(text: string, w: Span, analyzeArticle: AnalyzeArticle): WindowResult {
  const a = analyzeArticle(text.slice(w.start, w.end));
  const by = w.start;
  const span = <T extends Span>(s: T): T => ({ ...s, start: s.start + by, end: s.end + by });
  const id = (old: string): string => `w${w.start}:${old}`;
  const mention = (m: SpeakerMention | null): SpeakerMention | null => (m ? span(m) : null);
  return {
    analysis: {
      quotes: a.quotes.map((q) => ({ ...span(q), speakerId: q.speakerId === null ? null : id(q.speakerId), mention: mention(q.mention), cue: q.cue ? span(q.cue) : null })),
      speakers: a.speakers.map((s) => ({ ...s, id: id(s.id), mentions: s.mentions.map(span) })),
      cues: a.cues.map(span),
      noise: a.noise.map(span),
    },
  };
}

/** Everything a quote reaches: itself, the mention it was attributed from and its cue. */
function quoteExtent(q: Quote): Span {
  let start = q.start;
  let end = q.end;
  for (const s of [q.mention, q.cue]) {
    if (!s) continue;
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { start, end };
}

/** Detections are sorted by start; the kept ones and the fresh ones interleave by position. */
function mergeByStart<T extends Span>(kept: readonly T[], fresh: readonly T[]): T[] {
  const byStart = (a: T, b: T): number => a.start - b.start;
  // On a tie the kept one comes first.
  return mergeSorted(kept, [...fresh].sort(byStart), byStart);
}

function overlapsAny(s: Span, spans: readonly Span[]): boolean {
  return spans.some((d) => d.start <= s.end && s.start <= d.end);
}

/** A test "does this span meet a window", by binary search over the sorted windows. */
function overlapTest(windows: readonly Span[]): (s: Span) => boolean {
  return (s) => {
    let lo = 0;
    let hi = windows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((windows[mid]?.end ?? 0) <= s.start) lo = mid + 1;
      else hi = mid;
    }
    const w = windows[lo];
    return !!w && w.start < s.end + (s.end === s.start ? 1 : 0);
  };
}

/** Around each edit, its paragraphs and their neighbours, grown to hold whole every quote they cut; overlapping windows merge. */
function paragraphWindows(text: string, dirty: readonly Span[], previous: Analysis, edits: EditMap): Span[] {
  const raw = dirty.map((d) => {
    const lo = Math.max(0, d.start - MAX_REACH);
    const hi = Math.min(text.length, d.end + MAX_REACH);
    let start = d.start;
    let end = d.end;
    for (let k = 0; k <= CONTEXT_PARAGRAPHS; k++) start = paragraphStart(text, start, lo);
    for (let k = 0; k <= CONTEXT_PARAGRAPHS; k++) end = paragraphEnd(text, end, hi);
    return { start, end };
  });
  const windows = mergeSpans(raw);
  // A quote cut by a window (with its speaker's mention or cue outside) is analysed again whole.
  const inWindow = overlapTest(windows);
  const grown: Span[] = [...windows];
  for (const q of previous.quotes) {
    const extent = movedExtent(q, edits);
    if (extent && inWindow(extent)) grown.push({ start: lineStart(text, extent.start), end: lineEnd(text, extent.end) });
  }
  return mergeSpans(grown);
}

/** The extent of a quote (see quoteExtent) after the edits, or undefined when they touched any part of it: computed from shifts, no moved copy. */
function movedExtent(q: Quote, edits: EditMap): Span | undefined {
  const shifts = quoteShifts(q, edits);
  if (!shifts) return undefined;
  const [by, mentionBy, cueBy] = shifts;
  let start = q.start + by;
  let end = q.end + by;
  if (q.mention) {
    start = Math.min(start, q.mention.start + mentionBy);
    end = Math.max(end, q.mention.end + mentionBy);
  }
  if (q.cue) {
    start = Math.min(start, q.cue.start + cueBy);
    end = Math.max(end, q.cue.end + cueBy);
  }
  return { start, end };
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else out.push({ ...s });
  }
  return out;
}

const isBreak = (ch: string | undefined): boolean => ch === '\n' || ch === '\r';

function lineStart(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && !isBreak(text[i - 1])) i--;
  return i;
}

function lineEnd(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i < text.length && !isBreak(text[i])) i++;
  return i;
}

/** A line holding only white space. */
function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!/\s/.test(text[i] ?? '')) return false;
  return true;
}

/** Start of the paragraph before the line holding `offset` (the first line after a blank one), not before `limit`. */
function paragraphStart(text: string, offset: number, limit: number): number {
  let start = lineStart(text, offset);
  // Step over the line break and any blank lines just above, then up to the next blank line.
  let seenText = false;
  while (start > limit) {
    const prevEnd = start - (text[start - 1] === '\n' && text[start - 2] === '\r' ? 2 : 1);
    const prevStart = Math.max(limit, lineStart(text, prevEnd));
    const blank = isBlankLine(text, prevStart, prevEnd);
    if (blank && seenText) break;
    if (!blank) seenText = true;
    start = prevStart;
  }
  return start;
}

/** End of the paragraph after the line holding `offset` (the last line before a blank one), not after `limit`. */
function paragraphEnd(text: string, offset: number, limit: number): number {
  let end = lineEnd(text, offset);
  let seenText = false;
  while (end < limit) {
    const nextStart = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
    const nextEnd = Math.min(limit, lineEnd(text, nextStart));
    const blank = isBlankLine(text, nextStart, nextEnd);
    if (blank && seenText) break;
    if (!blank) seenText = true;
    end = nextEnd;
  }
  return Math.min(end, text.length);
}

/**
 * Speakers from the quotes as they now stand (one long article): a window's speaker is the
 * previous speaker of the same name (keeping its id), or a new one numbered after them.
 */
function speakersByName(quotes: readonly Quote[], previous: readonly Speaker[], fresh: readonly WindowResult[]): { quotes: Quote[]; speakers: Speaker[] } {
  const idByName = new Map<string, string>();
  const names = new Map<string, string>();
  let next = 0;
  for (const s of previous) {
    idByName.set(s.name, s.id);
    names.set(s.id, s.name);
    next = Math.max(next, Number(s.id.slice(1)) + 1);
  }
  const rename = new Map<string, string>();
  const order = previous.map((s) => s.id);
  const wordsOf = (name: string): string[] => name.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const previousWords = previous.map((s) => ({ id: s.id, words: new Set(wordsOf(s.name)) }));
  /** A window sees "Lavrov" where the whole article names "Sergei Lavrov": the one previous speaker whose name holds every word. */
  const fuller = (name: string): string | undefined => {
    const words = wordsOf(name);
    const found = previousWords.filter((p) => words.every((w) => p.words.has(w)));
    return found.length === 1 ? found[0]?.id : undefined;
  };
  for (const f of fresh) {
    for (const s of f.analysis.speakers) {
      let id = idByName.get(s.name) ?? fuller(s.name);
      if (!id) {
        id = `s${next++}`;
        idByName.set(s.name, id);
        names.set(id, s.name);
        order.push(id);
      }
      rename.set(s.id, id);
    }
  }
  return withSpeakers(quotes, order, rename, names);
}

/** The quotes with their speakers renamed, and each speaker in `order` that still has a quote, with the mentions its quotes were read from. */
function withSpeakers(quotes: readonly Quote[], order: readonly string[], rename: ReadonlyMap<string, string>, names: ReadonlyMap<string, string>): { quotes: Quote[]; speakers: Speaker[] } {
  const mentions = new Map<string, Map<string, SpeakerMention>>();
  const out = quotes.map((q) => {
    const id = q.speakerId === null ? null : (rename.get(q.speakerId) ?? q.speakerId);
    if (id !== null) {
      let ms = mentions.get(id);
      if (!ms) mentions.set(id, (ms = new Map<string, SpeakerMention>()));
      if (q.mention) ms.set(`${q.mention.start}:${q.mention.end}`, q.mention);
    }
    return id === q.speakerId ? q : { ...q, speakerId: id };
  });
  const speakers: Speaker[] = [];
  for (const id of order) {
    const ms = mentions.get(id);
    if (ms) speakers.push({ id, name: names.get(id) ?? '', mentions: [...ms.values()].sort((a, b) => a.start - b.start) });
  }
  return { quotes: out, speakers };
}

function uniqueCues(quotes: readonly Quote[]): Analysis['cues'][number][] {
  const cues = new Map<string, Analysis['cues'][number]>();
  for (const q of quotes) if (q.cue) cues.set(`${q.cue.start}:${q.cue.end}`, q.cue);
  return [...cues.values()].sort((a, b) => a.start - b.start);
}
