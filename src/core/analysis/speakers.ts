// Groups speaker mentions into canonical speakers per document: "Sergei Lavrov", "Sergey Lavrov" and
// "Lavrov" are one person, "ICRC" is "International Committee of the Red Cross", "the Turkish
// official" is "a Turkish security official"; the fullest form names the group.
import type { SpeakerMention } from './types';
import type { Gender } from './gender';
import { wordsGender } from './gender';
import { POSTMODIFYING_PARTICIPLES, TITLES, isGivenName, isNameSuffix } from './lexicon';
import { NAME_PARTICLES, PREPOSITIONS_AFTER_ANONYMOUS } from './mentions';
import { isAsciiLetterOrDigitCode, isUpperCode } from './text';

export interface SpeakerGroup {
  readonly key: number;
  name: string;
  nameWords: number;
  /** Where the naming form occurs: among equally full forms the first one names the group. */
  nameStart: number;
  readonly kind: SpeakerMention['kind'];
  readonly words: string[];
  readonly firstStart: number;
  /** Where the group was last mentioned: a bare surname shared by two people goes to the latest. */
  lastStart: number;
  /** The gender a courtesy title of one of its mentions showed ("Mrs. Clinton"), if any. */
  titleGender: Gender | null;
}

const ARTICLES = new Set(['the', 'a', 'an']);
/** The length of the longest of `ARTICLES`: a word that lower-cases to one is ASCII, of the same length. */
const MAX_ARTICLE_LENGTH = Math.max(...[...ARTICLES].map((w) => w.length));
/** Words up to this length match one edit apart. */
const MAX_FUZZY_WORD = 40;
/** Groups compared with a mention under one key: a real article never has more, a hostile one stays linear. */
const MAX_CANDIDATES_PER_KEY = 64;

/**
 * The words of a text made of ASCII letters, digits, dots, hyphens and spaces only (most names), in
 * one pass: nothing in it is dropped; null for any other text.
 */
export function plainWords(text: string): string[] | null {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (start >= 0) out.push(text.slice(start, i));
      start = -1;
      continue;
    }
    const plain = isAsciiLetterOrDigitCode(c) || c === 46 || c === 45;
    if (!plain) return null;
    if (start < 0) start = i;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/**
 * The words of any text: possessive endings dropped, then every character but letters, digits,
 * dots, hyphens and apostrophes between letters ("O'Brien", "Ichung'wah"). Filled by push, as `plainWords` fills its list: a list made by `map` where the
 * caller runs optimized has another elements kind, and code reading both is compiled for each.
 */
export function looseWords(text: string): string[] {
  const out: string[] = [];
  for (const part of text.replace(/['’]s\b/g, '').split(/[\s]+/)) {
    const w = part.replace(/[^\p{L}\p{N}.\-'’]|['’](?!\p{L})|(?<!\p{L})['’]/gu, '');
    if (w.length > 0) out.push(w);
  }
  return out;
}

function wordsOf(m: SpeakerMention): string[] {
  const ws = plainWords(m.text) ?? looseWords(m.text);
  // No article is longer than three letters: a longer first word is not lower-cased to be looked up.
  while (ws.length > 1 && (ws[0] ?? '').length <= MAX_ARTICLE_LENGTH && ARTICLES.has((ws[0] ?? '').toLowerCase())) ws.shift();
  // "two officials" is who "officials" is; "one of them" keeps its number.
  if (m.kind === 'description' && ws.length > 1 && /^(one|two|three|four|several|some|many|another|other)$/i.test(ws[0] ?? '') && (ws[1] ?? '').toLowerCase() !== 'of') ws.shift();
  // "Harry B. Harris Jr." is Harris: the suffix is no surname.
  if (m.kind === 'name' && ws.length > 1 && isNameSuffix(ws[ws.length - 1] ?? '')) ws.pop();
  return ws;
}

/**
 * The name a description's speaker is shown by: its compared words (`words`, joined in `joined`)
 * as written, their possessive endings kept ("mayor's office", not "mayor office"); `joined` when a
 * word differs in anything else.
 */
function descriptionName(text: string, words: readonly string[], joined: string): string {
  const written = text.split(/\s+/).filter((w) => w.length > 0);
  // The words wordsOf left out are at the start ("the", "two"): as many are left out here.
  const shown = written.slice(written.length - words.length);
  if (shown.length !== words.length) return joined;
  for (let i = 0; i < shown.length; i++) {
    const w = shown[i] ?? '';
    const bare = w.replace(/['’]s$/, '');
    // Each word as written but for its possessive ending: otherwise the compared words are shown.
    if (bare !== words[i] && !(i === shown.length - 1 && /^[^,;:]+[,;:]$/.test(w) && w.slice(0, -1) === words[i])) return joined;
  }
  return shown.join(' ').replace(/[,;:]$/, '');
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    edits++;
    if (edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function similarWord(a: string, b: string): boolean {
  return similarLowerWord(a.toLowerCase(), b.toLowerCase());
}

/** `similarWord` of two words already in lower case. */
function similarLowerWord(x: string, y: string): boolean {
  return x === y || (x.length >= 5 && y.length >= 5 && editDistanceAtMostOne(x, y));
}

const CAPITALISED = /^\p{Lu}/u;

/** `CAPITALISED.test(w)`, on the first code unit by the class table unless it opens a surrogate pair. */
function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdbff ? CAPITALISED.test(w) : isUpperCode(c);
}

/**
 * The first code units of the capitalised words. Read by code unit: a string's characters read by
 * index are compiled for the kinds of strings met so far (words of an ASCII article and of one
 * holding curly quotes differ), and this is reached only in articles of many people.
 */
function acronym(words: readonly string[]): string {
  let out = '';
  for (const w of words) if (startsUpper(w)) out += String.fromCharCode(w.charCodeAt(0));
  return out;
}

/** Words that open what follows a description's noun: "a lawyer for the family", "the union representing the workers", "a man who". */
const AFTER_HEAD = new Set([...PREPOSITIONS_AFTER_ANONYMOUS, 'who', 'whose', 'which', 'that']);

/**
 * The noun a description is about, in the singular: the word before what follows its noun ("lawyer"
 * in "the lawyer for the family"), else its last word ("family" in "the victim's family").
 */
function descriptionHead(words: readonly string[]): string {
  for (let i = 1; i < words.length; i++) {
    const w = (words[i] ?? '').toLowerCase();
    if (AFTER_HEAD.has(w) || POSTMODIFYING_PARTICIPLES.has(w)) return singular(words[i - 1] ?? '');
  }
  return singular(words[words.length - 1] ?? '');
}

function singular(w: string): string {
  const l = w.toLowerCase();
  return l.endsWith('s') && l.length > 3 ? l.slice(0, -1) : l;
}

/** What comparing a list of words reads again and again, made once: see `wordsFacts`. */
export interface WordsFacts {
  /** The words joined by spaces, in lower case: two word lists alike in this are the same source. */
  readonly joined: string;
  /** The last word in lower case. */
  readonly last: string;
}

/** The facts of `words`, whose join by spaces (`name`) is made already. */
function wordsFacts(words: readonly string[], name: string): WordsFacts {
  return { joined: name.toLowerCase(), last: (words[words.length - 1] ?? '').toLowerCase() };
}

/** `mine` and `theirs`: the facts of `words` and of the group's words. */
function sameSource(g: SpeakerGroup, kind: SpeakerMention['kind'], words: readonly string[], mine: WordsFacts, theirs: WordsFacts): boolean {
  if (theirs.joined === mine.joined) return true;
  if (kind === 'description' || g.kind === 'description') {
    if (kind !== g.kind) return false;
    const headA = descriptionHead(words);
    const headB = descriptionHead(g.words);
    if (headA !== headB) return false;
    const a = new Set(words.map((w) => w.toLowerCase()));
    const b = new Set(g.words.map((w) => w.toLowerCase()));
    const subset = (x: Set<string>, y: Set<string>): boolean => [...x].every((w) => y.has(w));
    return subset(a, b) || subset(b, a);
  }
  if (kind === 'organisation' || g.kind === 'organisation') {
    // Both sides read and tested up front: the group's side is the rarer case.
    const mine = words[0] ?? '';
    const theirs = g.words[0] ?? '';
    const mineSingle = words.length === 1;
    const theirsSingle = g.words.length === 1;
    const single = mineSingle ? mine : theirsSingle ? theirs : '';
    const other = mineSingle ? g.words : words;
    // Otherwise an organisation is the same source as equal words only (tested first), whatever the kinds.
    return single.length >= 2 && single === single.toUpperCase() && acronym(other) === single;
  }
  // People: the surname must match; first names must agree when both are given.
  if (!similarLowerWord(mine.last, theirs.last)) return false;
  if (words.length === 1 || g.words.length === 1) return true;
  const firstA = words[0] ?? '';
  const firstB = g.words[0] ?? '';
  return similarWord(firstA, firstB) || firstA[0]?.toLowerCase() === firstB[0]?.toLowerCase() || endsWithWords(g.words, words) || endsWithWords(words, g.words);
}

/** Words that open a surname of two words ("Abdel Rahman", "Le Pen", "Vander Plaats") beyond the particles inside names. */
const SURNAME_OPENERS = new Set([...NAME_PARTICLES, 'abdel', 'abd', 'abu', 'ben', 'bint', 'vander', 'mac', 'st.', 'saint']);

/**
 * "Sameh Abdel Rahman" ends with "Abdel Rahman", "María José García López" with "García López": a
 * surname of two words named alone. The words before it are given names the lexicon knows (one or
 * two), or one word before a surname that opens with a particle: "Rival Hillary Clinton" is no
 * longer name of "Hillary Clinton", nor "Challenger Kelli Ward" of "Kelli Ward".
 */
function endsWithWords(longer: readonly string[], shorter: readonly string[]): boolean {
  const d = longer.length - shorter.length;
  if (d < 1 || d > 2 || shorter.length < 2) return false;
  for (let i = 0; i < shorter.length; i++) if ((shorter[i] ?? '').toLowerCase() !== (longer[d + i] ?? '').toLowerCase()) return false;
  const first = (longer[0] ?? '').toLowerCase();
  if (d === 2) return isGivenName(first) && isGivenName((longer[1] ?? '').toLowerCase());
  return isGivenName(first) || (SURNAME_OPENERS.has((shorter[0] ?? '').toLowerCase()) && !TITLES.has(first) && !TITLES.has(`${first}.`) && startsUpper(longer[0] ?? ''));
}

/** The gender a group's name or its titles show. */
export function groupGender(g: SpeakerGroup): Gender | null {
  return g.kind === 'name' || g.kind === 'description' ? (g.titleGender ?? wordsGender(g.words)) : null;
}

/**
 * A bare surname that two people of the article share ("Clinton" after "Bill Clinton" and "Hillary
 * Clinton"): the one whose gender fits the mention's title, else the one named last before it.
 */
function sharedSurname(groups: readonly SpeakerGroup[], gender: Gender | null): SpeakerGroup | undefined {
  const fitting = gender ? groups.filter((g) => groupGender(g) === gender) : [];
  const pool = fitting.length > 0 ? fitting : groups;
  let best: SpeakerGroup | undefined;
  for (const g of pool) if (!best || g.lastStart > best.lastStart) best = g;
  return best;
}

function fuller(words: number, start: number, g: SpeakerGroup): boolean {
  return words > g.nameWords || (words === g.nameWords && start < g.nameStart);
}

/** The letters an acronym key is made of: a single word itself, or the initials of several. */
export function lettersOf(words: readonly string[]): string {
  const single = words.length === 1 ? (words[0] ?? '') : '';
  return single.length >= 2 ? single : words.length > 1 ? acronym(words) : '';
}

/** The first character of `lettersOf(words)` (-1: no letters), read without making them. */
export function initialOfLetters(words: readonly string[]): number {
  if (words.length === 1) return (words[0] ?? '').length >= 2 ? (words[0] ?? '').charCodeAt(0) : -1;
  for (const w of words) if (startsUpper(w)) return w.charCodeAt(0);
  return -1;
}

/** The keys of the words themselves (equal words, the head of a description, a surname and its spellings). */
function wordKeys(kind: SpeakerMention['kind'], words: readonly string[]): string[] {
  const keys = [`j:${words.join(' ').toLowerCase()}`];
  const last = (words[words.length - 1] ?? '').toLowerCase();
  if (kind === 'description') keys.push(`h:${descriptionHead(words)}`);
  if (kind === 'name') {
    // Words one edit apart share the word itself or one of its single-letter deletions.
    keys.push(`l:${last}`);
    // No surname is this long: a longer word would cost its length squared in keys.
    if (last.length >= 5 && last.length <= MAX_FUZZY_WORD) for (let i = 0; i < last.length; i++) keys.push(`l:${last.slice(0, i)}${last.slice(i + 1)}`);
  }
  return keys;
}

function addLetterKeys(keys: string[], kind: SpeakerMention['kind'], letters: string, lookup: boolean): void {
  if (!letters) return;
  // Acronyms count only when an organisation is one side.
  if (!lookup) keys.push(`${kind === 'organisation' ? 'ao' : 'an'}:${letters}`);
  else {
    keys.push(`ao:${letters}`);
    if (kind === 'organisation') keys.push(`an:${letters}`);
  }
}

/**
 * The keys under which a group named by some words is filed, and those under which a mention of
 * them looks for groups, their common keys made once: every pair that `sameSource` may accept shares
 * a key (equal words; the head of two descriptions; surnames one edit apart; an acronym with an
 * organisation's words).
 */
function sourceKeyPair(kind: SpeakerMention['kind'], words: readonly string[]): KeyPair {
  const filed = wordKeys(kind, words);
  const lookup = filed.slice();
  const letters = lettersOf(words);
  addLetterKeys(filed, kind, letters, false);
  addLetterKeys(lookup, kind, letters, true);
  return { filed, lookup };
}

/** The keys a group named by some words is filed under, and those a mention of them looks up. */
interface KeyPair {
  readonly filed: string[];
  readonly lookup: string[];
}

/** The groups filed under one key, and when the list last changed (the `version` of the index). */
interface KeyList {
  readonly groups: SpeakerGroup[];
  changed: number;
}

/** The words of a mention as grouping reads them, with what linking mentions reads of them. */
export interface MentionWords {
  readonly words: readonly string[];
  readonly facts: WordsFacts;
  /** `initialOfLetters` of the words. */
  readonly initial: number;
}

/**
 * One form of a mention: its words, and what looking them up found (`keys`, `lists`, `candidates`
 * and `version` are the grouping's own, written by it alone).
 */
export interface Form extends MentionWords {
  readonly kind: SpeakerMention['kind'];
  readonly words: string[];
  /** The words joined by a space, as a group they name is called. */
  readonly name: string;
  readonly facts: WordsFacts;
  keys: KeyPair | null;
  /** The lists of its lookup keys (made empty where no group is filed yet), found once. */
  lists: KeyList[] | null;
  candidates: SpeakerGroup[] | null;
  /** The `version` of the index when `candidates` were found: they hold while none of `lists` changed since. */
  version: number;
}

/** A group to be filed under the keys of some words (`form`: theirs, if of the group's kind). */
interface Filing {
  readonly g: SpeakerGroup;
  readonly words: readonly string[];
  readonly form: Form | null;
}

/** Assigns each non-pronoun mention to a group; returns the groups and the group of each mention. */
export class SpeakerGroups {
  readonly groups: SpeakerGroup[] = [];
  /** The facts of each group's words, by group key (kept as its words change). */
  private readonly groupFacts: WordsFacts[] = [];
  /** Whether a group was ever named by a last word too long for the keys of words one edit apart (see `candidates`). */
  private longLastWord = false;
  /** Groups by lookup key, so that a mention is compared with likely groups only, not with all. */
  private readonly byKey = new Map<string, KeyList>();
  /**
   * An article names the same people again and again: the words of each form of a mention (by kind
   * and text) are read once, and the lookup keys of those words built once (kept on the form).
   */
  private readonly formsByKind = new Map<SpeakerMention['kind'], Map<string, Form>>();
  /** Counts changes to `byKey`: a list changed after its form's candidates were found makes them stale. */
  private version = 0;
  /** Per group key, the look-up that last found it (a look-up's own number): each group is listed once. */
  private readonly seenBy: number[] = [];
  private lookUps = 0;
  /** The filings of groups not made yet (see `file`); null once they are made as they come. */
  private filings: Filing[] | null = [];
  /** People named by two words or more, by their first word in lower case (see `namedFirst`). */
  private readonly byFirstWord = new Map<string, SpeakerGroup[]>();

  /** The form of a mention: its words as grouping reads them, and what is read of them (once per kind and text). */
  formOfMention(m: SpeakerMention): Form {
    let forms = this.formsByKind.get(m.kind);
    if (!forms) {
      forms = new Map<string, Form>();
      this.formsByKind.set(m.kind, forms);
    }
    let form = forms.get(m.text);
    if (!form) {
      const words = wordsOf(m);
      const joined = words.join(' ');
      const name = m.kind === 'description' ? descriptionName(m.text, words, joined) : joined;
      form = { kind: m.kind, words, name, facts: wordsFacts(words, joined), initial: initialOfLetters(words), keys: null, lists: null, candidates: null, version: -1 };
      forms.set(m.text, form);
    }
    return form;
  }

  /**
   * Both key lists of `kind` and `words`, kept on their form when there is one (`form`: theirs, or
   * null). Without a form they are made and returned by the same steps, bar the keeping: a step only
   * that rare case took would have no feedback and throw away the optimized caller.
   */
  private keyPair(kind: SpeakerMention['kind'], words: readonly string[], form: Form | null): KeyPair {
    if (form !== null && form.keys !== null) return form.keys;
    const pair = sourceKeyPair(kind, words);
    if (form !== null) form.keys = pair;
    return pair;
  }

  /** The list of a key, made empty when there is none yet (a group filed under the key later joins it). */
  private listOf(key: string): KeyList {
    let list = this.byKey.get(key);
    if (list === undefined) {
      list = { groups: [], changed: -1 };
      this.byKey.set(key, list);
    }
    return list;
  }

  /**
   * Files a group under the keys of the words it is named by now (`form`: theirs, if of its kind).
   * While every mention is compared with every group the keys are not needed: the filings are kept
   * in order and made, in that order, the first time a look-up needs them (the lists then hold what
   * they would have held all along).
   */
  private file(g: SpeakerGroup, words: readonly string[], form: Form | null): void {
    if (this.filings === null) this.index(g, this.keyPair(g.kind, words, form).filed);
    else this.filings.push({ g, words, form });
  }

  /** Makes the filings kept so far; from now on groups are filed as they are named. */
  private indexAll(): void {
    const filings = this.filings ?? [];
    this.filings = null;
    for (const { g, words, form } of filings) this.index(g, this.keyPair(g.kind, words, form).filed);
  }

  /** `filed`: the keys the group is filed under (the filed keys of its kind and words). */
  private index(g: SpeakerGroup, filed: readonly string[]): void {
    this.version++;
    for (const key of filed) {
      const list = this.listOf(key);
      if (list.groups.length < MAX_CANDIDATES_PER_KEY && !list.groups.includes(g)) {
        list.groups.push(g);
        list.changed = this.version;
      }
    }
  }

  /**
   * Every group that may be the same source as a mention of this form, in the order the groups were
   * made. While the article has few groups, all of them: `sameSource` then finds among them the very
   * groups it finds among those sharing a key, since every pair it accepts shares a key of their
   * present words (see `sourceKeyPair`) but for two surnames one edit apart of which one is longer
   * than `MAX_FUZZY_WORD` (then the keys are looked up). And no list of a key is cut short while
   * there are no more groups than one holds.
   */
  private candidates(form: Form): SpeakerGroup[] {
    if (this.groups.length <= MAX_GROUPS_COMPARED_ALL && !this.longLastWord && form.facts.last.length <= MAX_FUZZY_WORD) return this.groups;
    if (this.filings !== null) this.indexAll();
    let lists = form.lists;
    if (lists === null) {
      lists = [];
      for (const key of this.keyPair(form.kind, form.words, form).lookup) lists.push(this.listOf(key));
      form.lists = lists;
    }
    if (form.candidates === null || changedSince(lists, form.version)) {
      form.candidates = this.lookUp(lists);
      form.version = this.version;
    }
    return form.candidates;
  }

  /** The groups of some key lists, each once, in the order they were made. */
  private lookUp(lists: readonly KeyList[]): SpeakerGroup[] {
    const found: SpeakerGroup[] = [];
    const stamp = ++this.lookUps;
    let sorted = true;
    for (const list of lists) {
      const groups = list.groups;
      for (let i = 0; i < groups.length && i < MAX_CANDIDATES_PER_KEY; i++) {
        const g = groups[i];
        if (!g || this.seenBy[g.key] === stamp) continue;
        this.seenBy[g.key] = stamp;
        const last = found[found.length - 1];
        if (last !== undefined && last.key > g.key) sorted = false;
        found.push(g);
      }
    }
    return sorted ? found : found.sort(byKey);
  }

  /** Gives a person the fullest form of their name seen anywhere ("Lavrov" → "Sergei Lavrov"). */
  extendName(m: SpeakerMention): void {
    const form = this.formOfMention(m);
    const words = form.words;
    if (this.filings !== null) this.indexAll();
    const candidates = m.kind === 'name' ? this.candidates(form) : this.lookUp(this.keyPair('name', words, null).lookup.map((key) => this.listOf(key)));
    for (const g of candidates) {
      if (g.kind === 'name' && fuller(words.length, m.start, g) && sameSource(g, 'name', words, form.facts, this.factsOf(g))) {
        g.name = form.name;
        g.nameWords = words.length;
        g.nameStart = m.start;
      }
    }
  }

  /** `gender` is what a courtesy title before the mention shows ("Mrs. Clinton"), if any. */
  groupOf(m: SpeakerMention, gender: Gender | null = null): SpeakerGroup {
    const form = this.formOfMention(m);
    const words = form.words;
    const candidates = this.candidates(form);
    // The first group of the same source, and whether another one is (then a bare surname picks).
    let chosen: SpeakerGroup | undefined;
    let several = false;
    for (const g of candidates) {
      if (!sameSource(g, m.kind, words, form.facts, this.factsOf(g))) continue;
      if (chosen) {
        several = true;
        break;
      }
      chosen = g;
    }
    if (several && m.kind === 'name' && words.length === 1) chosen = sharedSurname(candidates.filter((g) => sameSource(g, m.kind, words, form.facts, this.factsOf(g))), gender);
    if (!chosen && m.kind === 'name' && words.length === 1) chosen = this.namedFirst(form.facts.joined);
    if (chosen) return this.join(chosen, m, form, gender);
    const g: SpeakerGroup = { key: this.groups.length, name: form.name, nameWords: words.length, nameStart: m.start, kind: m.kind, words: [...words], firstStart: m.start, lastStart: m.start, titleGender: gender };
    this.groups.push(g);
    this.noteFirstWord(g);
    this.groupFacts.push(form.facts);
    this.noteLastWord(form.facts);
    this.seenBy.push(0);
    this.file(g, words, form);
    return g;
  }

  /**
   * The one person of the article whose name opens with `word` (lower case), when no surname matched
   * it: "Mao" after "Mao Lin" (a family name written first), "Maria" after "Maria Delgado" (a person
   * called by her first name). Two people opening so ("Wang Yi", "Wang Wei") leave it to no one.
   */
  private namedFirst(word: string): SpeakerGroup | undefined {
    const list = this.byFirstWord.get(word) ?? [];
    // Many people opening alike ("John …"): no one.
    if (list.length >= MAX_FIRST_WORD_PEOPLE) return undefined;
    let owner: SpeakerGroup | undefined;
    for (const g of list) {
      if (g.kind !== 'name' || g.words.length < 2 || (g.words[0] ?? '').toLowerCase() !== word) continue;
      if (owner && owner !== g) return undefined;
      owner = g;
    }
    return owner;
  }

  /** Files a person named by two words or more under their first word (see `namedFirst`). */
  private noteFirstWord(g: SpeakerGroup): void {
    if (g.kind !== 'name' || g.words.length < 2) return;
    const first = (g.words[0] ?? '').toLowerCase();
    if (!startsUpper(g.words[0] ?? '') || TITLES.has(first) || TITLES.has(`${first}.`)) return;
    const list = this.byFirstWord.get(first);
    if (!list) this.byFirstWord.set(first, [g]);
    else if (list.length < MAX_FIRST_WORD_PEOPLE && !list.includes(g)) list.push(g);
  }

  private factsOf(g: SpeakerGroup): WordsFacts {
    return this.groupFacts[g.key] ?? NO_FACTS;
  }

  private noteLastWord(facts: WordsFacts): void {
    if (facts.last.length > MAX_FUZZY_WORD) this.longLastWord = true;
  }

  /** Adds a mention (of `form`) to its group: the fullest form names the group. */
  private join(g: SpeakerGroup, m: SpeakerMention, form: Form, gender: Gender | null): SpeakerGroup {
    const words = form.words;
    g.lastStart = Math.max(g.lastStart, m.start);
    g.titleGender ??= gender;
    // A description never renames a person. (Both kinds are compared on every call: a test reached
    // only in the rare case has no feedback to go on.)
    const sameKind = m.kind === g.kind;
    const description = m.kind === 'description';
    if (fuller(words.length, m.start, g) && (sameKind || !description)) {
      g.name = form.name;
      g.nameWords = words.length;
      g.nameStart = m.start;
      if (m.kind === 'name' || m.kind === 'organisation') {
        g.words.length = 0;
        for (const w of words) g.words.push(w);
        this.groupFacts[g.key] = form.facts;
        this.noteLastWord(form.facts);
        this.noteFirstWord(g);
        // The form's keys are the group's when it is of the group's kind (a person's words naming an organisation are not).
        this.file(g, words, sameKind ? form : null);
      }
    }
    return g;
  }
}

const byKey = (a: SpeakerGroup, b: SpeakerGroup): number => a.key - b.key;

/** Groups compared one by one with each mention, rather than found by key (at most `MAX_CANDIDATES_PER_KEY`). */
const MAX_GROUPS_COMPARED_ALL = 32;

const NO_FACTS: WordsFacts = { joined: '', last: '' };

/** People filed under one first word at most (see `namedFirst`): past this the word names no one, and filing stays linear. */
const MAX_FIRST_WORD_PEOPLE = 4;

/** Whether one of the lists changed after `version`. */
function changedSince(lists: readonly KeyList[], version: number): boolean {
  for (const list of lists) if (list.changed > version) return true;
  return false;
}
