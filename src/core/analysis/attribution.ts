// Finds who said each quote: a reporting cue in the same sentence after or before the quote, the
// conventions of headlines and broadcast scripts ("‘…’ – Lavrov", "SOT, Sergei Lavrov, …: “…”"),
// then the attribution of a neighbouring quote or paragraph that the quote continues.
import type { Cue, Evidence, SpeakerMention } from './types';
import type { Line, Token } from './text';
import { addWordsPassing, isAsciiDigitCode, isAsciiLetterOrDigitCode, isBlank, isCapitalised, isHighSurrogate, isLetterOrDigitCode, isSpaceCode, isUpperCode, startsLower, tokenIndexAt, tokenize } from './text';
import type { QuoteSpan } from './quotes';
import type { CueHit } from './cues';
import { INVERTIBLE, cannotBeCue, cueAt, mayBeCueWord } from './cues';
import type { OrdinaryWord } from './mentions';
import { MAX_APPOSITION_TOKENS, PHRASE_OPENERS, TITLES_BEFORE_DOT, affiliationEnd, clauseSubject, isNumberWord, isSkippable, lower, lowerAt, nameRunForward, phraseAfter, regionAfterPlace, subjectAfter, subjectBefore, tokenIs } from './mentions';
import { DETERMINERS, IRREGULAR_PAST, MORE_OPENERS, PLACES, STOP_WORDS, SUBORDINATING_CONJUNCTIONS, TITLES, WEEKDAYS_AND_MONTHS } from './lexicon';

export interface Attribution {
  readonly mention: SpeakerMention | null;
  readonly cue: Cue | null;
  readonly confidence: number;
  readonly evidence: Evidence[];
  /** Set when the speaker is taken over from another attribution. */
  readonly inherited: boolean;
}

/**
 * Every Attribution is made here, its fields always in this order, so that all share one hidden
 * class: code reading attributions then meets one kind of object, where a spread or a literal with
 * another field order would make another and throw away the optimized code that reads them.
 */
export function attribution(mention: SpeakerMention | null, cue: Cue | null, confidence: number, evidence: Evidence[], inherited: boolean): Attribution {
  return { mention, cue, confidence, evidence, inherited };
}

/** An attribution anywhere in the text (with or without a quote), for pronouns and continuation. */
export interface Event {
  readonly mention: SpeakerMention;
  readonly cue: Cue;
  readonly lineIndex: number;
}

const ALL_CAPS = /^\p{Lu}[\p{Lu}'\u2019.-]*$/u;
/**
 * Words after which a clause has a subject of its own, for the reading around a quote: the
 * subordinating conjunctions (lexicon SUBORDINATING_CONJUNCTIONS) but `as`, `once`, `whenever` and
 * `whereas` (with them the measured speaker F1 drops), and the relative and complement words.
 */
const SUBORDINATORS = new Set(['when', 'because', 'after', 'before', 'while', 'if', 'since', 'although', 'though', 'that', 'which', 'where', 'whether', 'until', 'unless']);
/** Words that open an appositive after a name and its comma ("Karen Whitfield, a Republican who …,"). */
const APPOSITIVE_OPENERS = new Set(['a', 'an', 'the', 'who', 'whose']);

/** Words right after a quote that open a clause of their own ("“…,” but he said that …"). */
const CLAUSE_AFTER_QUOTE = new Set([...SUBORDINATORS, 'but']);
/** A sentence the quote ends may be followed by a short attribution only ("… timing.” Pat McCrory said."). */
const MAX_TOKENS_AFTER_CLOSED_SENTENCE = 7;
/** All-capital words before a colon that label something other than a speaker. */
const NON_SPEAKER_LABELS = new Set([
  'update', 'updated', 'note', 'editor', "editor's", 'editors', 'watch', 'video', 'photo', 'photos', 'breaking', 'related',
  'read', 'more', 'see', 'also', 'source', 'sources', 'credit', 'exclusive', 'full', 'text', 'transcript', 'advertisement',
  'correction', 'clarification', 'warning', 'spoiler', 'listen', 'audio', 'live', 'opinion', 'analysis', 'news', 'q', 'a',
  'and', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'or', 'but', 'a.m', 'p.m', 'am', 'pm',
  'tbd', 'faq', 'ps', 'p.s', 'nb', 'tl', 'dr', 'via', 'rip', 'fyi', 'ap', 'et', 'edt', 'est', 'pt', 'gmt', 'utc',
  'no', 'yes', 'ok', 'okay', 'urgent', 'alert', 'attention', 'notice', 'important', 'wanted', 'help', 'stop', 'sale',
  'free', 'new', 'fact', 'facts', 'truth', 'lol', 'omg', 'summary', 'quote', 'question', 'answer', 'step', 'tip', 'tips',
]);
/** Opening words that are not the subject: "In recent weeks, Reid …", "Meanwhile, it …". */
const OPENING_PHRASE_WORDS = new Set([
  'in', 'on', 'at', 'during', 'after', 'before', 'since', 'with', 'for', 'from', 'by', 'over', 'under', 'following', 'amid',
  'last', 'this', 'earlier', 'later', 'meanwhile', 'however', 'still', 'instead', 'indeed', 'yet', 'now', 'then', 'also',
  'separately', 'similarly', 'conversely', 'likewise', 'nonetheless', 'nevertheless', 'moreover', 'previously', 'recently',
  'today', 'yesterday', 'speaking', 'asked', 'writing',
]);
/** How far after a quote a cue may stand and still attribute it ("…,” Yusef Hamoud, spokesman for …, said"). */
const AFTER_WINDOW = 32;
/**
 * Words looked for one by one along an article before a set of all its words passing a test is
 * made, and words looked for as written (see `writtenMidSentence`). A search of the article costs a
 * small part of a pass over every token (which also splits lines nothing else reads): an article of
 * the evaluation texts asks about two words at the median, twelve at most.
 */
const MAX_WORDS_LOOKED_FOR = 16;
/** Occurrences of a capitalised word spelt as asked read for one inside a sentence before the article's lower case is searched. */
const MAX_OCCURRENCES_AS_WRITTEN = 8;

/**
 * Marks beyond ASCII that never end a word token (see tokenize): quotation marks, dashes, an
 * ellipsis, bullets and arrows, guillemets, signs. Any other character beyond ASCII may (a letter,
 * an accent; a pictograph such as ™ or ▶ after a zero-width joiner belongs to the word before it).
 */
const NEVER_ENDS_WORD = new Set([0x201c, 0x201d, 0x2018, 0x201e, 0x00ab, 0x00bb, 0x2039, 0x203a, 0x2013, 0x2014, 0x2015, 0x2026, 0x2022, 0x00b7, 0x25ba, 0x2192, 0x00a9, 0x00ae, 0x00a6, 0x00a7, 0x00b6]);

/** How far back (in tokens) the start of a sentence is looked for before an earlier quote of it. */
const MAX_SENTENCE_LOOK_BACK = 80;

/**
 * The most tokens of a sentence read before a quote: far beyond any sentence of prose, so that a
 * line of thousands of quotes without a full stop (a list, a crafted text) costs each quote a
 * bounded look back instead of the whole line before it.
 */
const MAX_SENTENCE_TOKENS = 250;

/** The index of the last sentence break before `to` at or after `from`, else `from - 1`, reading back at most MAX_SENTENCE_TOKENS tokens (then the token before them). */
function breakBefore(tokens: readonly Token[], from: number, to: number): number {
  const limit = Math.max(from, to - MAX_SENTENCE_TOKENS);
  let s = to - 1;
  // Most sentences end a few tokens back; a longer reach is read from the line's breaks, found once
  // (a line of thousands of quotes and no full stop would read back 250 tokens for each).
  const near = Math.max(limit, to - 1 - NEAR_TOKENS);
  while (s >= near && !isSentenceBreak(tokens, s)) s--;
  if (s >= near || s < limit) return s;
  const b = lineFacts(tokens).lastBreak[Math.min(s, tokens.length - 1)] ?? -1;
  return b >= limit ? b : limit - 1;
}

/** Tokens read one by one back from a place before the line's facts (lineFacts) are used. */
const NEAR_TOKENS = 32;

/**
 * For each token of a line, the last sentence break at or before it, and the last token that may be
 * a cue's verb (`mayBeCueWord`) at or before it (-1: none); made once per line, when a search
 * reaches far back.
 */
interface LineFacts {
  readonly lastBreak: Int32Array;
  readonly lastCueWord: Int32Array;
}

const LINE_FACTS = new WeakMap<readonly Token[], LineFacts>();

function lineFacts(tokens: readonly Token[]): LineFacts {
  let facts = LINE_FACTS.get(tokens);
  if (facts === undefined) {
    const lastBreak = new Int32Array(tokens.length);
    const lastCueWord = new Int32Array(tokens.length);
    let b = -1;
    let c = -1;
    for (let i = 0; i < tokens.length; i++) {
      if (isSentenceBreak(tokens, i)) b = i;
      const t = tokens[i];
      if (t && t.type === 'word' && mayBeCueWord(t.lower)) c = i;
      lastBreak[i] = b;
      lastCueWord[i] = c;
    }
    facts = { lastBreak, lastCueWord };
    LINE_FACTS.set(tokens, facts);
  }
  return facts;
}

/** The index of the last token at or before `k` that may be a cue's verb (no token after it up to `k` can be), or -1. */
function previousCueWord(tokens: readonly Token[], k: number, from: number): number {
  // A few tokens are asked directly; farther back, the line's facts answer.
  for (let i = k; i >= from && i > k - NEAR_TOKENS; i--) {
    const t = tokens[i];
    if (t && t.type === 'word' && mayBeCueWord(t.lower)) return i;
  }
  if (k - NEAR_TOKENS < from) return -1;
  return lineFacts(tokens).lastCueWord[Math.min(k - NEAR_TOKENS, tokens.length - 1)] ?? -1;
}

/**
 * A lower-case word that reads as a verb in the past or the present tense ("proposed", "says",
 * "began"), not a plural in -ss or -us, nor a contraction: the verb after a subject.
 */
function looksFinite(word: string): boolean {
  return /^\p{Ll}+(ed|[^s'u]s)$/u.test(word) || IRREGULAR_PAST.has(word);
}

/** `/^\p{Lu}$/u`: one capital letter ("J" of "J. Smith"), told by its code unit unless it is a surrogate pair. */
function isSingleCapital(s: string): boolean {
  if (s.length === 1) return isUpperCode(s.charCodeAt(0));
  return s.length === 2 && /^\p{Lu}$/u.test(s);
}

/** A full stop, a question or an exclamation mark (one code unit each). */
function isSentenceEndMark(s: string): boolean {
  if (s.length !== 1) return false;
  const c = s.charCodeAt(0);
  return c === 46 || c === 33 || c === 63;
}

/** Whether token `i` ends a sentence: a full stop, question or exclamation mark, not a title's, an initial's or an abbreviation's dot. */
export function isSentenceBreak(tokens: readonly Token[], i: number): boolean {
  if (i < 0 || i >= tokens.length) return false;
  const t = tokens[i];
  if (!t || t.type !== 'punct' || !isSentenceEndMark(t.text)) return false;
  // Every exception below is about a full stop.
  if (t.text !== '.') return true;
  const prev = i > 0 ? tokens[i - 1] : undefined;
  // "Sen. Warren", "J. Smith": a title's or an initial's dot, right after it.
  if (prev && prev.end === t.start && (TITLES_BEFORE_DOT.has(prev.lower) || isSingleCapital(prev.text))) return false;
  // "in St. Paul", "Ft. Worth": a place's abbreviation before its name.
  if (prev && prev.end === t.start && PLACE_ABBREVIATIONS.has(prev.lower) && isCapitalised(tokens[i + 1]?.text ?? '')) return false;
  // An abbreviation's dot inside a sentence: "(D-Mo.) said", "Everett, Wash., recently".
  const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
  if (next && (next.text === ')' || next.text === ',' || startsLower(next.text))) return false;
  // "$1.6 billion", "3.5 percent": a decimal point between digits.
  if (next && prev && prev.end === t.start && next.start === t.end && isAsciiDigitCode(prev.text.charCodeAt(prev.text.length - 1)) && isAsciiDigitCode(next.text.charCodeAt(0))) return false;
  // "after the Sept. 11 attacks", "No. 43": a short abbreviation before a number.
  if (next && prev && prev.end === t.start && isAsciiDigitCode(next.text.charCodeAt(0)) && /^\p{Lu}\p{Ll}{1,3}$/u.test(prev.text)) return false;
  return true;
}

/** Abbreviations opening the names of places ("St. Paul", "Ft. Worth", "Mt. Vernon"). */
const PLACE_ABBREVIATIONS = new Set(['st', 'ste', 'ft', 'mt', 'pt']);

/** Whether token `i` is a comma, or a full stop that ends a sentence. */
function isSentenceBreakOrComma(tokens: readonly Token[], i: number): boolean {
  return tokenIs(tokens, i, ',') || isSentenceBreak(tokens, i);
}

/**
 * What may be true of a word where it stands: capitalised inside a sentence (after a word or a
 * comma), or written in lower case. A kind rather than a callback, so that the call testing a word
 * always calls one function (a call site that meets a second callback throws away its optimized code).
 */
export type WordTest = 'capitalised-mid-sentence' | 'lower-case';

/** Whether token `k` of a line passes `test` (false past either end of the line). */
export function passesWordTest(test: WordTest, tokens: readonly Token[], k: number): boolean {
  if (k < 0 || k >= tokens.length) return false;
  const t = tokens[k];
  if (t === undefined) return false;
  if (test === 'lower-case') return !isCapitalised(t.text) && startsLower(t.text);
  const prev = k > 0 ? tokens[k - 1] : undefined;
  return isCapitalised(t.text) && prev !== undefined && (prev.type === 'word' || prev.text === ',');
}

/** The answers of a WordTest for the words asked, and once many were asked, every word that passes it. */
interface WordFact {
  readonly test: WordTest;
  readonly asked: Map<string, boolean>;
  all: Set<string> | null;
}

function wordFact(test: WordTest): WordFact {
  return { test, asked: new Map<string, boolean>(), all: null };
}

export class LineTokens {
  /** Each line's tokens once made, by line index: an array as long as the lines, filled as they are read. */
  private readonly cache: (Token[] | undefined)[] = [];
  private tokenized = 0;
  /**
   * `readLater` tells the lines whose tokens the analysis reads anyway (all unless given): a pass
   * over the whole article tokenizes and keeps those, and reads the others without a token made.
   */
  constructor(
    private readonly text: string,
    private readonly lines: readonly Line[],
    private readonly readLater: (lineIndex: number) => boolean = () => true,
  ) {
    for (let i = 0; i < lines.length; i++) this.cache.push(undefined);
  }

  /** A short line without a closing full stop: a title or headline (its last few characters read). */
  isHeadline(lineIndex: number): boolean {
    const line = this.lines[lineIndex];
    return line !== undefined && line.text.length < 300 && !endsWithSentenceMark(line.text);
  }

  /**
   * Words seen capitalised inside a sentence somewhere in the article, lower case: a word that
   * is capitalised only where a sentence starts ("Many", "Across", "Citing") is no name.
   */
  private readonly capitalisedMid = wordFact('capitalised-mid-sentence');

  /** Words the article writes in lower case somewhere. */
  private readonly lowerCase = wordFact('lower-case');

  capitalisedMidSentence(word: string): boolean {
    const w = word.toLowerCase();
    return this.writtenMidSentence(word, w) || this.holds(this.capitalisedMid, w);
  }

  /**
   * "Back in 1999, …", "Eight years ago, …": a word the article writes in lower case and capitalises
   * only where a sentence opens is an ordinary word, never a name.
   */
  readonly ordinary = (word: string): boolean => {
    const w = word.toLowerCase();
    return !this.writtenMidSentence(word, w) && this.holds(this.lowerCase, w) && !this.holds(this.capitalisedMid, w);
  };

  /** Searches made by `writtenMidSentence`, at most MAX_WORDS_LOOKED_FOR. */
  private writtenSearches = 0;

  /**
   * Whether a capitalised word (`w` its lower case) is seen capitalised inside a sentence spelt just as
   * asked, among its first few occurrences so spelt: a name mostly is ("said Trump"), and is then
   * told from the text itself, with no lower-cased article made nor searched. False tells nothing
   * and is not kept; after MAX_WORDS_LOOKED_FOR searches every answer is false, so that however
   * many words an article asks about, the text is searched a bounded number of times.
   */
  private writtenMidSentence(word: string, w: string): boolean {
    const fact = this.capitalisedMid;
    if (fact.all) return fact.all.has(w);
    const known = fact.asked.get(w);
    if (known !== undefined) return known;
    if (!isCapitalised(word) || this.writtenSearches >= MAX_WORDS_LOOKED_FOR) return false;
    this.writtenSearches++;
    let seen = 0;
    for (let p = this.text.indexOf(word); p >= 0 && seen < MAX_OCCURRENCES_AS_WRITTEN; p = this.text.indexOf(word, p + 1)) {
      seen++;
      if (this.passesAt(p, w, word.length, 'capitalised-mid-sentence')) {
        fact.asked.set(w, true);
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a word token spelt `w` in lower case (`length` code units as written) starts at offset
   * `p` and passes `test` there. An occurrence inside a longer word (a letter or digit right before
   * or after it) is none, and is told without its line tokenized: a short word occurs inside many.
   */
  private passesAt(p: number, w: string, length: number, test: WordTest): boolean {
    const text = this.text;
    // A letter before is part of the same word, unless a lone high surrogate before it made the two
    // one mark (tokenize reads a surrogate's two code units as one character, whatever they are).
    if (p > 0 && isLetterOrDigitCode(text.charCodeAt(p - 1)) && !isHighSurrogate(text.charCodeAt(p - 2))) return false;
    // A letter after continues the word, unless it ends with the dot of "U.S.", which ends it ("U.S.Army").
    if (p + length < text.length && isLetterOrDigitCode(text.charCodeAt(p + length)) && text.charCodeAt(p + length - 1) !== 46) return false;
    const lineIndex = lineIndexAt(this.lines, p);
    if (test === 'capitalised-mid-sentence' && !this.mayFollowWordOrComma(lineIndex, p)) return false;
    const tokens = this.of(lineIndex);
    const k = tokenIndexAt(tokens, p);
    const t = k < tokens.length ? tokens[k] : undefined;
    return t !== undefined && t.start === p && t.type === 'word' && t.lower === w && passesWordTest(test, tokens, k);
  }

  /**
   * Whether the token before offset `p` of line `lineIndex` may be a word or a comma (see
   * passesWordTest), told without the line tokenized: not where the line opens at `p`, nor after a
   * mark that never ends a word (a full stop, a bar, a bracket, a quotation mark, a dash): a word
   * ends with a letter, a digit, the dot of "U.S." or a letter's accent, and a joining mark is never last.
   */
  private mayFollowWordOrComma(lineIndex: number, p: number): boolean {
    const text = this.text;
    const start = this.lines[lineIndex]?.start ?? 0;
    let i = p - 1;
    while (i >= start && isSpaceCode(text.charCodeAt(i))) i--;
    if (i < start) return false;
    const c = text.charCodeAt(i);
    // A dot ends a word only as the last of "U.S.": else it is a full stop, a mark of its own.
    if (c === 46) return i - 2 >= start && text.charCodeAt(i - 2) === 46;
    if (c < 128) return c === 44 || isAsciiLetterOrDigitCode(c);
    return !NEVER_ENDS_WORD.has(c);
  }

  /**
   * Whether some occurrence of `w` (lower case) in the article passes the fact's test. An article
   * asks about a word or two: each of the first few is looked for where it occurs, which costs far
   * less than a set of every word passing the test; beyond them that set is made, so that the cost
   * stays linear whatever is asked.
   */
  private holds(fact: WordFact, w: string): boolean {
    if (fact.all) return fact.all.has(w);
    const known = fact.asked.get(w);
    if (known !== undefined) return known;
    if (fact.asked.size >= MAX_WORDS_LOOKED_FOR || this.loweredText() === null) {
      fact.all = this.wordsPassing(fact.test);
      return fact.all.has(w);
    }
    const found = this.someOccurrence(w, fact.test);
    fact.asked.set(w, found);
    return found;
  }

  /**
   * The article in lower case with every offset kept, made once; null where lower-casing would move
   * offsets (a dotted capital I becomes two code units) or depend on the letters around (a final
   * Greek sigma), so that a word's occurrences are found in it exactly as its tokens are written.
   */
  private lowered: string | null | undefined = undefined;

  private loweredText(): string | null {
    if (this.lowered === undefined) {
      const lowered = this.text.toLowerCase();
      this.lowered = lowered.length === this.text.length && !this.text.includes('\u03A3') ? lowered : null;
    }
    return this.lowered;
  }

  /**
   * Whether some word token spelt `w` in lower case passes the word test `test`: only the lines
   * where `w` occurs are read, found by a search of the lower-case article.
   */
  private someOccurrence(w: string, test: WordTest): boolean {
    const lowered = this.loweredText();
    if (lowered === null || w.length === 0) return false;
    const capital = test === 'capitalised-mid-sentence';
    for (let p = lowered.indexOf(w); p >= 0; p = lowered.indexOf(w, p + 1)) {
      // A word passing the test opens with a capital exactly when the test asks for one (see
      // passesWordTest): most occurrences are told by their first code unit, before any search.
      if (isUpperCode(this.text.charCodeAt(p)) !== capital) continue;
      if (this.passesAt(p, w, w.length, test)) return true;
    }
    return false;
  }

  /**
   * One pass over the article's words (blank lines skipped): those passing `test`, lower case. A
   * line whose tokens the analysis reads anyway is tokenized (once, for both); any other is read
   * without a token made or kept: on a long web page most lines are boilerplate, never tokenized
   * otherwise, and their tokens would cost as much time and memory again as the rest of the analysis.
   */
  private wordsPassing(test: WordTest): Set<string> {
    const found = new Set<string>();
    const capitalised = test === 'capitalised-mid-sentence';
    for (const line of this.lines) {
      if (line.blank) continue;
      if (!this.readLater(line.index)) {
        addWordsPassing(this.text, line.start, line.end, capitalised, found);
        continue;
      }
      const tokens = this.of(line.index);
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k];
        if (t && t.type === 'word' && passesWordTest(test, tokens, k)) found.add(t.lower);
      }
    }
    return found;
  }


  /** How many lines have been tokenized so far, their tokens kept: the work a search has cost. */
  get linesTokenized(): number {
    return this.tokenized;
  }

  of(lineIndex: number): Token[] {
    const line = this.lines[lineIndex];
    if (line === undefined) return [];
    let t = this.cache[lineIndex];
    if (t === undefined) {
      t = tokenize(this.text, line.start, line.end);
      this.cache[lineIndex] = t;
      this.tokenized++;
    }
    return t;
  }
}

/**
 * `/[.!?]['"\u2019\u201D]*\s*$/.test(s)`, read backwards from the end: a regular expression anchored
 * at the end is tried at every position of the line.
 */
export function endsWithSentenceMark(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && isSpaceCode(s.charCodeAt(i))) i--;
  for (let c = s.charCodeAt(i); c === 39 || c === 34 || c === 0x2019 || c === 0x201d; c = s.charCodeAt(i)) i--;
  const c = s.charCodeAt(i);
  return c === 46 || c === 33 || c === 63;
}

/** `/[.!?]$/.test(text.slice(start, end).trimEnd())`, read backwards without making a string. */
export function endsWithSentenceMarkIn(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && isSpaceCode(text.charCodeAt(i))) i--;
  if (i < start) return false;
  const c = text.charCodeAt(i);
  return c === 46 || c === 33 || c === 63;
}

/** Index of the line holding `offset` (lines sorted by start): a binary search. */
export function lineIndexAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function ev(rule: string, detail: string): Evidence {
  return { rule, detail };
}

function fromCue(text: string, tokens: readonly Token[], hit: CueHit, min: number, max: number, inverted: boolean, ordinary?: OrdinaryWord): SpeakerMention | null {
  if (hit.accordingTo) return subjectAfter(text, tokens, hit.index + 2, max) ?? phraseAfter(text, tokens, hit.index + 2, max);
  const before = subjectBefore(text, tokens, hit.index, min, ordinary);
  if (before) return before;
  if (inverted || INVERTIBLE.has(lowerAt(tokens, hit.index))) return invertedSubject(text, tokens, hit.index + 1, max);
  return null;
}

/** Prepositions that open a phrase after a reporting verb ("said in a statement"). */
const VERB_PHRASE_PREPOSITIONS = new Set(['in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'during', 'after', 'before', 'through', 'via', 'about']);

/**
 * "said Fabrizio Carboni, the ICRC's director": a source after its verb only when the phrase ends
 * there, so that "said the House would act" does not make the House a speaker.
 */
function invertedSubject(text: string, tokens: readonly Token[], from: number, max: number): SpeakerMention | null {
  const m = subjectAfter(text, tokens, from, max);
  // "said in a statement", "wrote on Hot Air": a phrase of place or manner, not the source.
  if (!m || VERB_PHRASE_PREPOSITIONS.has(lowerAt(tokens, from))) return null;
  let k = from;
  while (k <= max && (tokens[k]?.end ?? Infinity) <= m.end) k++;
  // "said Gov. Terry E. Branstad of Iowa.": the body or place the person is of goes with the name.
  k = affiliationEnd(tokens, k - 1, max) + 1;
  const next = tokens[k];
  if (k > max || !next || (next.type === 'punct' && /^[,.;:!?()\u2013\u2014-]$/.test(next.text))) return m;
  // "said campaign manager Robby Mook in a statement": a phrase of place or manner after the source
  // (a name's; words without a name or a determiner may be the start of a clause).
  return VERB_PHRASE_PREPOSITIONS.has(next.lower) && (m.kind !== 'description' || DETERMINERS.has(lowerAt(tokens, from))) ? m : null;
}

/** Whether a word may open with a capital letter: its first code unit is one, or a surrogate pair may be. */
function mayOpenCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  return isUpperCode(c) || (c >= 0xd800 && c <= 0xdbff);
}

/** "PENCE: …", "MR. TRUMP: …": the all-capital speaker label of a transcript, before a colon at token `at`. */
export function transcriptLabel(text: string, tokens: readonly Token[], at: number): SpeakerMention | null {
  let k = at;
  let words = 0;
  let letters = 0;
  while (k < tokens.length && words <= 3) {
    const t = tokens[k];
    if (!t) break;
    if (t.type === 'word' && mayOpenCapital(t.text) && ALL_CAPS.test(t.text)) {
      // Neither a heading word nor a dateline ("WASHINGTON:").
      if (NON_SPEAKER_LABELS.has(t.lower) || PLACES.has(t.lower)) return null;
      words++;
      letters += t.text.length;
      k++;
      continue;
    }
    // "MR. TRUMP": an abbreviation's dot inside the label.
    if (t.text === '.' && words > 0 && tokens[k - 1]?.end === t.start && tokens[k + 1]?.type === 'word') {
      k++;
      continue;
    }
    break;
  }
  if (words === 0 || words > 3 || letters < 2 || !tokenIs(tokens, k, ':')) return null;
  // "MR. TRUMP": the title is not part of the name.
  let f = at;
  while (f < k - 1 && tokens[f]?.type === 'word' && (TITLES.has(lowerAt(tokens, f)) || TITLES_BEFORE_DOT.has(lowerAt(tokens, f)))) {
    f++;
    while (f < k - 1 && tokenIs(tokens, f, '.')) f++;
  }
  const first = tokens[f];
  const last = tokens[k - 1];
  if (!first || !last) return null;
  return { start: first.start, end: last.end, text: text.slice(first.start, last.end), kind: 'name' };
}

/** Attribution found after the quote, in the rest of its sentence. */
function attributeAfter(text: string, tokens: readonly Token[], from: number, to: number, closedSentence: boolean, ordinary: OrdinaryWord): Attribution | null {
  let i = from;
  let dash = false;
  while (i < to && tokens[i]?.type === 'punct' && /^[,.;:!?\u2013\u2014\u2015\-]$/.test(tokens[i]?.text ?? '')) {
    if (/[\u2013\u2014\u2015-]/.test(tokens[i]?.text ?? '')) dash = true;
    i++;
  }
  if (i >= to) return null;
  // "… even for him.” She says …": a quote that ends its sentence is followed by a new one, unless
  // that is only a short attribution ("… timing.” Pat McCrory said.").
  if (closedSentence && isCapitalised(tokens[i]?.text ?? '') && !dash) {
    let e = i;
    while (e < to && !isSentenceBreak(tokens, e)) e++;
    if (e - i > MAX_TOKENS_AFTER_CLOSED_SENTENCE) return null;
    // "“…found.” He added, “In this case …”": an attribution running into the next quote introduces it.
    if (e >= to && to < tokens.length && /^[,:]$/.test(tokens[to - 1]?.text ?? '')) return null;
    // Nothing but the source may follow the verb ("Trump said.", "said Sen. Jane Roe."), not "She said it again."
    let c = i;
    while (c < e && !cueAt(text, tokens, c)) c++;
    if (c >= e) return null;
    for (let k = c + 1; k < e; k++) {
      const t = tokens[k];
      if (t && t.type === 'word' && !isCapitalised(t.text)) return null;
    }
  }
  // Headline convention: "‘…’ – Lavrov" closing the line.
  if (dash) {
    const run = nameRunForward(tokens, i, to - 1);
    // "“…” - Bernie Sanders. The senator …", "“…” -President Obama, tweeting after …": the name
    // closes the quote's sentence or is followed by its comma.
    // "''Do svidaniya!'' - Russian for ''goodbye''": a language glossing the words, no source.
    if (run && lowerAt(tokens, run[1] + 1) !== 'for' && (run[1] >= to - 2 || (/^[.,]$/.test(tokens[run[1] + 1]?.text ?? '') && isSentenceBreakOrComma(tokens, run[1] + 1)))) {
      const first = tokens[run[0]];
      const last = tokens[run[1]];
      if (first && last) {
        const mention: SpeakerMention = { start: first.start, end: last.end, text: text.slice(first.start, last.end), kind: 'name' };
        return attribution(mention, null, 0.8, [ev('dash-attribution', 'a name after a dash closes the headline')], false);
      }
    }
  }
  const first = cueAt(text, tokens, i);
  // Any reporting verb right after a quote may stand before its subject ("…,” agrees Michelle Stevens).
  if (first && !first.accordingTo && (INVERTIBLE.has(lowerAt(tokens, i)) || !first.weak)) {
    const m = invertedSubject(text, tokens, i + 1, to - 1) ?? subjectAfter(text, tokens, i + 1, Math.min(to - 1, i + 4)) ?? phraseAfter(text, tokens, i + 1, to - 1);
    if (m) return reportedBy(text, tokens, i + 1, to) ?? attribution(m, first.cue, 0.9, [ev('cue-after-quote', `“${first.cue.text}” right after the quote, speaker after it`)], false);
  }
  // "“…,” Karen Whitfield, a Republican who has served since 2019, told reporters": a clause inside
  // an appositive set off by a comma after a name belongs to it, and does not end the search for the verb.
  let appositive = false;
  for (let k = i; k < to && k < i + AFTER_WINDOW; k++) {
    if (isSentenceBreak(tokens, k)) break;
    if (tokens[k]?.text === ',') {
      const before = tokens[k - 1];
      appositive = !appositive && k > i && before?.type === 'word' && isCapitalised(before.text) && APPOSITIVE_OPENERS.has(lowerAt(tokens, k + 1));
      continue;
    }
    // "“absolutely right” when he said …", "“…,” but he said that …": a cue in a clause of its own
    // reports something else (not one inside an appositive).
    if (k > i ? SUBORDINATORS.has(lowerAt(tokens, k)) && !appositive : CLAUSE_AFTER_QUOTE.has(lowerAt(tokens, k))) break;
    const hit = cueAt(text, tokens, k);
    if (!hit) continue;
    const m = hit.accordingTo ? fromCue(text, tokens, hit, i, to - 1, false) : (subjectBefore(text, tokens, hit.index, i, ordinary) ?? describedBetween(text, tokens, i, hit.index));
    if (m) return reportedBy(text, tokens, k + 1, to) ?? attribution(m, hit.cue, hit.weak ? 0.7 : 0.9, [ev('cue-after-quote', `“${hit.cue.text}” after the quote`)], false);
    if (!hit.weak) break;
  }
  return closingInversion(text, tokens, i, to, ordinary);
}

/** Words such a description takes at most after its opener. */
const MAX_LONE_DESCRIPTION_WORDS = 3;

/**
 * "“It's a mess,” one pilot said": the words between a quote and its verb, when they are only a
 * determiner (one of the PHRASE_OPENERS) and a few words in lower case, are a description of the
 * source, though no list knows the noun. Null when anything else stands there.
 */
function describedBetween(text: string, tokens: readonly Token[], from: number, verb: number): SpeakerMention | null {
  let k = from;
  while (k < verb && tokens[k]?.type === 'punct' && tokens[k]?.text === ',') k++;
  const opener = tokens[k];
  const words = verb - k - 1;
  if (!opener || !PHRASE_OPENERS.has(opener.text) || words < 1 || words > MAX_LONE_DESCRIPTION_WORDS) return null;
  for (let j = k + 1; j < verb; j++) {
    const t = tokens[j];
    if (!t || t.type !== 'word' || !/^\p{Ll}[\p{Ll}'’-]*$/u.test(t.text) || STOP_WORDS.has(t.lower)) return null;
  }
  const first = tokens[k];
  const last = tokens[verb - 1];
  return first && last ? { start: first.start, end: last.end, text: text.slice(first.start, last.end), kind: 'description' } : null;
}

/**
 * "“…,” Clinton said Monday, according to audio provided by the radio station.": the source that
 * reports the whole attribution is the quote's source, later in the same sentence.
 */
function reportedBy(text: string, tokens: readonly Token[], from: number, to: number, opening = false): Attribution | null {
  for (let k = from; k < to && k < from + AFTER_WINDOW; k++) {
    if (isSentenceBreak(tokens, k)) return null;
    // "According to pool reports, Obama said “…”" opens the sentence.
    if (lowerAt(tokens, k) !== 'according' || (opening ? k !== from : !tokenIs(tokens, k - 1, ','))) continue;
    const hit = cueAt(text, tokens, k);
    if (!hit?.accordingTo) continue;
    // The bare phrase is read even when a subject or phrase comes first (it costs a few token
    // tests), so that the rare source that is only a bare phrase runs code already compiled for it.
    const bare = bareNounPhrase(text, tokens, k + 2, to);
    const m = subjectAfter(text, tokens, k + 2, to - 1) ?? phraseAfter(text, tokens, k + 2, to - 1) ?? bare;
    if (m) return attribution(m, hit.cue, 0.8, [ev('cue-after-quote', `“${hit.cue.text}” reports the attribution after the quote`)], false);
  }
  return null;
}

/** Words a bare noun phrase after "according to" may take ("audio provided by the radio station"). */
const MAX_BARE_PHRASE = 8;

/**
 * "according to audio provided by Wyoming Public Radio", "according to notes taken at the
 * meeting": a phrase without a determiner, of two words or more, read to the end of its clause.
 */
function bareNounPhrase(text: string, tokens: readonly Token[], from: number, to: number): SpeakerMention | null {
  const first = tokens[from];
  if (!first || first.type !== 'word' || !/^\p{Ll}/u.test(first.text)) return null;
  let e = from;
  while (e + 1 < to && e + 1 < from + MAX_BARE_PHRASE && tokens[e + 1]?.type === 'word') e++;
  const next = tokens[e + 1];
  if (next && !/^[.,;:!?)]$/.test(next.text)) return null;
  const last = tokens[e];
  // One bare word ("according to notes") names no source of its own: the sentence's speaker stays.
  if (!last || e === from) return null;
  return { start: first.start, end: last.end, text: text.slice(first.start, last.end), kind: 'description' };
}

/**
 * "“…” like the recent volatility of markets, said Richard Curtin, the chief economist.": the
 * sentence of the quote closes with an inverted attribution after a comma, which is the main
 * clause whatever stands between it and the quote.
 */
function closingInversion(text: string, tokens: readonly Token[], from: number, to: number, ordinary: OrdinaryWord): Attribution | null {
  for (let k = from + 1; k < to && k < from + AFTER_WINDOW; k++) {
    if (isSentenceBreak(tokens, k)) return null;
    if (!tokenIs(tokens, k - 1, ',')) continue;
    const hit = INVERTIBLE.has(lowerAt(tokens, k)) ? cueAt(text, tokens, k) : null;
    const m = hit ? invertedSubject(text, tokens, k + 1, to - 1) : null;
    if (hit && m) return attribution(m, hit.cue, 0.8, [ev('cue-after-quote', `“${hit.cue.text}” closes the sentence of the quote`)], false);
    const closing = closingClause(text, tokens, k, to, ordinary);
    if (closing) return closing;
  }
  return null;
}

/** Words a closing attribution may have after its verb ("…, the memo stated on Monday."). */
const MAX_CLOSING_TAIL = 3;

/** ", the memo stated.", ", Nefzi said on Tuesday.": a short clause of source and cue that ends the sentence. */
function closingClause(text: string, tokens: readonly Token[], k: number, to: number, ordinary: OrdinaryWord): Attribution | null {
  for (let c = k + 1; c < to && c <= k + 6; c++) {
    if (tokens[c]?.type !== 'word') return null;
    const hit = cueAt(text, tokens, c);
    if (!hit || hit.weak || hit.accordingTo) continue;
    let e = c + 1;
    while (e < to && e <= c + MAX_CLOSING_TAIL && !isSentenceBreak(tokens, e) && tokens[e]?.type === 'word') e++;
    if (e < to && !isSentenceBreak(tokens, e)) return null;
    const m = subjectBefore(text, tokens, c, k, ordinary);
    return m ? attribution(m, hit.cue, 0.8, [ev('cue-after-quote', `“${hit.cue.text}” closes the sentence of the quote`)], false) : null;
  }
  return null;
}

/** Verbs that name a thing in someone's words: "what he called “a brazen breach”". */
const NAMING_VERBS = new Set(['call', 'calls', 'called', 'calling', 'describe', 'describes', 'described', 'dubbed', 'termed', 'labeled', 'labelled', 'branded']);

/**
 * "Ban Ki-moon condemned what he called a “brazen breach”": a naming verb in a relative clause
 * quotes the main clause's subject, who is named at its head. Returns that subject, if any.
 */
function relativeClauseHead(text: string, tokens: readonly Token[], hit: CueHit, m: SpeakerMention, sentenceStart: number): SpeakerMention | null {
  // "what Newt Gingrich called “…”": a named subject of the naming verb is its own source.
  if (m.kind !== 'pronoun' || !NAMING_VERBS.has(lowerAt(tokens, hit.index))) return null;
  const at = tokenIndexAt(tokens, m.start);
  const rel = lowerAt(tokens, at - 1);
  if (rel !== 'what' && rel !== 'which' && rel !== 'whom') return null;
  // The sentence may begin before an earlier quote of the line ("… of being “duped” and encourage
  // Americans to check out what he called …").
  let start = sentenceStart;
  // Bounded, so that a paragraph of many such quotes without a full stop stays linear.
  while (start > 0 && sentenceStart - start < MAX_SENTENCE_LOOK_BACK && !isSentenceBreak(tokens, start - 1)) start--;
  if (at - 1 <= start) return null;
  const head = clauseSubject(text, tokens, start, at - 1, undefined, true);
  return head && head.start < m.start ? head : null;
}

/** Nouns of a poll or study whose respondents' answers it reports. */
const POLL_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys', 'study']);
const MAX_POLL_PHRASE = 12;

/**
 * "In a September Washington Post-ABC News poll, 75 percent of Republicans said “…”": the poll
 * opening the sentence is the source of what its respondents said.
 */
function pollOpening(text: string, tokens: readonly Token[], sentenceStart: number, found: Attribution): Attribution | null {
  if (lowerAt(tokens, sentenceStart) !== 'in' || !found.mention) return null;
  const first = tokens[sentenceStart + 1];
  let poll = -1;
  for (let k = sentenceStart + 1; k < sentenceStart + MAX_POLL_PHRASE; k++) {
    const t = tokens[k];
    if (!t || t.start >= found.mention.start) return null;
    if (t.text === ',') break;
    if (POLL_NOUNS.has(t.lower)) poll = k;
  }
  const last = tokens[poll];
  if (poll < 0 || !first || !last) return null;
  const mention: SpeakerMention = { start: first.start, end: last.end, text: text.slice(first.start, last.end), kind: 'description' };
  return attribution(mention, found.cue, found.confidence, [ev('cue-before-quote', `the poll opening the sentence reports what “${found.mention.text}” said`)], found.inherited);
}

/** Nouns of a written or broadcast text that someone issues: its words are the issuer's. */
const DOCUMENT_NOUNS = new Set(['statement', 'statements', 'letter', 'memo', 'email', 'e-mail', 'tweet', 'tweets', 'post', 'video', 'release', 'message', 'note', 'op-ed', 'editorial', 'column']);

/**
 * "Black Lives Matter issued a statement saying “…”": a text that a verb's subject issues is no
 * source of its own; the subject of that verb is.
 */
function issuerOf(text: string, tokens: readonly Token[], m: SpeakerMention, sentenceStart: number, ordinary: OrdinaryWord): SpeakerMention | null {
  if (m.kind !== 'description') return null;
  const last = tokens[tokenIndexAt(tokens, m.end) - 1];
  if (!DOCUMENT_NOUNS.has(lower(last))) return null;
  let v = tokenIndexAt(tokens, m.start) - 1;
  // "put out a statement", "sent out a letter": the particle of a phrasal verb.
  if (lowerAt(tokens, v) === 'out') v--;
  const verb = tokens[v];
  if (!verb || verb.type !== 'word' || !(looksFinite(verb.text) || /^\p{Ll}+(?:ut|nt|ote)$/u.test(verb.text)) || v <= sentenceStart) return null;
  return subjectBefore(text, tokens, v, sentenceStart, ordinary);
}

/** Words that may stand between a reporting verb and the subject of its complement ("told reporters that she"). */
const COMPLEMENT_OPENERS = new Set(['that', 'reporters', 'journalists', 'supporters', 'me', 'us', 'him', 'her', 'them']);

/** Tokens a listener may take between a cue and the "that" of its complement. */
const MAX_LISTENER_TOKENS = 10;

/** Whether the clause of the pronoun at `pronounAt` is the complement of the cue at `cueIndex`. */
function opensComplement(tokens: readonly Token[], cueIndex: number, pronounAt: number): boolean {
  let k = cueIndex + 1;
  // The cue may be a phrase ("told reporters"): its own words are skipped.
  while (k < pronounAt && COMPLEMENT_OPENERS.has(lowerAt(tokens, k))) k++;
  if (k === pronounAt) return true;
  // "told ABC’s “Good Morning America” that he agrees": the listener, then "that".
  if (lowerAt(tokens, pronounAt - 1) !== 'that' || pronounAt - cueIndex > MAX_LISTENER_TOKENS) return false;
  for (let j = cueIndex + 1; j < pronounAt - 1; j++) if (tokenIs(tokens, j, ',') || lowerAt(tokens, j) === 'that') return false;
  return true;
}

/**
 * The subject of the main clause that a participle after its comma shares: "Hours later, Trump
 * returned the compliment, telling Reuters, “…”", "Fallon responded on Twitter, calling it
 * “pathetic”". The subject must stand right before its own verb.
 */
function participleSubject(text: string, tokens: readonly Token[], sentenceStart: number, participleAt: number): SpeakerMention | null {
  if (!tokenIs(tokens, participleAt - 1, ',')) return null;
  return mainSubject(text, tokens, sentenceStart, participleAt);
}

/** The subject opening the sentence's main clause, standing right before its own verb (before token `limit`). */
function mainSubject(text: string, tokens: readonly Token[], sentenceStart: number, limit: number): SpeakerMention | null {
  const participleAt = limit;
  const first = pastOpening(tokens, sentenceStart, participleAt);
  const starts = first >= 0 ? [first] : [];
  // An opening phrase of other words ("Hours later, …"): the subject after its comma.
  for (let c = sentenceStart; c < participleAt - 1 && c < sentenceStart + MAX_SUBJECT_TOKENS; c++) {
    if (tokenIs(tokens, c, ',')) {
      starts.push(c + 1);
      break;
    }
  }
  for (const start of starts) {
    const m = clauseSubject(text, tokens, start, Math.min(participleAt, start + MAX_SUBJECT_TOKENS), undefined, true);
    // The subject opens the clause, past a title at most ("Senator Warren").
    if (!m || /['’]s?$/.test(m.text) || tokenIndexAt(tokens, m.start) - start > 2) continue;
    if (verbAfterSubject(tokens, tokenIndexAt(tokens, m.end) - 1, participleAt) >= 0) return m;
  }
  return null;
}

/**
 * "Trump released a new radio ad calling it “dangerous”", "Sanders started out their ninth debate
 * saying “…”": a participle right after the object of the clause's verb (no comma between) reports
 * the words of the clause's subject, not of that object.
 */
function objectBeforeParticiple(tokens: readonly Token[], k: number, own: SpeakerMention): boolean {
  if (own.kind !== 'description' || !/ing$/.test(lowerAt(tokens, k)) || tokens[k - 1]?.type !== 'word') return false;
  const before = tokens[tokenIndexAt(tokens, own.start) - 1];
  return before !== undefined && before.type === 'word' && /^\p{Ll}+$/u.test(before.text) && !SUBORDINATORS.has(before.text);
}

/** Verbs that give a name when a noun stands right before them ("a book called “…”"). */
const NAME_GIVING_VERBS = new Set(['called', 'named', 'dubbed', 'titled', 'entitled', 'nicknamed', 'labeled', 'labelled', 'branded']);

/**
 * Whether the cue at `k` names the quoted words after a noun: "a short film called “…”", "the tax
 * loophole called an “inversion”", "the so called “…”" — a name given, not words said. An object
 * between the verb and the quote ("one lawmaker called Trump “…”") is speech.
 */
function namesAWork(tokens: readonly Token[], k: number, to: number): boolean {
  if (!NAME_GIVING_VERBS.has(lowerAt(tokens, k))) return false;
  for (let j = k + 1; j < to; j++) if (!/^(the|a|an|,)$/.test(lowerAt(tokens, j))) return false;
  return true;
}

function naming(cue: Cue): Attribution {
  return attribution(null, null, 0.6, [ev('named-not-said', `“${cue.text}” after a noun gives a name, not words said`)], false);
}

/**
 * "“Matthew Morrison is leaving the show,” by Times' Michael Paulson: “…”": the author of an
 * article whose opening is quoted wrote it; the quote is the article's text, not words he said.
 */
function isByline(tokens: readonly Token[], nameStart: number): boolean {
  for (let p = nameStart - 1; p >= 0 && p >= nameStart - 4; p--) {
    const t = tokens[p];
    if (!t) return false;
    if (lower(t) === 'by') return true;
    if (!(t.type === 'word' && isCapitalised(t.text)) && !/^['’]s?$/.test(t.text)) return false;
  }
  return false;
}

/**
 * Prepositions whose object is no subject of a verb right after it ("with" is left out: "with the
 * campaign saying …" gives the campaign its verb).
 */
const OBJECT_ONLY_PREPOSITIONS = new Set(['in', 'on', 'at', 'from', 'into', 'through', 'via', 'during', 'under', 'within']);

/**
 * Whether the phrase starting at offset `start` is a preposition's object ("in a statement read …"),
 * not a proportion's ("four in 10 voters say").
 */
function isPrepositionObject(tokens: readonly Token[], start: number, min: number): boolean {
  const i = tokenIndexAt(tokens, start, min);
  const before = i > min ? tokens[i - 1] : undefined;
  if (before === undefined || before.type !== 'word' || !OBJECT_ONLY_PREPOSITIONS.has(before.lower)) return false;
  return !(i - 1 > min && isNumberWord(tokens[i - 2]));
}

/** Attribution found before the quote, in the sentence that introduces it. */
function attributeBefore(text: string, tokens: readonly Token[], from: number, to: number, ordinary: OrdinaryWord): Attribution | null {
  const sentenceStart = breakBefore(tokens, from, to) + 1;
  // The main clause's cue wins over one nested in it ("Lynch said she recalled thinking, “…”").
  // A participle that shares the main clause's subject is the cue of the quote it introduces: "…,
  // he said, adding that “…”" (the speaker is still read from the main clause).
  let found: Attribution | null = null;
  let participle: Cue | null = null;
  let participleAt = -1;
  /** Token index of the pronoun subject found so far: only a cue whose complement it opens may replace it. */
  let pronounAt = -1;
  let foundAt = -1;
  // Only the tokens that may be a cue's verb are read (cueAt finds none elsewhere).
  for (let k = previousCueWord(tokens, to - 1, sentenceStart); k >= sentenceStart; k = previousCueWord(tokens, k - 1, sentenceStart)) {
    const hit = cueAt(text, tokens, k);
    if (!hit) continue;
    if (!found && !participle && /ing$/.test(lowerAt(tokens, k)) && /^(,|and|then)$/.test(lowerAt(tokens, k - 1))) {
      participle = hit.cue;
      participleAt = k;
    }
    let own = fromCue(text, tokens, hit, sentenceStart, to - 1, false, ordinary);
    if (!own) continue;
    // "said in a statement read to the court": a description after a preposition is no subject of the verb after it.
    if (own.kind === 'description' && isPrepositionObject(tokens, own.start, sentenceStart)) continue;
    if (!found && own.kind === 'description' && namesAWork(tokens, k, to)) return naming(hit.cue);
    const objectOwn = objectBeforeParticiple(tokens, k, own) ? mainSubject(text, tokens, sentenceStart, k) : null;
    if (objectOwn) own = objectOwn;
    // "When Sanders accused Clinton of …, she said “…”": the pronoun is the subject of the quote's
    // own verb and an earlier cue of another clause does not take it over; "Lynch said she recalled
    // thinking" nests the pronoun's clause right in the earlier cue's complement, which does.
    if (found && pronounAt >= 0 && !opensComplement(tokens, hit.index, pronounAt)) break;
    const m = relativeClauseHead(text, tokens, hit, own, sentenceStart) ?? issuerOf(text, tokens, own, sentenceStart, ordinary) ?? own;
    const cue = participle ?? hit.cue;
    found = attribution(m, cue, hit.weak ? 0.65 : 0.85, [ev('cue-before-quote', `“${cue.text}” introduces the quote`)], false);
    foundAt = k;
    if (hit.weak) break;
    pronounAt = tokenIndexAt(tokens, m.start);
  }
  if (found) return reportedBy(text, tokens, sentenceStart, to, true) ?? pollOpening(text, tokens, sentenceStart, found) ?? mainClauseAfter(text, tokens, sentenceStart, foundAt, to) ?? found;
  if (participle) {
    const m = participleSubject(text, tokens, sentenceStart, participleAt);
    if (m) return attribution(m, participle, 0.7, [ev('cue-before-quote', `“${participle.text}” introduces the quote; its subject is the sentence's`)], false);
  }
  return colonAttribution(text, tokens, sentenceStart, to, ordinary);
}

/** Words before a one-word name that make it an object, not a label ("a post on Twitter:", "working with Clinton:"). */
const LONE_NAME_OBJECT_MARKERS = new Set(['on', 'with', 'to', 'in', 'at', 'about', 'of', 'for', 'by', 'against', 'from']);

/** Places, days, months and the adverbs that open a sentence are no speaker's one-word label ("Washington:", "Finally:"). */
const NOT_A_LONE_NAME = (w: string): boolean => PLACES.has(w) || WEEKDAYS_AND_MONTHS.has(w) || OPENING_PHRASE_WORDS.has(w) || DISCOURSE_ADVERBS.has(w);

/** Adverbs that open a sentence and may be capitalised only there ("Finally: …", "Instead: …"). */
const DISCOURSE_ADVERBS = new Set([
  'finally', 'first', 'firstly', 'second', 'secondly', 'third', 'thirdly', 'next', 'lastly', 'again', 'here', 'there', 'thus',
  'therefore', 'hence', 'otherwise', 'besides', 'additionally', 'furthermore', 'overall', 'ultimately', 'basically',
  'specifically', 'importantly', 'interestingly', 'notably', 'obviously', 'clearly', 'apparently', 'surely', 'plus', 'so',
  'tonight', 'tomorrow', 'anyway', 'regardless', 'consequently', 'accordingly',
]);

/** Broadcast scripts and interviews: "SOT, Sergei Lavrov, Russian Foreign Minister (Russian): “…”" (a name in the sentence that a colon closes right before the quote). */
function colonAttribution(text: string, tokens: readonly Token[], sentenceStart: number, to: number, ordinary?: OrdinaryWord): Attribution | null {
  if (to - 1 < sentenceStart || !tokenIs(tokens, to - 1, ':')) return null;
  for (let k = sentenceStart; k < to - 1; k++) {
    const run = nameRunForward(tokens, k, to - 2);
    if (!run) continue;
    const words = run[1] - run[0] + 1;
    const firstWord = tokens[run[0]]?.text ?? '';
    const allCaps = firstWord === firstWord.toUpperCase();
    // "In response to Donald Trump’s proposal, …:": a possessive name modifies a noun, it speaks not.
    const possessive = /['’]s?$/.test(tokens[run[1]]?.text ?? '') || /^['’]/.test(tokens[run[1] + 1]?.text ?? '');
    // "More from Jones: “…”", "Clinton: “…”": a one-word name right before the colon, when the
    // article never writes it as an ordinary word and it labels nothing else ("Update:"); before
    // single marks it is a headline's ("Trump: ‘…’"), read as one.
    const lone = words === 1 && run[1] === to - 2 && ordinary !== undefined && !ordinary(firstWord) && !NON_SPEAKER_LABELS.has(firstWord.toLowerCase()) && !NOT_A_LONE_NAME(firstWord.toLowerCase()) && !LONE_NAME_OBJECT_MARKERS.has(lowerAt(tokens, run[0] - 1)) && !/^['\u2018]$/u.test(tokens[to]?.text ?? '');
    if ((words >= 2 || lone) && !allCaps && !possessive && !TITLES.has(firstWord.toLowerCase()) && !isByline(tokens, run[0])) {
      const a = tokens[run[0]];
      const b = tokens[run[1]];
      if (a && b) {
        const mention: SpeakerMention = { start: a.start, end: b.end, text: text.slice(a.start, b.end), kind: 'name' };
        const why = lone ? ev('colon-name', 'a one-word name introduces the quote with a colon') : ev('colon-attribution', 'a name introduces the quote with a colon');
        return attribution(mention, null, lone ? 0.6 : 0.75, [why], false);
      }
    }
    k = run[1];
  }
  return null;
}


/**
 * "After Jerry Brown criticized Bill Clinton during a debate, Hillary shot back, “…”", "When Trump
 * suggested …, Rubio fired back: “…”": a cue inside an opening subordinate clause reports that
 * clause; the main clause after its comma, a subject and its own verb, answers with the quote.
 */
function mainClauseAfter(text: string, tokens: readonly Token[], sentenceStart: number, cueAt: number, to: number): Attribution | null {
  let s = sentenceStart;
  if (SENTENCE_CONJUNCTIONS.has(lowerAt(tokens, s))) s++;
  if (!SUBORDINATING_CONJUNCTIONS.has(lowerAt(tokens, s)) || cueAt <= s) return null;
  let c = cueAt + 1;
  while (c < to && !tokenIs(tokens, c, ',')) c++;
  if (c + 2 >= to) return null;
  const m = clauseSubject(text, tokens, c + 1, Math.min(to, c + 1 + MAX_SUBJECT_TOKENS));
  if (!m || m.kind === 'pronoun' && m.text.toLowerCase() === 'it' || /['’]s?$/.test(m.text) || tokenIndexAt(tokens, m.start) - (c + 1) > 2) return null;
  const v = verbAfterSubject(tokens, tokenIndexAt(tokens, m.end) - 1, to);
  const verb = tokens[v];
  if (v < 0 || !verb) return null;
  const cue: Cue | null = cannotBeCue(verb.text) ? null : { start: verb.start, end: verb.end, text: verb.text };
  return attribution(m, cue, 0.6, [ev('cue-before-quote', `the main clause's subject answers with the quote (“${verb.text}”); the earlier verb reports its opening clause`)], false);
}

/** Headline convention: the subject that opens a title line ("Lavrov rejects … as ‘…’"). */
function attributeHeadline(text: string, tokens: readonly Token[], to: number): Attribution | null {
  for (let k = 0; k < to && k < 8; k++) {
    const t = tokens[k];
    if (!t) break;
    if (t.type === 'punct') continue;
    if (!isCapitalised(t.text) || /['’]s$/.test(t.text)) continue;
    const run = nameRunForward(tokens, k, to - 1);
    if (!run) continue;
    if (lowerAt(tokens, run[1] + 1) === 'as' || cueAt(text, tokens, run[1] + 1)) {
      const a = tokens[run[0]];
      const b = tokens[run[1]];
      if (a && b) {
        return attribution({ start: a.start, end: b.end, text: text.slice(a.start, b.end), kind: 'name' }, null, 0.6, [ev('headline-subject', 'the subject of the headline')], false);
      }
    }
    // "Biden: ‘We will not back down’ on Ukraine": the name opening a headline, its colon right before the quote.
    // A kicker ("Exclusive:", "Watch:", "Opinion:") or a place ("Washington:") labels the story, not a speaker.
    const labelWord = lowerAt(tokens, run[0]);
    const kicker = run[0] === run[1] && (NON_SPEAKER_LABELS.has(labelWord) || NOT_A_LONE_NAME(labelWord));
    if (!kicker && run[0] === firstWordIndex(tokens) && tokenIs(tokens, run[1] + 1, ':') && run[1] + 2 === to) {
      const a = tokens[run[0]];
      const b = tokens[run[1]];
      if (a && b) return attribution({ start: a.start, end: b.end, text: text.slice(a.start, b.end), kind: 'name' }, null, 0.6, [ev('headline-label', 'the name before the colon of a headline')], false);
    }
    k = run[1];
  }
  return null;
}

/** The index of a line's first word token (-1 when it has none among its first few tokens). */
function firstWordIndex(tokens: readonly Token[]): number {
  for (let k = 0; k < tokens.length && k < 4; k++) if (tokens[k]?.type === 'word') return k;
  return -1;
}

/** Capitalised words opening a sentence that stand for a group of sources ("Several said …"). */
const QUANTIFIERS = new Set(['another', 'several', 'others', 'many', 'some', 'both', 'multiple', 'hundreds', 'thousands', 'dozens', 'few', 'most', 'all']);

/** Lower-case words after a subject that are not its verb. */
const NOT_A_VERB = new Set(['of', 'and', 'or', 'who', 'which', 'that', 'whose', 'in', 'on', 'at', 'for', 'with', 'from', 'to', 'by', 'as', 'the', 'a', 'an', 'before', 'after', 'since', 'until', 'than', 'about', 'into']);
/**
 * Words that open a clause whose own subject may be the source ("… while critics call it “…”"):
 * those of SUBORDINATING_CONJUNCTIONS that do not order events in time (after `after`, `before`,
 * `since` or `until` the measured figures drop: the quote belongs to the main clause).
 */
const OWN_SUBJECT_OPENERS = new Set(['when', 'because', 'while', 'if', 'although', 'though', 'whether', 'unless']);
const MAX_SUBJECT_TOKENS = 12;
/** Determiners of a description that points back to someone already named ("The retired neurosurgeon"). */
const DEFINITE = /^(the|his|her|their|its|our)\s/i;

/** Token index of the verb after a subject ending at token `end`: past an apposition ("Huckabee, the former governor, proposed") and adverbs. */
function verbAfterSubject(tokens: readonly Token[], end: number, to: number): number {
  let v = end + 1;
  // An apposition between commas or dashes ("Jason Sims — a teacher from Mount Pleasant — says").
  const mark = tokens[v]?.text;
  if (mark === ',' || mark === '\u2014' || mark === '\u2013') {
    let c = v + 1;
    while (c < to && c < v + MAX_APPOSITION_TOKENS && tokens[c]?.text !== mark) c++;
    if (tokens[c]?.text !== mark) return -1;
    v = c + 1;
  }
  let skipped = 0;
  while (v < to && skipped < 3 && isSkippable(tokens[v])) {
    v++;
    skipped++;
  }
  const t = tokens[v];
  if (v >= to || !t || t.type !== 'word' || !/^\p{Ll}/u.test(t.text) || NOT_A_VERB.has(t.text)) return -1;
  return v;
}

/** Conjunctions that may open a sentence before its opening phrase or subject ("And then Trump …"). */
const SENTENCE_CONJUNCTIONS = new Set(['and', 'but', 'so', 'yet', 'or']);

/** Opening words that stand alone, without a phrase of their own ("Then Trump …", "Now she …"). */
const OPENING_ADVERBS = new Set(['then', 'now', 'still', 'also', 'later', 'earlier', 'meanwhile', 'instead', 'indeed', 'yet', 'finally', 'first', 'once', 'recently', 'previously', 'today', 'yesterday', 'similarly', 'likewise']);

/** "Immediately after the attacks, …", "Shortly before noon, …": a long adverb in -ly read on by a lower-case word (names in -ly, "Kelly", are short or stand before a verb or comma). */
function opensAdverbPhrase(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  return t !== undefined && next !== undefined && /^\p{Lu}\p{Ll}{5,}ly$/u.test(t.text) && next.type === 'word' && PHRASE_OPENING_PREPOSITIONS.has(next.lower);
}

/** "Horrified at the prospect of …, Ramos believes …", "Frustrated by the delays, …": a past participle and its preposition open a phrase. */
function opensParticiplePhrase(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  return t !== undefined && next !== undefined && /^\p{Lu}\p{Ll}{3,}ed$/u.test(t.text) && next.type === 'word' && PARTICIPLE_PREPOSITIONS.has(next.lower);
}

/** Prepositions after an opening participle ("Horrified at", "Armed with", "Pressed on"). */
const PARTICIPLE_PREPOSITIONS = new Set(['at', 'by', 'with', 'about', 'over', 'in', 'on', 'from', 'for', 'to', 'after', 'into', 'of']);

/** Prepositions after an opening adverb ("Immediately after", "Shortly before", "Early in"). */
const PHRASE_OPENING_PREPOSITIONS = new Set(['after', 'before', 'following', 'in', 'on', 'during', 'into', 'upon', 'since']);

/**
 * Token index of the first word after the opening conjunctions and phrases of a sentence ("But
 * back on American soil, he …", "On Wednesday, however, the director …", "In 2011 she …"), or -1
 * when an opening phrase never reaches its comma.
 */
function pastOpening(tokens: readonly Token[], from: number, to: number): number {
  let start = from;
  for (let round = 0; round < 3; round++) {
    if (SENTENCE_CONJUNCTIONS.has(lowerAt(tokens, start)) && start + 1 < to) start++;
    const w = lowerAt(tokens, start);
    if (!OPENING_PHRASE_WORDS.has(w) && !MORE_OPENERS.has(w) && !opensAdverbPhrase(tokens, start) && !opensParticiplePhrase(tokens, start)) return start;
    // A lone adverb: "And then Warren went after the bank, …".
    if (OPENING_ADVERBS.has(w) && !tokenIs(tokens, start + 1, ',')) {
      start++;
      continue;
    }
    let c = start + 1;
    while (c < to && c < start + MAX_SUBJECT_TOKENS && !tokenIs(tokens, c, ',')) c++;
    if (tokenIs(tokens, c, ',')) {
      start = c + 1;
      continue;
    }
    // A phrase of date without its comma: "In 2011 she …", "On the morning of Feb. 28 Trump …".
    let d = start + 1;
    while (d < to && d < start + 8 && !/^\d/.test(tokens[d]?.text ?? '')) d++;
    if (d < to && /^\d/.test(tokens[d]?.text ?? '') && d + 1 < to) return d + 1;
    return -1;
  }
  return start;
}

/** Nouns in -tion and -sion that name a body of people, which may speak. */
const BODIES = new Set(['administration', 'organization', 'organisation', 'commission', 'coalition', 'foundation', 'association', 'federation', 'delegation', 'institution', 'corporation', 'convention', 'nation', 'opposition', 'congregation', 'union']);

/** "The question posed by …", "the transformation is occurring …": an abstract head says nothing. */
function isAbstractHead(description: string): boolean {
  const head = (description.toLowerCase().split(/\s+/).pop() ?? '').replace(/s$/, '');
  return /(tion|sion)$/.test(head) && !BODIES.has(head);
}

/**
 * No cue at all: a partial quote in a sentence whose subject is a person, an organisation or a
 * pronoun is most likely that source's words, and the verb after the subject says how ("Reid has
 * gone after Trump as a “spoiled brat”", "At a rally, Trump likened the refugees to a “vicious
 * snake”", "The Daily News focuses on how “…”"). Weak evidence, used last.
 */
function attributeToSubject(text: string, lt: LineTokens, tokens: readonly Token[], from: number, to: number, afterOpenQuote: boolean): Attribution | null {
  const s = breakBefore(tokens, from, to);
  // An earlier quote of the same sentence that does not end it: the quote continues that quote's
  // sentence and its source ("Cruz says his “friend and colleague” Rubio ran “…”").
  if (s < from && afterOpenQuote) return null;
  const start = pastOpening(tokens, s + 1, to);
  if (start < 0) return null;
  if (to - start < 2) return null;
  // "Ask yourself: …": an imperative has no subject of its own.
  if (/^(yourself|yourselves)$/.test(lowerAt(tokens, start + 1))) return null;
  const m = clauseSubject(text, tokens, start, Math.min(to, start + MAX_SUBJECT_TOKENS), undefined, true);
  // "Rubio’s catch phrase was that Crist “would say anything”": the possessor of the subject is the
  // source of what it says (a description's possessive modifies it).
  // An indefinite description ("A warm-up band called …") introduces someone new, seldom a source.
  if (!m || (m.kind === 'description' && (/['’]s?$/.test(m.text) || !DEFINITE.test(m.text)))) return null;
  if (m.kind === 'description' && isAbstractHead(m.text)) return null;
  // "Rubio’s not going to …": the "’s" of "is", not a possessive.
  if (/['’]s$/.test(m.text) && /^(not|never|been|going|also|still|now)$/.test(lowerAt(tokens, tokenIndexAt(tokens, m.end)))) return null;
  // "Berlin's hesitance": a place's possession speaks for no one.
  if (/['’]s?$/.test(m.text) && PLACES.has(m.text.replace(/['’]s?$/, '').toLowerCase())) return null;
  // The body or place a named person is of goes with the name ("Senator Ben Cardin of Maryland, …, advocates").
  const end = affiliationEnd(tokens, tokenIndexAt(tokens, m.end) - 1, to - 1);
  // The subject is followed by its verb: "Reid has", "Trump likened".
  const v = verbAfterSubject(tokens, end, to);
  if (v < 0) return null;
  // A one-word subject never capitalised inside a sentence must at least stand right before a verb
  // and not look like an ordinary word ("Several waved …", "Optimism is …", "Across town, …").
  if (!/\s/.test(m.text) && m.kind !== 'pronoun' && !lt.capitalisedMidSentence(m.text)) {
    let direct = true;
    for (let k = end + 1; k < v; k++) if (!isSkippable(tokens[k])) direct = false;
    if (!direct || QUANTIFIERS.has(m.text.toLowerCase()) || lt.ordinary(m.text) || /(ing|ed|ly|ism|ness|tion|ity)$/.test(m.text)) return null;
  }
  // A reporting verb later in the sentence whose subject was not found: "The Smith family said …".
  // "The Smith family said …": a noun of the subject before a reporting verb whose subject was not found.
  if (cueAt(text, tokens, v + 1) && !/ing$/.test(lowerAt(tokens, v + 1))) return null;
  for (let k = to - 1; k >= start; k--) if (OWN_SUBJECT_OPENERS.has(lowerAt(tokens, k))) return pronounOfNearestClause(tokens, k, to);
  const verb = tokens[v];
  // The verb is the cue when it looks like one (a past or present tense); a noun after the subject is not.
  // After a possessive subject ("Hollywood’s stars") the word in -s is the noun it owns.
  const cue: Cue | null = verb && looksFinite(verb.text) && !cannotBeCue(verb.text) && !/['’]s?$/.test(m.text) ? { start: verb.start, end: verb.end, text: verb.text } : null;
  return attribution(m, cue, 0.4, [ev('sentence-subject', `no reporting verb: the subject of “${verb?.text ?? ''}” in the sentence`)], false);
}

/** Pronouns that may be the subject of the clause holding a quote. */
const CLAUSE_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/**
 * "even though he found “evidence” that …", "when he devoted his candidacy to the “forgotten middle
 * class”", "Though he declined to endorse anyone, he did say he found Trump “very charming”": after a
 * subordinating word at `opener`, the pronoun opening the clause nearest the quote (the subordinate
 * clause itself, or the main clause after its comma) is the source. Null for any other subject.
 */
function pronounOfNearestClause(tokens: readonly Token[], opener: number, to: number): Attribution | null {
  let at = opener + 1;
  for (let c = to - 1; c > opener; c--) {
    if (tokenIs(tokens, c, ',')) {
      at = c + 1;
      break;
    }
  }
  const t = tokens[at];
  if (!t || !CLAUSE_PRONOUNS.has(t.lower)) return null;
  const v = verbAfterSubject(tokens, at, to);
  const verb = tokens[v];
  if (v < 0 || !verb) return null;
  const mention: SpeakerMention = { start: t.start, end: t.end, text: t.text, kind: 'pronoun' };
  return attribution(mention, null, 0.35, [ev('sentence-subject', `no reporting verb: the subject of “${verb.text}” in the quote's clause`)], false);
}

/**
 * Whether nothing between offsets `from` and `to` of a line ends a sentence: two quotes of one
 * sentence ("… “stagnant for a month” as donors waited to see how a “turbulent cycle” played out, he said").
 */
export function sameSentence(lt: LineTokens, lineIndex: number, from: number, to: number): boolean {
  const tokens = lt.of(lineIndex);
  for (let k = tokenIndexAt(tokens, from); k < tokens.length && (tokens[k]?.start ?? Infinity) < to; k++) if (isSentenceBreak(tokens, k)) return false;
  return true;
}

const FULL_STOP = 46;

/** Whether the quoted words end with a full stop: "… even for him.”". */
export function endsWithFullStop(text: string, q: QuoteSpan): boolean {
  if (q.close === null) return false;
  let i = q.close - 1;
  while (i > q.start && isSpaceQuoteOrApostrophe(text.charCodeAt(i))) i--;
  // The stop is compared by character code, not as a one-character string: a mark beyond Latin-1
  // is a new string each time.
  return i >= 0 && text.charCodeAt(i) === FULL_STOP && (i === 0 || text.charCodeAt(i - 1) !== FULL_STOP);
}

/** `/[\s'\u2019"]/` of one code unit: white space, a straight mark or a right single quotation mark. */
function isSpaceQuoteOrApostrophe(c: number): boolean {
  return c === 32 || c === 39 || c === 34 || c === 0x2019 || isSpaceCode(c);
}

function labelAttribution(mention: SpeakerMention): Attribution {
  return attribution(mention, null, 0.85, [ev('transcript-label', `the transcript label “${mention.text}:” names the speaker`)], false);
}

/**
 * A one-word name that opens a sentence and is never capitalised inside one ("Hours later, …",
 * "Speaking to reporters, …") is an ordinary word: the cue stays, the mention goes.
 */
function vetted(text: string, lt: LineTokens, tokens: readonly Token[], a: Attribution): Attribution {
  const m = a.mention;
  if (!m || (m.kind !== 'name' && m.kind !== 'organisation') || /\s/.test(m.text) || QUANTIFIERS.has(m.text.toLowerCase())) return a;
  // Where the name stands is read first: the article is searched for it only when it opens a
  // sentence and the word after it is neither the cue nor one the subject rules pass over.
  const at = tokenIndexAt(tokens, m.start);
  const prev = tokens[at - 1];
  if (prev && !isSentenceBreak(tokens, at - 1) && (!/^["\u201C\u2018'(]$/.test(prev.text) || closesAfterComma(tokens, at - 1))) return a;
  // "Reid said": a name right before its verb, though it only ever opens sentences.
  const next = tokens[at + 1];
  if (next && (next.start === a.cue?.start || isSkippable(next))) return a;
  if (lt.capitalisedMidSentence(m.text)) return a;
  return attribution(subjectPastOpening(text, tokens, at, a.cue), a.cue, a.confidence, a.evidence, a.inherited);
}

/**
 * Whether the straight quote mark at token `k` (with any written right before it, "''") closes
 * words ending with a comma: the sentence goes on after it ("Not yet," Smith, 54, said).
 */
function closesAfterComma(tokens: readonly Token[], k: number): boolean {
  let j = k;
  while (j > 0 && /^["']$/.test(tokens[j - 1]?.text ?? '') && tokens[j - 1]?.end === tokens[j]?.start) j--;
  const comma = tokens[j - 1];
  return comma !== undefined && comma.text === ',' && comma.end === tokens[j]?.start;
}

/**
 * The subject after an opening phrase that began with an ordinary capitalised word ("Early in his
 * campaign, Trump attacked Romney, calling him “…”"), when it stands before the cue.
 */
function subjectPastOpening(text: string, tokens: readonly Token[], at: number, cue: Cue | null): SpeakerMention | null {
  if (!cue) return null;
  const cueAtIndex = tokenIndexAt(tokens, cue.start);
  let c = at + 1;
  while (c < cueAtIndex && c < at + MAX_SUBJECT_TOKENS && !tokenIs(tokens, c, ',')) c++;
  if (!tokenIs(tokens, c, ',') || c + 1 >= cueAtIndex) return null;
  // "Speaking at a town hall in Salem, New Hampshire, Trump …": the region closes the phrase.
  const run = nameRunForward(tokens, c + 1, cueAtIndex - 1);
  const region = run ? regionAfterPlace(tokens, run[0], run[1]) : -1;
  if (region >= 0) c = region;
  const m = clauseSubject(text, tokens, c + 1, cueAtIndex);
  if (!m || tokenIndexAt(tokens, m.start) !== c + 1 || /['’]s?$/.test(m.text)) return null;
  return verbAfterSubject(tokens, tokenIndexAt(tokens, m.end) - 1, cueAtIndex + 1) >= 0 ? m : null;
}

/**
 * Whether the attribution after a quote begins right after it, punctuation aside ("“…,” he said",
 * "“…,” said Roe", "“…,” according to the report"): the usual way of closing a quote.
 */
function attributionOpensAfter(text: string, q: QuoteSpan, a: Attribution): boolean {
  if (q.close === null) return true;
  const first = Math.min(a.mention?.start ?? Infinity, a.cue?.start ?? Infinity);
  // The mention may still grow its article and titles ("the Times", "Mr. Biden").
  return first === Infinity || /^[\s,.;:!?\u2013\u2014-]*(according\s+to\s+)?((the|a|an)\s+)?(\p{Lu}[\p{L}.'\u2019-]*\s+){0,3}$/u.test(text.slice(q.close + q.closeLen, first));
}

/** "“…,” and he foreshadowed …": a conjunction and a pronoun after a quote open a clause with its own subject. */
function opensOwnClause(tokens: readonly Token[], from: number): boolean {
  let k = from;
  while (tokenIs(tokens, k, ',')) k++;
  return /^(and|but)$/.test(lowerAt(tokens, k)) && /^(he|she|they|we|i)$/.test(lowerAt(tokens, k + 1));
}

/** Lines looked at after a quote's paragraph for its signature (blank lines between). */
const MAX_LINES_TO_SIGNATURE = 3;

/**
 * "“I will look into it.”" then a paragraph "- Hillary Clinton.": a quote that fills its paragraph,
 * signed by a name after a dash on the next one (fact checks, epigraphs, letters).
 */
function signatureLine(text: string, lines: readonly Line[], lt: LineTokens, q: QuoteSpan): Attribution | null {
  const line = lines[q.endLineIndex];
  if (q.close === null || !line || !isBlank(text, q.close + q.closeLen, line.end)) return null;
  for (let i = q.endLineIndex + 1; i < lines.length && i <= q.endLineIndex + MAX_LINES_TO_SIGNATURE; i++) {
    if (lines[i]?.blank) continue;
    const tokens = lt.of(i);
    if (!/^[\u2013\u2014\u2015-]$/.test(tokens[0]?.text ?? '')) return null;
    const run = nameRunForward(tokens, 1, tokens.length - 1);
    if (!run || run[0] !== 1 || !(run[1] >= tokens.length - 2 || tokens[run[1] + 1]?.text === ',')) return null;
    const a = tokens[run[0]];
    const b = tokens[run[1]];
    if (!a || !b) return null;
    const mention: SpeakerMention = { start: a.start, end: b.end, text: text.slice(a.start, b.end), kind: 'name' };
    return attribution(mention, null, 0.8, [ev('dash-attribution', 'a name after a dash signs the quote on the next line')], false);
  }
  return null;
}

/** Participles that give a quoted name or phrase to someone named after "by" ("called “…” by critics"). */
const AGENT_PARTICIPLES = new Set(['called', 'labeled', 'labelled', 'dubbed', 'termed', 'described', 'branded', 'nicknamed', 'uttered', 'used', 'coined', 'quoted', 'cited', 'mentioned', 'praised', 'criticized', 'denounced']);

/** Words between a participle and the quote it names ("labeled as a “…”"). */
const BEFORE_NAMED_QUOTE = new Set(['as', 'a', 'an', 'the', ',']);
/** Words between a quote and a participle after it ("“…” was uttered"). */
const BEFORE_AGENT_PARTICIPLE = new Set(['as', 'was', 'were', 'is', 'are', 'been', 'being', 'once', 'twice', 'first', ',']);
/** Words between the participle and its "by" ("uttered once, by"). */
const BEFORE_AGENT_BY = new Set(['once', 'twice', 'first', ',', 'often', 'also']);

/**
 * "often labeled as a “witch hunt” by Democrats", "“extremely careless,” as described by FBI
 * Director James Comey", "The phrase “tax reform” was uttered once, by Mr. Cruz": the agent of a
 * passive verb of naming or saying, after "by", is the source of the quoted words.
 */
function passiveAgent(text: string, tokens: readonly Token[], open: number, after: number): Attribution | null {
  let b = open - 1;
  while (b >= 0 && b >= open - 3 && BEFORE_NAMED_QUOTE.has(lowerAt(tokens, b))) b--;
  let k = after;
  while (tokens[k]?.type === 'punct' && tokenIs(tokens, k, ',')) k++;
  let participle = AGENT_PARTICIPLES.has(lowerAt(tokens, b)) && lowerAt(tokens, b - 1) !== 'what' ? b : -1;
  // After the quote: "as described by", "was uttered once, by".
  for (let j = k; participle < 0 && j < k + 4 && j < tokens.length; j++) {
    if (AGENT_PARTICIPLES.has(lowerAt(tokens, j))) participle = j;
    else if (!BEFORE_AGENT_PARTICIPLE.has(lowerAt(tokens, j))) break;
  }
  if (participle < 0) return null;
  let by = participle > k ? participle + 1 : k;
  while (by < tokens.length && by < k + 6 && lowerAt(tokens, by) !== 'by') {
    if (!BEFORE_AGENT_BY.has(lowerAt(tokens, by))) return null;
    by++;
  }
  if (lowerAt(tokens, by) !== 'by') return null;
  const max = Math.min(tokens.length - 1, by + 12);
  const m = subjectAfter(text, tokens, by + 1, max) ?? phraseAfter(text, tokens, by + 1, max);
  const verb = tokens[participle];
  if (!m || !verb) return null;
  const cue: Cue = { start: verb.start, end: verb.end, text: verb.text };
  return attribution(m, cue, 0.7, [ev('cue-after-quote', `“${verb.text} … by” names the source of the quoted words`)], false);
}

/** Words that may follow the verb of a closing attribution ("Maddow repeated quickly.", "he shot back."). */
const AFTER_CLOSING_VERB = /^(back|in|on|out|up|again|quickly|loudly|softly|angrily|dryly|later|then)$|ly$/;

/**
 * "“France will always be France,” an angry Hollande retaliated.", "“Grizzly Adams?” Maddow
 * repeated.": words closed by a comma or a question and followed by a subject and one verb that
 * end the sentence are that subject's, whatever the verb.
 */
function sourceAndVerbAfter(text: string, tokens: readonly Token[], from: number): Attribution | null {
  let i = from;
  while (tokenIs(tokens, i, ',')) i++;
  const m = subjectAfter(text, tokens, i, Math.min(tokens.length - 1, i + 8));
  if (!m || (m.kind === 'pronoun' && m.text.toLowerCase() === 'it')) return null;
  const v = tokenIndexAt(tokens, m.end);
  const verb = tokens[v];
  if (!verb || verb.type !== 'word' || !looksFinite(verb.text)) return null;
  let k = v + 1;
  while (k < v + 3 && AFTER_CLOSING_VERB.test(lowerAt(tokens, k))) k++;
  const cueEnd = tokens[k - 1]?.end ?? verb.end;
  // "… Bennett shot back with a laugh.": a phrase of manner may close the sentence.
  if (/^(with|in|at|as|from|to)$/.test(lowerAt(tokens, k))) {
    let e = k + 1;
    while (e < k + 7 && tokens[e]?.type === 'word') e++;
    if (isSentenceBreakOrComma(tokens, e) || !tokens[e]) k = e;
  }
  const end = tokens[k];
  if (end && !isSentenceBreakOrComma(tokens, k)) return null;
  const phrase = text.slice(verb.start, cueEnd);
  const cue: Cue | null = cannotBeCue(verb.text) ? null : { start: verb.start, end: cueEnd, text: phrase };
  return attribution(m, cue, 0.6, [ev('cue-after-quote', `“${phrase}” closes the quote's sentence after its subject`)], false);
}


export function attributeQuote(text: string, lines: readonly Line[], lt: LineTokens, q: QuoteSpan, prevInLine: QuoteSpan | null, nextInLine: QuoteSpan | null): Attribution | null {
  const line = lines[q.lineIndex];
  if (!line) return null;
  const tokens = lt.of(q.lineIndex);
  const to = tokenIndexAt(tokens, q.open);
  // Transcripts: "\"PENCE: Well, look, …" — the label opens the quoted paragraph …
  // The words start after the opening mark (q.start > q.open): a step or two from its token.
  let first = to;
  while (first < tokens.length && (tokens[first]?.start ?? Infinity) < q.start) first++;
  const inside = tokens[first]?.start === q.start ? transcriptLabel(text, tokens, first) : null;
  if (inside) return labelAttribution(inside);
  // … or stands at the start of the line, right before the quote: "PENCE: “Well, look, …”".
  if (!prevInLine && to >= 2 && tokenIs(tokens, to - 1, ':')) {
    let f = 0;
    while (f < to && tokens[f]?.type === 'punct') f++;
    const label = transcriptLabel(text, tokens, f);
    if (label && tokenIndexAt(tokens, label.end) === to - 1) return labelAttribution(label);
    const answer = tokens[f];
    // "Q: What will visitors notice first?" then "A: “…”": the answer of an interview is the
    // interviewee's, the person named last before it (resolved like a pronoun).
    if (answer && answer.text === 'A' && f === to - 2) {
      const mention: SpeakerMention = { start: answer.start, end: answer.end, text: answer.text, kind: 'pronoun' };
      return attribution(mention, null, 0.6, [ev('interview-answer', '“A:” opens the interviewee’s answer')], false);
    }
  }
  // The token after the closing mark, among those of the line where the quote closes (the same
  // list as `tokens` on one line), found once for every rule that reads on from there.
  const endLine = lines[q.endLineIndex];
  const endTokens = q.close !== null && endLine ? lt.of(q.endLineIndex) : tokens;
  const closeAt = q.close !== null && endLine ? tokenIndexAt(endTokens, q.close + q.closeLen) : -1;
  const agent = q.close !== null && q.endLineIndex === q.lineIndex ? passiveAgent(text, tokens, to, closeAt) : null;
  if (agent) return agent;
  // After the quote: from the closing mark to the next quote of the line.
  let after: Attribution | null = null;
  if (q.close !== null && endLine) {
    const from = closeAt;
    const end = nextInLine && nextInLine.lineIndex === q.endLineIndex ? tokenIndexAt(endTokens, nextInLine.open) : endTokens.length;
    after = attributeAfter(text, endTokens, from, end, endsWithFullStop(text, q), lt.ordinary);
    if (after && !(after.evidence[0]?.rule === 'cue-after-quote' && q.endLineIndex === q.lineIndex && !attributionOpensAfter(text, q, after))) return vetted(text, lt, endTokens, after);
  }
  const from = prevInLine && prevInLine.endLineIndex === q.lineIndex && prevInLine.close !== null ? tokenIndexAt(tokens, prevInLine.close + prevInLine.closeLen) : 0;
  const before = attributeBefore(text, tokens, from, to, lt.ordinary);
  // A headline's "Trump: ‘…’" is read as a headline below, not as a label.
  const b = before?.evidence[0]?.rule === 'colon-name' && lt.isHeadline(q.lineIndex) ? null : before;
  // A subject and any verb after the quote ("“…?” Maddow repeated.") only when no reporting verb
  // introduced it: after "?" or "!" the next words may well be a new sentence ("She said, “We will
  // win!” Prices rose.").
  const closing = text[q.close === null ? -1 : q.close - 1] ?? '';
  if (!after && q.close !== null && endLine && (closing === ',' ? !b?.cue : /[?!]/.test(closing) && b === null)) {
    const loose = sourceAndVerbAfter(text, endTokens, closeAt);
    if (loose) return vetted(text, lt, endTokens, loose);
  }
  // "Trump told supporters that “we close one chapter,” and he vowed …": a reporting verb before a
  // quote inside its sentence introduces it; a later one of the sentence reports something else.
  if (after && !(b && b.mention && b.cue && b.evidence[0]?.rule === 'cue-before-quote')) return vetted(text, lt, endTokens, after);
  if (b) {
    const kept = vetted(text, lt, tokens, b);
    // A colon label vetted away (an ordinary word before a colon, "Finally: “…”") leaves neither
    // mention nor cue: the quote has no source and is judged as one.
    const label = b.evidence[0]?.rule === 'colon-name' || b.evidence[0]?.rule === 'colon-attribution';
    return label && !kept.mention && !kept.cue ? null : kept;
  }
  const signed = signatureLine(text, lines, lt, q);
  if (signed) return signed;
  if (lt.isHeadline(q.lineIndex)) return attributeHeadline(text, tokens, to);
  const afterOpenQuote = prevInLine !== null && from > 0 && !endsWithSentenceMarkIn(text, prevInLine.start, prevInLine.end) && !opensOwnClause(tokens, from);
  return attributeToSubject(text, lt, tokens, from, to, afterOpenQuote);
}

/**
 * The subject of a paragraph that ends with a colon ("On July 6, Sanders made the following
 * comment:"), which introduces the quote of the next paragraph.
 */
export function introducerSubject(text: string, lines: readonly Line[], lt: LineTokens, lineIndex: number): SpeakerMention | null {
  const line = lines[lineIndex];
  if (!line || !/:\s*$/.test(line.text)) return null;
  const tokens = lt.of(lineIndex);
  const s = breakBefore(tokens, 0, tokens.length - 1);
  return clauseSubject(text, tokens, s + 1, tokens.length - 1, lt.ordinary);
}

/** Every cue with a subject in a line, in order (used to resolve pronouns and continued quotes). */
export function lineEvents(text: string, lt: LineTokens, lineIndex: number, quoted: readonly { start: number; end: number }[]): Event[] {
  const tokens = lt.of(lineIndex);
  const out: Event[] = [];
  const breaks = new SentenceStarts(tokens, quoted);
  let q = 0;
  // Where the next quote opens: tokens before it are outside every quote.
  let quoteAt = quoted.length > 0 ? -1 : Infinity;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (!tok) break;
    // Reporting verbs inside a quote are the speaker's words, not the article's attributions: the
    // scan goes on after the quote, its words unread.
    if (tok.start >= quoteAt) {
      while (q < quoted.length && (quoted[q]?.end ?? 0) <= tok.start) q++;
      const inside = q < quoted.length ? quoted[q] : undefined;
      if (inside && inside.start <= tok.start) {
        k = tokenIndexAt(tokens, inside.end, k) - 1;
        continue;
      }
      quoteAt = inside ? inside.start : Infinity;
    }
    // Most words can be no cue: they are told by their letters alone, before anything else is read.
    if (tok.type !== 'word' || !mayBeCueWord(tok.lower)) continue;
    const hit = cueAt(text, tokens, k);
    // A weak verb counts when it introduces what follows: "Caddell continued:".
    if (!hit || (hit.weak && !tokenIs(tokens, k + 1, ':'))) continue;
    const m = fromCue(text, tokens, hit, breaks.before(k), tokens.length - 1, false, lt.ordinary);
    if (m) out.push({ mention: m, cue: hit.cue, lineIndex });
  }
  return out;
}

/**
 * Where the sentence holding a token starts, for tokens asked in increasing order: the token after
 * the last sentence break before it, breaks inside quotes (the speaker's words) not counted. Only
 * the tokens up to the last one asked are read, once.
 */
class SentenceStarts {
  private start = 0;
  private read = 0;
  private q = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly quoted: readonly { start: number; end: number }[],
  ) {}

  before(k: number): number {
    const { tokens, quoted } = this;
    for (; this.read < k; this.read++) {
      const t = tokens[this.read];
      if (!t || t.type !== 'punct' || !isSentenceEndMark(t.text)) continue;
      while (this.q < quoted.length && (quoted[this.q]?.end ?? 0) <= t.start) this.q++;
      const inside = quoted[this.q];
      if (inside && inside.start <= t.start && t.start < inside.end) continue;
      if (isSentenceBreak(tokens, this.read)) this.start = this.read + 1;
    }
    return this.start;
  }
}
