// Finds quoted spans: pairs quotation marks of every common style within a paragraph (one line),
// keeps only the outermost quote, tells apostrophes from single quotes, and lets a quote left open at
// the end of a paragraph run into the next one only when that paragraph closes it.
import type { Evidence } from './types';
import type { Line } from './text';
import { codePointWithin, isDigit, isLetter, isLetterCodePoint, isLetterOrDigit, isSpace, isSpaceCode, onlySpaceBetween, trimSpan } from './text';
import { clusterBoundaryFrom } from './graphemes';
import { REPORTING_VERBS, STOP_WORDS, WORDING_MARKERS } from './lexicon';

type Family = 'double' | 'single';
type Role = 'open' | 'close' | 'either';

interface Mark {
  readonly pos: number;
  readonly len: number;
  readonly family: Family;
  readonly role: Role;
  /** Shape-directed marks (curly, guillemets) nest; straight marks toggle. */
  readonly directional: boolean;
}

export interface QuoteSpan {
  readonly start: number;
  readonly end: number;
  /** Offsets of the opening and closing marks (close is null when closed by a paragraph end). */
  readonly open: number;
  readonly close: number | null;
  readonly closeLen: number;
  readonly family: Family;
  readonly lineIndex: number;
  readonly endLineIndex: number;
  readonly evidence: Evidence[];
}

const OPENER_BEFORE = /[\s([{\u2014\u2013\-/:;>\u00A0]/u;
const CONTRACTION_TAILS = new Set(['s', 't', 'd', 'm', 'll', 're', 've', 'em', 'n', 'til', 'cause', 'tis', 'twas']);

function before(text: string, pos: number, lineStart: number): string {
  return pos > lineStart ? (text[pos - 1] ?? ' ') : ' ';
}

function after(text: string, pos: number, lineEnd: number): string {
  return pos < lineEnd ? (text[pos] ?? ' ') : ' ';
}

/** The letters right after `pos` up to the next non-letter, lower case (bounded). */
function wordAt(text: string, pos: number, lineEnd: number): string {
  let j = pos;
  while (j < lineEnd && j - pos < 8 && isLetter(text[j])) j++;
  return text.slice(pos, j).toLowerCase();
}

function contextRole(prev: string, next: string): Role {
  const opensHere = (OPENER_BEFORE.test(prev) || prev === ' ') && !isSpace(next);
  const closesHere = !isSpace(prev) && (isSpace(next) || /[\p{P}\p{S}]/u.test(next));
  if (opensHere && !closesHere) return 'open';
  if (closesHere && !opensHere) return 'close';
  return 'either';
}

/** Classifies one single-quote character; null when it is an apostrophe. */
function singleMark(text: string, i: number, lineStart: number, lineEnd: number, ch: string): Mark | null {
  const prev = before(text, i, lineStart);
  const next = after(text, i + 1, lineEnd);
  // Between letters or digits it is an apostrophe (Syria’s, isn't, rock'n'roll).
  if (isLetterOrDigit(prev) && isLetterOrDigit(next)) return null;
  // Elisions: ’90s, 'em, isn ‘t (a stray space before a contraction).
  // Reads past the text's end are told by a range check first (no read of undefined).
  if (!isLetterOrDigit(prev) && isDigit(next) && i + 2 < text.length && isDigit(text[i + 2])) return null;
  if (!isLetterOrDigit(prev)) {
    const w = wordAt(text, i + 1, lineEnd);
    const afterWord = i + 1 + w.length < text.length ? text[i + 1 + w.length] : undefined;
    const endsWord = afterWord === undefined || !isLetter(afterWord);
    if (endsWord && CONTRACTION_TAILS.has(w)) return null;
  }
  if (ch === '\u2018' && isLetterOrDigit(prev)) return null; // misprinted apostrophe: isn‘t
  // Each kind only chooses the role; one call builds the mark, so that a rare kind (‹, ›) is no call
  // the compiled code never made.
  let role: Role = 'open';
  let directional = true;
  if (ch === '\u203A') role = 'close';
  else if (ch !== '\u2018' && ch !== '\u201A' && ch !== '\u2039') {
    const context = contextRole(prev, next);
    // Plural possessive ("leaders’ talks") looks like a closing mark; pairing decides.
    role = ch === '\u2019' ? (context === 'open' ? 'either' : 'close') : context;
    directional = ch === '\u2019' && context !== 'open';
  }
  return mark(i, 1, 'single', role, directional);
}

/**
 * A misprinted closing “: right after a word (“abhorrent“ in a tweet) or after the punctuation that
 * ends the words (“It's unusual,“ said …; “Do you?“ he asked), and before a space, it cannot open.
 */
function misprintedClose(text: string, i: number, lineStart: number, lineEnd: number): boolean {
  const prev = before(text, i, lineStart);
  if (!isSpace(after(text, i + 1, lineEnd))) return false;
  if (isLetterOrDigit(prev)) return true;
  return /[,.?!]/.test(prev) && isLetterOrDigit(before(text, i - 1, lineStart));
}

/**
 * A misprinted opening ”: at the start of a paragraph (” … they are not like him,” she said) or
 * after a space and straight before a word (aides ”get close to him”), it cannot close.
 */
function misprintedOpen(text: string, i: number, lineStart: number, lineEnd: number): boolean {
  const next = after(text, i + 1, lineEnd);
  if (onlySpaceBetween(text, lineStart, i)) return !isSpace(next) || isLetterOrDigit(after(text, i + 2, lineEnd)) || after(text, i + 2, lineEnd) === '\u2026';
  return isSpace(before(text, i, lineStart)) && isLetter(next);
}

/** Every mark is built here, so that all share one shape. */
function mark(pos: number, len: number, family: Family, role: Role, directional: boolean): Mark {
  return { pos, len, family, role, directional };
}

/** The ASCII characters that may be quotation marks: " ' and `. */
const ASCII_MARK = new Uint8Array(128);
ASCII_MARK[34] = ASCII_MARK[39] = ASCII_MARK[96] = 1;

/**
 * All candidate quotation marks of a line, in order. Linear in the line length. Each kind of double
 * mark only chooses what to build; building it, the push and the step past it are one path for all,
 * so that a rare kind (guillemets, ``) meets compiled code that has run those operations.
 */
export function findMarks(text: string, line: Line): Mark[] {
  const marks: Mark[] = [];
  const { start, end } = line;
  for (let i = start; i < end; i++) {
    // Most characters are no quotation mark: skip them without building a string.
    const c = text.charCodeAt(i);
    if (c < 128 ? ASCII_MARK[c] === 0 : c !== 0xab && c !== 0xbb && (c < 0x2018 || c > 0x203a) && c !== 0xff02) continue;
    const ch = text[i];
    // `` and '' are double marks of their own.
    const doubled = i + 1 < text.length && text.charCodeAt(i + 1) === c;
    let m: Mark | null = null;
    // A double mark is described here (role null: none at this offset) and built after the switch.
    let role: Role | null = null;
    let pos = i;
    let len = 1;
    let directional = true;
    let skip = 0;
    switch (ch) {
      case '\u201C': // “ opens in English, closes a „ quote (handled in pairing)
        role = misprintedClose(text, i, start, end) ? 'close' : 'open';
        break;
      case '\u201E': // „
      case '\u00AB': // «
        role = 'open';
        break;
      case '\u201D': // ”
        role = misprintedOpen(text, i, start, end) ? 'open' : 'close';
        break;
      case '\u00BB': // »
        role = 'close';
        break;
      case '"':
      case '\u201F':
      case '\uFF02':
        role = contextRole(before(text, i, start), after(text, i + 1, end));
        directional = false;
        break;
      case '`':
        if (doubled) {
          role = 'open';
          len = 2;
          skip = 1;
        }
        break;
      case "'": {
        if (!doubled) {
          m = singleMark(text, i, start, end, ch);
          break;
        }
        // The '' of news archives: a double mark made of two apostrophes.
        len = 2;
        while (i + len < end && text[i + len] === "'" && len < 3) len++;
        skip = len - 1;
        role = contextRole(before(text, i, start), after(text, i + len, end));
        directional = false;
        // Three apostrophes are the double mark and a nested single quote's own mark, which
        // belongs to the words: ''' opens with '' then ', and closes with ' then ''.
        if (len === 3 && role !== 'either') {
          pos = role === 'close' ? i + 1 : i;
          len = 2;
        }
        break;
      }
      case '\u2018':
      case '\u2019':
      case '\u201A':
      case '\u2039':
      case '\u203A':
        m = singleMark(text, i, start, end, ch);
        break;
      default:
        break;
    }
    if (role !== null) m = mark(pos, len, 'double', role, directional);
    if (m !== null) marks.push(m);
    i += skip;
  }
  return marks;
}

/** Marks around nothing but marks and punctuation quote no words. */
function hasWordCharacter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isLetterOrDigit(text[i])) return true;
  return false;
}

/** The longest value a markup attribute or a bare address is looked at for (bounded cost). */
const MAX_VALUE_LENGTH = 200;

/**
 * `author="realDonaldTrump"`, `href="http://…"`: the value of a markup attribute left in a scraped
 * page, the text of an embedded post inside its tags, or a bare web address in marks, quotes nobody.
 */
function isMarkupValue(text: string, openPos: number, s: number, e: number): boolean {
  if (text[openPos - 1] === '=') return true;
  // Right after a tag (`datetime="…">“Great crowd”`) or opening on one's end: an embedded post's text.
  if (text[openPos - 1] === '>' || text[s] === '>') return true;
  if (e - s > MAX_VALUE_LENGTH) return false;
  return /^(https?:\/\/|www\.|pic\.twitter\.com)\S*$/i.test(text.slice(s, e));
}

function canOpen(m: Mark): boolean {
  return m.role !== 'close';
}

function canClose(m: Mark): boolean {
  return m.role !== 'open';
}

function styleName(text: string, m: Mark): string {
  return text.slice(m.pos, m.pos + m.len);
}

interface OpenQuote {
  readonly mark: Mark;
  readonly lineIndex: number;
  depth: number;
  straightInside: boolean;
  /** Curly quotes opened inside a straight one and not closed yet. */
  curlyInside: number;
}

/** Marks of recent lines: pairing looks at a line and the next one, so a few suffice. */
class MarkCache {
  private readonly byLine = new Map<number, Mark[]>();
  constructor(
    private readonly text: string,
    private readonly lines: readonly Line[],
  ) {}

  of(li: number): Mark[] {
    let m = this.byLine.get(li);
    if (!m) {
      const line = this.lines[li];
      m = line ? findMarks(this.text, line) : [];
      this.byLine.set(li, m);
      if (this.byLine.size > 4) {
        const oldest = this.byLine.keys().next().value;
        if (oldest !== undefined && oldest !== li) this.byLine.delete(oldest);
      }
    }
    return m;
  }
}

type Emit = (open: OpenQuote, closeMark: Mark | null, endPos: number, endLine: number, why: Evidence) => void;

const CLOSED_IN_PARAGRAPH: Evidence = { rule: 'closed-in-paragraph', detail: 'closed in the same paragraph' };
const OPEN_AT_PARAGRAPH_END: Evidence = { rule: 'open-at-paragraph-end', detail: 'left open, ended at the paragraph end' };
const ENDS_BEFORE_CREDIT: Evidence = { rule: 'multi-paragraph', detail: 'ends with the paragraph; the next one, a credit or a broken line, holds the closing mark' };
const RUNS_ON: Evidence = { rule: 'multi-paragraph', detail: 'runs on into the next paragraph, which closes it' };

/** Every open quote is built here, so that all share one shape. */
function openQuote(mark: Mark, lineIndex: number): OpenQuote {
  return { mark, lineIndex, depth: 0, straightInside: false, curlyInside: 0 };
}

/** What a mark of the open quote's family does to it (see pairStep). */
const NESTED = 0;
const CLOSES = 1;
/** Ends the open quote before the mark, which opens the next one. */
const REOPENS = 2;

/**
 * What mark `m` of the open quote's family does to it: nests (the quote's nesting counts updated),
 * closes it, or reopens. Curly marks nest, straight marks toggle.
 */
function pairStep(text: string, open: OpenQuote, m: Mark): number {
  if (open.mark.directional && m.directional && m.role === 'open' && m.pos > open.mark.pos) {
    // „…“ (German) closes with a left double mark; otherwise a second opener nests.
    if (text[open.mark.pos] === '\u201E' && text[m.pos] === '\u201C' && open.depth === 0) return CLOSES;
    open.depth++;
    return NESTED;
  }
  if (open.mark.directional && !m.directional) {
    // A straight mark inside a curly quote opens a nested quote by its context, else closes.
    if (m.role === 'open') {
      open.straightInside = true;
      return NESTED;
    }
    if (open.straightInside) {
      open.straightInside = false;
      return NESTED;
    }
  }
  if (!open.mark.directional && m.directional) {
    // A curly quote inside a straight one ("… as “Shark Tank” put it …") is nested: its closing
    // mark is its own, not the straight quote's.
    if (m.role === 'open') {
      open.curlyInside++;
      return NESTED;
    }
    if (open.curlyInside > 0) {
      open.curlyInside--;
      return NESTED;
    }
  }
  // A straight mark that can only open, inside a straight quote, reopens the words after an
  // interruption left unclosed (“…, he added, "this is how …"”): the first quote ends before it.
  if (!open.mark.directional && !m.directional && m.role === 'open') return REOPENS;
  if (!canClose(m)) return NESTED;
  if (open.depth > 0 && m.directional) {
    open.depth--;
    return NESTED;
  }
  return CLOSES;
}

/**
 * Pairs the marks of line `li` from offset `resumeAt`; returns the quote left open at the line's end.
 * A quote of the other family stays inside. Every ending of a quote goes through one call of `emit`
 * and every quote opens at one place (a reopening mark too): the compiled code then meets no
 * call it has never made when a rare ending comes.
 */
function pairLine(text: string, marks: readonly Mark[], li: number, resumeAt: number, emit: Emit): OpenQuote | null {
  let open: OpenQuote | null = null;
  for (let at = 0; at < marks.length; at++) {
    const m = marks[at];
    if (!m || m.pos < resumeAt) continue;
    if (open) {
      if (m.family !== open.mark.family) continue;
      // 'The players' attitude was superb,' he said: a plural possessive ("players'") inside a single
      // quote whose next single mark closes it after its punctuation does not close it.
      if (m.family === 'single' && isPossessiveBeforeWord(text, m) && nextSingleClosesAfterPunctuation(text, marks, at)) continue;
      const step = pairStep(text, open, m);
      if (step === NESTED) continue;
      emit(open, step === REOPENS ? null : m, m.pos, li, CLOSED_IN_PARAGRAPH);
      open = null;
      // A reopening mark can open (a straight mark whose role is open).
      if (step !== REOPENS) continue;
    }
    if (canOpen(m) && !(m.family === 'single' && m.role !== 'open')) open = openQuote(m, li);
  }
  return open;
}

/** A single mark after an "s" and before a space and a lower-case word: the apostrophe of a plural possessive ("the drivers' determination"). */
function isPossessiveBeforeWord(text: string, m: Mark): boolean {
  const c = text.charCodeAt(m.pos - 1);
  const next = text.charCodeAt(m.pos + m.len + 1);
  return (c === 115 || c === 83) && text.charCodeAt(m.pos + m.len) === 32 && next >= 97 && next <= 122;
}

/** Whether the next single mark after `marks[at]` may close and follows `,`, `.`, `?` or `!` (the marks between, of the other family, are passed over). */
function nextSingleClosesAfterPunctuation(text: string, marks: readonly Mark[], at: number): boolean {
  for (let k = at + 1; k < marks.length; k++) {
    const m = marks[k];
    if (!m || m.family !== 'single') continue;
    return canClose(m) && /[,.?!]/.test(text[m.pos - 1] ?? '');
  }
  return false;
}

/** The first double mark of a line, if any. */
function firstDoubleMark(marks: readonly Mark[]): Mark | undefined {
  for (const m of marks) if (m.family === 'double') return m;
  return undefined;
}

/** How a double quote left open at a paragraph's end ends, and where pairing goes on. */
interface ParagraphEnd {
  readonly closeMark: Mark | null;
  readonly endPos: number;
  readonly endLine: number;
  readonly why: Evidence;
  /** The line pairing goes on with, and the offset in it from which (-1: its start). */
  readonly nextLine: number;
  readonly resumeAt: number;
}

/**
 * A double quote left open at the end of line `li` runs on only if the next paragraph closes it
 * before opening anything (the multi-paragraph convention reopens each paragraph instead). A
 * closing mark that ends the next paragraph follows a credit (“…\nBill Clinton.”) or the tail of a
 * broken line: the words end with this paragraph. One with words after it (“…,” said …) closes a
 * quote that runs on. Every value is read whichever way it ends, so that the rare run-on quote takes
 * the path of the common quote left open.
 */
function paragraphEnd(text: string, lines: readonly Line[], marks: MarkCache, li: number, lineEnd: number): ParagraphEnd {
  let next = li + 1;
  while (next < lines.length && lines[next]?.blank) next++;
  const nextLine = next < lines.length ? lines[next] : undefined;
  const first = nextLine ? firstDoubleMark(marks.of(next)) : undefined;
  if (!nextLine || !first) return { closeMark: null, endPos: lineEnd, endLine: li, why: OPEN_AT_PARAGRAPH_END, nextLine: li + 1, resumeAt: -1 };
  const { pos, len, role } = first;
  const startsWithMark = onlySpaceBetween(text, nextLine.start, pos);
  const endsParagraph = onlySpaceBetween(text, pos + len, nextLine.end);
  const closes = !startsWithMark && role === 'close' && next - li <= 2;
  const runsOn = closes && !endsParagraph;
  return {
    closeMark: runsOn ? first : null,
    endPos: runsOn ? pos : lineEnd,
    endLine: runsOn ? next : li,
    why: !closes ? OPEN_AT_PARAGRAPH_END : runsOn ? RUNS_ON : ENDS_BEFORE_CREDIT,
    nextLine: closes ? next : li + 1,
    resumeAt: closes ? pos + len : -1,
  };
}

/**
 * Pairs the marks of all lines into outermost quotes. Each mark is looked at once or twice, so the
 * cost is linear in the text even for 100,000 marks in a row.
 */
export function findQuotes(text: string, lines: readonly Line[]): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  const marks = new MarkCache(text, lines);
  const emit: Emit = (open, closeMark, endPos, endLine, why) => {
    let [s, e] = trimSpan(text, open.mark.pos + open.mark.len, endPos);
    // A combining mark or joiner right after the opening mark belongs to it: the words start after.
    const boundary = clusterBoundaryFrom(text, s, e);
    if (boundary !== s) [s, e] = trimSpan(text, boundary, e);
    if (e <= s || !hasWordCharacter(text, s, e) || isMarkupValue(text, open.mark.pos, s, e)) return;
    const style = closeMark ? `${styleName(text, open.mark)}…${styleName(text, closeMark)}` : `${styleName(text, open.mark)}…`;
    quotes.push({
      start: s,
      end: e,
      open: open.mark.pos,
      close: closeMark ? closeMark.pos : null,
      closeLen: closeMark ? closeMark.len : 0,
      family: open.mark.family,
      lineIndex: open.lineIndex,
      endLineIndex: endLine,
      evidence: [{ rule: closeMark ? 'mark-pair' : 'mark-open-paragraph', detail: `${style} ${why.detail}` }, why],
    });
  };
  let li = 0;
  let resumeAt = -1; // offset inside line `li` from which to continue (after a quote closed there)
  while (li < lines.length) {
    const line = lines[li];
    if (!line || line.blank) {
      li++;
      resumeAt = -1;
      continue;
    }
    const open = pairLine(text, marks.of(li), li, resumeAt, emit);
    resumeAt = -1;
    if (open && open.mark.family === 'double') {
      const end = paragraphEnd(text, lines, marks, li, line.end);
      emit(open, end.closeMark, end.endPos, end.endLine, end.why);
      li = end.nextLine;
      resumeAt = end.resumeAt;
      continue;
    }
    li++;
  }
  return quotes;
}

/** Words that open a noun phrase: a quoted term right after one of them is part of that phrase. */
// Not "that": a clause may follow it ("read only that “we will not yield” tonight").
const PHRASE_OPENERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'your', 'my', 'whose', 'some', 'any', 'every', 'each']);

/** Contractions ending in 's that are no possessive ("it's “…”"): a clause, not a noun phrase, follows. */
const CONTRACTIONS_IN_S = new Set(["it's", "that's", "let's", "what's", "there's", "here's", "he's", "she's", "who's", "where's", "how's"]);

/** Most words a quoted term set inside a noun phrase has. */
const MAX_MODIFIER_WORDS = 4;

/** The word (letters and apostrophes) before offset `pos`, past spaces; bounded look. */
function wordEndingAt(text: string, pos: number): string {
  let e = pos;
  while (e > 0 && pos - e < 4 && isSpace(text[e - 1])) e--;
  let s = e;
  while (s > 0 && e - s < 24 && (isLetter(text[s - 1]) || text[s - 1] === "'" || text[s - 1] === '\u2019')) s--;
  return text.slice(s, e);
}

/**
 * “the “gun violence” narrative”, “the GOP’s “establishment” candidate”: a few quoted words between
 * a determiner or possessive and the noun they qualify are a term set apart inside a noun phrase.
 * Words said end with their own punctuation or stand where a clause can (“called it “a disaster””).
 */
export function isQuotedModifier(text: string, q: QuoteSpan): boolean {
  if (q.close === null || q.end - q.start > 60 || !isLetterOrDigit(text[q.end - 1])) return false;
  if (text.slice(q.start, q.end).split(/\s+/).length > MAX_MODIFIER_WORDS) return false;
  const opener = wordEndingAt(text, q.open).toLowerCase();
  if (!PHRASE_OPENERS.has(opener) && !(/\p{L}['’]s$/u.test(opener) && !CONTRACTIONS_IN_S.has(opener.replace('’', "'")))) return false;
  const after = /^\s+(\p{Ll}[\p{L}'’-]*)/u.exec(text.slice(q.close + q.closeLen, q.close + q.closeLen + 30));
  const noun = after?.[1];
  return noun !== undefined && !STOP_WORDS.has(noun) && !/(?:ed|s)$/u.test(noun);
}

/** Farthest a sentence is read on either side of a quote for a reporting verb (bounded cost). */
const SENTENCE_LOOK = 400;

/** Words that make a quoted word said or someone's wording (see isWordSetApart). */
const SPEECH_OR_WORDING: readonly ReadonlySet<string>[] = [REPORTING_VERBS, WORDING_MARKERS];

/** The index `isWordSetApart` reads a text's words through, for quotes asked in text order. */
export function speechWordsOf(text: string): LineWords {
  return new LineWords(text, SPEECH_OR_WORDING);
}

/** `.`, `!` or `?`: a mark that may end a sentence. */
function isSentenceMarkCode(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/**
 * Whether a word of the sentence around offsets [from, to) on its line (at most SENTENCE_LOOK
 * characters on either side), outside them, in lower case, is one of the index's words: read
 * through the index, so that a text of thousands of short quoted words on one line costs a read of
 * the line, not 800 characters for each.
 */
function sentenceAroundHasWord(from: number, to: number, words: LineWords): boolean {
  const s = Math.max(from - SENTENCE_LOOK, words.sentenceStartBefore(from));
  const e = Math.min(to + SENTENCE_LOOK, words.sentenceEndFrom(to));
  return words.has(s, from) || words.has(to, e);
}

/** The end of the run of letters (`\p{L}`, by code point) of `text[i, to)` opening at `i`: `i` when none does. */
function letterRunEnd(text: string, i: number, to: number): number {
  let j = i;
  while (j < to) {
    const c = codePointWithin(text, j, to);
    if (!isLetterCodePoint(c)) break;
    j += c > 0xffff ? 2 : 1;
  }
  return j;
}

/** Whether a word of the run of letters `text[i, j)` is in one of `sets`: the words `/\p{L}+/gu` finds in its lower case. */
function runHasWord(text: string, i: number, j: number, sets: readonly ReadonlySet<string>[]): boolean {
  const run = text.slice(i, j).toLowerCase();
  // Lower-casing a letter beyond ASCII may make more than a letter ("İ" → "i̇"): the run is split again.
  let ascii = true;
  for (let k = 0; k < run.length && ascii; k++) ascii = run.charCodeAt(k) < 128;
  const words = ascii ? [run] : (run.match(/\p{L}+/gu) ?? []);
  for (const w of words) for (const set of sets) if (set.has(w)) return true;
  return false;
}

/**
 * Whether a word (a run of letters, in lower case) of `text[from, to)` is in one of `sets`: the
 * words `/\p{L}+/gu` finds in the lower-cased slice.
 */
export function rangeHasWord(text: string, from: number, to: number, sets: readonly ReadonlySet<string>[]): boolean {
  let i = from;
  while (i < to) {
    const j = letterRunEnd(text, i, to);
    if (j > i) {
      if (runHasWord(text, i, j, sets)) return true;
      i = j;
    } else i += codePointWithin(text, i, to) > 0xffff ? 2 : 1;
  }
  return false;
}

/** The runs of letters of one line, and how many of those before each hold a word asked about. */
interface LineRuns {
  readonly start: number;
  readonly end: number;
  /** Where each run of letters of the line starts and ends, in order. */
  readonly runStarts: number[];
  readonly runEnds: number[];
  /** How many of the runs before each one hold a word of the sets (one more entry than runs). */
  readonly heldBefore: number[];
  /** Where the line's sentences end: each `.`, `!` or `?` before white space or the end of the text, in order. */
  readonly sentenceMarks: number[];
}

/**
 * The runs of letters of a text's lines, with those holding a word of `sets` counted, read a line
 * at a time as ranges of it are asked (`has`): each line is read once, however many ranges of it
 * are asked and in whatever order. A range cutting a run reads the part it holds, as
 * `rangeHasWord` would.
 */
export class LineWords {
  /** The lines read so far, by start. */
  private readonly lines: LineRuns[] = [];
  /** The line of the last range asked: ranges are mostly asked in text order. */
  private current: LineRuns | undefined;

  /** How many lines have been read so far: the work the ranges asked have cost. */
  get linesRead(): number {
    return this.lines.length;
  }

  constructor(
    private readonly text: string,
    private readonly sets: readonly ReadonlySet<string>[],
  ) {}

  /**
   * Where the sentence holding `offset` starts: after the last `.`, `!` or `?` before it followed
   * by white space, or where its line starts.
   */
  sentenceStartBefore(offset: number): number {
    const line = this.lineAt(offset);
    const marks = line.sentenceMarks;
    // The last mark whose white space after it is at or before the offset.
    const k = firstAbove(marks, offset - 1, 0) - 1;
    return k >= 0 ? (marks[k] ?? 0) + 1 : line.start;
  }

  /** Where the sentence holding `offset` ends: at the first `.`, `!` or `?` from it on followed by white space, or at the end of its line. */
  sentenceEndFrom(offset: number): number {
    const line = this.lineAt(offset);
    const marks = line.sentenceMarks;
    const k = firstAtOrAbove(marks, offset, 0);
    return k < marks.length ? (marks[k] ?? line.end) : line.end;
  }

  /** `rangeHasWord(text, from, to, sets)`. */
  has(from: number, to: number): boolean {
    if (from >= to) return false;
    const line = this.lineAt(from);
    // A range the line does not hold (it crosses a line break) is read as it is.
    if (to > line.end) return rangeHasWord(this.text, from, to, this.sets);
    const { runStarts, runEnds, heldBefore } = line;
    const first = firstAbove(runEnds, from, 0);
    // Runs first..last-1 meet the range; only the first and the last of them may be cut by it.
    const last = firstAtOrAbove(runStarts, to, first);
    if (last <= first) return false;
    let inner = first;
    let innerEnd = last;
    if ((runStarts[first] ?? from) < from) {
      if (runHasWord(this.text, from, Math.min(to, runEnds[first] ?? from), this.sets)) return true;
      inner++;
    }
    if (innerEnd > inner && (runEnds[innerEnd - 1] ?? to) > to) {
      if (runHasWord(this.text, runStarts[innerEnd - 1] ?? to, to, this.sets)) return true;
      innerEnd--;
    }
    return innerEnd > inner && (heldBefore[innerEnd] ?? 0) > (heldBefore[inner] ?? 0);
  }

  /** The runs of the line holding `offset`, read the first time it is asked. */
  private lineAt(offset: number): LineRuns {
    const current = this.current;
    if (current && current.start <= offset && offset <= current.end) return current;
    const lines = this.lines;
    // The last line read starting at or before the offset: a binary search.
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((lines[mid]?.start ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    const before = lines[lo - 1];
    const line = before && offset <= before.end ? before : this.readLine(offset);
    if (line !== before) lines.splice(lo, 0, line);
    this.current = line;
    return line;
  }

  private readLine(offset: number): LineRuns {
    const text = this.text;
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const nl = text.indexOf('\n', offset);
    const end = nl < 0 ? text.length : nl;
    const line: LineRuns = { start, end, runStarts: [], runEnds: [], heldBefore: [0], sentenceMarks: [] };
    for (let i = start; i < end; i++) {
      if (isSentenceMarkCode(text.charCodeAt(i)) && (i + 1 >= text.length || isSpaceCode(text.charCodeAt(i + 1)))) line.sentenceMarks.push(i);
    }
    let held = 0;
    for (let i = start; i < end; ) {
      const j = letterRunEnd(text, i, end);
      if (j === i) {
        i += codePointWithin(text, i, end) > 0xffff ? 2 : 1;
        continue;
      }
      line.runStarts.push(i);
      line.runEnds.push(j);
      if (runHasWord(text, i, j, this.sets)) held++;
      line.heldBefore.push(held);
      i = j;
    }
    return line;
  }
}

/** The index of the first of `sorted` (ascending) above `value`, from `from` on: a binary search. */
function firstAbove(sorted: readonly number[], value: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The index of the first of `sorted` (ascending) at or above `value`, from `from` on. */
function firstAtOrAbove(sorted: readonly number[], value: number, from: number): number {
  return firstAbove(sorted, value - 1, from);
}

/**
 * “a global “divergence””, “the earlier “undercard” debate”: one quoted word, with no source, in a
 * sentence where no verb reports speech and no word makes it someone's (lexicon WORDING_MARKERS) is a
 * word set apart (a term, a scare quote), not a word said. A shout (“Liar!”) is still one.
 */
export function isWordSetApart(text: string, q: QuoteSpan, words: LineWords): boolean {
  if (q.end - q.start > 40) return false;
  for (let i = q.start; i < q.end; i++) if (isSpace(text[i]) || text[i] === '!' || text[i] === '?') return false;
  return !sentenceAroundHasWord(q.open, q.close === null ? q.end : q.close + q.closeLen, words);
}
