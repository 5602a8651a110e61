// Reporting cues: the verb or phrase that introduces someone's words ("said", "told reporters",
// "according to").
import type { Cue } from './types';
import type { Token } from './text';
import { tokenIndexAt } from './text';
import { CUE_OBJECTS, DETERMINERS, NON_REPORTING_VERBS, ORGANISATION_WORDS, PRONOUNS, REPORTING_VERBS, ROLE_NOUNS, STOP_WORDS, WEAK_REPORTING_VERBS } from './lexicon';
import { lower } from './mentions';

const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);

export interface CueHit {
  /** Token index of the verb (or of `according`, or of `words` in "in the words of"). */
  readonly index: number;
  readonly cue: Cue;
  readonly accordingTo: boolean;
  readonly weak: boolean;
}

/** Verbs that may stand before their subject right after a quote ("…,” said Carboni). */
export const INVERTIBLE = new Set([
  'said', 'says', 'added', 'adds', 'asked', 'wrote', 'continued', 'explained', 'noted', 'warned', 'insisted', 'argued',
  'claimed', 'replied', 'responded', 'tweeted', 'declared', 'stated', 'announced', 'recalled', 'concluded', 'remarked',
  'observed', 'countered', 'quipped', 'cautioned', 'writes', 'tells', 'told', 'say', 'reported', 'reports',
  // "…,” read the statement", "…,” reads an editorial": the words of a text.
  'read', 'reads', 'states',
]);

/**
 * The lengths of the cue words (the reporting verbs, "according" and "put") by their first two
 * letters and by their last two, a bit per length in each table, and a bit per hash of their code
 * units: most words are turned away by a few code units before a set is asked (which computes the
 * word's hash in the engine, the costly part). Of the words of news text about one in six passes
 * the first table, one in fourteen both, and one in thirty-six all three (nearly all of them cue words). Built
 * from the lexicon; a word the tables cannot describe (other letters, 32 or more of them) switches
 * them off.
 */
const FIRST_TWO = new Uint32Array(26 * 26);
const LAST_TWO = new Uint32Array(26 * 26);
/** Bits of WORD_HASH_BITS hashes, 32 to an entry. */
const WORD_HASHES = new Uint32Array(256);
const WORD_HASH_BITS = 8192;

/** A hash of a word's code units (FNV-1a), below WORD_HASH_BITS. */
function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (WORD_HASH_BITS - 1);
}

/** The index of two lower-case ASCII letters in a table of 26 × 26, or -1. */
function pairIndex(a: number, b: number): number {
  const x = a - 97;
  const y = b - 97;
  return x >= 0 && x < 26 && y >= 0 && y < 26 ? x * 26 + y : -1;
}

const CUE_FILTER = [...REPORTING_VERBS, 'according', 'put', 'words'].every((v) => {
  const first = pairIndex(v.charCodeAt(0), v.charCodeAt(1));
  const last = pairIndex(v.charCodeAt(v.length - 2), v.charCodeAt(v.length - 1));
  if (first < 0 || last < 0 || v.length >= 32) return false;
  FIRST_TWO[first] = (FIRST_TWO[first] ?? 0) | (1 << v.length);
  LAST_TWO[last] = (LAST_TWO[last] ?? 0) | (1 << v.length);
  const h = wordHash(v);
  WORD_HASHES[h >>> 5] = (WORD_HASHES[h >>> 5] ?? 0) | (1 << (h & 31));
  return true;
});

/** False for a word that is surely no cue word (no reporting verb, nor "according", "put" or "words"). */
function mayBeCueLetters(w: string): boolean {
  if (!CUE_FILTER) return true;
  const n = w.length;
  // No cue word is shorter than two letters: a word of one is not read past its end.
  if (n < 2 || n >= 32) return false;
  const first = pairIndex(w.charCodeAt(0), w.charCodeAt(1));
  if (first < 0 || (((FIRST_TWO[first] ?? 0) >>> n) & 1) === 0) return false;
  const last = pairIndex(w.charCodeAt(n - 2), w.charCodeAt(n - 1));
  if (last < 0 || (((LAST_TWO[last] ?? 0) >>> n) & 1) === 0) return false;
  const h = wordHash(w);
  return (((WORD_HASHES[h >>> 5] ?? 0) >>> (h & 31)) & 1) === 1;
}

/**
 * Whether a word (lower case) may be the verb of a cue at all: `cueAt` finds none at a word for
 * which this is false, so a scan for cues asks it alone of most words.
 */
export function mayBeCueWord(w: string): boolean {
  return mayBeCueLetters(w) && (REPORTING_VERBS.has(w) || w === 'according' || w === 'put' || w === 'words');
}

export function cueAt(text: string, tokens: readonly Token[], i: number): CueHit | null {
  const t = tokens[i];
  if (!t || t.type !== 'word') return null;
  const w = t.lower;
  // Most words are told by their letters alone ("according" and "put" pass the test).
  if (!mayBeCueLetters(w)) return null;
  if (w === 'according' && lower(tokens[i + 1]) === 'to') {
    const to = tokens[i + 1];
    if (!to) return null;
    return { index: i, cue: { start: t.start, end: to.end, text: text.slice(t.start, to.end) }, accordingTo: true, weak: false };
  }
  if (w === 'words' && lower(tokens[i + 1]) === 'of' && lower(tokens[i - 1]) === 'the' && lower(tokens[i - 2]) === 'in') {
    // "in the words of a senior adviser, “…”": read as "according to", its source after "of".
    const from = tokens[i - 2];
    const of = tokens[i + 1];
    if (!from || !of) return null;
    return { index: i, cue: { start: from.start, end: of.end, text: text.slice(from.start, of.end) }, accordingTo: true, weak: false };
  }
  if (w === 'put' && lower(tokens[i + 1]) === 'it') {
    // "as The New Yorker put it, “…”"
    const it = tokens[i + 1];
    if (!it) return null;
    return { index: i, cue: { start: t.start, end: it.end, text: text.slice(t.start, it.end) }, accordingTo: false, weak: false };
  }
  if (!REPORTING_VERBS.has(w)) return null;
  // "her tweet was “a joke”", "the reported deal": after a possessive or an article the word is a noun or an adjective.
  if (NOUN_MARKERS.has(lower(tokens[i - 1]))) return null;
  if (NAMING_VERBS.has(w) && namesInFreeRelative(tokens, i)) return null;
  // "released a statement", "published an op-ed": the verb reports a text it has as object; without
  // one it is a participle after a noun ("a report released last year found …").
  if (PUBLISHING_VERBS.has(w) && !DETERMINERS.has(lower(tokens[i + 1]))) return null;
  // Passive voice ("were admitted", "was described") reports nothing.
  if (endsWithEd(w) && PASSIVE_AUXILIARIES.has(lower(tokens[i - 1]))) return null;
  if (t.text[0] !== w[0] && i > 0 && tokens[i - 1]?.type === 'word') return null; // capitalised mid-sentence: a name
  let end = t.end;
  const next = tokens[i + 1];
  if ((w === 'told' || w === 'tells' || w === 'tell') && next && CUE_OBJECTS.has(next.text.toLowerCase()) && /^(reporters|journalists|lawmakers|senators|supporters)$/i.test(next.text)) {
    end = next.end;
  }
  return { index: i, cue: { start: t.start, end, text: text.slice(t.start, end) }, accordingTo: false, weak: WEAK_REPORTING_VERBS.has(w) };
}

/** `/ed$/.test(w)`, on the code units. */
function endsWithEd(w: string): boolean {
  const n = w.length;
  return n >= 2 && w.charCodeAt(n - 1) === 100 && w.charCodeAt(n - 2) === 101;
}

/** Words after which a reporting verb's form is a noun or an adjective ("his statement", "her tweet", "the reported deal"). */
const NOUN_MARKERS = new Set(['his', 'her', 'its', 'their', 'my', 'our', 'your', 'the', 'a', 'an']);

/** Verbs of making a text public, cues only with the text as their object. */
const PUBLISHING_VERBS = new Set(['released', 'releasing', 'issued', 'published', 'publishing']);

/** Verbs that give a thing its name ("what he calls “X”") as well as report words. */
const NAMING_VERBS = new Set(['call', 'calls', 'called']);

/**
 * "what he calls the “Washington cartel”": the words name a thing inside the writer's sentence, whose
 * own verb ("railed against") is the cue; nobody is quoted as speaking at "calls". With a name
 * ("what Gilbert called “a perception problem”") the clause usually is the attribution, so it stays.
 */
function namesInFreeRelative(tokens: readonly Token[], i: number): boolean {
  return lower(tokens[i - 2]) === 'what' && PRONOUNS.has(lower(tokens[i - 1]));
}

/**
 * Whether the word that follows a source, in a rule that takes any verb there as the cue, cannot be
 * one: a verb that never reports words ("took", "became"), or a noun or function word that only
 * looks like a verb in -s ("Clinton’s aides", "the party leaders", "news").
 */
export function cannotBeCue(word: string): boolean {
  const w = word.toLowerCase();
  if (REPORTING_VERBS.has(w)) return false;
  return NON_REPORTING_VERBS.has(w) || ROLE_NOUNS.has(w) || ORGANISATION_WORDS.has(w) || DETERMINERS.has(w) || STOP_WORDS.has(w);
}

const SENTENCE_ENDS = new Set(['.', '!', '?']);

/**
 * The reporting verb that introduces a quote most closely, when the attribution's cue stands further
 * back in the sentence: "Trump said of it, ''…,'' adding that ''…''" gives the second quote
 * "adding"; "she echoed the charge, saying “…”" gives "saying". Reads the tokens between `from`
 * (the cue's end or the end of the quote before) and the quote's opening mark; null when none.
 */
export function closerCue(text: string, tokens: readonly Token[], from: number, open: number): Cue | null {
  const last = tokenIndexAt(tokens, open) - 1;
  const first = tokenIndexAt(tokens, from);
  for (let k = last; k >= first; k--) {
    const t = tokens[k];
    if (!t) break;
    if (t.type === 'punct' && SENTENCE_ENDS.has(t.text)) return null;
    const hit = cueAt(text, tokens, k);
    if (hit) return !hit.accordingTo && continuesClause(tokens, k) ? hit.cue : null;
  }
  return null;
}

/** Words before a participle that go on with the sentence's subject ("…, adding", "before saying"). */
const BEFORE_PARTICIPLE = new Set([',', 'and', 'before', 'after', 'while', 'then', 'by', '\u2014', '\u2013']);

/**
 * A verb that carries on the clause of the attribution, so its subject is the same speaker: a
 * participle after a comma ("…, adding that"), or a verb joined by "and" ("and added"). Not a
 * verb of a clause of its own ("she recalls", "who suggested", "to tell"), nor a noun ("those reports").
 */
function continuesClause(tokens: readonly Token[], k: number): boolean {
  const w = lower(tokens[k]);
  // The closing mark of the quote before does not count: "…,” adding".
  let p = k - 1;
  while (p >= 0 && /^["\u201C\u201D'\u2018\u2019]$/.test(tokens[p]?.text ?? '')) p--;
  const prev = lower(tokens[p]);
  if (w.endsWith('ing')) return BEFORE_PARTICIPLE.has(prev);
  return prev === 'and' || (prev === 'then' && lower(tokens[p - 1]) === 'and');
}

/** Tokens read after a cue for a second source of the same words. */
const MAX_TOKENS_TO_SOURCE = 40;

/**
 * "“…,” Walker said, according to a news agency": the words reach the article through a second
 * source, whose own cue follows the speaker's in the same sentence. Returns that cue, or null.
 */
export function relayCueAfter(text: string, tokens: readonly Token[], cueEnd: number): Cue | null {
  const from = tokenIndexAt(tokens, cueEnd);
  for (let k = from; k < tokens.length && k - from < MAX_TOKENS_TO_SOURCE; k++) {
    const t = tokens[k];
    if (!t || (t.type === 'punct' && SENTENCE_ENDS.has(t.text)) || /^["\u201C\u201D'\u2018\u2019]$/.test(t.text)) return null;
    if (t.lower === 'according' && tokens[k - 1]?.text === ',') {
      const hit = cueAt(text, tokens, k);
      if (hit?.accordingTo) return hit.cue;
    }
  }
  return null;
}
