// Reads the phrase that names a source around a reporting verb: a name with its titles stripped,
// an organisation, a description ("a Turkish security official") or a pronoun.
import type { MentionKind, SpeakerMention } from './types';
import type { Token } from './text';
import { isAsciiDigitCode, isCapitalised, isLetterOrDigitCode, isLower, isSpaceCode, isUpper, isUpperCode, tokenIndexAt } from './text';
import { DETERMINERS, IRREGULAR_PAST, MORE_OPENERS, ORGANISATION_ENDINGS, ORGANISATION_WORDS, PLACES, POSTMODIFYING_PARTICIPLES, PRONOUNS, ROLE_NOUNS, SKIPPABLE_BEFORE_VERB, STOP_WORDS, SUBORDINATING_CONJUNCTIONS, TITLES, WEEKDAYS_AND_MONTHS, isGivenName, isNameSuffix, isOccupation } from './lexicon';

/** Lower-case words allowed inside a name ("Committee of the Red Cross"); never "and", which joins two people. */
/** Lower-case particles inside a name ("Bill de Blasio", "Erik ten Hag", "Ursula von der Leyen"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'del', 'della', 'da', 'di', 'dos', 'das', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'der', 'den', 'ten', 'ter', 'du', 'la', 'le']);
const NAME_CONNECTORS = new Set(['of', 'the', 'for', 'on', ...NAME_PARTICLES]);
/** The length of the longest of `NAME_CONNECTORS`. */
const MAX_CONNECTOR_LENGTH = Math.max(...[...NAME_CONNECTORS].map((w) => w.length));
/** Longer capitalised runs are headlines or shouting, not names; the bound keeps the cost linear. */
const MAX_NAME_TOKENS = 10;
const MAX_PERSON_WORDS = 3;
/** Tokens (punctuation and quoted words included) read while looking for the subject of a clause. */
const MAX_CLAUSE_TOKENS = 60;
/** Function words that end a description read backwards. */
const STOP_WORDS_IN_DESCRIPTION = new Set(['and', 'or', 'but', 'that', 'which', 'who', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'not', 'it', 'this', 'these', 'those', 'than', 'then', 'when', 'while', 'if']);
/** Sentence openers that are capitalised but never part of a name. */
const DISCOURSE_WORDS = new Set(['meanwhile', 'however', 'still', 'instead', 'indeed', 'moreover', 'furthermore', 'nevertheless', 'nonetheless', 'otherwise', 'afterward', 'afterwards', 'later', 'earlier', 'today', 'yesterday', 'tonight', 'now', 'here', 'there', 'yes', 'well', 'please', 'thanks', 'without', 'even', 'perhaps', 'maybe', 'unfortunately', 'ironically', 'similarly', 'likewise', 'finally', 'first', 'second', 'third', 'last', 'next', 'again', 'yet', 'thus', 'hence', 'so', 'besides', 'instead', 'wait', 'hours', 'days', 'weeks', 'months', 'years', 'minutes']);
const PREPOSITIONS = new Set([
  'during', 'after', 'before', 'in', 'on', 'at', 'of', 'for', 'with', 'from', 'to', 'by', 'about', 'over', 'under', 'since', 'until', 'through',
  'into', 'against', 'like', 'across', 'around', 'among', 'amid', 'despite', 'throughout', 'within', 'without', 'beyond', 'outside', 'inside',
  'behind', 'toward', 'towards', 'upon', 'following',
]);
/** Words after which a name is an object: of a preposition or of a verb of speaking to someone. */
const OBJECT_MARKERS = new Set(['to', 'on', 'about', 'at', 'told', 'asked', 'tells', 'asks', 'telling', 'asking']);
const PREPOSITIONS_AFTER_ROLE = new Set(['for', 'of', 'at', 'with', 'from', 'in', 'to']);
/** "a person familiar with the matter", "people close to the family", "an official briefed on the talks". */
const ANONYMOUS_SOURCE_NOUNS = new Set(['person', 'people', 'source', 'sources', 'official', 'officials', 'aide', 'aides', 'executive', 'executives', 'diplomat', 'diplomats']);
const ANONYMOUS_SOURCE_QUALIFIERS = new Set(['familiar', 'close', 'briefed', 'knowledgeable', 'involved', 'informed', 'speaking']);
export const PREPOSITIONS_AFTER_ANONYMOUS = new Set([...PREPOSITIONS_AFTER_ROLE, 'on', 'about']);

/**
 * The name each relative pronoun stands for ("Stevie Wonder" for the "who" of "Stevie Wonder, who
 * joked"), kept beside the mention rather than in it: every mention then has the same fields, and
 * code reading mentions never meets a second shape.
 */
const ANTECEDENTS = new WeakMap<SpeakerMention, SpeakerMention>();

export function antecedentOf(m: SpeakerMention): SpeakerMention | null {
  return ANTECEDENTS.get(m) ?? null;
}

export function lower(t: Token | undefined): string {
  return t ? t.lower : '';
}

/**
 * Whether the token is exactly `s` (false for no token). Token texts come as strings of several
 * kinds (a punctuation mark is a shared one-character string, a word a slice of the article): this
 * one comparison, shared by every rule, has met them all, whereas a test of its own that had met
 * only punctuation would throw away the optimized code of its function the first time a word came.
 */
export function isText(t: Token | undefined, s: string): boolean {
  return t !== undefined && t.text === s;
}

/** Whether token `i` exists and is written `s` (the range checked rather than read past; the comparison is isText's). */
export function tokenIs(tokens: readonly Token[], i: number, s: string): boolean {
  return i >= 0 && i < tokens.length && isText(tokens[i], s);
}

/** Token `i` in lower case, '' past either end of the line (the range is checked rather than read past). */
export function lowerAt(tokens: readonly Token[], i: number): string {
  return i >= 0 && i < tokens.length ? lower(tokens[i]) : '';
}

function isNameWord(t: Token | undefined): boolean {
  // A capitalised word never starts with a digit; most words are rejected here, before any string is made.
  if (!t || t.type !== 'word' || !isCapitalised(t.text)) return false;
  return isNoDayNorContraction(t.lower, t.lower, 0, t.lower.length);
}

/**
 * `isNameWord` of a token of `text` (tokens made from that text): its first character read from
 * the text itself (one string for every token), so that lower-case words and marks, most of a line,
 * are rejected on that character alone.
 */
function isNameWordIn(text: string, t: Token | undefined): boolean {
  if (t === undefined || !isUpperCode(text.charCodeAt(t.start)) || t.type !== 'word') return false;
  return isNoDayNorContraction(t.lower, text, t.start, t.end);
}

/**
 * Whether a capitalised word, `w` in lower case and written at `written[start, end)`, is neither a
 * weekday or month nor a pronoun and a verb ("It's", "I'm", "He'd": each of those is one to five
 * letters long, so without an apostrophe there the pattern cannot match). Where the pattern matches
 * `w`, the letters before the apostrophe are ASCII: it stands at the same place in the word as written.
 */
function isNoDayNorContraction(w: string, written: string, start: number, end: number): boolean {
  if (WEEKDAYS_AND_MONTHS.has(w)) return false;
  return !(apostropheWithinFive(written, start, end) && CONTRACTION.test(w));
}

/** "It's", "I'm", "He'd" (lower case): a pronoun and a verb, not a name. */
const CONTRACTION = /^(it|i|he|she|we|they|you|that|there|this|what)['’]/;

/** Whether one of the characters 1 to 5 of the word at `s[start, end)` is an apostrophe, straight or curly. */
function apostropheWithinFive(s: string, start: number, end: number): boolean {
  const last = end - 1 < start + 5 ? end - 1 : start + 5;
  for (let k = start + 1; k <= last; k++) {
    const c = s.charCodeAt(k);
    if (c === 39 || c === 0x2019) return true;
  }
  return false;
}

function isConnector(t: Token | undefined): boolean {
  // Most words are longer than any connector: told by their extent, without looking the word up.
  return t !== undefined && t.type === 'word' && t.end - t.start <= MAX_CONNECTOR_LENGTH && NAME_CONNECTORS.has(t.text);
}

/** `/['’]s$/i` or `/s['’]$/` on the token's text, read on its last two code units. */
function isPossessive(t: Token): boolean {
  const w = t.text;
  const n = w.length;
  if (n < 2) return false;
  const y = w.charCodeAt(n - 2);
  const z = w.charCodeAt(n - 1);
  return ((y === 39 || y === 0x2019) && (z === 115 || z === 83)) || (y === 115 && (z === 39 || z === 0x2019));
}

/** The dot of a title ("Sen.") or of a middle initial ("James B. Comey"), inside a name. */
function isTitleAbbrevDot(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (t === undefined || t.text !== '.' || prev === undefined || prev.end !== t.start) return false;
  return TITLE_STEMS.has(prev.lower) || /^\p{Lu}$/u.test(prev.text);
}

/** The titles written with a dot ("sen."), without it: `TITLE_STEMS.has(w)` is `TITLES.has(w + '.')` with no string made. */
const TITLE_STEMS = new Set([...TITLES].filter((t) => t.endsWith('.')).map((t) => t.slice(0, -1)));

/** Token range of the capitalised run ending at `end` (inclusive), reading backwards. */
export function nameRunBackward(tokens: readonly Token[], end: number, min: number): [number, number] | null {
  if (!isNameWord(tokens[end])) return null;
  return [nameRunStart(tokens, end, min), end];
}

/** Where the capitalised run ending at the name word `end` starts (`nameRunBackward` without the pair). */
function nameRunStart(tokens: readonly Token[], end: number, min: number): number {
  let start = end;
  let i = end - 1;
  while (i >= min && end - i <= MAX_NAME_TOKENS) {
    const t = tokens[i];
    if (!t) break;
    if (isNameWord(t) && !isPossessive(t)) {
      start = i;
      i--;
      continue;
    }
    if (isTitleAbbrevDot(tokens, i)) {
      i--;
      continue;
    }
    if (isPluralPossessiveMark(tokens, i) && BODIES_AFTER_PLURAL_POSSESSIVE.has(lower(tokens[end]))) {
      // "the Canadian Home Builders' Association": the owners' apostrophe inside the body's name.
      i--;
      continue;
    }
    if (isConnector(t)) {
      // "Committee of the Red Cross": up to two connectors between capitalised words.
      const skip = isConnector(tokens[i - 1]) ? 2 : 1;
      if (i - skip >= min && isNameWord(tokens[i - skip])) {
        i -= skip;
        continue;
      }
    }
    break;
  }
  return start;
}

/** Bodies whose names hold their members' plural possessive ("Builders' Association", "Teamsters' Union"). */
const BODIES_AFTER_PLURAL_POSSESSIVE = new Set(['association', 'union', 'federation', 'league', 'alliance', 'council', 'fund', 'guild', 'club', 'coalition', 'caucus', 'conference', 'society', 'brotherhood']);

/** The apostrophe at token `i` closes a capitalised plural written right before it ("Builders'"). */
function isPluralPossessiveMark(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const before = tokens[i - 1];
  if (!t || !before || t.type !== 'punct' || (t.text !== "'" && t.text !== '\u2019') || before.end !== t.start) return false;
  return isNameWord(before) && /s$/.test(before.text);
}

/** Token range of the capitalised run starting at `start`, reading forwards. */
export function nameRunForward(tokens: readonly Token[], start: number, max: number): [number, number] | null {
  if (!isNameWord(tokens[start])) return null;
  let end = start;
  let i = start + 1;
  while (i <= max && i - start <= MAX_NAME_TOKENS) {
    const t = tokens[i];
    if (!t) break;
    if (isNameWord(t)) {
      end = i;
      i++;
      continue;
    }
    if (isTitleAbbrevDot(tokens, i)) {
      i++;
      continue;
    }
    if (i + 1 <= max && isPluralPossessiveMark(tokens, i) && isNameWord(tokens[i + 1]) && BODIES_AFTER_PLURAL_POSSESSIVE.has(lower(tokens[i + 1]))) {
      i++;
      continue;
    }
    if (isConnector(t)) {
      const skip = isConnector(tokens[i + 1]) ? 2 : 1;
      if (i + skip <= max && isNameWord(tokens[i + skip])) {
        i += skip;
        continue;
      }
    }
    break;
  }
  return [start, end];
}

export function isOrganisation(words: readonly string[]): boolean {
  // The first word is read before the test of the count, not under it: read under it, the optimized
  // code checks the kind of string it has met there (a slice of a one-byte article, say) and is
  // thrown away at the first word of another kind (of an article with curly quotes, or a long word).
  const count = words.length;
  const w = words[0] ?? '';
  if (count === 1) {
    if (PLACES.has(w.toLowerCase())) return true;
    if (w.length >= 2 && w === w.toUpperCase() && /\p{L}/u.test(w)) return true;
  }
  return words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase())) || ORGANISATION_ENDINGS.has(words[count - 1]?.toLowerCase() ?? '');
}

function mentionOf(text: string, tokens: readonly Token[], a: number, b: number, kind: MentionKind): SpeakerMention | null {
  const first = tokens[a];
  const last = tokens[b];
  if (!first || !last || b < a) return null;
  return { start: first.start, end: last.end, text: text.slice(first.start, last.end), kind };
}

/** The words of a personal name in tokens `a`..`b`: an initial ("B.") and a suffix ("Jr.", "III") do not count. */
function wordCount(tokens: readonly Token[], a: number, b: number): number {
  let n = 0;
  for (let i = a; i <= b; i++) {
    const t = tokens[i];
    if (t?.type === 'word' && !(t.text.length === 1 && tokenIs(tokens, i + 1, '.')) && !isNameSuffix(t.lower)) n++;
  }
  return n;
}


/** What `nameExtent` found a run to be: its kind, packed with the token it starts at as `start * 4 + kind`. */
const NAME = 0;
const ORGANISATION = 1;
const DESCRIPTION = 2;
const NAME_KINDS: readonly MentionKind[] = ['name', 'organisation', 'description'];

/** Strips titles, articles and modifiers from the front of a capitalised run. */
function nameMention(text: string, tokens: readonly Token[], start: number, b: number): SpeakerMention | null {
  const end = personBeforeAffiliation(tokens, start, b);
  const extent = nameExtent(tokens, start, end);
  return extent < 0 ? null : mentionOf(text, tokens, extent >> 2, end, NAME_KINDS[extent & 3] ?? 'name');
}

/**
 * Where a person's name ends in a run that goes on with "of" and the body they belong to
 * ("Detective Constable Ian Hart of Sussex Police" is Ian Hart, of the police): the token before
 * "of"; else `b`. "Bank of America" and "Secretary of State John Kerry" stay whole: the words
 * before "of" are a body's or an office's, or neither a body nor a person's given name is there.
 */
function personBeforeAffiliation(tokens: readonly Token[], start: number, b: number): number {
  const of = lastOf(tokens, start + 2, b - 1);
  if (of < 0) return b;
  const surname = tokens[of - 1];
  const before = tokens[of - 2];
  // "Paul D. Ryan of Wisconsin": a middle initial's dot before the surname.
  const initialDot = isText(before, '.') && (tokens[of - 3]?.text.length ?? 0) === 1 && isNameWord(tokens[of - 3]);
  if (!isNameWord(surname) || !(isNameWord(before) || initialDot || isTitleAbbrevDot(tokens, of - 2)) || TITLES.has(surname?.lower ?? '') || TITLES.has(before?.lower ?? '')) return b;
  // A body after "of", or a place after a person known by a given name or an initial ("Gov. Terry E. Branstad of Iowa").
  let body = false;
  for (let i = of + 1; i <= b; i++) if (ORGANISATION_WORDS.has(tokens[i]?.lower ?? '')) body = true;
  let given = false;
  // Words before a title are the office's ("House Speaker Paul D. Ryan of Wisconsin"), not a body's name.
  let named = start;
  for (let i = start; i < of; i++) if (TITLES.has(tokens[i]?.lower ?? '')) named = i + 1;
  for (let i = named; i < of; i++) {
    const w = tokens[i]?.lower ?? '';
    if (ORGANISATION_WORDS.has(w)) return b;
    // A given name known, or a middle initial ("Raúl M. Grijalva").
    if (isGivenName(w) || (i > start && w.length === 1 && tokenIs(tokens, i + 1, '.') && isNameWord(tokens[i - 1]))) given = true;
  }
  return body || given ? of - 1 : b;
}

/** Tokens an affiliation after a name may take ("of the James Martin Center for Nonproliferation Studies"). */
const MAX_AFFILIATION_TOKENS = 10;

/**
 * The end of the body a name belongs to, written right after it: "Ian Hart of Sussex Police", "Ross
 * Eisenbrey of the Economic Policy Institute" (capitalised words, "the" and name connectors after
 * "of", up to the verb or a mark); `given` when none follows.
 */
export function affiliationEnd(tokens: readonly Token[], given: number, max: number): number {
  if (lower(tokens[given + 1]) !== 'of') return given;
  let end = given;
  for (let i = given + 2; i <= max && i - given <= MAX_AFFILIATION_TOKENS; i++) {
    const t = tokens[i];
    if (!t || t.type !== 'word') break;
    if (isCapitalised(t.text)) end = i;
    else if (!(t.lower === 'the' && i === given + 2) && !AFFILIATION_CONNECTORS.has(t.lower)) break;
  }
  // "of the New York delegation", "of the Eric Trump Foundation website": the phrase goes on in lower
  // case; a verb after it is the clause's ("Chancellor Angela Merkel of Germany condemned …").
  const next = tokens[end + 1];
  return next !== undefined && next.type === 'word' && end + 1 <= max && !looksLikeVerb(next) ? given : end;
}

/** Lower-case words inside the name of a body ("Center for Nonproliferation Studies", "Bank of England"). */
const AFFILIATION_CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the']);

/**
 * What `nameMention` makes of the run `start`..`b`, read on the tokens without making a word list or
 * the mention: the first token it keeps and the kind, as `first * 4 + kind`, or -1 for none. (The
 * run's words are its tokens' texts, whose lower case each token holds.)
 */
function nameExtent(tokens: readonly Token[], start: number, b: number): number {
  const lex = lexiconOfRun(tokens, start, b);
  // A capitalised word opening a sentence ("While", "But") is not part of a name.
  let a = start;
  while (a <= b && ((lex[a - start] ?? 0) & THE) === 0 && ((lex[a - start] ?? 0) & OPENER) !== 0) a++;
  if (a > b || (a === b && ((lex[a - start] ?? 0) & THE) !== 0)) return -1;
  // "Senate Majority Leader Jane Roe": a title followed by a name is a person, whatever precedes it.
  let lastTitle = -1;
  for (let i = a; i < b; i++) if (((lex[i - start] ?? 0) & TITLE) !== 0) lastTitle = i;
  const titled = lastTitle >= 0 && !isOrganisationRun(tokens, lastTitle + 1, b, lex, start);
  if (!titled && isOrganisationRun(tokens, a, b, lex, start)) {
    let s = a;
    while (s < b && (((lex[s - start] ?? 0) & THE) !== 0 || /-(based|backed|led|run|owned)$/i.test(tokens[s]?.text ?? ''))) s++;
    return s * 4 + ORGANISATION;
  }
  if (a === b && ((lex[a - start] ?? 0) & ROLE) !== 0) return a * 4 + DESCRIPTION;
  if (onlyTitles(tokens, a, b, lex, start)) {
    // Only a title ("the Russian Foreign Minister"): a description of the office holder.
    return a * 4 + DESCRIPTION;
  }
  let s = a;
  for (let i = a; i < b; i++) {
    // The dot of "Sen." goes with its title; that of a middle initial ("James B. Comey") stays.
    if (((lex[i - start] ?? 0) & (TITLE | TITLE_STEM)) !== 0 || (tokens[i]?.text === '.' && !/^\p{Lu}$/u.test(tokens[i - 1]?.text ?? ''))) s = i + 1;
  }
  while (s < b && (((lex[s - start] ?? 0) & THE) !== 0 || isConnector(tokens[s]) || tokens[s]?.type === 'punct')) s++;
  // A personal name has at most three words; more is an office or department left in front of it.
  // A known given name stays ("María José García López"), but for a run that goes on with "of"
  // (a place or body after the name: "Paul D. Ryan of Wisconsin").
  while (wordCount(tokens, s, b) > MAX_PERSON_WORDS && tokens[s]?.type === 'word' && !(isGivenName(tokens[s]?.lower ?? '') && lastOf(tokens, s, b) < 0)) s++;
  // "Supporters of Bernie Sanders": the words before "of" are who is meant, not a part of a name.
  if (s > a && tokens[s]?.lower === 'of') return a * 4 + DESCRIPTION;
  // "Prosecution Eva-Marie Persson": an abstract noun is the end of an office's name, not a first name.
  // Two words stay: "Lawrence Summers" is a first name and a surname.
  while (s < b - 1 && /(tion|ment|ship|ance|ence|ity|ism)$/i.test(tokens[s]?.text ?? '') && !/^\p{Lu}$/u.test(tokens[s + 1]?.text ?? '')) s++;
  // "Teacher Marcus Olufemi", "Pastor Kevin Swanson": what the person does, capitalised at the start
  // of a sentence, is no first name.
  if (wordCount(tokens, s, b) === MAX_PERSON_WORDS && s + 1 < b && tokens[s + 1]?.type === 'word' && isOccupation(tokens[s]?.lower ?? '')) s++;
  // A lone letter is no name.
  if (s === b && (tokens[s]?.text ?? '').length === 1) return -1;
  return s * 4 + NAME;
}

/** The last of tokens `from`..`to` that is "of", or -1. */
function lastOf(tokens: readonly Token[], from: number, to: number): number {
  for (let i = to; i >= from; i--) if (tokens[i]?.lower === 'of') return i;
  return -1;
}

/** `isOrganisation` of the texts of tokens `from`..`to` (at least one), read on the tokens. */
function isOrganisationRun(tokens: readonly Token[], from: number, to: number, lex: readonly number[], base: number): boolean {
  // The first word read before the test of the count, as `isOrganisation` reads it (see there).
  const w = tokens[from]?.text ?? '';
  if (from === to) {
    if (((lex[from - base] ?? 0) & PLACE) !== 0) return true;
    if (w.length >= 2 && w === w.toUpperCase() && /\p{L}/u.test(w)) return true;
  }
  for (let i = from; i <= to; i++) if (((lex[i - base] ?? 0) & ORGANISATION_WORD) !== 0) return true;
  return ((lex[to - base] ?? 0) & ORGANISATION_ENDING) !== 0;
}

/** Some word of the run is a title, and every one is a title, a nationality-like word or "the". */
function onlyTitles(tokens: readonly Token[], a: number, b: number, lex: readonly number[], base: number): boolean {
  // Most runs hold no title: their words' endings are not read.
  let titled = false;
  for (let i = a; i <= b && !titled; i++) if (((lex[i - base] ?? 0) & TITLE) !== 0) titled = true;
  if (!titled) return false;
  for (let i = a; i <= b; i++) {
    const bits = lex[i - base] ?? 0;
    if ((bits & (TITLE | THE)) === 0 && !nationalityEnding(tokens[i]?.text ?? '')) return false;
  }
  return true;
}

/**
 * The word lists the rules of a name run consult, as bits of one map by lower-case word: a token
 * is looked up once rather than once per list (membership in each list is exactly its bit).
 */
const THE = 1;
const OPENER = 2;
const TITLE = 4;
const TITLE_STEM = 8;
const ORGANISATION_WORD = 16;
const PLACE = 32;
const ROLE = 64;
const ORGANISATION_ENDING = 128;
const NAME_LEXICON = ((): Map<string, number> => {
  const bits = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number): void => {
    for (const w of words) bits.set(w, (bits.get(w) ?? 0) | bit);
  };
  mark(['the'], THE);
  mark(STOP_WORDS, OPENER);
  mark(DISCOURSE_WORDS, OPENER);
  // "Outside Carrier's plant, …", "Despite Brown's warning": a preposition opening a sentence is no first name.
  mark(PREPOSITIONS, OPENER);
  mark(TITLES, TITLE);
  mark(TITLE_STEMS, TITLE_STEM);
  mark(ORGANISATION_WORDS, ORGANISATION_WORD);
  mark(PLACES, PLACE);
  mark(ROLE_NOUNS, ROLE);
  mark(ORGANISATION_ENDINGS, ORGANISATION_ENDING);
  return bits;
})();

/**
 * The `NAME_LEXICON` bits of tokens `start`..`b`, by index from `start`, in a list reused from run to
 * run: it is written over, not emptied (emptying would drop its storage), so past `b - start` it
 * holds an earlier run's bits, which no reader of this run reaches.
 */
const runLexicon: number[] = [];
function lexiconOfRun(tokens: readonly Token[], start: number, b: number): readonly number[] {
  for (let i = start; i <= b; i++) runLexicon[i - start] = NAME_LEXICON.get(lower(tokens[i])) ?? 0;
  return runLexicon;
}

/** `/(an|ian|ish|ese|i)$/` on a word, without the pattern. */
function nationalityEnding(w: string): boolean {
  return w.endsWith('an') || w.endsWith('i') || w.endsWith('ish') || w.endsWith('ese');
}

/** Words naming a part of a group ("one of them", "two of those"). */
const PARTITIVES = new Set(['one', 'two', 'three', 'some', 'many', 'several', 'each', 'both', 'neither', 'most', 'all', 'none']);

/** Abbreviations that end a company's name, written with a dot ("Inc.", "Corp."). */
const NAME_END_ABBREVIATIONS = new Set(['inc', 'corp', 'co', 'ltd', 'bros']);

/** Lower-case nouns ending in -ly, never adverbs before a verb ("the family said"). */
const LY_NOUNS = new Set(['family', 'ally', 'rally', 'assembly', 'daily', 'weekly', 'monthly', 'quarterly', 'bully', 'supply', 'anomaly', 'monopoly', 'belly', 'jelly', 'folly', 'lily', 'homily', 'tally']);

export function isSkippable(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.type === 'punct') return false;
  // The token's own lower case (`text.toLowerCase()`, made once); the pattern of an ordinal only where a digit opens the word.
  const w = t.lower;
  if (SKIPPABLE_BEFORE_VERB.has(w) || WEEKDAYS_AND_MONTHS.has(w) || (isAsciiDigitCode(w.charCodeAt(0)) && /^\d{1,4}(st|nd|rd|th)?$/.test(w))) return true;
  // "Morial forcefully told", "Trump repeatedly said": a manner adverb.
  return w.length > 4 && w.endsWith('ly') && t.text === w && !LY_NOUNS.has(w);
}

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'half', 'most', 'many', 'some']);

/** A number in digits or words ("four", "Sixty-two", "10"). */
export function isNumberWord(t: Token | undefined): boolean {
  if (!t || t.type !== 'word') return false;
  const w = t.lower;
  return /^\d[\d.,]*$/.test(w) || NUMBER_WORDS.has(w) || w.split('-').every((x) => NUMBER_WORDS.has(x));
}

/** "63 percent said", "Sixty-two percent of Republicans agreed": a share of a poll's respondents. */
function shareSubject(text: string, tokens: readonly Token[], j: number, min: number): SpeakerMention | null {
  const t = tokens[j];
  if (!t) return null;
  let p = j;
  // "percent of Republicans": the group after the share.
  if (t.type === 'word' && lower(tokens[j - 1]) === 'of') {
    p = j - 2;
    if (lower(tokens[p]) !== 'percent' && !isText(tokens[p], '%')) return null;
  } else if (lower(t) !== 'percent' && t.text !== '%') return null;
  const n = p - 1;
  if (n < min || !isNumberWord(tokens[n])) return null;
  return mentionOf(text, tokens, n, j, 'description');
}

/** Description ending at token `end` ("a Turkish security official", "Syrian opposition activists"). */
function descriptionBackward(text: string, tokens: readonly Token[], end: number, min: number): SpeakerMention | null {
  let s = end;
  let i = end - 1;
  let steps = 0;
  while (i >= min && steps < 5) {
    const t = tokens[i];
    if (!t || t.type !== 'word') break;
    const w = t.lower;
    if (DETERMINERS.has(w)) {
      s = i;
      break;
    }
    // "the housing minister": a word in -ing right after an article modifies the noun; elsewhere it
    // ends the description ("citing officials").
    if (/ing$/.test(w) && /^(the|a|an)$/.test(lower(tokens[i - 1])) && i - 1 >= min) {
      s = i - 1;
      break;
    }
    if (PRONOUNS.has(w) || SKIPPABLE_BEFORE_VERB.has(w) || STOP_WORDS.has(w) || /ing$/.test(w)) break;
    s = i;
    i--;
    steps++;
  }
  return mentionOf(text, tokens, headBeforeParticiple(tokens, s, min), end, 'description');
}

/**
 * "the union representing the factory workers called …": a description after a participle that
 * takes it as its object ("representing", "leading") is the object; the subject is the noun before
 * the participle, with its determiner. Returns the start of that noun's description, or `s`.
 */
function headBeforeParticiple(tokens: readonly Token[], s: number, min: number): number {
  const participle = tokens[s - 1];
  // The object opens with a determiner or an owner's name ("the union representing Nortek's workers").
  const opener = tokens[s];
  if (!opener || !(DETERMINERS.has(opener.lower) || (isPossessive(opener) && isCapitalised(opener.text))) || !participle || !POSTMODIFYING_PARTICIPLES.has(participle.lower)) return s;
  // One to three words before it, the first a determiner: "the union", "a group of lawyers" is not read.
  for (let j = s - 2; j >= min && j >= s - 4; j--) {
    const t = tokens[j];
    if (!t || t.type !== 'word') return s;
    if (DETERMINERS.has(t.lower)) return j < s - 2 ? j : s;
    if (PRONOUNS.has(t.lower) || STOP_WORDS.has(t.lower) || /ing$/.test(t.lower)) return s;
  }
  return s;
}

/**
 * The titles written with their full stop ("sen.", "dr."), the stop left out: a word is looked up
 * as it is, where `TITLES.has(word + '.')` would build a string for each.
 */
export const TITLES_BEFORE_DOT: ReadonlySet<string> = new Set([...TITLES].filter((t) => t.endsWith('.')).map((t) => t.slice(0, -1)));

/** Whether a word holds an apostrophe, straight or curly: the cheap test before a contraction is read. */
function hasApostrophe(w: string): boolean {
  return w.includes("'") || w.includes('\u2019');
}

/** `/^["\u201C\u201D\u201E\u00AB\u00BB]$/`: a double quotation mark, on its code unit. */
function isDoubleQuoteMark(s: string): boolean {
  if (s.length !== 1) return false;
  const c = s.charCodeAt(0);
  return c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb;
}

/**
 * The subject before a comma that closes an apposition: "Yusef Hamoud, spokesman for the National
 * Army, said", "Johnnie Wilson, of Springfield, Va., said", "Apple's chief executive, Tim Cook, said",
 * "Stevie Wonder, who joked".
 */
function appositionSubject(text: string, tokens: readonly Token[], comma: number, min: number): SpeakerMention | null {
  let end = comma;
  for (let hop = 0; hop < 3; hop++) {
    let k = end - 1;
    while (k >= min && k > end - 24 && !isText(tokens[k], ',')) k--;
    const firstOfSegment = tokens[k + 1];
    if (k < min || !isText(tokens[k], ',') || !firstOfSegment) {
      // After a tag, the name ends right before it ("Jane Roe, R-Ky., said").
      const run = hop > 0 ? nameRunBackward(tokens, end - 1, min) : null;
      return run ? nameMention(text, tokens, run[0], run[1]) : null;
    }
    const fw = firstOfSegment.lower;
    // "…, he asked about X, called …": the clause between the commas has its own subject.
    if (PRONOUNS.has(fw) && fw !== 'it') return mentionOf(text, tokens, k + 1, k + 1, 'pronoun');
    const segment = nameRunForward(tokens, k + 1, end - 1);
    // "Va." ends with the dot of its abbreviation.
    const lastOfSegment = isText(tokens[end - 1], '.') && tokens[end - 2]?.end === tokens[end - 1]?.start ? end - 2 : end - 1;
    const wholeSegmentIsName = segment !== null && segment[1] === lastOfSegment;
    // "The Prime Minister, Daniel Harcourt, said": a name set off after its title is the subject.
    if (wholeSegmentIsName && segment && TITLES.has(lower(tokens[k - 1])) && !TITLES.has(lower(tokens[segment[0]]))) return nameMention(text, tokens, segment[0], segment[1]);
    // A place, an age or a party tag between commas ("Springfield, Va.,", "59,", "R-Ky.,"): look further back.
    const shortTag = end - k - 1 <= 3 && (wholeSegmentIsName || /^(\d+|[RDI]-\p{Lu}.*)$/u.test(firstOfSegment.text));
    // "from Sumter, South Carolina, says": a region after a place name is a short tag too.
    const regionAfterPlace = wholeSegmentIsName && isNameWord(tokens[k - 1]) && !isNameWord(tokens[k - 2]);
    if (shortTag && (regionAfterPlace || /^[RDI]-\p{Lu}/u.test(firstOfSegment.text) || /^\d+$/.test(firstOfSegment.text) || PLACES.has(fw) || /\.$/.test(tokens[end - 1]?.text ?? '') || isText(tokens[end - 1], '.'))) {
      end = k;
      continue;
    }
    // "Mr. Slinker, whose latest start-up, Paradata, uses …, said": the name inside a relative clause
    // names what the clause is about; the source is the name before "whose".
    const relativeHead = wholeSegmentIsName ? nameBeforeSegment(text, tokens, k, min, opensRelative) : null;
    if (relativeHead) return relativeHead;
    // "Apple's chief executive, Tim Cook, said": the name is the apposition of a title before it.
    if (wholeSegmentIsName && segment && /^\p{Ll}/u.test(tokens[k - 1]?.text ?? '')) return nameBeforeSegment(text, tokens, k, min, opensRole) ?? nameMention(text, tokens, segment[0], segment[1]);
    // "The law's sponsor, state Sen. Mike Dunn, called": the name after a word or two of its office.
    if (!wholeSegmentIsName && NAME_MODIFIERS.has(fw) && /^\p{Ll}/u.test(tokens[k - 1]?.text ?? '')) {
      const from = NAME_MODIFIERS.has(lower(tokens[k + 2])) ? k + 3 : k + 2;
      const run = nameRunForward(tokens, from, end - 1);
      if (run && run[0] === from && run[1] === lastOfSegment) return nameBeforeSegment(text, tokens, k, min, opensRole) ?? nameMention(text, tokens, run[0], run[1]);
    }
    // "Jeff Weaver, Sanders' campaign manager, said": a possessive opens an apposition too.
    // "Steve Cohen, Democrat of Tennessee, told": a party and its state.
    // The word after it is read first: that test runs for every segment, the rarer one after it.
    const partyTag = lower(tokens[k + 2]) === 'of' && PARTY_WORDS.has(fw);
    // "the director of the Federal Bureau of Investigation, James B. Comey, said": a role ending
    // with the name of its organisation, then the person's name.
    if (wholeSegmentIsName && segment && !partyTag) {
      const role = roleHolderNamed(tokens, k, min);
      if (role) return nameMention(text, tokens, segment[0], segment[1]);
    }
    const segmentIsApposition = partyTag || !isCapitalised(firstOfSegment.text) || DETERMINERS.has(fw) || TITLES.has(fw) || TITLES_BEFORE_DOT.has(fw) || ROLE_NOUNS.has(fw) || fw === 'who' || fw === 'of' || isPossessive(firstOfSegment) || /^['’]$/.test(tokens[k + 2]?.start === firstOfSegment.end ? (tokens[k + 2]?.text ?? '') : '');
    if (!segmentIsApposition) return null;
    const named = nameBeforeApposition(text, tokens, k, min);
    // "while others, including former prosecutor Andrew McCarthy, argued": a group before the examples it includes.
    if (named === null && fw === 'including' && GROUP_WORDS.has(lower(tokens[k - 1]))) return mentionOf(text, tokens, k - 1, k - 1, 'description');
    return named;
  }
  return null;
}

/** Lower-case words of an office before a title and a name ("state Sen. Mike Dunn", "former state Rep. Ann Cole"). */
const NAME_MODIFIERS = new Set(['state', 'former', 'then', 'acting', 'retired', 'longtime', 'interim', 'outgoing', 'incoming', 'veteran', 'deputy', 'assistant']);

/** Words naming a group of sources that an "including …" apposition gives examples of. */
const GROUP_WORDS = new Set(['others', 'many', 'some', 'several', 'critics', 'supporters', 'opponents', 'experts', 'analysts', 'officials', 'lawmakers', 'democrats', 'republicans', 'economists', 'observers']);

/** The subject before an apposition opening after comma `k` ("Jeff Weaver, Sanders' campaign manager, said"). */
function nameBeforeApposition(text: string, tokens: readonly Token[], k: number, min: number): SpeakerMention | null {
  let nameEnd = k - 1;
  // "Cecelia Purner, 67, a retired teacher, said": an age between the name and the apposition.
  if (/^\d{1,3}$/.test(tokens[nameEnd]?.text ?? '') && isText(tokens[nameEnd - 1], ',')) nameEnd -= 2;
  // "Rep. Luis Ortega, R-Texas, who attended, said": a party tag between the name and the apposition.
  const tagEnd = isText(tokens[nameEnd], '.') ? nameEnd - 1 : nameEnd;
  if (/^[RDI]-\p{Lu}/u.test(tokens[tagEnd]?.text ?? '') && isText(tokens[tagEnd - 1], ',')) nameEnd = tagEnd - 2;
  // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": a parenthesis after the name.
  if (isText(tokens[nameEnd], ')')) {
    let o = nameEnd - 1;
    while (o >= min && o > nameEnd - 8 && !isText(tokens[o], '(')) o--;
    if (isText(tokens[o], '(')) nameEnd = o - 1;
  }
  const run = nameRunBackward(tokens, nameEnd, min);
  if (run) return (tokens[run[0] - 1]?.text === ',' ? nameBeforeSegment(text, tokens, run[0] - 1, min, opensRelative) : holderOfRole(text, tokens, run[0], min)) ?? nameMention(text, tokens, run[0], run[1]);
  // "Anne Richards, assistant secretary of state for population, refugees, and migration, said":
  // an apposition holding a list of its own; the name stands before its first comma.
  if (/^\p{Ll}/u.test(tokens[k - 1]?.text ?? '')) {
    const listed = nameBeforeLongApposition(text, tokens, k, min);
    if (listed) return listed;
  }
  return lowerSubject(text, tokens, k - 1, min);
}

/**
 * "Mark Holden, chairman of the board of Freedom Partners, the network's funding arm, said": a name
 * after a preposition (at `first`) closes a role given to the name before it, and the apposition
 * after it is the body's; the role's holder speaks.
 */
function holderOfRole(text: string, tokens: readonly Token[], first: number, min: number): SpeakerMention | null {
  if (!PREPOSITIONS.has(lower(tokens[first - 1]))) return null;
  const p = segmentComma(tokens, first, min);
  const opener = tokens[p + 1];
  if (p < 0 || !opener || (isCapitalised(opener.text) && !DETERMINERS.has(opener.lower))) return null;
  const run = nameRunBackward(tokens, p - 1, min);
  return run ? nameMention(text, tokens, run[0], run[1]) : null;
}

/** Words of a party tag after a name ("Democrat of Tennessee"). */
const PARTY_WORDS = new Set(['democrat', 'republican', 'independent']);

/** Whether the stretch before comma `comma` opens with "the" and a lower-case role ("the director of the FBI"). */
function roleHolderNamed(tokens: readonly Token[], comma: number, min: number): boolean {
  if (!isNameWord(tokens[comma - 1])) return false;
  let p = comma - 1;
  while (p > min && p > comma - 16 && !isText(tokens[p - 1], ',') && !/^[.!?]$/.test(tokens[p - 1]?.text ?? '')) p--;
  return /^(the|a|an)$/i.test(tokens[p]?.text ?? '') && /^\p{Ll}+$/u.test(tokens[p + 1]?.text ?? '') && !PREPOSITIONS.has(lower(tokens[p + 1]));
}

/** The name before an apposition of up to three comma-separated segments, the first opening in lower case or with a determiner. */
function nameBeforeLongApposition(text: string, tokens: readonly Token[], comma: number, min: number): SpeakerMention | null {
  let k = comma;
  for (let hop = 0; hop < 3; hop++) {
    const p = segmentComma(tokens, k, min);
    if (p < 0) return null;
    const run = nameRunBackward(tokens, p - 1, min);
    const opener = tokens[p + 1];
    if (run && opener && (!isCapitalised(opener.text) || DETERMINERS.has(opener.lower) || ROLE_NOUNS.has(opener.lower))) return nameMention(text, tokens, run[0], run[1]);
    if (!opener || isCapitalised(opener.text)) return null;
    k = p;
  }
  return null;
}

/** The comma opening the comma-delimited segment that ends at the comma `comma`, or -1. */
function segmentComma(tokens: readonly Token[], comma: number, min: number): number {
  let k = comma - 1;
  while (k >= min && k > comma - 24 && !isText(tokens[k], ',')) k--;
  return k >= min && isText(tokens[k], ',') ? k : -1;
}

/**
 * The name before a segment that ends at comma `comma` and opens with a word `opens` accepts:
 * - "Marco Rubio, whose hometown, Miami, is …, argues": a relative clause with "whose", the name
 *   before it is the subject;
 * - "Giovanni Vian, the editor in chief of the Vatican's newspaper, L'Osservatore Romano, said": a
 *   name after a role that itself follows a name is the role's object; the first name holds the
 *   role and speaks.
 */
function nameBeforeSegment(text: string, tokens: readonly Token[], comma: number, min: number, opens: (word: string) => boolean): SpeakerMention | null {
  const p = segmentComma(tokens, comma, min);
  if (p < 0 || !opens(lower(tokens[p + 1]))) return null;
  const run = nameRunBackward(tokens, p - 1, min);
  // "At a briefing in Beijing, the spokesman for the ministry, Mao Lin, said": a preposition's object is no subject.
  return run && !PREPOSITIONS.has(lower(tokens[run[0] - 1])) ? nameMention(text, tokens, run[0], run[1]) : null;
}

const opensRelative = (word: string): boolean => word === 'whose';
const opensRole = (word: string): boolean => word === 'the' || word === 'a' || word === 'an';

/** Tokens an apposition may take between a subject and its verb ("Jason Sims — a teacher from Mount Pleasant — says", "Bernie Sanders, celebrating a victory in …, is pledging"). */
export const MAX_APPOSITION_TOKENS = 20;

/** The subject before an apposition set off by two dashes, the second at token `dash`. */
function dashAppositionSubject(text: string, tokens: readonly Token[], dash: number, min: number): SpeakerMention | null {
  const mark = tokens[dash]?.text;
  let p = dash - 1;
  while (p >= min && p > dash - MAX_APPOSITION_TOKENS && tokens[p]?.text !== mark && !isText(tokens[p], ',')) p--;
  if (p < min || p === dash - 1 || tokens[p]?.text !== mark) return null;
  const run = nameRunBackward(tokens, p - 1, min);
  if (run) return nameMention(text, tokens, run[0], run[1]);
  return lowerSubject(text, tokens, p - 1, min);
}

/**
 * Whether a capitalised word is an ordinary word of the article (capitalised only where it opens a
 * sentence), which the caller knows from the whole text.
 */
export type OrdinaryWord = (word: string) => boolean;

/** The subject of the reporting verb at `v`, read backwards (not past token `min`). */
export function subjectBefore(text: string, tokens: readonly Token[], v: number, min: number, ordinary?: OrdinaryWord): SpeakerMention | null {
  let j = v - 1;
  let skipped = 0;
  while (j >= min && isSkippable(tokens[j]) && skipped < 6) {
    j--;
    skipped++;
  }
  // A parenthesis between subject and verb: "Sergei Lavrov (pictured) said".
  if (j >= min && isText(tokens[j], ')')) {
    let k = j - 1;
    while (k >= min && k > j - 12 && !isText(tokens[k], '(')) k--;
    // k stops at min - 1 at the lowest, which is -1 where min is 0: no token there.
    if (k >= 0 && isText(tokens[k], '(')) j = k - 1;
  }
  // "Apex Logistics Inc. said": the dot of an abbreviation that ends a company's name ends no sentence.
  if (j > min && isText(tokens[j], '.') && tokens[j - 1]?.end === tokens[j]?.start && NAME_END_ABBREVIATIONS.has(lower(tokens[j - 1]))) j--;
  if (j < min) return null;
  const t = tokens[j];
  if (!t) return null;
  // "Trump bemoaned the unrest and said …", "Roberts said … but said …": the verb shares the clause's subject.
  if ((t.text === 'and' || t.text === 'but') && j > min) {
    // "Ms. Sherry smiled and said": the subject of the verb just before.
    const verb = tokens[j - 1];
    if (verb && verb.type === 'word' && /^\p{Ll}+(ed|s)$/u.test(verb.text) && !STOP_WORDS.has(verb.text)) {
      const own = subjectBefore(text, tokens, j - 1, min, ordinary);
      if (own) return own;
    }
    // "A spokesman declined to comment but said": the verb before an infinitive shares the subject.
    const before = verbBeforeInfinitive(tokens, j - 1, min);
    if (before >= 0) {
      const own = subjectBefore(text, tokens, before, min, ordinary);
      if (own) return own;
    }
    const subject = clauseSubject(text, tokens, min, j, ordinary);
    if (subject) return subject;
    return subordinateSubject(text, tokens, min, j - 1, ordinary);
  }
  const share = shareSubject(text, tokens, j, min);
  if (share) return share;
  // "Trump lashed out at Democrats, calling the inquiry a “witch hunt”": the clause's subject.
  if (t.text === ',' && /ing$/.test(lower(tokens[v]))) {
    // "…, Nefzi said, adding, “…”": the verb before the comma has a subject of its own.
    const verb = tokens[j - 1];
    if (verb && verb.type === 'word' && /^(\p{Ll}+ed|said|says|told|tells|wrote|writes)$/u.test(verb.text)) {
      const own = subjectBefore(text, tokens, j - 1, min, ordinary);
      if (own) return own;
    }
    const subject = clauseSubject(text, tokens, min, j, ordinary);
    if (subject) return subject;
  }
  if (t.type === 'punct') {
    if (t.text === '\u2014' || t.text === '\u2013') return dashAppositionSubject(text, tokens, j, min);
    if (t.text !== ',') return null;
    return appositionSubject(text, tokens, j, min);
  }
  const w = t.lower;
  if (PRONOUNS.has(w)) return mentionOf(text, tokens, j, j, 'pronoun');
  // "He’s claiming that …": the pronoun of a contraction (its auxiliary left out of the mention).
  // Both a contraction and a possessive hold an apostrophe, which most words do not: one test for both.
  const apostrophe = hasApostrophe(w);
  const contracted = apostrophe ? /^(he|she|they|we|i)['’](s|re|ve|d|ll|m)$/.exec(w) : null;
  if (contracted?.[1]) return { start: t.start, end: t.start + contracted[1].length, text: t.text.slice(0, contracted[1].length), kind: 'pronoun' };
  // "Stevie Wonder, who joked", "the Mexican president, who said": the relative pronoun is the
  // mention nearest the quote; it stands for the name or description before its comma.
  if ((w === 'who' || w === 'which') && isText(tokens[j - 1], ',') && j - 2 >= min) {
    const run = nameRunBackward(tokens, j - 2, min);
    const antecedent = run ? nameMention(text, tokens, run[0], run[1]) : lowerSubject(text, tokens, j - 2, min);
    const rel = antecedent ? mentionOf(text, tokens, j, j, 'pronoun') : null;
    if (!rel || !antecedent) return null;
    ANTECEDENTS.set(rel, antecedent);
    return rel;
  }
  // "his running mate Donald Trump’s plan said": a possessive modifies the subject, it is not one.
  if (apostrophe && isPossessive(t)) return null;
  const run = nameRunBackward(tokens, j, min);
  // "a letter obtained by The Associated Press warns", "told Fox News, “…”": a name right after a
  // preposition or a verb of speaking to someone is that verb's object, never the subject.
  if (run && OBJECT_MARKERS.has(lower(tokens[run[0] - 1]))) {
    const anonymous = anonymousSourceEndingAt(text, tokens, run[0], run[1], min);
    if (anonymous) return anonymous;
    // "Analysts at Bernstein said": a role noun before "at" heads the subject; else none is found here
    // ("wrote a letter to Attorney General Lynch asking": the letter is no subject).
    if (lower(tokens[run[0] - 1]) !== 'at') return null;
    const name = nameMention(text, tokens, run[0], run[1]);
    const headed = withRoleHead(text, tokens, name, run[0], min);
    return headed !== name ? headed : null;
  }
  if (run) return withRoleHead(text, tokens, nameMention(text, tokens, run[0], run[1]), run[0], min);
  const lowered = lowerSubject(text, tokens, j, min);
  if (lowered) return withRoleHead(text, tokens, lowered, tokenIndexAt(tokens, lowered.start), min);
  return nameBeforePhrase(text, tokens, j, min) ?? relativeClauseSubject(text, tokens, j, min);
}

/** Plural groups written with a capital that head a description as role nouns do ("Republicans in Congress"). */
const GROUP_PLURALS = new Set(['republicans', 'democrats', 'conservatives', 'liberals', 'progressives', 'independents']);

/**
 * "A spokeswoman for the governor said", "the president of Mexico said", "Republicans in Congress
 * said": the words before the verb (`m`, from token `first`) are the object of a preposition after
 * a role noun, which heads the subject; the whole phrase is the mention, so that the quote goes to
 * the spokeswoman, not to the governor.
 */
function withRoleHead(text: string, tokens: readonly Token[], m: SpeakerMention | null, first: number, min: number, depth = 1): SpeakerMention | null {
  if (!m) return m;
  // "Democrats in the Senate": the name's article stands between the preposition and it.
  const p = /^(the|a|an)$/.test(lower(tokens[first - 1])) ? first - 2 : first - 1;
  if (p - 1 < min || !PREPOSITIONS_AFTER_ROLE.has(lower(tokens[p]))) return m;
  const head = tokens[p - 1];
  if (!head || head.type !== 'word' || !(ROLE_NOUNS.has(head.lower) || (GROUP_PLURALS.has(head.lower) && isCapitalised(head.text)))) return m;
  const d = descriptionBackward(text, tokens, p - 1, min);
  if (!d) return m;
  const whole: SpeakerMention = { start: d.start, end: m.end, text: text.slice(d.start, m.end), kind: 'description' };
  // "the campaign of the former senator from Pennsylvania": a role may itself be the object of
  // another's preposition (a bounded number of times: each step moves back over three tokens or more).
  return depth < MAX_ROLE_HEADS ? withRoleHead(text, tokens, whole, tokenIndexAt(tokens, d.start), min, depth + 1) : whole;
}

/** Roles heading one another's prepositional phrase that are read ("a spokesman for the head of the committee"). */
const MAX_ROLE_HEADS = 3;

/** Words read back from a conjunction for the verb of an infinitive ("declined to comment on the matter but said"). */
const MAX_INFINITIVE_TOKENS = 8;

/**
 * The index of a finite verb ("declined", "refuses", "began") followed by "to" within the words
 * before token `j` of the same clause, or -1: "A spokesman declined to comment but said …".
 */
function verbBeforeInfinitive(tokens: readonly Token[], j: number, min: number): number {
  for (let k = j; k > min && k > j - MAX_INFINITIVE_TOKENS; k--) {
    const t = tokens[k];
    if (!t || t.type !== 'word') return -1;
    if (t.lower !== 'to') continue;
    const verb = tokens[k - 1];
    if (verb && verb.type === 'word' && (/^\p{Ll}+(ed|s)$/u.test(verb.text) || IRREGULAR_PAST.has(verb.text)) && !STOP_WORDS.has(verb.text)) return k - 1;
    return -1;
  }
  return -1;
}

/**
 * "Another intelligence source speaking to Fox News said": the name is the object of the phrase
 * that keeps a source anonymous, which is the subject (noun, qualifier, preposition, then the name
 * at `first`…`last`); null when no such phrase stands before the name.
 */
function anonymousSourceEndingAt(text: string, tokens: readonly Token[], first: number, last: number, min: number): SpeakerMention | null {
  const k = first - 3;
  if (k < min || !isAnonymousSourceAt(tokens, k)) return null;
  const d = descriptionBackward(text, tokens, k, min);
  const end = tokens[last];
  return d && end ? { start: d.start, end: end.end, text: text.slice(d.start, end.end), kind: 'description' } : d;
}

/** Farthest back the "who" of a relative clause between a subject and its verb is looked for. */
const MAX_RELATIVE_CLAUSE = 12;

/**
 * "A White House official who spoke anonymously to discuss internal strategy said": a relative
 * clause with no comma between the subject and the verb at `j` (the clause's last word); the subject
 * is the role noun or name right before its "who". Any mark inside the words read ends the search.
 */
function relativeClauseSubject(text: string, tokens: readonly Token[], j: number, min: number): SpeakerMention | null {
  for (let k = j - 1; k > min && k >= j - MAX_RELATIVE_CLAUSE; k--) {
    const t = tokens[k];
    if (!t || t.type !== 'word') return null;
    if (t.lower !== 'who') continue;
    const before = tokens[k - 1];
    if (!before || before.type !== 'word') return null;
    const run = nameRunBackward(tokens, k - 1, min);
    // The name must open the clause: after another word ("the voters of Maine who …") it is a phrase's object, no subject.
    if (run) return tokens[run[0] - 1]?.type === 'word' && run[0] > min ? null : nameMention(text, tokens, run[0], run[1]);
    return ROLE_NOUNS.has(before.lower) ? lowerSubject(text, tokens, k - 1, min) : null;
  }
  return null;
}

/** Farthest back a clause opener is looked for from the verb (bounded cost). */
const MAX_CLAUSE_LOOK_BACK = 12;

/**
 * The subject of the subordinate clause holding the verb before "and" at token `last`: "such as
 * when Cruz knocked Rubio on trade and called him …" (the main clause before it has another).
 */
function subordinateSubject(text: string, tokens: readonly Token[], min: number, last: number, ordinary?: OrdinaryWord): SpeakerMention | null {
  for (let k = last - 1; k >= min && k > last - MAX_CLAUSE_LOOK_BACK; k--) {
    const t = tokens[k];
    if (!t || (t.type === 'punct' && t.text !== ',')) return null;
    if (!SUBORDINATING_CONJUNCTIONS.has(t.lower)) continue;
    const m = clauseSubject(text, tokens, k + 1, last, ordinary);
    return m && m.start === tokens[k + 1]?.start ? m : null;
  }
  return null;
}

/** Prepositions of a short phrase of place or time that may stand between a subject and its verb. */
const PHRASE_PREPOSITIONS = new Set(['in', 'during', 'at', 'on', 'after', 'before', 'over', 'throughout', 'from', 'inside', 'outside']);
/** Most words such a phrase has, its preposition included. */
const MAX_PLACE_PHRASE_WORDS = 5;

/**
 * "when Smith in his speech called …", "Sanders during a rally thanked …": a name, then a short
 * phrase of place or time (words only) ending at token `j`, right before the verb.
 */
function nameBeforePhrase(text: string, tokens: readonly Token[], j: number, min: number): SpeakerMention | null {
  for (let p = j; p >= min && p > j - MAX_PLACE_PHRASE_WORDS; p--) {
    const t = tokens[p];
    if (!t || t.type !== 'word') return null;
    if (!PHRASE_PREPOSITIONS.has(t.lower)) continue;
    if (p === j || p - 1 < min) return null;
    const run = nameRunBackward(tokens, p - 1, min);
    if (!run || run[1] !== p - 1 || OBJECT_MARKERS.has(lower(tokens[run[0] - 1]))) return null;
    return nameMention(text, tokens, run[0], run[1]);
  }
  return null;
}

/**
 * "Speaking at a rally in Salem, New Hampshire, Trump …", "At a rally in Portsmouth, N.H., on
 * Tuesday, Sanders …": the region after a place named by a preposition closes that opening phrase
 * and is no subject. Returns the index of the comma after the region, or -1.
 */
export function regionAfterPlace(tokens: readonly Token[], start: number, end: number): number {
  // A comma, a place and a preposition before the run: none read before the first token.
  if (start < 3) return -1;
  if (!isText(tokens[start - 1], ',') || !isNameWord(tokens[start - 2]) || !PREPOSITIONS.has(lower(tokens[start - 3]))) return -1;
  if (end - start > 2) return -1;
  let c = end + 1;
  while (tokenIs(tokens, c, '.')) c++;
  return tokenIs(tokens, c, ',') ? c : -1;
}

/** The first source-like phrase of a clause, a dateline ("WASHINGTON —") skipped. */
export function clauseSubject(text: string, tokens: readonly Token[], from: number, to: number, ordinary?: OrdinaryWord, descriptions = false): SpeakerMention | null {
  let inQuote = false;
  let seen = 0;
  // Both bounds keep the cost per call constant: words counted, and tokens of any kind read.
  for (let k = from; k < to && seen < 12 && k - from < MAX_CLAUSE_TOKENS; k++) {
    const t = tokens[k];
    if (!t) return null;
    if (t.type === 'punct') {
      // Quoted words are never the subject: "“It's a rigged system,” he said, adding …".
      if (isDoubleQuoteMark(t.text)) inQuote = t.text === '\u201D' || t.text === '\u00BB' ? false : t.text === '"' ? !inQuote : true;
      continue;
    }
    if (inQuote) continue;
    seen++;
    // "On July 6, 2015, Sanders …": the year of an opening date.
    if (isText(tokens[k + 1], ',') && /^\d+$/.test(t.text)) {
      k++;
      continue;
    }
    const w = t.lower;
    if (PRONOUNS.has(w) && w !== 'it') return mentionOf(text, tokens, k, k, 'pronoun');
    if (PREPOSITIONS.has(w)) {
      // An opening phrase ("On July 6, Sanders …") is skipped up to its comma.
      const c = openingPhraseComma(tokens, k, to);
      if (c < 0) return null;
      k = c;
      continue;
    }
    // Only where the clause is the quote's own ("The retired neurosurgeon addressed …"): elsewhere
    // the first noun phrase of a sentence is seldom the source ("The water has been …, she said").
    if (descriptions && seen === 1 && DESCRIPTION_OPENERS.has(w)) {
      const d = descriptionForward(text, tokens, k, to);
      if (d) return d;
    }
    const run = nameRunForward(tokens, k, to - 1);
    if (run && seen === 1 && run[0] === run[1] && MORE_OPENERS.has(w)) {
      // "Back in 1999, Mr. Trump …", "Each election cycle, …": a phrase of time up to its comma, when it has one.
      const c = openingPhraseComma(tokens, k, to);
      if (c >= 0) {
        k = c;
        continue;
      }
    }
    if (run && seen === 1 && run[0] === run[1] && (ordinary?.(t.text) || opensParticiplePhrase(tokens, k))) {
      // "Eight years ago, he …", "Back in 1999, Mr. Trump …": an ordinary word capitalised because
      // it opens the sentence starts an opening phrase, skipped up to its comma.
      const c = openingPhraseComma(tokens, k, to);
      if (c < 0) return null;
      k = c;
      continue;
    }
    const region = run ? regionAfterPlace(tokens, run[0], run[1]) : -1;
    if (region >= 0) {
      k = region;
      continue;
    }
    if (run) {
      // "Clinton campaign spokesman Brian Fallon responded …": the person named after the role.
      const own = nameAfterRole(tokens, run[0], run[1], to);
      if (own) {
        const m = nameMention(text, tokens, own[0], own[1]);
        if (m) return m;
      }
      const after = tokens[run[1] + 1];
      const dateline = after && /^[\u2014\u2013:-]$/.test(after.text);
      // "Conversely, PolitiFact rated …": an adverb and its comma open the clause.
      const adverb = run[0] === run[1] && after?.text === ',' && /ly$/.test(t.text);
      const m = dateline || adverb ? null : nameMention(text, tokens, run[0], run[1]);
      if (m) return m;
      k = run[1];
      continue;
    }
    if (!DETERMINERS.has(w)) return null;
  }
  return null;
}

/** Tokens an opening phrase takes at most before its comma ("On July 6, …", "Back in 1999, …"). */
const MAX_OPENING_PHRASE_TOKENS = 10;

/** The comma closing the opening phrase that starts at token `k` (before `to`), or -1 when none comes soon. */
function openingPhraseComma(tokens: readonly Token[], k: number, to: number): number {
  let c = k + 1;
  while (c < to && c < k + MAX_OPENING_PHRASE_TOKENS && !isText(tokens[c], ',')) c++;
  return isText(tokens[c], ',') ? c : -1;
}

/** Lower-case words of a role between an organisation's (or a person's) name and the name of the one who holds it. */
const MAX_ROLE_WORDS = 3;

/**
 * "Clinton campaign spokesman Brian Fallon", "White House press secretary Josh Earnest", "Band
 * member Flea": after the name at tokens `first`…`last`, words of a role only (titles and role
 * nouns, in lower case), then a name: that name is the person's, the first one the role's
 * employer. Null when any other word stands between ("Clinton told host Bill Maher"), when the
 * first "name" is a function word opening the sentence ("A campaign TV ad"), or when the second is
 * a possessive.
 */
function nameAfterRole(tokens: readonly Token[], first: number, last: number, to: number): [number, number] | null {
  if (first === last && STOP_WORDS.has(tokens[first]?.lower ?? '')) return null;
  let k = last + 1;
  while (k < to && k - last <= MAX_ROLE_WORDS) {
    const t = tokens[k];
    if (!t || t.type !== 'word' || !isLower(t.text[0]) || !(TITLES.has(t.lower) || ROLE_NOUNS.has(t.lower))) break;
    k++;
  }
  if (k === last + 1 || k >= to) return null;
  const own = nameRunForward(tokens, k, to - 1);
  // "A VOA reporter Nisan Ahmado's source": a possessive name modifies the subject, it is not one.
  const end = own ? tokens[own[1]] : undefined;
  return end && !isPossessive(end) ? own : null;
}

/** Nouns of time after a number that opens a sentence ("Thirteen years earlier, …"). */
const TIME_NOUNS = new Set(['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'decades', 'centuries']);

/** Lower-case words after a name that are its verb ("Fleming said", "Manning has"), not a participle's object. */
const VERB_AFTER_NAME = /^(said|says|told|tells|wrote|writes|added|adds|is|was|are|were|has|had|have|will|would|can|could|should|may|might|must|did|does|do|also|never|not|\p{Ll}+ed)$/u;

/**
 * "Facing mounting criticism from Democrats, Mr. Trump …", "Responding to the ruling, the judge …":
 * a capitalised participle opening the sentence and read on by a lower-case word starts an opening
 * phrase, whatever the article's vocabulary (the participle may appear only once).
 */
function opensParticiplePhrase(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  // "Thirteen years earlier, she …": a number opening a phrase of time.
  if (t && next && /^\p{Lu}\p{Ll}+(teen|ty|ve|ne|ee|wo|ix|en)$/u.test(t.text) && isNumberWord(t) && TIME_NOUNS.has(next.lower)) return true;
  if (!t || !next || !/^\p{Lu}\p{Ll}{2,}ing$/u.test(t.text) || next.type !== 'word' || !/^\p{Ll}/u.test(next.text)) return false;
  return !VERB_AFTER_NAME.test(next.text);
}

/** Words that open a description as the subject of a clause ("The retired neurosurgeon addressed …"). */
const DESCRIPTION_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'one', 'another', 'some', 'many', 'several']);
/** Auxiliaries that follow a subject and end it ("her campaign is planning"). */
const AUXILIARIES = new Set(['is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'did', 'does', 'do']);
const MAX_DESCRIPTION_WORDS = 5;


function looksLikeVerb(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'word' && (AUXILIARIES.has(t.lower) || IRREGULAR_PAST.has(t.text) || /^\p{Ll}+(ed|[^s']s)$/u.test(t.text));
}

/**
 * A description opening a clause, read forwards from its determiner at `k` up to the verb that
 * follows it: "The retired neurosurgeon addressed …", "her campaign is planning …", "One operative
 * tried …". Null when no verb-like word ends it.
 */
function descriptionForward(text: string, tokens: readonly Token[], k: number, to: number): SpeakerMention | null {
  let e = -1;
  for (let i = k + 1; i < to && i <= k + MAX_DESCRIPTION_WORDS; i++) {
    const t = tokens[i];
    if (!t || t.type !== 'word' || !/^\p{Ll}/u.test(t.text) || AUXILIARIES.has(t.lower) || STOP_WORDS.has(t.lower) || PREPOSITIONS.has(t.lower)) break;
    // A word after the head that looks like a verb ends the subject: "The retired neurosurgeon addressed".
    if (i > k + 1 && looksLikeVerb(t) && !ROLE_NOUNS.has(t.lower)) break;
    e = i;
  }
  if (e < 0) return null;
  let v = e + 1;
  while (v < to && v <= e + 2 && isSkippable(tokens[v]) && !AUXILIARIES.has(lower(tokens[v]))) v++;
  if (!looksLikeVerb(tokens[v])) return null;
  return mentionOf(text, tokens, k, e, 'description');
}

/** "his colleague wrote", "their lawyer said": a possessive opens a description of a source. */
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'our', 'another']);

/** "person familiar with", "sources close to": an anonymous source's noun at `k`, its qualifier and a preposition. */
function isAnonymousSourceAt(tokens: readonly Token[], k: number): boolean {
  return ANONYMOUS_SOURCE_NOUNS.has(lower(tokens[k])) && ANONYMOUS_SOURCE_QUALIFIERS.has(lower(tokens[k + 1])) && PREPOSITIONS_AFTER_ANONYMOUS.has(lower(tokens[k + 2]));
}

/** Whether an anonymous source (see isAnonymousSourceAt) opens the words just before `j`, all of them words. */
function anonymousSourceBefore(tokens: readonly Token[], j: number, min: number): boolean {
  for (let k = j - 3; k >= min && k >= j - 7; k--) {
    if (tokens[k]?.type !== 'word') return false;
    if (isAnonymousSourceAt(tokens, k)) return true;
  }
  return false;
}

function lowerSubject(text: string, tokens: readonly Token[], j: number, min: number): SpeakerMention | null {
  const t = tokens[j];
  if (!t || t.type !== 'word') return null;
  const w = t.lower;
  // "One of them described it as “…”": a part of a group named before.
  if ((w === 'them' || w === 'those') && lower(tokens[j - 1]) === 'of' && j - 2 >= min && PARTITIVES.has(lower(tokens[j - 2]))) return mentionOf(text, tokens, j - 2, j, 'description');
  // "a source close to the campaign said": the source, not the campaign.
  if (ROLE_NOUNS.has(w) && !anonymousSourceBefore(tokens, j, min)) return descriptionBackward(text, tokens, j, min);
  // "the Republican nominee said": a determiner and a few modifiers before a noun.
  for (let k = j - 1; k >= min && k >= j - 4; k--) {
    const tk = tokens[k];
    if (!tk || tk.type !== 'word') break;
    const lw = tk.lower;
    // "Russia's army said": a name's possessive determines the noun as "the" does.
    if (lw === 'the' || lw === 'a' || lw === 'an' || POSSESSIVE_DETERMINERS.has(lw) || (k < j && isPossessive(tk) && isCapitalised(tk.text) && (ORGANISATION_WORDS.has(w) || ROLE_NOUNS.has(w) || TITLES.has(w)))) {
      // "During the call, …" is a time, not a source.
      // "a trend that the foundation predicts …": a relative or complement clause opens with its own subject.
      const opener = lower(tokens[k - 1]);
      if (opener !== 'that' && (STOP_WORDS_IN_DESCRIPTION.has(opener) || PREPOSITIONS.has(opener))) break;
      if ((!/(ed|ing|ly)$/.test(w) || LY_NOUNS.has(w)) && !STOP_WORDS_IN_DESCRIPTION.has(w)) return mentionOf(text, tokens, headBeforeParticiple(tokens, k, min), j, 'description');
      break;
    }
    if (STOP_WORDS_IN_DESCRIPTION.has(lw) || PRONOUNS.has(lw)) break;
  }
  // "a spokesman for the ministry said": a role noun followed by a prepositional phrase; "a person
  // familiar with the matter said", "two people briefed on the talks said": a source kept anonymous,
  // its noun qualified by what makes it one before the phrase.
  for (let k = j - 1; k >= min && k >= j - 7; k--) {
    const tk = tokens[k];
    if (!tk || tk.type !== 'word') break;
    const anonymous = isAnonymousSourceAt(tokens, k);
    if (anonymous || (ROLE_NOUNS.has(tk.lower) && PREPOSITIONS_AFTER_ROLE.has(lower(tokens[k + 1])))) {
      // "the secretary of state mocked Trump for": a verb or a preposition inside the phrase ends
      // the description before it; the words up to the cue are then no subject. (An anonymous
      // source's phrase is told by its qualifier: "briefed on the talks", whose plural noun looks like a verb.)
      if (PREPOSITIONS.has(lower(tokens[j]))) return null;
      if (!anonymous) for (let i = k + 2; i <= j; i++) if (looksLikeVerb(tokens[i]) && !ROLE_NOUNS.has(lower(tokens[i]))) return null;
      const d = descriptionBackward(text, tokens, k, min);
      if (!d) return null;
      const last = tokens[j];
      return last ? { start: d.start, end: last.end, text: text.slice(d.start, last.end), kind: 'description' } : d;
    }
  }
  return null;
}

/** The source named right after a verb or `according to` ("said Fabrizio Carboni", "according to officials"). */
export function subjectAfter(text: string, tokens: readonly Token[], from: number, max: number): SpeakerMention | null {
  const i = from;
  const t = tokens[i];
  if (!t || i > max) return null;
  const w = t.lower;
  if (PRONOUNS.has(w) && w !== 'it') return mentionOf(text, tokens, i, i, 'pronoun');
  if (w === 'the' && isNameWord(tokens[i + 1])) {
    const run = nameRunForward(tokens, i + 1, max);
    if (run) {
      const m = nameMention(text, tokens, i, run[1]);
      if (m) return m;
    }
  }
  if (isNameWord(t)) {
    const run = nameRunForward(tokens, i, max);
    if (run) return roleHolderAfterBody(text, tokens, run[1] + 1, max) ?? nameMention(text, tokens, run[0], run[1]);
  }
  // "said 9/11 widow Terry Strada", "said former adviser Jane Doe": modifiers before the name.
  // "said former secretary of state Jane Roe": an office with its "of" before the name.
  for (let k = i; k <= max && k < i + 6; k++) {
    const tk = tokens[k];
    if (!tk || isNameWord(tk) || (STOP_WORDS.has(tk.lower) && !(tk.lower === 'of' && k > i))) break;
    if (tk.type === 'punct' && tk.text !== '/' && tk.text !== '-') break;
    const run = nameRunForward(tokens, k + 1, max);
    if (run) return nameMention(text, tokens, run[0], run[1]);
  }
  if (DETERMINERS.has(w) || !isUpper(t.text[0])) {
    // Determiner + modifiers + role noun.
    for (let k = i; k <= max && k < i + 6; k++) {
      const tk = tokens[k];
      if (!tk || tk.type !== 'word') break;
      if (isAnonymousSourceAt(tokens, k)) return anonymousSourceForward(text, tokens, i, k, max);
      if (ROLE_NOUNS.has(tk.lower)) {
        // "a senior administration official": the head is the last of a run of role nouns.
        let e = k;
        while (e + 1 <= max && ROLE_NOUNS.has(lower(tokens[e + 1]))) e++;
        return mentionOf(text, tokens, i, e, 'description');
      }
    }
  }
  return null;
}

/**
 * "said Carver Valley spokesperson Denise Albright", "said Goldman Sachs chief economist Jan
 * Hatzius": after a body's name, its lower-case role (up to three words, one a title or role noun)
 * and the name of the one who holds it, from token `k`.
 */
function roleHolderAfterBody(text: string, tokens: readonly Token[], k: number, max: number): SpeakerMention | null {
  let role = false;
  let e = k;
  for (; e <= max && e < k + 3; e++) {
    const tk = tokens[e];
    if (!tk || tk.type !== 'word' || !/^\p{Ll}/u.test(tk.text)) break;
    if (TITLES.has(tk.lower) || ROLE_NOUNS.has(tk.lower)) role = true;
  }
  if (!role || e === k) return null;
  const run = nameRunForward(tokens, e, max);
  return run && run[0] === e ? nameMention(text, tokens, run[0], run[1]) : null;
}

/** Words of the phrase after an anonymous source's preposition that its mention keeps ("close to [the Clintons]"). */
const MAX_ANONYMOUS_PHRASE = 6;

/**
 * "said a person close to the Clintons": the mention from `i` over the noun at `k`, its qualifier,
 * its preposition and the words after it up to a mark (at most MAX_ANONYMOUS_PHRASE of them).
 */
function anonymousSourceForward(text: string, tokens: readonly Token[], i: number, k: number, max: number): SpeakerMention | null {
  let e = k + 2;
  while (e + 1 <= max && e + 1 <= k + 2 + MAX_ANONYMOUS_PHRASE && tokens[e + 1]?.type === 'word') e++;
  return mentionOf(text, tokens, i, e, 'description');
}

/** Characters walked back from a capital before a line is taken to hold a name (keeps the test linear). */
const MAX_NAME_GAP = 64;
/** Marks beyond ASCII that are always a token of their own (never inside a word, never a dot). */
const PLAIN_MARKS = new Set([0x201c, 0x201d, 0x2018, 0x2019, 0xab, 0xbb, 0x2013, 0x2014, 0x2026]);

/** Whether `nameMention` drops a word (lower case) from the front of a run: a sentence opener, not a name. */
function openerDropped(w: string): boolean {
  return w !== 'the' && (STOP_WORDS.has(w) || DISCOURSE_WORDS.has(w));
}

/**
 * Whether the capital at `j` may end a full name as `fullNames` reads a run: before it, with only
 * spaces, dots and lower-case connectors ("of", "de") between, a capitalised word other than "the",
 * and at or before that word one that `nameMention` keeps at the front ("But Trump", "The Times"
 * make no full name). Never false where it does; true wherever the characters alone cannot tell
 * how the line is split into words.
 */
function capitalisedWordBefore(text: string, from: number, j: number): boolean {
  let named = false;
  let k = j - 1;
  while (k >= from) {
    if (j - k > MAX_NAME_GAP) return true;
    const c = text.charCodeAt(k);
    if (isSpaceCode(c)) {
      k--;
      continue;
    }
    if (c === 46) {
      // A dot is kept at the front of a run.
      if (named) return true;
      k--;
      continue;
    }
    if (isLetterOrDigitCode(c)) {
      let r = k;
      while (r > from && isLetterOrDigitCode(text.charCodeAt(r - 1))) r--;
      // Joined to what precedes ("U.S.", "O'Brien", an accent): a word of another extent.
      if (r > from && !isSpaceCode(text.charCodeAt(r - 1))) return true;
      const capitalised = isUpperCode(text.charCodeAt(r));
      // No connector is longer than three letters: most lower-case words are told without a slice.
      if (!capitalised && k + 1 - r > MAX_CONNECTOR_LENGTH) return false;
      const word = text.slice(r, k + 1);
      if (!capitalised && !NAME_CONNECTORS.has(word)) return false;
      const w = word.toLowerCase();
      if (capitalised && w !== 'the') named = true;
      if (named && !openerDropped(w)) return true;
      k = r - 1;
      continue;
    }
    // A comma, a bracket, a quotation mark: a mark of its own, which ends a run of name words.
    return c >= 128 && !PLAIN_MARKS.has(c);
  }
  return false;
}

/**
 * Whether `fullNames` can find anything in the tokens of `text[from, to)`: a full name needs two
 * capitalised words with only dots and connectors between. Read on the characters (`firstNameEnd`
 * found one), so that a line without one is neither split into tokens nor searched.
 */
export function mayHoldFullName(text: string, from: number, to: number): boolean {
  return firstNameEnd(text, from, to, new CapitalCursor(text)) >= 0;
}
/**
 * The first capital of `text[from, to)` that may end a full name (`mayHoldFullName` is whether there
 * is one), -1 if none: no name of the line ends before it (see `capitalisedWordBefore`). `capitals`
 * finds the capitals of the whole text: the lines are to be asked in order.
 */
export function firstNameEnd(text: string, from: number, to: number, capitals: CapitalCursor): number {
  for (let j = capitals.next(from + 1); j < to; j = capitals.next(j + 1)) {
    if (isUpperCode(text.charCodeAt(j)) && !isLetterOrDigitCode(text.charCodeAt(j - 1)) && capitalisedWordBefore(text, from, j)) return j;
  }
  return -1;
}

/**
 * Every code unit a capital may be (A to Z, or any from U+00C0 on: no capital lies between), found by
 * the pattern engine's own scan rather than one character at a time.
 */
const MAYBE_CAPITAL = /[A-Z\u00C0-\uFFFF]/g;

/**
 * Finds the characters of a text that may be capitals, left to right: the lines of an article are
 * asked in order, and a line without one is passed over without reading it again.
 */
export class CapitalCursor {
  /** The last search started at `searched` and found `found` (the text's length: none). */
  private searched = 0;
  private found = -1;

  constructor(private readonly text: string) {}

  /** The first position at or after `p` that may hold a capital (`MAYBE_CAPITAL`), the text's length if none. */
  next(p: number): number {
    if (p >= this.searched && p <= this.found) return this.found;
    MAYBE_CAPITAL.lastIndex = p;
    this.searched = p;
    this.found = MAYBE_CAPITAL.test(this.text) ? MAYBE_CAPITAL.lastIndex - 1 : this.text.length;
    return this.found;
  }
}

/**
 * Every full personal name (two words or more) in a token list made from `text`, titles stripped,
 * added to `out` (returned); `from`: the first token that may end one (the tokens before it are read
 * only as the front of a name ending there or later).
 */
export function fullNames(text: string, tokens: readonly Token[], out: SpeakerMention[] = [], from = 0): SpeakerMention[] {
  // Each token is tested once: whether the next is a name word is kept for the next step, and
  // whether the one before was (known from `from` on).
  let nameWord = from < tokens.length && isNameWordIn(text, tokens[from]);
  let wasNameWord = false;
  for (let i = from; i < tokens.length; i++) {
    const here = nameWord;
    const previous = wasNameWord;
    nameWord = i + 1 < tokens.length && isNameWordIn(text, tokens[i + 1]);
    wasNameWord = here;
    if (!here || nameWord) continue;
    // "Ian H. Solomon": the run goes on past an initial's dot to the name word after it.
    if (isTitleAbbrevDot(tokens, i + 1) && isNameWordIn(text, tokens[i + 2])) continue;
    // A name word alone (a sentence's first word, a surname): the token before is no name word,
    // nor the dot or the connector a name may hold, and the run is that word (see `nameRunStart`).
    if (i > from && !previous && !mayJoinName(tokens[i - 1])) continue;
    const start = nameRunStart(tokens, i, 0);
    if (i - start < 1) continue;
    const extent = nameExtent(tokens, start, i);
    if (extent < 0 || (extent & 3) !== NAME) continue;
    const first = tokens[extent >> 2];
    const last = tokens[i];
    if (first && last && hasSpace(text, first.start, last.end)) out.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), kind: 'name' });
  }
  return out;
}

/** Whether a token that is no name word may still stand inside a name: a dot ("Sen.", "B.") or a connector ("of"). */
function mayJoinName(t: Token | undefined): boolean {
  return t !== undefined && (t.text === '.' || isConnector(t));
}

/** `/\s/.test(text.slice(from, to))` without the slice. */
function hasSpace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isSpaceCode(text.charCodeAt(k))) return true;
  return false;
}


/** Words that open a noun phrase naming someone after an inverted verb ("said the 46-year-old") or before a verb after a quote ("one pilot said"). */
export const PHRASE_OPENERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'one', 'another', 'his', 'her', 'their', 'its', 'our', 'my', 'two', 'three', 'several', 'some', 'many']);
/** Words that end such a phrase: what follows describes the person or starts a clause. */
const PHRASE_ENDERS = new Set(['who', 'whom', 'whose', 'which', 'that', 'and', 'but', 'or', 'as', 'in', 'on', 'at', 'during', 'after', 'before', 'while', 'when', 'to', 'of', 'for', 'with', 'from', 'about']);
const MAX_PHRASE_WORDS = 8;

/**
 * "“…,” said the 46-year-old.", "…,” said a New Hampshire Republican who …": the noun phrase
 * after a verb that follows a quote, when no name or known role noun is found there. Ends at
 * punctuation or at a word that starts a clause or a prepositional phrase.
 */
export function phraseAfter(text: string, tokens: readonly Token[], from: number, max: number): SpeakerMention | null {
  if (!PHRASE_OPENERS.has(lower(tokens[from]))) return null;
  let e = from;
  for (let k = from + 1; k <= max && k - from <= MAX_PHRASE_WORDS; k++) {
    const t = tokens[k];
    if (!t || t.type !== 'word' || PHRASE_ENDERS.has(t.text.toLowerCase())) break;
    e = k;
  }
  if (e === from) return null;
  const next = tokens[e + 1];
  // The phrase must end where the sentence, a clause or a description begins: not "said the House would act".
  if (next && next.type === 'word' && !PHRASE_ENDERS.has(next.text.toLowerCase())) return null;
  if (next && next.type === 'word' && !/^(who|whose|of|at|in|for|with|from|on)$/i.test(next.text)) return null;
  return mentionOf(text, tokens, from, e, 'description');
}
