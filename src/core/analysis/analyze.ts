import type { Analysis, Cue, Evidence, NoiseLine, Quote, Speaker, SpeakerMention } from './types';
import type { Line, Token } from './text';
import { codePointWithin, isAsciiDigitCode, isLetter, isLetterCode, isLetterCodePoint, isSpaceCode, isUpperCodePoint, splitLines, tokenIndexAt } from './text';
import { countWords } from './wordCount';
import { findBoilerplate } from './boilerplate';
import type { QuoteSpan } from './quotes';
import type { LineWords } from './quotes';
import { findQuotes, isQuotedModifier, isWordSetApart, speechWordsOf } from './quotes';
import type { Attribution, Event } from './attribution';
import { LineTokens, attribution, isSentenceBreak, lineEvents, lineIndexAt } from './attribution';
import { attributeAll } from './continuation';
import type { SpeakerGroup } from './speakers';
import { SpeakerGroups, groupGender } from './speakers';
import { LinkedMentions } from './linkedMentions';
import type { Gender } from './gender';
import { mentionGender, titleGender } from './gender';
import { isBusinessHead, resolvePronoun } from './pronouns';
import { CapitalCursor, TITLES_BEFORE_DOT, antecedentOf, firstNameEnd, fullNames, subjectAfter, subjectBefore } from './mentions';
import { FEMALE_NOUNS, MALE_NOUNS, ORGANISATION_ENDINGS, TITLES } from './lexicon';
import { fullMention } from './mentionExtents';
import { INVERTIBLE, closerCue, relayCueAfter } from './cues';
import type { AnalyzeOptions } from './archive';
import { analyzeArchive } from './archive';
import { mergeSorted } from '../text/sortedSearch';

/** Quotes this short with no source are not taken for someone's words. */
const MIN_WORDS_UNATTRIBUTED = 1;
/** Noise lines at least this sure hide their quotes (a list item below the article may still be text). */
const QUOTE_DROP_CONFIDENCE = 0.6;

/** Short words a title leaves in lower case ("This Week with George Stephanopoulos"). */
const TITLE_SMALL_WORDS = new Set(['with', 'from', 'into', 'over', 'upon', 'than', 'that', 'about', 'after', 'under', 'without']);

/** "The Art of the Deal": every longer word capitalised (checked on short spans only). */
function isTitleCase(text: string, start: number, end: number, shortWordsCount = false): boolean {
  if (end - start > 80) return false;
  // The words are the runs between whitespace. Those that count open with four letters or a digit
  // and are no small word; when there are none, a name of short words only ("New Day") counts
  // them all, but a chant ("Ted! Ted!") is no name.
  let longer = 0;
  let longerCapitalised = 0;
  let lettered = 0;
  let letteredCapitalised = 0;
  let i = start;
  while (i < end) {
    if (isSpaceCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && !isSpaceCode(text.charCodeAt(j))) j++;
    const first = codePointWithin(text, i, j);
    const capitalised = isUpperCodePoint(first) || isAsciiDigitCode(first);
    if (isAsciiDigitCode(first) || (opensWithLetters(text, i, j, 4) && !TITLE_SMALL_WORDS.has(text.slice(i, j)))) {
      longer++;
      if (capitalised) longerCapitalised++;
    }
    if (isLetterCodePoint(first)) {
      lettered++;
      if (capitalised) letteredCapitalised++;
    }
    i = j;
  }
  if (longer > 0) return longerCapitalised === longer;
  return shortWordsCount && lettered > 0 && letteredCapitalised === lettered && !text.slice(start, end).includes('!');
}

/** Whether `text[from, to)` opens with `n` letters (code points). */
function opensWithLetters(text: string, from: number, to: number, n: number): boolean {
  let i = from;
  for (let k = 0; k < n; k++) {
    if (i >= to) return false;
    const cp = codePointWithin(text, i, to);
    if (!isLetterCodePoint(cp)) return false;
    i += cp > 0xffff ? 2 : 1;
  }
  return true;
}

/** Words before a quoted name of a work or a nickname ("on CNN's “State of the Union”", "the film “13th”"). */
const WORK_INTRODUCERS = new Set([
  'on', 'of', 'book', 'documentary', 'film', 'movie', 'show', 'program', 'programme', 'anthem', 'song', 'nickname',
  'dubbed', 'album', 'series', 'broadcast', 'column', 'headline', 'novel', 'play', 'magazine', 'podcast', 'memoir',
  'autobiography', 'biography', 'drama', 'sitcom', 'thriller', 'comedy',
  // Told “Fox and Friends”: a verb of telling straight before a Title Case name tells a programme.
  'told',
]);

/** "the so-called “deep state”": the writer distances themself from a phrase; nobody is quoted. */
function isScareQuote(text: string, q: QuoteSpan): boolean {
  return /so-called\s*$/i.test(text.slice(Math.max(0, q.open - 12), q.open));
}

/**
 * `"The piling on must stop," by Jeff Roe`: the headline of a piece, named with its author; and
 * `("Talks resume in Geneva," USA TODAY, Thursday)`: a headline cited with its outlet.
 */
function isHeadlineOfPiece(text: string, q: QuoteSpan): boolean {
  if (q.close === null) return false;
  const after = text.slice(q.close + q.closeLen, q.close + q.closeLen + 40);
  // The comma tells a headline's author from the agent of a passive verb ("“anointed” by God").
  // The comma may sit before a nested closing mark (“… leaving ‘Neverland,'” by …).
  const comma = /,['’]?$/u.test(text.slice(Math.max(0, q.close - 2), q.close)) || after.startsWith(',');
  if (comma && /^,?\s+by\s+(?:the\s+)?\p{Lu}/u.test(after)) return true;
  return text[q.open - 1] === '(' && /^,?\s*\p{Lu}[^()]{0,30},\s+\p{Lu}\p{Ll}+\)/u.test(after);
}

/** Nouns after a Title Case name that say it names a work (`the “Keepin' It Real” radio program`). */
const WORK_NOUNS = new Set([
  'book', 'documentary', 'film', 'movie', 'show', 'program', 'programme', 'podcast', 'song', 'album', 'series', 'broadcast', 'column',
  'novel', 'play', 'magazine', 'musical', 'newsletter', 'blog', 'website', 'segment', 'episode',
]);

/** One of the two words right after the quote names a kind of work. */
function workNounAfter(text: string, q: QuoteSpan): boolean {
  if (q.close === null) return false;
  const after = text.slice(q.close + q.closeLen, q.close + q.closeLen + 30);
  const words = /^\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(after);
  return words !== null && [words[1], words[2]].some((w) => w !== undefined && WORK_NOUNS.has(w.toLowerCase()));
}

/**
 * `"Sons of Trump" is an adaptation …`, `“Daily Show” host …`: a Title Case name opening a paragraph
 * and read on by the sentence (a lower-case word after it, no comma) is what the sentence is about.
 */
function isTitleCaseSubject(text: string, q: QuoteSpan): boolean {
  if (q.close === null || /[!?]/u.test(text.slice(q.start, q.end)) || !startsLine(text, q.open)) return false;
  // “Really,” she added: a comma or full stop inside the marks closes words said.
  if (!/[\p{L}\p{N}]/u.test(text[q.close - 1] ?? '')) return false;
  return /^\s+[\p{Ll}(]/u.test(text.slice(q.close + q.closeLen, q.close + q.closeLen + 4));
}

function isNameOfWork(text: string, q: QuoteSpan): boolean {
  if (isHeadlineOfPiece(text, q)) return true;
  // An exclamation mark does not tell a slogan from a title here (the movie “Hail, Caesar!”).
  if (!isTitleCase(text, q.start, q.end, true) || isSlogan(text, q, false)) return false;
  if (workNounAfter(text, q) || isTitleCaseSubject(text, q)) return true;
  let i = q.open;
  while (i > 0 && /[\s,]/.test(text[i - 1] ?? '')) i--;
  let j = i;
  while (j > 0 && j > i - 40 && /[\p{L}'’]/u.test(text[j - 1] ?? '')) j--;
  const word = text.slice(j, i).toLowerCase();
  // An interview with “The View”: the Title Case name is the programme that held it. (Read before
  // every word, not only "with": a test only that rare word reached has no feedback to go on.)
  const afterInterview = /\binterview\s+$/i.test(text.slice(Math.max(0, j - 12), j));
  if (word === 'with' && afterInterview) return true;
  return /['’]s$/.test(word) || WORK_INTRODUCERS.has(word);
}

/** Marks the lines that are surely boilerplate; noise lines and lines are both sorted by start: one merge. */
function surelyBoilerplateLines(lines: readonly Line[], noise: readonly NoiseLine[]): Uint8Array {
  const marked = new Uint8Array(lines.length);
  let li = 0;
  for (const n of noise) {
    if (n.confidence < QUOTE_DROP_CONFIDENCE) continue;
    while (li < lines.length && (lines[li]?.start ?? 0) < n.start) li++;
    if (lines[li]?.start === n.start) marked[li] = 1;
  }
  return marked;
}

/** Every attribution of the article, quoted or not, in reading order, and the same by line. */
function attributionEvents(text: string, lines: readonly Line[], lt: LineTokens, spans: readonly QuoteSpan[], isNoiseLine: (i: number) => boolean): { events: Event[]; byLine: Map<number, Event[]> } {
  const events: Event[] = [];
  const byLine = new Map<number, Event[]>();
  let nextSpan = 0;
  for (const line of lines) {
    if (line.blank || isNoiseLine(line.index)) continue;
    while (nextSpan < spans.length && (spans[nextSpan]?.end ?? 0) <= line.start) nextSpan++;
    const quoted: QuoteSpan[] = [];
    for (let k = nextSpan; k < spans.length; k++) {
      const span = spans[k];
      if (!span || span.start >= line.end) break;
      quoted.push(span);
    }
    const found = lineEvents(text, lt, line.index, quoted);
    if (found.length === 0) continue;
    byLine.set(line.index, found);
    // One by one: a paragraph may hold more cues than a spread fits on the call stack.
    for (const e of found) events.push(e);
  }
  return { events, byLine };
}

/** Prepositions before a name that make it an object ("to La Raza", "with Smith"). */
const OBJECT_PREPOSITIONS = new Set(['to', 'at', 'on', 'in', 'with', 'from', 'for', 'about', 'against', 'into', 'toward', 'towards']);

/** Letters read back for the word before a mention: the longest verb in -ed that makes an object is seldom longer. */
const MAX_WORD_BEFORE = 12;

/**
 * Whether the word right before `start` (spaces between) makes the mention an object: one of
 * OBJECT_PREPOSITIONS ("to La Raza"), or a verb in the past ("attacked Marco Rubio", "told CNN's
 * Jake Tapper"), unless a reporting verb that may come before its subject ("said Marco Rubio"); or
 * "and" after such an object ("attacked Hillary Clinton and Marco Rubio"). Reads at most a few
 * characters back.
 */
function afterPreposition(text: string, start: number): boolean {
  const before = wordRightBefore(text, start, true);
  if (!before) return false;
  if (before.word !== 'and' && before.word !== 'or') return makesObject(before.word);
  // The capitalised words of the name before "and", then the word before them.
  let at = before.start;
  let names = 0;
  for (let w = wordRightBefore(text, at, false); w && names < MAX_COORDINATED_NAME_WORDS && /^\p{Lu}/u.test(w.word); w = wordRightBefore(text, at, false)) {
    at = w.start;
    names++;
  }
  const first = names > 0 ? wordRightBefore(text, at, true) : null;
  return first !== null && makesObject(first.word);
}

/** Words of a name before "and" read back to what precedes it. */
const MAX_COORDINATED_NAME_WORDS = 4;

/** Whether `word` before a name makes it an object (see afterPreposition). */
function makesObject(word: string): boolean {
  if (OBJECT_PREPOSITIONS.has(word.toLowerCase())) return true;
  // "told" names its listener after it ("told CNN's Jake Tapper"), never its subject.
  return word === 'told' || (/^\p{Ll}+ed$/u.test(word) && !INVERTIBLE.has(word));
}

/**
 * The word (letters, as written) ending right before `start`, past spaces only (`wordBefore` also
 * passes commas and colons) and, when `pastOwner`, past a
 * possessive that opens the phrase ("CNN's" of "told CNN's Jake Tapper"); null when none ends there.
 * Reads at most a few characters back.
 */
function wordRightBefore(text: string, start: number, pastOwner: boolean): { word: string; start: number } | null {
  let e = start;
  while (e > 0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (pastOwner) {
    let owner = e;
    while (owner > 0 && e - owner < MAX_WORD_BEFORE && (isLetterCode(text.charCodeAt(owner - 1)) || text.charCodeAt(owner - 1) === 0x27 || text.charCodeAt(owner - 1) === 0x2019)) owner--;
    if (/^\p{Lu}[\p{L}]*['’]s$/u.test(text.slice(owner, e))) {
      e = owner;
      while (e > 0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
    }
  }
  let b = e;
  while (b > 0 && e - b < MAX_WORD_BEFORE && isLetterCode(text.charCodeAt(b - 1))) b--;
  if (e === b || (b > 0 && isLetterCode(text.charCodeAt(b - 1)))) return null;
  return { word: text.slice(b, e), start: b };
}

const keyOf = (m: SpeakerMention): string => `${m.start}:${m.end}`;

/** Reading order of mentions: by start, the longer first where two start together. */
const byReadingOrder = (x: SpeakerMention, y: SpeakerMention): number => x.start - y.start || y.end - x.end;

/**
 * `first` then `second` in reading order, as a stable sort of the two joined would give: `second`
 * (the article's full names, found line by line) is in reading order already, so the few
 * speakers' mentions are sorted and merged into it instead of sorting every name of the article.
 */
function mergedInReadingOrder(first: SpeakerMention[], second: readonly SpeakerMention[]): SpeakerMention[] {
  for (let i = 1; i < second.length; i++) {
    const a = second[i - 1];
    const b = second[i];
    if (a && b && byReadingOrder(a, b) > 0) return [...first, ...second].sort(byReadingOrder);
  }
  first.sort(byReadingOrder);
  return mergeSorted(first, second, byReadingOrder);
}

/**
 * Every mention of the article that may name a speaker, in reading order: the attributions' and
 * every full name of its text lines.
 */
function mentionsInReadingOrder(text: string, lines: readonly Line[], lt: LineTokens, events: readonly Event[], attributions: readonly (Attribution | null)[], isNoiseLine: (i: number) => boolean): SpeakerMention[] {
  const allMentions: SpeakerMention[] = [];
  for (const e of events) allMentions.push(e.mention);
  for (const a of attributions) {
    if (!a?.mention) continue;
    allMentions.push(a.mention);
    const antecedent = antecedentOf(a.mention);
    if (antecedent) allMentions.push(antecedent);
  }
  // Full names anywhere in the article, grouped in reading order with the speakers' mentions: the
  // fullest form of a speaker's name, two people who share a surname kept apart ("Bill Roe" and
  // "Hillary Roe"), and antecedents of pronouns.
  const names: SpeakerMention[] = [];
  const capitals = new CapitalCursor(text);
  for (const line of lines) {
    // Most lines hold no two capitalised words side by side: those are neither tokenized nor searched.
    if (line.blank || isNoiseLine(line.index)) continue;
    const end = firstNameEnd(text, line.start, line.end, capitals);
    if (end < 0) continue;
    // No name of the line ends before that capital: the tokens before it are read only as the front of one.
    const tokens = lt.of(line.index);
    fullNames(text, tokens, names, tokenIndexAt(tokens, end));
  }
  surnamesOpeningSentences(lines, lt, names, attributions, isNoiseLine, allMentions);
  decliningSubjects(text, lines, lt, attributions, isNoiseLine, allMentions);
  return mergedInReadingOrder(allMentions, names);
}

/**
 * Who declines to speak, or speaks through a text (group 1): a body that is the subject of the one
 * (a person too, of the other) is what a later "it", "the company" or "the statement" stands for.
 */
const DECLINING = /\b(?:declined|refused|(?:did not|didn['’]t|has not|have not|hasn['’]t|haven['’]t) (?:immediately )?(?:respond|return|reply|responded|returned|replied)|could not be reached|(released|issued|put out|posted|sent) (?:a|an) (?:\S+ )?(?:statement|letter|memo|note))\b/g;

/** The subjects of DECLINING, sources as a reporting verb's are (see isSource). */
const DECLINERS = new WeakSet<SpeakerMention>();

/**
 * "Harbor Freight Lines declined to comment on the fine. In a statement last month, it said …", "The
 * ministry released a statement … the statement said": the one who declined to speak or issued a
 * text is who the article goes on about, though no reporting verb made it a source. Each such
 * subject is added to `out`.
 */
function decliningSubjects(text: string, lines: readonly Line[], lt: LineTokens, attributions: readonly (Attribution | null)[], isNoiseLine: (i: number) => boolean, out: SpeakerMention[]): void {
  // Only what a description or an "it" or "they" may look back to is read: its own paragraph and
  // the two before it (each line once), as for surnames opening sentences.
  const read = new Set<number>();
  for (const a of attributions) {
    const m = a?.mention;
    if (!m || !(m.kind === 'description' || (m.kind === 'pronoun' && IMPERSONAL.has(m.text.toLowerCase())))) continue;
    for (const i of linesLookedBack(lines, m.start, isNoiseLine, read)) {
      const line = lines[i];
      if (line) declinersOfLine(text, line, lt.of(i), out);
    }
  }
}

/**
 * The lines a mention at `offset` looks back to: its own paragraph and the SURNAME_LOOK_BACK_LINES
 * before it, but for noise lines and those already in `read` (to which each is added).
 */
function* linesLookedBack(lines: readonly Line[], offset: number, isNoiseLine: (i: number) => boolean, read: Set<number>): Generator<number> {
  let i = lineIndexAt(lines, offset);
  for (let seen = 0; i >= 0 && seen <= SURNAME_LOOK_BACK_LINES; i--) {
    const line = lines[i];
    if (!line || line.blank) continue;
    seen++;
    if (read.has(i) || isNoiseLine(i)) continue;
    read.add(i);
    yield i;
  }
}

/** Pronouns that stand for a body or a text. */
const IMPERSONAL = new Set(['it', 'they']);

/** The subjects of DECLINING on one line, added to `out`. */
function declinersOfLine(text: string, line: Line, tokens: readonly Token[], out: SpeakerMention[]): void {
  DECLINING.lastIndex = 0;
  for (let found = DECLINING.exec(line.text); found; found = DECLINING.exec(line.text)) {
    const v = tokenIndexAt(tokens, line.start + found.index);
    const subject = subjectBefore(text, tokens, v, 0);
    if (!subject || subject.kind === 'pronoun') continue;
    // A body only, but for a text: a person who declines is found as any subject is.
    const m = subject.kind === 'description' ? bodySpokenFor(text, tokens, subject, v) : subject;
    if (!m || (m.kind !== 'organisation' && !(found[1] && m.kind === 'name'))) continue;
    DECLINERS.add(m);
    out.push(m);
  }
}

/** "A spokesperson for Apex Logistics Inc.": the organisation a description speaks for, if it names one. */
function bodySpokenFor(text: string, tokens: readonly Token[], m: SpeakerMention, verb: number): SpeakerMention | null {
  for (let k = tokenIndexAt(tokens, m.start); k < verb && (tokens[k]?.start ?? Infinity) < m.end; k++) {
    const w = tokens[k]?.lower;
    if (w !== 'for' && w !== 'at' && w !== 'of') continue;
    const body = subjectAfter(text, tokens, k + 1, verb - 1);
    return body?.kind === 'organisation' ? body : null;
  }
  return null;
}

/** The full name of the article each surname mention added by surnamesOpeningSentences stands for. */
const FULL_NAME_OF_SURNAME = new WeakMap<SpeakerMention, SpeakerMention>();

/** Full names found opening a sentence where a pronoun may look back (see surnamesOpeningSentences). */
const OPENS_SENTENCE = new WeakSet<SpeakerMention>();

/** Paragraphs before a pronoun's own that are read for a surname opening a sentence. */
const SURNAME_LOOK_BACK_LINES = 2;

/**
 * "Baker, a Republican, disagreed. “…,” he said": a sentence opened by the surname of a full name of
 * the article is about that person, who is then the nearest antecedent of a pronoun after it, though
 * no reporting verb made the surname a source. Only what a pronoun source may look back to is read:
 * its own paragraph and the two before it (each line once). Each such surname is added to `out`.
 */
function surnamesOpeningSentences(lines: readonly Line[], lt: LineTokens, names: readonly SpeakerMention[], attributions: readonly (Attribution | null)[], isNoiseLine: (i: number) => boolean, out: SpeakerMention[]): void {
  if (names.length === 0) return;
  let surnames: Map<string, SpeakerMention[]> | null = null;
  const read = new Set<number>();
  for (const a of attributions) {
    if (a?.mention?.kind !== 'pronoun') continue;
    surnames ??= surnamesOf(names);
    for (const i of linesLookedBack(lines, a.mention.start, isNoiseLine, read)) {
      const line = lines[i];
      if (!line) continue;
      const tokens = lt.of(i);
      // "Sen. Lindsey Graham, R-S.C., called for more weapons. “…,” he said": a full name opening a
      // sentence is its subject too.
      for (let n = firstAtOrAfter(names, line.start); n < names.length && (names[n]?.start ?? Infinity) < line.end; n++) {
        const name = names[n];
        if (name === undefined) continue;
        const k = tokenIndexAt(tokens, name.start);
        if (tokens[k]?.start !== name.start) continue;
        // "Sen. Lindsey Graham, …": the name's title may open the sentence before it.
        const opening = titlesBefore(tokens, k);
        if (opening === 0 || opensAfterBreak(tokens, opening) || (tokens[opening - 1]?.text === ',' && opensAfterIntroduction(tokens, opening))) OPENS_SENTENCE.add(name);
      }
      lonePersonalNames(tokens, out);
      for (let k = 0; k < tokens.length; k++) {
        // At the line's start or after a sentence's end (read first: most words are neither), and
        // alone: the next word is no part of a name.
        if (k > 0 && !opensAfterBreak(tokens, k) && !(tokens[k - 1]?.text === ',' && surnames.has(tokens[k]?.text ?? '') && opensAfterIntroduction(tokens, k))) continue;
        const t = tokens[k];
        if (!t || t.type !== 'word' || !surnames.has(t.text)) continue;
        const next = tokens[k + 1];
        if (next?.type === 'word' && /^\p{Lu}/u.test(next.text)) continue;
        const m: SpeakerMention = { start: t.start, end: t.end, text: t.text, kind: 'name' };
        const full = lastBefore(surnames.get(t.text) ?? [], t.start);
        if (full) FULL_NAME_OF_SURNAME.set(m, full);
        out.push(m);
      }
    }
  }
}

/** Nouns of a person's relation or role that a lone given name may follow between commas ("Her son, Dmitri, 31, joined …"). */
const RELATIONS = new Set([...FEMALE_NOUNS, ...MALE_NOUNS, 'partner', 'friend', 'colleague', 'neighbour', 'neighbor', 'boss', 'cousin', 'grandson', 'granddaughter', 'child', 'fiancé', 'fiancée', 'fiance', 'fiancee']);
const RELATION_DETERMINERS = new Set(['her', 'his', 'their', 'my', 'our', 'the', 'a']);

/**
 * "Her son, Dmitri, 31, joined the business. “…,” he says": a given name alone, between commas after
 * a noun of relation with its determiner, names a person a later pronoun may stand for; it is the
 * sentence's subject when the noun opens the sentence. Each such name is added to `out`.
 */
function lonePersonalNames(tokens: readonly Token[], out: SpeakerMention[]): void {
  for (let k = 3; k + 1 < tokens.length; k++) {
    // The comma first: most tokens are none.
    if (tokens[k - 1]?.text !== ',') continue;
    const t = tokens[k];
    const relation = tokens[k - 2];
    if (!t || t.type !== 'word' || !/^\p{Lu}\p{Ll}+$/u.test(t.text) || tokens[k + 1]?.text !== ',' || !relation || !RELATIONS.has(relation.lower)) continue;
    const determiner = k - 3;
    if (!RELATION_DETERMINERS.has(tokens[determiner]?.lower ?? '')) continue;
    const m: SpeakerMention = { start: t.start, end: t.end, text: t.text, kind: 'name' };
    if (determiner === 0 || opensAfterBreak(tokens, determiner)) OPENS_SENTENCE.add(m);
    out.push(m);
  }
}

/** Words opening a clause before a sentence's subject: "Asked about the plan, Ortega shrugged", "After the vote, Smith left". */
const INTRODUCERS = new Set(['asked', 'pressed', 'questioned', 'speaking', 'reached', 'contacted', 'interviewed', 'when', 'after', 'before', 'while', 'later', 'earlier', 'afterward', 'afterwards']);
/** Tokens read back from a comma to the start of its sentence. */
const MAX_INTRODUCTION_TOKENS = 30;

/**
 * Whether token `k`, after a comma, is the subject a clause opening the sentence leads to ("Asked
 * whether he would support it, Ortega shrugged"): the sentence starts with one of INTRODUCERS, and
 * no other comma comes between.
 */
function opensAfterIntroduction(tokens: readonly Token[], k: number): boolean {
  for (let j = k - 2; j >= 0 && j >= k - 1 - MAX_INTRODUCTION_TOKENS; j--) {
    const t = tokens[j];
    if (!t || t.text === ',') return false;
    if (j === 0 || opensAfterBreak(tokens, j)) return t.type === 'word' && /^\p{Lu}/u.test(t.text) && INTRODUCERS.has(t.lower);
  }
  return false;
}

/** Where the titles right before token `k` start ("Sen." and "State Sen." before a name), or `k`. */
function titlesBefore(tokens: readonly Token[], k: number): number {
  let j = k;
  for (let steps = 0; steps < 4 && j > 0; steps++) {
    const prev = tokens[j - 1];
    const word = tokens[j - 2];
    if (prev?.text === '.' && word && word.end === prev.start && TITLES_BEFORE_DOT.has(word.lower)) j -= 2;
    else if (prev?.type === 'word' && TITLES.has(prev.lower) && /^\p{Lu}/u.test(prev.text)) j -= 1;
    else break;
  }
  return j;
}

/**
 * Whether token `k` opens a sentence after a full stop, question or exclamation mark that ends one
 * (a title's dot does not: "praised Gov. Gavin Newsom"). The mark is told by its one code unit first,
 * as most tokens are words.
 */
function opensAfterBreak(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k - 1];
  if (t === undefined || t.text.length !== 1) return false;
  const c = t.text.charCodeAt(0);
  return (c === 46 || c === 33 || c === 63) && isSentenceBreak(tokens, k - 1);
}

/** The full names by their last word ("Baker" of "Charlie Baker"), each list in reading order. */
function surnamesOf(names: readonly SpeakerMention[]): Map<string, SpeakerMention[]> {
  const surnames = new Map<string, SpeakerMention[]>();
  for (const n of names) {
    const last = n.text.slice(n.text.lastIndexOf(' ') + 1);
    if (last.length < 2) continue;
    const list = surnames.get(last);
    if (list) list.push(n);
    else surnames.set(last, [n]);
  }
  return surnames;
}

/** The index of the first of `sorted` starting at or after `offset` (the length when none does). */
function firstAtOrAfter(sorted: readonly SpeakerMention[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last of `sorted` starting before `offset`, else the first (a full name given later), by binary search. */
function lastBefore(sorted: readonly SpeakerMention[], offset: number): SpeakerMention | undefined {
  return sorted[firstAtOrAfter(sorted, offset) - 1] ?? sorted[0];
}

/** The first non-pronoun mention of each span in reading order, which stands for the span, and where it is. */
function firstOfEachSpan<K>(grouped: readonly SpeakerMention[], spanKey: (m: SpeakerMention) => K): { firstAt: Map<K, number>; firsts: SpeakerMention[] } {
  const firstAt = new Map<K, number>();
  const firsts: SpeakerMention[] = [];
  for (const m of grouped) {
    if (m.kind === 'pronoun' || firstAt.has(spanKey(m))) continue;
    firstAt.set(spanKey(m), firsts.length);
    firsts.push(m);
  }
  return { firstAt, firsts };
}

/**
 * A null for each item, in an array filled by push as the grouped results are: an array made by
 * `map` has another elements kind, and the code reading both would be compiled for each.
 */
export function nullsLike(items: readonly unknown[]): null[] {
  const out: null[] = [];
  for (let i = 0; i < items.length; i++) out.push(null);
  return out;
}

/** The canonical speaker of every quote's attribution (null where none), with the mention it was read from. */
function speakerGroupsOf(text: string, lines: readonly Line[], lt: LineTokens, events: readonly Event[], attributions: readonly (Attribution | null)[], isNoiseLine: (i: number) => boolean): { groups: (SpeakerGroup | null)[]; mentions: (SpeakerMention | null)[] } {
  // No quote has a source: nothing to group (the names of the article matter only to the speakers of quotes).
  if (!attributions.some((a) => a?.mention)) return { groups: nullsLike(attributions), mentions: nullsLike(attributions) };
  // Canonical speakers over every mention of the document, fullest form first.
  const speakerGroups = new SpeakerGroups();
  const grouped = mentionsInReadingOrder(text, lines, lt, events, attributions, isNoiseLine);
  // A mention is known by its span, as one number (offsets are below the text's length); exact
  // while start × width stays an integer a double holds (articles under about 90 million characters).
  const width = text.length + 1;
  const spanKey = (m: SpeakerMention): number | string => (width < 2 ** 26 ? m.start * width + m.end : `${m.start}:${m.end}`);
  const { firstAt, firsts } = firstOfEachSpan(grouped, spanKey);
  // Only the mentions a read group can depend on are grouped, part by part, each in reading order.
  const links = new LinkedMentions(firsts, speakerGroups);
  const groupByMention = new Map<number | string, SpeakerGroup>();
  const groupAll = (taken: readonly number[]): void => {
    for (const i of taken) {
      const m = firsts[i];
      if (m) groupByMention.set(spanKey(m), speakerGroups.groupOf(m, titleGender(text, m.start)));
    }
  };
  const groupAt = (m: SpeakerMention): SpeakerGroup | undefined => {
    const g = groupByMention.get(spanKey(m));
    const i = firstAt.get(spanKey(m));
    if (g || i === undefined) return g;
    groupAll(links.take([i]));
    return groupByMention.get(spanKey(m));
  };
  // The groups of the quotes' speakers are read; a pronoun's candidates' only when it is resolved.
  const seeds: number[] = [];
  for (const a of attributions) {
    const m = a?.mention;
    if (!m) continue;
    const i = firstAt.get(spanKey(m));
    if (i !== undefined) seeds.push(i);
    const antecedent = antecedentOf(m);
    const j = antecedent ? firstAt.get(spanKey(antecedent)) : undefined;
    if (j !== undefined) seeds.push(j);
  }
  groupAll(links.take(seeds));
  // "she" never refers back to a man: the gender of a candidate from its title, words or speaker.
  // Pronouns look back over the same mentions again and again: what a mention's own title and words
  // show is read once (its speaker's name may still grow, so the group is asked each time).
  const shownBy = new Map<SpeakerMention, Gender | null>();
  const genderOf = (x: SpeakerMention): Gender | null => {
    let shown = shownBy.get(x);
    if (shown === undefined) {
      shown = mentionGender(text, x);
      shownBy.set(x, shown);
    }
    if (shown) return shown;
    const g = groupAt(x);
    if (g) return groupGender(g);
    // A surname opening a sentence (see surnamesOpeningSentences) shows its full name's gender.
    const full = FULL_NAME_OF_SURNAME.get(x);
    return full ? genderOf(full) : null;
  };
  // In reading order already, as `grouped` is.
  const nonPronoun = grouped.filter((m) => m.kind !== 'pronoun');
  // The sources of reporting verbs: a pronoun's likeliest antecedents (gathered when a pronoun asks).
  let sources: Set<number | string> | undefined;
  const isSource = (x: SpeakerMention): boolean => {
    if (sources === undefined) {
      sources = new Set<number | string>();
      for (const e of events) sources.add(spanKey(e.mention));
      for (const a of attributions) if (a?.mention) sources.add(spanKey(a.mention));
    }
    // A surname opening a sentence is that sentence's subject, as a source is its verb's.
    return sources.has(spanKey(x)) || FULL_NAME_OF_SURNAME.has(x) || OPENS_SENTENCE.has(x) || DECLINERS.has(x);
  };
  const groups: (SpeakerGroup | null)[] = [];
  const mentions: (SpeakerMention | null)[] = [];
  let persons: SpeakerMention[] | undefined;
  const isObject = (x: SpeakerMention): boolean => afterPreposition(text, x.start);
  for (const a of attributions) {
    const m = a?.mention ?? null;
    let g: SpeakerGroup | null = null;
    // "the Dutchman said", "the 27-year-old said": a person named before, found as a pronoun's antecedent is.
    const epithet = m && m.kind !== 'pronoun' ? epithetAsPronoun(text, m) : null;
    // "Hans Keller, the billionaire, … the billionaire said": the one the description was given to.
    const describedOne = !epithet && m && m.kind === 'description' ? describedBefore(text, m, nonPronoun) : null;
    if (m && (describedOne || m.kind === 'pronoun' || epithet)) {
      // An epithet stands for the person named last, quoted or not ("Striker Erling Haaland scored
      // twice. … the 23-year-old said"); another epithet is no antecedent of one.
      let antecedent = describedOne;
      if (!antecedent && epithet) antecedent = resolvePronoun((persons ??= nonPronoun.filter((x) => epithetAsPronoun(text, x) === null)), epithet, genderOf, () => false, isObject);
      else if (!antecedent) antecedent = antecedentOf(m) ?? resolvePronoun(nonPronoun, m, genderOf, isSource, isObject);
      // "the 34-year-old Oscar nominee said … “…,” she told Vogue": a pronoun standing for an epithet
      // stands for the person the epithet stands for.
      const through = antecedent && antecedent !== describedOne && !epithet ? epithetAsPronoun(text, antecedent) : null;
      if (antecedent && through) antecedent = resolvePronoun((persons ??= nonPronoun.filter((x) => epithetAsPronoun(text, x) === null)), through, genderOf, () => false, isObject) ?? antecedent;
      if (antecedent) {
        g = groupAt(antecedent) ?? null;
        if (!g) {
          // A mention of no span grouped (a pronoun standing for a name): grouped last, as always.
          groupAll(links.take([], antecedent));
          g = speakerGroups.groupOf(antecedent, titleGender(text, antecedent.start));
        }
        groupByMention.set(spanKey(antecedent), g);
      } else if (epithet) g = groupAt(m) ?? null; // "said the 46-year-old", no one named before: a source of its own
    } else if (m) g = groupAt(m) ?? null;
    groups.push(g);
    mentions.push(m);
  }
  return { groups, mentions };
}

/** How far back a description looks for the name it was given to: mentions, and characters. */
const DESCRIBED_LOOK_BACK = 40;
const DESCRIBED_LOOK_BACK_CHARS = 4000;
/** A description of what someone was: it stands for that person only where it was given as such. */
const FORMER = /(?:^|[^\p{L}])(?:former|ex-)/iu;

/**
 * The name a description stands for: the last one before it that was given its noun, before the
 * name ("billionaire Hans Keller", "Former United captain Gary Neville", "The company, Orbital
 * Freight AG,") or in an apposition after it ("Hans Keller, the billionaire who …"). Null when none
 * was: "the spokesman" is someone not named.
 */
function describedBefore(text: string, m: SpeakerMention, named: readonly SpeakerMention[]): SpeakerMention | null {
  // "the Prime Minister" is "the prime minister": a title keeps its capitals (the mention may then be
  // the title alone, "Prime Minister").
  const noun = DESCRIPTION_NOUN.exec(m.text)?.[1] ?? titleAlone(m.text.toLowerCase());
  if (!noun) return null;
  const former = FORMER.test(m.text);
  // The names before the description, the last first (the list is in reading order).
  const lo = firstAtOrAfter(named, m.start);
  // The surname of the person named last: a title matches only that person ("Gov. Alan Marchetti …
  // Marchetti … the governor"), not one named before someone else.
  let lastPerson: string | null = null;
  for (let i = lo - 1; i >= 0 && i >= lo - DESCRIBED_LOOK_BACK; i--) {
    const x = named[i];
    if (!x || m.start - x.end > DESCRIBED_LOOK_BACK_CHARS) break;
    if (x.kind === 'description' || x.kind === 'pronoun') continue;
    const surname = x.kind === 'name' ? x.text.slice(x.text.lastIndexOf(' ') + 1) : null;
    lastPerson ??= surname;
    const lead = text.slice(Math.max(0, x.start - noun.length - 48), x.start);
    // The patterns are read only where the noun is there at all.
    if (lead.includes(noun) && (NOUN_BEFORE_NAME.exec(lead)?.[1] === noun || OPENING_NOUN_BEFORE_NAME.exec(lead)?.[1] === noun)) {
      // "Former United captain Gary Neville" is "the former captain", not "the captain".
      const sentence = lead.slice(Math.max(0, lead.lastIndexOf('. ') + 1, lead.lastIndexOf('\n') + 1));
      if (FORMER.test(sentence) === former) return x;
      continue;
    }
    const after = text.slice(x.end, x.end + 72);
    const apposition = after.startsWith(',') && after.includes(noun) ? appositionGiving(after, noun) : null;
    if (apposition !== null && FORMER.test(apposition) === former) return x;
    // "Gov. Alan Marchetti" for "the governor", "Prime Minister Daniel Harcourt" for "the prime minister".
    if (!former && surname !== null && surname === lastPerson && titleOfName(lead) === noun) return x;
    // "the weather service" for "the National Weather Service", "the company" for "Apex Logistics Inc.".
    if (!former && x.kind === 'organisation' && namesBody(m.text, noun, x.text)) return x;
    // "the statement said" for the one who "released a statement" or "said in a statement".
    if (ISSUED_TEXTS.has(noun) && issued(text, x, noun)) return x;
  }
  return null;
}

/**
 * The last word of a mention made of titles only, perhaps after "the" ("the prime minister", in
 * lower case), or undefined: "the Florida senator" names a state, which the title alone does not.
 */
function titleAlone(lower: string): string | undefined {
  const words = lower.split(' ');
  if (words[0] === 'the') words.shift();
  return words.length <= 3 && words.every((w) => TITLES.has(w)) ? words[words.length - 1] : undefined;
}

/** Texts whose words are their issuer's ("the statement said"). */
const ISSUED_TEXTS = new Set(['statement', 'letter', 'memo', 'release', 'post', 'tweet', 'email', 'note', 'readout']);
/** Characters after a name within which it issues a text ("Harbor Freight Lines said in a statement"). */
const ISSUER_REACH = 48;
/** "said in a statement", "wrote in a letter": a reporting verb through a text, and the two words after the determiner. */
const SAID_IN_TEXT = /^,?\s+(?:\p{Ll}+ly\s+)?(?:said|says|wrote|writes|announced|added|stated|told \S+(?: \S+)?)\s+in\s+(?:a|an|its|his|her|their)\s+(\p{Ll}+)(?:[\s-]+(\p{Ll}+))?/u;

/** Whether `x` issued a text of the noun: it "released a statement" (see DECLINING) or "said in a statement". */
function issued(text: string, x: SpeakerMention, noun: string): boolean {
  if (DECLINERS.has(x)) return text.slice(x.end, x.end + ISSUER_REACH * 2).includes(noun);
  // The noun or its modifier first ("in a statement", "in a written statement").
  const said = SAID_IN_TEXT.exec(text.slice(x.end, x.end + ISSUER_REACH));
  return said !== null && (said[1] === noun || said[2] === noun);
}

/** The title right before a name, spelt out and in lower case ("Gov. " → "governor", "Prime Minister " → "minister"). */
function titleOfName(lead: string): string | null {
  const found = TITLE_BEFORE_NAME.exec(lead);
  const word = found?.[2]?.toLowerCase();
  if (!word) return null;
  // "Vice President Joe Biden" is no "the president", nor "World Bank President Jim Yong Kim": the
  // word before the title must be none, or a title that is no rank below it ("Prime Minister").
  const before = found?.[1]?.toLowerCase();
  if (before && (LOWER_RANKS.has(before) || !TITLES.has(before))) return null;
  return SPELT_TITLES.get(word) ?? (TITLES.has(word) ? word : null);
}

/** A capitalised word, perhaps abbreviated, right before a name, and the capitalised word before it if any. */
const TITLE_BEFORE_NAME = /(?:^|[^\p{L}.])(?:(\p{Lu}\p{Ll}+)\s+)?(\p{Lu}\p{Ll}+)\.?\s+$/u;
/** Words before a title that make it another office ("Vice President", "Deputy Minister"). */
const LOWER_RANKS = new Set(['vice', 'deputy', 'assistant', 'associate', 'under', 'former', 'acting', 'lieutenant', 'interim', 'co']);
/** Titles written short, spelt out. */
const SPELT_TITLES = new Map([
  ['gov', 'governor'], ['sen', 'senator'], ['rep', 'congressman'], ['gen', 'general'], ['lt', 'lieutenant'], ['col', 'colonel'],
  ['capt', 'captain'], ['maj', 'major'], ['adm', 'admiral'], ['sgt', 'sergeant'], ['prof', 'professor'], ['supt', 'superintendent'],
  ['insp', 'inspector'], ['det', 'detective'], ['cllr', 'councillor'], ['rev', 'reverend'],
]);

/** Last words of the names of companies, besides ORGANISATION_ENDINGS. */
const COMPANY_ENDINGS = new Set(['inc', 'inc.', 'corp', 'corp.', 'company', 'co', 'co.', 'group', 'ag', 'sa', 'gmbh', 'nv', 'bv', 'spa', 'oyj', 'ab', 'asa']);
/** Heads of descriptions of a company besides those of business news (see isBusinessHead). */
const COMPANY_HEADS = new Set(['company', 'group', 'business', 'utility']);

/**
 * Whether an organisation's name `body` is what a description (`text`, its noun `noun`) names: the
 * name holds every word of it ("the weather service", "the ministry"), or the description is of a
 * company and the name ends as companies' names do ("the company" for "Halvorsen Motors").
 */
function namesBody(text: string, noun: string, body: string): boolean {
  const words = body.toLowerCase().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if ((COMPANY_HEADS.has(noun) || isBusinessHead(noun)) && (COMPANY_ENDINGS.has(last) || ORGANISATION_ENDINGS.has(last))) return true;
  const own = text.toLowerCase().split(/\s+/).slice(1);
  return own.length > 0 && words.includes(noun) && own.every((w) => words.includes(w));
}

/** "the billionaire", "the former captain": a description whose last word is its noun. */
const DESCRIPTION_NOUN = /^[Tt]he (?:\p{Ll}[\p{Ll}-]* ){0,2}(\p{Ll}[\p{Ll}-]+)$/u;
/** The noun right before a name ("billionaire Hans Keller"). */
const NOUN_BEFORE_NAME = /(?:^|[^\p{L}-])(\p{Ll}[\p{Ll}-]+)\s+$/u;
/**
 * The noun of a description opening its sentence, then a comma, right before a name ("The company,
 * Orbital Freight AG,"); elsewhere such a noun is given to no one ("In the 2012 cable, Stevens reported").
 */
const OPENING_NOUN_BEFORE_NAME = /(?:^|[.!?]\s+|\n)(?:[Tt]he|[Aa]n?)\s+(?:[\p{L}'’-]+\s+){0,2}(\p{Ll}[\p{Ll}-]+),\s+$/u;
/** The article opening an apposition after a name's comma. */
const APPOSITION_OPENING = /^,\s+(?:the|a|an)\s+/;
/** What may follow an apposition's head: what closes or extends it, not a verb ("Trump, the media would call him"). */
const APPOSITION_HEAD_END = /^(?:[,.;]|\s+(?:who|of|at|for|in|and|with|from|on)(?:[^\p{L}]|$)|$)/u;
/** Words an apposition's head may follow. */
const MAX_APPOSITION_MODIFIERS = 3;

/**
 * The apposition after a name, up to its head, when `noun` is that head ("Hans Keller, the
 * billionaire who …", "Gary Neville, a former captain,"); else null.
 */
function appositionGiving(after: string, noun: string): string | null {
  const opening = APPOSITION_OPENING.exec(after);
  if (!opening) return null;
  let at = opening[0].length;
  for (let w = 0; w <= MAX_APPOSITION_MODIFIERS && at < after.length; w++) {
    let end = at;
    while (end < after.length && !/[\s,.;]/.test(after[end] ?? '')) end++;
    if (after.slice(at, end) === noun && APPOSITION_HEAD_END.test(after.slice(end))) return after.slice(0, end);
    while (end < after.length && /[ \t]/.test(after[end] ?? '')) end++;
    if (end === at || /[,.;]/.test(after[end] ?? '')) return null;
    at = end;
  }
  return null;
}

/**
 * Nouns by which the press names a public figure it has named before ("the actress said", "the
 * striker added"); roles that are often someone unnamed ("the spokesman", "the official") are not here.
 */
const EPITHET_NOUNS = new Set(['actress', 'singer', 'rapper', 'star', 'musician', 'comedian', 'comedienne', 'singer-songwriter', 'songwriter', 'novelist', 'filmmaker', 'striker', 'midfielder', 'defender', 'goalkeeper', 'quarterback', 'winger', 'batsman', 'batter', 'pitcher', 'forward', 'sprinter', 'boxer', 'tycoon', 'mogul', 'entrepreneur', 'presenter', 'broadcaster', 'model', 'influencer', 'youtuber']);
/** Epithets of women. */
const FEMALE_EPITHETS = new Set(['actress', 'comedienne']);

/** Names of a nationality that are no people ("the Vatican", "the Taliban"). */
const NOT_NATIONALITIES = new Set(['vatican', 'taliban', 'koran', 'quran', 'sudan', 'iran', 'japan', 'pakistan', 'afghanistan', 'kazakhstan', 'oman', 'yemen', 'lebanon', 'pentagon', 'kremlin', 'republican', 'republicans', 'democrat', 'democrats', 'guardian', 'economist', 'spectator', 'independent', 'telegraph', 'conversation']);

/**
 * A description standing for a person named before, as a pronoun does: "the" and a nationality
 * ("the Dutchman", "the Brazilian", "the Spaniard") or an age ("the 27-year-old"). Returns the
 * pronoun to resolve in its place (its gender from "-man"/"-woman"), or null.
 */
function epithetAsPronoun(text: string, m: SpeakerMention): SpeakerMention | null {
  // Most mentions are longer than any epithet: told without a pattern. The mention may leave its
  // "the" out ("Spaniard"): read before it.
  if (m.kind === 'pronoun' || m.kind === 'organisation' || m.text.length > 40) return null;
  const withThe = /^the /i.test(m.text) ? m.text : /(?:^|[^\p{L}])the $/iu.test(text.slice(Math.max(0, m.start - 5), m.start)) ? `the ${m.text}` : '';
  // "the 27-year-old", "the 34-year-old Oscar nominee", "the Dutchman", "the actress".
  const found = /^[Tt]he (?:(\d{1,3}-year-old)(?: [\p{L}-]+){0,3}|(\p{Lu}\p{Ll}+|\p{Ll}+))$/u.exec(withThe);
  const word = found?.[1] ?? found?.[2];
  if (!word) return null;
  const lowerWord = word.toLowerCase();
  const age = found?.[1] !== undefined;
  const nationality = !age && /^\p{Lu}/u.test(word) && /(?:man|an|ese|ard|ede|ane|i)$/.test(lowerWord) && !NOT_NATIONALITIES.has(lowerWord);
  const epithet = !age && !nationality && EPITHET_NOUNS.has(word);
  if (!age && !nationality && !epithet) return null;
  const pronoun = lowerWord.endsWith('woman') || FEMALE_EPITHETS.has(lowerWord) ? 'she' : lowerWord.endsWith('man') && !lowerWord.endsWith('german') ? 'he' : 'one';
  return { start: m.start, end: m.end, text: pronoun, kind: 'pronoun' };
}

/**
 * Each quote's mention as shown: the whole phrase naming the source ("Vermont Sen. Bernie Sanders"),
 * read once per mention, after the canonical speakers were built from the names alone.
 */
function shownMentions(text: string, lines: readonly Line[], lt: LineTokens, mentions: readonly (SpeakerMention | null)[], attributions: readonly (Attribution | null)[]): (SpeakerMention | null)[] {
  const done = new Map<string, SpeakerMention>();
  // Filled by push, as every per-quote list of the analysis is (see `nullsLike`).
  const shown: (SpeakerMention | null)[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k] ?? null;
    if (!m) {
      shown.push(null);
      continue;
    }
    const cue = attributions[k]?.cue ?? null;
    const key = `${keyOf(m)}:${cue ? cue.start : -1}`;
    let full = done.get(key);
    if (!full) {
      full = fullMention(text, lt.of(lineIndexAt(lines, m.start)), m, cue);
      done.set(key, full);
    }
    shown.push(full);
  }
  return shown;
}

/**
 * Each attribution with the cue nearest its quote: a quote after another of the same sentence is
 * introduced by the verb between them ("said …, ''…,'' adding that ''…''"), not by the first verb.
 * The speaker stays the attribution's.
 */
function nearestCues(text: string, lt: LineTokens, spans: readonly QuoteSpan[], attributions: readonly (Attribution | null)[]): (Attribution | null)[] {
  // Filled by push, as every per-quote list of the analysis is (see `nullsLike`).
  const nearest: (Attribution | null)[] = [];
  for (let k = 0; k < attributions.length; k++) nearest.push(nearestCue(text, lt, spans, attributions[k] ?? null, k));
  return nearest;
}

/** Attribution `a` of quote `k` with the cue nearest the quote (the very attribution where that is its own). */
function nearestCue(text: string, lt: LineTokens, spans: readonly QuoteSpan[], a: Attribution | null, k: number): Attribution | null {
  if (!a) return a;
  // Every field is read here, for each attribution: read only where a closer cue is found (rarely),
  // the reads would have no type feedback yet.
  const { mention, cue, confidence, evidence, inherited } = a;
  const q = spans[k];
  if (!cue || !q || cue.end > q.open) return a;
  const prev = k > 0 ? spans[k - 1] : undefined;
  const from = prev && prev.endLineIndex === q.lineIndex && prev.end > cue.end ? prev.end : cue.end;
  const tokens = lt.of(q.lineIndex);
  if (cue.start < (tokens[0]?.start ?? 0)) return a;
  const closer = closerCue(text, tokens, from, q.open);
  if (!closer || closer.start <= cue.start) return a;
  return attribution(mention, closer, confidence, evidence, inherited); // not a spread copy: that has a shape of its own
}

/** "“…,” Walker said, according to a news agency": the cue of the source that relays the speaker's words. */
function relayCues(text: string, lines: readonly Line[], lt: LineTokens, quotes: readonly Quote[]): Cue[] {
  const out: Cue[] = [];
  const seen = new Set<number>();
  for (const q of quotes) {
    const cue = q.cue;
    if (!cue || seen.has(cue.start)) continue;
    seen.add(cue.start);
    const relay = relayCueAfter(text, lt.of(lineIndexAt(lines, cue.start)), cue.end);
    if (relay) out.push(relay);
  }
  return out;
}

/**
 * `"Museum gets a new director," by Jane Roe: "Ms. Smith, 48, has led …"`: the passage of a piece
 * quoted right after its headline and byline is the piece's text, not anyone's speech.
 */
function isExcerptOfPiece(text: string, q: QuoteSpan, previous: QuoteSpan | undefined): boolean {
  if (!previous || previous.close === null || previous.lineIndex !== q.lineIndex || !isHeadlineOfPiece(text, previous)) return false;
  const between = text.slice(previous.close + previous.closeLen, q.open);
  return between.length <= 80 && /:\s*$/.test(between);
}

/** Nothing but spaces from `from` back to the start of its line (bounded look). */
function startsLine(text: string, from: number): boolean {
  for (let i = from - 1; i >= 0 && from - i <= 8; i--) {
    const c = text[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\u00A0') return false;
  }
  return from <= 8 && text.slice(0, from).trim() === '';
}

/** Nothing but spaces and closing punctuation from `from` to the end of its line (bounded look). */
function endsLine(text: string, from: number): boolean {
  for (let i = from; i < text.length && i - from <= 8; i++) {
    const c = text[i] ?? '';
    if (c === '\n' || c === '\r') return true;
    if (!/[\s.,:;!?]/u.test(c)) return false;
  }
  return text.length - from <= 8 && /^[\s.,:;!?]*$/u.test(text.slice(from));
}

/**
 * `'A really tough decision.'` alone on its line: a paragraph that is nothing but a single-quoted
 * phrase is a heading drawn from the piece (a pull quote between sections), not a new quote; so is a
 * short quoted label ending in a colon.
 */
function isQuotedHeading(text: string, q: QuoteSpan): boolean {
  if (q.close === null || !startsLine(text, q.open) || !endsLine(text, q.close + q.closeLen)) return false;
  if (q.family === 'single') return true;
  // `"Related":` alone on its line: a short label that introduces what follows.
  const colon = text[q.close + q.closeLen] === ':' || /:\s*$/u.test(text.slice(q.start, q.close));
  return colon && q.end - q.start <= 30 && countWords(text.slice(q.start, q.end)).words <= 3;
}

/** Personal pronouns: quoted alone they are words talked about (because “she” is a “he”), never words said. */
const PRONOUNS = new Set(['i', 'me', 'you', 'he', 'him', 'she', 'her', 'it', 'we', 'us', 'they', 'them']);

function isQuotedPronoun(text: string, q: QuoteSpan): boolean {
  if (q.end - q.start > 6) return false;
  let e = q.end;
  while (e > q.start && '.,!?;:'.includes(text[e - 1] ?? '')) e--;
  return PRONOUNS.has(text.slice(q.start, e).toLowerCase());
}

/** Words before a quote that say its words were chanted, shouted or written on a sign or hat. */
const SLOGAN_INTRODUCERS = new Set(['chant', 'chants', 'chanting', 'chanted', 'slogan', 'message', 'reading', 'read', 'cries', 'cry', 'shouts', 'shouting', 'shouted']);

/** `chants of “Lock Her Up!”`, `a hat reading “Make It Great Again”`: a slogan in Title Case is still words said. */
function isSlogan(text: string, q: QuoteSpan, exclamationTells: boolean): boolean {
  if (exclamationTells && text.slice(q.start, q.end).includes('!')) return true;
  let word = wordBefore(text, q.open);
  // chants of “…”: the word before “of” says it.
  if (word.text === 'of') word = wordBefore(text, word.start);
  return SLOGAN_INTRODUCERS.has(word.text);
}

/** The word before `pos` past spaces, commas and colons, lower case, with its start (bounded look). */
function wordBefore(text: string, pos: number): { text: string; start: number } {
  let i = pos;
  while (i > 0 && pos - i < 8 && /[\s,:]/u.test(text[i - 1] ?? '')) i--;
  let j = i;
  while (j > 0 && i - j < 24 && isLetter(text[j - 1])) j--;
  return { text: text.slice(j, i).toLowerCase(), start: j };
}


/** Without a source, short phrases, single-quoted phrases and Title Case names of works are not speech. */
function isSpeech(text: string, q: QuoteSpan, a: Attribution | null, previous: QuoteSpan | undefined, speechWords: LineWords): boolean {
  if (!a && (isQuotedModifier(text, q) || isWordSetApart(text, q, speechWords))) return false;
  if (!a && (q.family === 'single' || countWords(text.slice(q.start, q.end)).words < MIN_WORDS_UNATTRIBUTED || (isTitleCase(text, q.start, q.end) && !isSlogan(text, q, true)))) return false;
  return !isNameOfWork(text, q) && !isScareQuote(text, q) && !isExcerptOfPiece(text, q, previous) && !isQuotedHeading(text, q) && !isQuotedPronoun(text, q);
}

/** The quotes, speakers and cues of the analysis from the attributed spans. */
function assemble(text: string, spans: readonly QuoteSpan[], attributions: readonly (Attribution | null)[], groups: readonly (SpeakerGroup | null)[], mentions: readonly (SpeakerMention | null)[], relaysOf: (quotes: readonly Quote[]) => Cue[]): Omit<Analysis, 'noise'> {
  // Speakers: only those with quotes (a quote found to be no speech names no one), ids in order of first mention.
  // By push, not `map`: an array made by `map` has another elements kind where the caller runs optimized.
  const speech: boolean[] = [];
  const speechWords = speechWordsOf(text);
  for (let k = 0; k < spans.length; k++) {
    const q = spans[k];
    speech.push(q !== undefined && isSpeech(text, q, attributions[k] ?? null, k > 0 ? spans[k - 1] : undefined, speechWords));
  }
  const used = [...new Set(groups.filter((g, k): g is SpeakerGroup => g !== null && speech[k] === true))].sort((x, y) => x.firstStart - y.firstStart);
  const idOf = new Map<SpeakerGroup, string>();
  used.forEach((g, i) => idOf.set(g, `s${i}`));
  const mentionsOf = new Map<SpeakerGroup, Map<string, SpeakerMention>>();
  const quotes: Quote[] = [];
  const cues = new Map<string, Cue>();
  for (let k = 0; k < spans.length; k++) {
    const q = spans[k];
    const a = attributions[k] ?? null;
    const g = groups[k] ?? null;
    const m = mentions[k] ?? null;
    if (!q || !speech[k]) continue;
    const evidence: Evidence[] = [...q.evidence, ...(a ? a.evidence : [{ rule: 'no-source', detail: 'no reporting cue or source found nearby' }])];
    if (g && m) {
      let ms = mentionsOf.get(g);
      if (!ms) {
        ms = new Map<string, SpeakerMention>();
        mentionsOf.set(g, ms);
      }
      ms.set(keyOf(m), m);
      if (m.kind === 'pronoun') evidence.push({ rule: 'pronoun', detail: `“${m.text}” refers back to ${g.name}` });
    }
    if (a?.cue) cues.set(`${a.cue.start}:${a.cue.end}`, a.cue);
    const base = q.close !== null ? 0.95 : 0.75;
    const confidence = Math.round(base * (a ? a.confidence : 0.5) * 100) / 100;
    quotes.push({ start: q.start, end: q.end, speakerId: g ? (idOf.get(g) ?? null) : null, mention: m, cue: a?.cue ?? null, confidence, evidence });
  }
  for (const c of relaysOf(quotes)) cues.set(`${c.start}:${c.end}`, c);
  const speakers: Speaker[] = [];
  for (const g of used) {
    speakers.push({ id: idOf.get(g) ?? '', name: g.name, mentions: [...(mentionsOf.get(g)?.values() ?? [])].sort((x, y) => x.start - y.start) });
  }
  return { quotes, speakers, cues: [...cues.values()].sort((x, y) => x.start - y.start) };
}

/**
 * Finds quotes, their speakers and cues, and the boilerplate lines of an article, or of each
 * article of an archive export. Pure: no I/O, never throws on any string; cost linear in the text.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeArchive(text, analyzeArticle, options);
}

/** One ordinary article, never split (the unit an incremental re-analysis works in). */
export function analyzeArticle(text: string): Analysis {
  const lines = splitLines(text);
  const noise: NoiseLine[] = findBoilerplate(lines);
  // Quotes are dropped only on lines that are surely not article text.
  const surelyNoise = surelyBoilerplateLines(lines, noise);
  const isNoiseLine = (i: number): boolean => surelyNoise[i] === 1;
  const spans = findQuotes(text, lines).filter((q) => !isNoiseLine(q.lineIndex));
  // No quote: no attribution, speaker or cue can be reported (cues are those of quotes), so the
  // article's words are not read at all.
  if (spans.length === 0) return { quotes: [], speakers: [], cues: [], noise };
  // Every line not surely boilerplate is read for attributions (attributionEvents): its tokens are kept.
  const lt = new LineTokens(text, lines, (i) => !isNoiseLine(i));
  const { events, byLine } = attributionEvents(text, lines, lt, spans, isNoiseLine);
  const attributions = nearestCues(text, lt, spans, attributeAll({ text, lines, lt, spans, eventsByLine: byLine, isNoiseLine }));
  const { groups, mentions } = speakerGroupsOf(text, lines, lt, events, attributions, isNoiseLine);
  const shown = shownMentions(text, lines, lt, mentions, attributions);
  const { quotes, speakers, cues } = assemble(text, spans, attributions, groups, shown, (quotes) => relayCues(text, lines, lt, quotes));
  // The same literal as the early return above: every analysis has one shape.
  return { quotes, speakers, cues, noise };
}
