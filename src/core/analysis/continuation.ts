// Who said a quote that names no source of its own: the source named where a multi-paragraph quote
// closes, the quote before it in the paragraph, or the attribution ending the paragraph before.
import type { Line } from './text';
import { onlySpaceBetween } from './text';
import type { QuoteSpan } from './quotes';
import type { Attribution, Event, LineTokens } from './attribution';
import { attributeQuote, attribution, endsWithFullStop, introducerSubject, sameSentence } from './attribution';

/** What continuation reads of the article: its lines and tokens, its quotes and attributions. */
export interface ArticleContext {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly lt: LineTokens;
  readonly spans: readonly QuoteSpan[];
  /** The attributions of each line (quoted or not), in reading order. */
  readonly eventsByLine: ReadonlyMap<number, Event[]>;
  readonly isNoiseLine: (i: number) => boolean;
}

/** The attribution of every quote, in the order of `spans` (null where none is found). */
export function attributeAll(article: ArticleContext): (Attribution | null)[] {
  const { text, lines, lt, spans } = article;
  const attributions: (Attribution | null)[] = [];
  for (let k = 0; k < spans.length; k++) {
    const q = spans[k];
    const prev = spans[k - 1];
    const next = spans[k + 1];
    if (!q) {
      attributions.push(null);
      continue;
    }
    const prevInLine = prev && prev.endLineIndex === q.lineIndex ? prev : null;
    const nextInLine = next && next.lineIndex === q.endLineIndex ? next : null;
    attributions.push(attributeQuote(text, lines, lt, q, prevInLine, nextInLine));
  }
  // A paragraph of a multi-paragraph quote takes the source named where the quote finally closes.
  for (let k = spans.length - 2; k >= 0; k--) {
    const q = spans[k];
    const next = spans[k + 1];
    const nextAttribution = attributions[k + 1];
    if (!q || !next || attributions[k] || q.close !== null || !nextAttribution?.mention) continue;
    if (nextLineIndex(lines, q.endLineIndex) !== next.lineIndex) continue;
    const nextLine = lines[next.lineIndex];
    if (!nextLine || !onlySpaceBetween(text, nextLine.start, next.open)) continue;
    attributions[k] = attribution(nextAttribution.mention, nextAttribution.cue, nextAttribution.confidence * 0.85, [{ rule: 'multi-paragraph-source', detail: 'the quote continues in the next paragraph, where its source is named' }], true);
  }
  sharedLaterCues(article, attributions);
  for (let k = 0; k < spans.length; k++) {
    const q = spans[k];
    if (!q || attributions[k]) continue;
    const prev = spans[k - 1];
    const prevInLine = prev && prev.endLineIndex === q.lineIndex ? prev : null;
    attributions[k] = inherit(article, { quote: q, prevInLine, prev: prev ?? null, prevAttribution: attributions[k - 1] ?? null });
  }
  headlineQuotesSaidLater(article, attributions);
  return attributions;
}

/**
 * A quote of a sentence whose cue follows a later quote of the same sentence shares that cue: "…
 * was “stagnant for about a month” as donors waited to see how a “turbulent cycle” played out, he said."
 */
function sharedLaterCues(article: ArticleContext, attributions: (Attribution | null)[]): void {
  const { text, lt, spans } = article;
  for (let k = spans.length - 2; k >= 0; k--) {
    const q = spans[k];
    const next = spans[k + 1];
    const later = attributions[k + 1];
    if (!q || !next || attributions[k] || q.close === null || !later?.mention || later.inherited) continue;
    if (!later.evidence.some((e) => e.rule === 'cue-after-quote' || e.rule === 'later-cue-in-sentence')) continue;
    if (next.lineIndex !== q.endLineIndex || endsWithFullStop(text, q) || !sameSentence(lt, q.endLineIndex, q.close + q.closeLen, next.open)) continue;
    attributions[k] = attribution(later.mention, later.cue, later.confidence * 0.85, [{ rule: 'later-cue-in-sentence', detail: `“${later.cue?.text ?? ''}” after a later quote of the same sentence` }], later.inherited);
  }
}

/** Headline quotes looked up in the article's later quotes: a few, so that the cost stays linear. */
const MAX_HEADLINE_QUOTES = 8;

/** A quote's words in lower case, each between single spaces ("We were left with nothing." → " we were left with nothing "). */
function wordsKey(text: string, q: QuoteSpan): string {
  return ` ${text.slice(q.start, q.end).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/**
 * A headline quoting words that a later quote of the article says (“‘We were left with nothing’:
 * flood victims demand answers” … “We were left with nothing,” said Margaret Hill) is that source's.
 */
function headlineQuotesSaidLater(article: ArticleContext, attributions: (Attribution | null)[]): void {
  const { text, lt, spans } = article;
  const keys: (string | undefined)[] = [];
  let tried = 0;
  for (let k = 0; k < spans.length && tried < MAX_HEADLINE_QUOTES; k++) {
    const q = spans[k];
    if (!q || attributions[k] || q.close === null || q.endLineIndex !== q.lineIndex || !lt.isHeadline(q.lineIndex)) continue;
    tried++;
    const key = wordsKey(text, q);
    // Two words at least: one word repeated proves nothing.
    if (key.indexOf(' ', 1) === key.length - 1) continue;
    for (let j = k + 1; j < spans.length; j++) {
      const later = attributions[j];
      const s = spans[j];
      if (!s || !later?.mention || s.lineIndex === q.lineIndex) continue;
      const laterKey = (keys[j] ??= wordsKey(text, s));
      if (!laterKey.includes(key)) continue;
      attributions[k] = attribution(later.mention, null, later.confidence * 0.8, [{ rule: 'headline-quote-said-later', detail: `the headline quotes words that “${later.mention.text}” says later` }], true);
      break;
    }
  }
}

function previousNonSpace(text: string, from: number, to: number): string {
  let i = to - 1;
  while (i >= from && /\s/.test(text[i] ?? '')) i--;
  return i >= from ? (text[i] ?? '') : '';
}

function nextLineIndex(lines: readonly { blank: boolean }[], from: number): number {
  let i = from + 1;
  while (i < lines.length && lines[i]?.blank) i++;
  return i;
}

/** The quote to attribute by continuation and its neighbour before it. */
interface Neighbourhood {
  readonly quote: QuoteSpan;
  /** The quote before it when it ends in the same paragraph. */
  readonly prevInLine: QuoteSpan | null;
  readonly prev: QuoteSpan | null;
  readonly prevAttribution: Attribution | null;
}

/** The last event of a line whose cue ends before `pos` (events are in reading order): a binary search. */
function lastEventBefore(events: readonly Event[] | undefined, pos: number): Event | undefined {
  if (!events) return undefined;
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((events[mid]?.cue.end ?? 0) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return events[lo - 1];
}

/**
 * A quote with no cue of its own continues a neighbour: the previous quote of its paragraph, or the
 * attribution that ends the paragraph before it.
 */
function inherit(article: ArticleContext, near: Neighbourhood): Attribution | null {
  const { text, lines, lt, eventsByLine, isNoiseLine } = article;
  const { quote: q, prevInLine, prev, prevAttribution } = near;
  if (prevInLine && prevAttribution?.mention) {
    return attribution(prevAttribution.mention, prevAttribution.cue, prevAttribution.confidence * 0.9, [{ rule: 'continues-quote', detail: 'continues the attributed quote before it in the paragraph' }], true);
  }
  const line = lines[q.lineIndex];
  if (!line) return null;
  // A quote opening a sentence continues the attribution just before it: "…, Schiff said. “The other factor …”".
  const before = previousNonSpace(text, line.start, q.open);
  if (before === '.' || before === ':') {
    const last = lastEventBefore(eventsByLine.get(q.lineIndex), q.open);
    if (last) return attribution(last.mention, last.cue, 0.6, [{ rule: 'continues-sentence', detail: `continues “${last.cue.text}” in the sentence before` }], true);
  }
  // Only a quote that opens its paragraph continues the one before.
  if (!onlySpaceBetween(text, line.start, q.open)) return null;
  let p = q.lineIndex - 1;
  while (p >= 0 && (lines[p]?.blank ?? false)) p--;
  if (p < 0 || isNoiseLine(p)) return null;
  const lineEventsHere = eventsByLine.get(q.lineIndex);
  if (lineEventsHere && lineEventsHere.length > 0) return null;
  const prevLineEvents = eventsByLine.get(p);
  const lastEvent = prevLineEvents?.[prevLineEvents.length - 1];
  const prevQuoteHere = prev && prev.endLineIndex === p && prevAttribution?.mention ? prevAttribution : null;
  if (prevQuoteHere && (!lastEvent || (prevQuoteHere.mention && prevQuoteHere.mention.start >= lastEvent.mention.start))) {
    return attribution(prevQuoteHere.mention, prevQuoteHere.cue, prevQuoteHere.confidence * 0.8, [{ rule: 'continues-paragraph', detail: 'continues the quote of the paragraph before' }], true);
  }
  if (lastEvent) {
    return attribution(lastEvent.mention, lastEvent.cue, 0.6, [{ rule: 'continues-paragraph', detail: `continues “${lastEvent.cue.text}” in the paragraph before` }], true);
  }
  const introducer = introducerSubject(text, lines, lt, p);
  if (introducer) {
    return attribution(introducer, null, 0.5, [{ rule: 'colon-paragraph', detail: 'the paragraph before ends with a colon that introduces the quote' }], false);
  }
  return null;
}
