// The full extent of a speaker mention: the name the attribution rules read ("Jeff Weaver") widened
// to the whole phrase that names the source in the sentence, with its titles, modifiers and
// appositive ("Sanders' campaign manager, Jeff Weaver,", "Vermont Sen. Bernie Sanders (I)",
// "Dean Johnson, a 55-year-old salesman from Sumter, South Carolina,"). The name itself stays the
// mention's `head`; canonical speakers are built from heads only.
import type { Span, SpeakerMention } from './types';
import type { Token } from './text';
import { isCapitalised } from './text';
import { DETERMINERS, PRONOUNS, REPORTING_VERBS, ROLE_NOUNS, STOP_WORDS, TITLES, WEEKDAYS_AND_MONTHS } from './lexicon';
import { NAME_PARTICLES, affiliationEnd, isText, lower, tokenIs } from './mentions';

/** Tokens read on either side of the name: an appositive longer than this is a clause, not a description. */
const MAX_PREFIX_TOKENS = 12;
const MAX_APPOSITIVE_TOKENS = 40;
const MAX_PARENTHESIS_TOKENS = 8;

/** Lower-case words that modify a title before a name ("former", "retired Army Lt. Gen."). */
const PREFIX_MODIFIERS = new Set(['former', 'retired', 'late', 'then', 'longtime', 'top', 'senior', 'junior', 'veteran', 'incoming', 'outgoing', 'interim', 'acting', 'new', 'fellow', 'current', 'ex', 'future', 'would-be', 'freshman']);
/** Lower-case nouns that say who a person is, beyond the titles and roles of the lexicon ("political scientist Jane Roe"). */
const PERSON_NOUNS = new Set([
  'front-runner', 'frontrunner', 'hopeful', 'contender', 'scientist', 'historian', 'pollster', 'widow', 'widower', 'veteran', 'consultant',
  'operative', 'friend', 'wife', 'husband', 'son', 'daughter', 'brother', 'sister', 'colleague', 'partner', 'researcher', 'organizer',
  'organiser', 'donor', 'fundraiser', 'ally', 'rival', 'opponent', 'challenger', 'incumbent', 'lobbyist', 'businessman', 'businesswoman',
  'billionaire', 'mogul', 'entrepreneur', 'commentator', 'pundit', 'blogger', 'journalist', 'filmmaker', 'actor', 'actress', 'singer',
  'comedian', 'rapper', 'star', 'activist', 'delegate', 'chairwoman', 'congressman', 'congresswoman', 'sen', 'rep', 'gop', 'pastor',
  'attorney', 'lawyer', 'spokesperson', 'aide', 'adviser', 'advisor', 'expert', 'specialist', 'fellow', 'economist', 'columnist',
  'nephew', 'niece', 'cousin', 'uncle', 'aunt', 'grandson', 'granddaughter', 'grandfather', 'grandmother', 'stepfather', 'stepmother',
]);
/** Role nouns of the lexicon that name a thing or a body, never the person before a comma ("In a statement, Jane Roe, said"). */
const NOT_PERSON = new Set(['statement', 'memo', 'document', 'letter', 'ruling', 'complaint', 'report', 'survey', 'poll', 'study', 'campaign', 'government', 'administration', 'agency', 'ministry', 'group', 'groups', 'authorities', 'authority', 'organisation', 'organization', 'police', 'people', 'state', 'defense', 'defence', 'interior', 'finance', 'health', 'press', 'prime', 'foreign', 'deputy', 'vice', 'majority', 'minority']);
/** Capitalised words that open a sentence or a clause and never belong to a name's phrase. */
const NOT_IN_PHRASE = new Set([
  'but', 'and', 'or', 'so', 'yet', 'although', 'though', 'because', 'when', 'while', 'if', 'as', 'since', 'after', 'before', 'until',
  'meanwhile', 'however', 'still', 'instead', 'indeed', 'moreover', 'also', 'even', 'now', 'then', 'here', 'there', 'today', 'yesterday',
  "here's", 'here’s', "there's", 'there’s', "that's", 'that’s', "what's", 'what’s', "it's", 'it’s', "let's", 'let’s', 'where', 'why', 'how',
  'said', 'says', 'according', 'asked', 'told', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'to', 'of', 'during', 'over', 'under',
]);
/** Words that open an appositive after a name: who the person is ("a spokesman", "who heads", "of Raleigh"). */
const APPOSITIVE_OPENERS = new Set(['a', 'an', 'the', 'who', 'whose', 'one', 'another', 'of', 'his', 'her', 'their', 'its', 'then', 'now', 'both', 'himself', 'herself', 'also']);
/** Words after a name's comma that start something else: a participle phrase, a time, a place of speaking. */
const NOT_APPOSITIVE = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'speaking', 'asked', 'writing', 'however', 'meanwhile', 'though', 'too', 'for', 'with', 'and', 'but', 'or', 'which', 'that', 'according', 'in a']);
/** Every quote mark the quote finder reads (quotes.ts), straight, curly, low, angle and full-width. */
const QUOTE_MARKS = /^["\u201C\u201D\u201E\u201F\u00AB\u00BB\u2018\u2019\u201A\u201B\u2039\u203A\uFF02'`]$/;
const CLAUSE_END = new Set(['.', '!', '?', ';', ':', '\u2014', '\u2013', '(', ')', '[', ']']);

/** Index of the token whose `edge` (start, or exclusive end) is at `offset`, or -1. Binary search: tokens are sorted. */
function tokenWithEdgeAt(tokens: readonly Token[], offset: number, edge: 'start' | 'end'): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (!t) return -1;
    const at = t[edge];
    if (at === offset) return mid;
    if (at < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const tokenAt = (tokens: readonly Token[], offset: number): number => tokenWithEdgeAt(tokens, offset, 'start');
const tokenEndingAt = (tokens: readonly Token[], offset: number): number => tokenWithEdgeAt(tokens, offset, 'end');

function isPossessiveWord(t: Token): boolean {
  return /\p{L}['’]s?$/u.test(t.text);
}

/** The dot of an abbreviated title or initial ("Sen.", "Lt.", "J."). */
function isAbbreviationDot(tokens: readonly Token[], i: number): boolean {
  if (i < 1 || i >= tokens.length) return false;
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (!t || t.text !== '.' || !prev || prev.end !== t.start || prev.type !== 'word') return false;
  return TITLES.has(`${prev.lower}.`) || /^\p{Lu}$/u.test(prev.text) || /^(jr|sr|st)$/.test(prev.lower);
}

function isOfficeWord(w: string): boolean {
  return TITLES.has(w) || ROLE_NOUNS.has(w) || PERSON_NOUNS.has(w);
}

/** A lower-case word that may modify an office ("presidential", "communications", "9/11", "Sanders-backed"); not a verb or a function word. */
function isModifierWord(w: string): boolean {
  if (STOP_WORDS.has(w) || REPORTING_VERBS.has(w) || NOT_IN_PHRASE.has(w) || /(ed|ing|ly)$/.test(w)) return false;
  return true;
}

function isPersonOffice(w: string): boolean {
  return isOfficeWord(w) && !NOT_PERSON.has(w);
}

/** A capitalised word that may stand in a name's phrase: not a sentence opener, a day or a pronoun. */
function isPhraseCapital(t: Token): boolean {
  const w = t.lower;
  // "New" opens many names of places ("New Jersey Gov. Chris Christie").
  return t.type === 'word' && isCapitalised(t.text) && !NOT_IN_PHRASE.has(w) && !WEEKDAYS_AND_MONTHS.has(w) && !PRONOUNS.has(w) && !REPORTING_VERBS.has(w) && (!STOP_WORDS.has(w) || w === 'new');
}

/**
 * First token of the phrase before the name at `first`: titles and modifiers ("Vermont Sen.",
 * "Republican presidential front-runner", "former secretary of state"), an article ("the Times"),
 * and an appositive title before a comma ("Sanders' campaign manager, Jeff Weaver,").
 */
function prefixStart(tokens: readonly Token[], first: number, min: number, commaAfterName: boolean): number {
  let s = first;
  // An office word to the right: lower-case modifiers and an article count only before one ("the former governor").
  let sawOffice = false;
  for (let i = first - 1; i >= min && first - i <= MAX_PREFIX_TOKENS; i--) {
    const t = tokens[i];
    if (!t) break;
    if (isAbbreviationDot(tokens, i)) continue;
    const w = t.lower;
    if (t.type !== 'word') break;
    if (DETERMINERS.has(w) && w !== 'one' && !PRONOUNS.has(w)) {
      // "the Times", "a Clinton aide", "his lawyer Jane Roe": the article opens the phrase.
      if (sawOffice || (w === 'the' && s < first) || (w === 'the' && /^\p{Lu}/u.test(tokens[first]?.text ?? '') && first - i === 1)) s = i;
      break;
    }
    // "secretary of state Hillary Clinton": a connector between two words of an office.
    if (w === 'of' && sawOffice && i - 1 >= min && isOfficeWord(lower(tokens[i - 1]))) continue;
    if (NAME_PARTICLES.has(w) && i + 1 === s && isCapitalised(tokens[i + 1]?.text ?? '')) {
      s = i;
      continue;
    }
    if (isPhraseCapital(t)) {
      if (TITLES.has(w) || TITLES.has(`${w}.`) || isOfficeWord(w)) sawOffice = true;
      s = i;
      continue;
    }
    if (isCapitalised(t.text)) break;
    if (isOfficeWord(w)) sawOffice = true;
    else if (!sawOffice || !isModifierWord(w)) break;
    s = i;
  }
  if (s === first && commaAfterName && isText(tokens[first - 1], ',')) {
    // "Apple's chief executive, Tim Cook, said": the title before the comma is the same person.
    const head = tokens[first - 2];
    if (head && isPersonOffice(head.lower) && !isCapitalised(head.text)) {
      const p = prefixStart(tokens, first - 1, min, false);
      if (p <= first - 2) return p;
    }
  }
  return s;
}

/** Last token of a parenthesis or party tag right after the name ("(R-Ky.)", "(D)"), else `last`. */
function tagEnd(tokens: readonly Token[], given: number, max: number): number {
  // "Casey Jr. (D-Pa.)": the dot of an abbreviation before the parenthesis.
  const last = isAbbreviationDot(tokens, given + 1) ? given + 1 : given;
  if (!tokenIs(tokens, last + 1, '(')) return given;
  for (let i = last + 2; i <= max && i - last <= MAX_PARENTHESIS_TOKENS; i++) {
    const t = tokens[i];
    if (!t || QUOTE_MARKS.test(t.text)) return given;
    if (t.text === ')') return i;
  }
  return given;
}

/** Whether the words after a name's comma describe the person ("a spokesman for", "who heads", "55"). */
function opensAppositive(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.type !== 'word') return false;
  const w = t.lower;
  // Read once for both tests below, and so whatever the word is (a call made only for words in -ed has no feedback to go on).
  const capitalised = isCapitalised(t.text);
  if (NOT_APPOSITIVE.has(w) || REPORTING_VERBS.has(w) || /ing$/.test(w) || (/ed$/.test(w) && !capitalised)) return false;
  if (APPOSITIVE_OPENERS.has(w) || TITLES.has(w) || ROLE_NOUNS.has(w) || PREFIX_MODIFIERS.has(w) || /^\d{1,3}$/.test(w)) return true;
  // "R-Ky.", "Sanders' campaign manager", "Trump’s former lawyer".
  return /^[RDI]-\p{Lu}/u.test(t.text) || isPossessiveWord(t) || (capitalised && (isOfficeWord(lower(tokens[i + 1])) || /^(of|from)$/.test(lower(tokens[i + 1]))));
}

/**
 * Last token of an appositive after the name at `last`. Before the verb ("X, a spokesman, said")
 * the appositive is everything up to the comma before the verb; after it ("said X, a spokesman
 * for Y.") it runs to the end of the clause, and so it does before a participle after its comma
 * ("X, a Clinton supporter, praised Sanders …, calling him “…”"): the clause's own verb stands
 * between.
 */
function appositiveEnd(tokens: readonly Token[], last: number, max: number, verbAfter: number | null): number {
  if (!tokenIs(tokens, last + 1, ',') || !opensAppositive(tokens, last + 2)) return last;
  const participle = verbAfter !== null && tokenIs(tokens, verbAfter - 1, ',') && /ing$/.test(lower(tokens[verbAfter]));
  if (verbAfter !== null && !participle) {
    // Up to the comma right before the verb, skipping adverbs ("X, a spokesman, also said").
    let c = verbAfter - 1;
    while (c > last + 1 && tokens[c]?.type === 'word' && c > verbAfter - 3) c--;
    if (!isText(tokens[c], ',') || c - last > MAX_APPOSITIVE_TOKENS) return last;
    for (let i = last + 2; i < c; i++) if (QUOTE_MARKS.test(tokens[i]?.text ?? '') || CLAUSE_END.has(tokens[i]?.text ?? '')) return last;
    return c - 1;
  }
  let e = last;
  for (let i = last + 2; i <= max && i - last <= MAX_APPOSITIVE_TOKENS; i++) {
    const t = tokens[i];
    // "Jane Roe, 24, a student from Fresno": an age is followed by more of the appositive.
    if (t && t.text === ',' && i === last + 3 && /^\d{1,3}$/.test(tokens[i - 1]?.text ?? '') && opensAppositive(tokens, i + 1)) continue;
    // A quote opening before the appositive closes: the words were the clause of the quote
    // ("According to Senator Roe, the plan is “…”"), not a description of the person.
    if (t && QUOTE_MARKS.test(t.text)) return last;
    if (!t || t.text === ',' || (CLAUSE_END.has(t.text) && !isAbbreviationDot(tokens, i))) return e;
    e = i;
  }
  return last;
}

/**
 * The mention widened to the whole phrase naming its source, within `tokens` (the mention's line)
 * and never over the cue or a quotation mark. Pronouns and relative pronouns stay as they are.
 */
export function fullMention(text: string, tokens: readonly Token[], m: SpeakerMention, cue: Span | null): SpeakerMention {
  if (m.kind === 'pronoun') return m;
  const first = tokenAt(tokens, m.start);
  const last = tokenEndingAt(tokens, m.end);
  if (first < 0 || last < first) return m;
  // The cue bounds the phrase: before the mention ("said X") or after it ("X said").
  let min = 0;
  let max = tokens.length - 1;
  let verbAfter: number | null = null;
  let afterCue = -1;
  if (cue && cue.end <= m.start) {
    const c = tokenEndingAt(tokens, cue.end);
    if (c >= 0) min = afterCue = c + 1;
  } else if (cue && cue.start >= m.end) {
    const c = tokenAt(tokens, cue.start);
    if (c >= 0) {
      max = c - 1;
      verbAfter = c;
    }
  }
  // A quote mark before the name ends what may open the mention; only as far back as a prefix reaches
  // is looked at, so that a long line of quotes is not read back to its start for each mention.
  for (let i = first - 1; i >= min && first - i <= MAX_PREFIX_TOKENS; i--) if (QUOTE_MARKS.test(tokens[i]?.text ?? '')) min = i + 1;
  const commaAfter = tokenIs(tokens, last + 1, ',');
  const start = prefixStart(tokens, first, min, commaAfter && verbAfter !== null);
  let end = tagEnd(tokens, last, max);
  // Only a mention whose verb is next to it takes an appositive: elsewhere the comma may start anything.
  if (verbAfter !== null || start === afterCue) end = appositiveEnd(tokens, affiliationEnd(tokens, end, max), max, verbAfter);
  if (start === first && end === last) return m;
  const a = tokens[start];
  const b = tokens[end];
  if (!a || !b) return m;
  return { start: a.start, end: b.end, text: text.slice(a.start, b.end), kind: m.kind, head: m.text };
}
