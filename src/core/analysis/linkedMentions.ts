// Which mentions of an article can change one another's speaker group. A mention joins a group only
// through a key it shares with one of the group's mentions (see `sourceKeyPair` in speakers.ts), so the mentions fall
// into parts that share no key, and grouping one part in reading order gives the very groups that
// grouping every mention would. Only the groups of the quotes' speakers and of a few pronouns'
// candidates are ever read: the other names of the article (most of them) are never grouped.
//
// Which part a mention belongs to is settled without its keys wherever a cheap test can tell: two
// mentions share a key only if their last words are equal or one edit apart (names, descriptions,
// equal words) or one side is an organisation whose letters the other spells.
import type { SpeakerMention } from './types';
import type { SpeakerGroups } from './speakers';
import { asciiLowerCode, isAsciiLetterOrDigitCode } from './text';
import { isNameSuffix } from './lexicon';

/** Parts taken one by one; past this, every mention left is taken at once (each take reads all mentions). */
const MAX_TAKES = 8;
/**
 * Shape keys: a side (the first two letters or the last two), two letters' codes and a length, as
 * one small integer (a number V8 keeps unboxed, so the keys of a map of them are made and hashed
 * without allocating). A code beyond ASCII is folded into one byte and a length is capped: a key may
 * then stand for several shapes, which only links a mention that shares no key to a part (grouped
 * with it, it finds no group it would not find alone), never leaves out one that does.
 */
const FRONT = 0;
const BACK = 1;
/**
 * Keys of a person's first word and of a bare name (one word), which link each other (see
 * `namedFirst` in speakers.ts): a word's first and last letters and its length.
 */
const FIRST = 2;
const BARE = 3;

/** The key on the side asked (FIRST or BARE) of the word `from`..`to` of `text` (`ascii`: lower-cased letter by letter). */
function wordKey(side: number, text: string, from: number, to: number, ascii: boolean): number {
  let a = text.charCodeAt(from);
  let z = text.charCodeAt(to - 1);
  if (ascii) {
    a = asciiLowerCode(a);
    z = asciiLowerCode(z);
  }
  return shapeKey(side, a, z, to - from);
}

/**
 * Where the first word of a name of several words ends when it is plain ASCII letters and digits
 * before a space and no article (then it is the first of its words as grouping reads them); -1 when
 * only reading its words tells.
 */
function plainFirstWordEnd(text: string): number {
  let i = 0;
  while (i < text.length && isAsciiLetterOrDigitCode(text.charCodeAt(i))) i++;
  if (i === 0 || i === text.length || text.charCodeAt(i) !== 32) return -1;
  // "The", "A", "An": grouping leaves an article out.
  return i <= 3 && /^(the|an?)$/i.test(text.slice(0, i)) ? -1 : i;
}
const MAX_LENGTH = 0x3ff;

/** A code unit in one byte: ASCII as it is, any other folded onto the byte values (the same steps for both, no rare branch). */
function foldedCode(c: number): number {
  return (c ^ (c >> 8)) & 0xff;
}

function shapeKey(side: number, a: number, b: number, length: number): number {
  return ((side * 0x100 + foldedCode(a)) * 0x100 + foldedCode(b)) * 0x400 + Math.min(Math.max(length, 0), MAX_LENGTH);
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Where the last word of a mention starts when it is plain ASCII letters and digits after a space
 * (then it is the last of its words as grouping reads them, lower-cased letter by letter); -1 when
 * only reading its words tells (an apostrophe, a hyphen, a letter beyond ASCII).
 */
export function plainLastWordStart(text: string): number {
  let i = text.length;
  while (i > 0 && isAsciiLetterOrDigitCode(text.charCodeAt(i - 1))) i--;
  if (i === text.length || (i > 0 && !isAsciiSpace(text.charCodeAt(i - 1)))) return -1;
  return i;
}

/**
 * Adds the shape keys that a word sharing a key with this one (equal, one edit apart, a plural and its
 * singular) has among its own two (its first two letters and its last two, at its length). An edit
 * leaves the first two letters or the last two of a word of five letters or more as they were, but
 * for a letter dropped at each end ("abcde", "bcdef"): hence the letters one apart too.
 */
export function addShapesOfWord(word: string, to: Set<number>): void {
  const keys: number[] = [];
  shapesOfWord(word, keys);
  for (const key of keys) to.add(key);
}

/** The keys `addShapesOfWord` adds, pushed onto a list (some more than once). */
function shapesOfWord(word: string, to: number[]): void {
  const n = word.length;
  if (n === 0) return;
  const c0 = word.charCodeAt(0);
  const c1 = n > 1 ? word.charCodeAt(1) : 0;
  const z1 = word.charCodeAt(n - 1);
  const z2 = n > 1 ? word.charCodeAt(n - 2) : 0;
  for (let length = n - 1; length <= n + 1; length++) {
    to.push(shapeKey(FRONT, c0, c1, length));
    to.push(shapeKey(BACK, z2, z1, length));
    if (n >= 3) {
      const c2 = word.charCodeAt(2);
      const z3 = word.charCodeAt(n - 3);
      to.push(shapeKey(FRONT, c1, c2, length));
      to.push(shapeKey(FRONT, c0, c2, length));
      to.push(shapeKey(BACK, z3, z2, length));
      to.push(shapeKey(BACK, z3, z1, length));
    }
  }
}

/** The shape key of a word (`from`..`to` of `text`; `ascii`: lower-cased letter by letter) on the side asked. */
function ownShape(side: number, text: string, from: number, to: number, ascii: boolean): number {
  const n = to - from;
  const i = side === FRONT ? from : to - 2;
  let a = i >= from ? text.charCodeAt(i) : 0;
  let b = i + 1 < to ? text.charCodeAt(i + 1) : 0;
  if (ascii) {
    a = asciiLowerCode(a);
    b = asciiLowerCode(b);
  }
  return shapeKey(side, a, b, n);
}

/** A lower-case word's own two shape keys. */
export function ownShapesOfWord(word: string): [number, number] {
  return [ownShape(FRONT, word, 0, word.length, false), ownShape(BACK, word, 0, word.length, false)];
}

/** The shape key of a mention without words (its words are "" and it shares a key with any other such). */
const NO_WORDS = shapeKey(FRONT, 0, 0, 0);

/**
 * The first characters of the parts of a name (after its start and each ASCII space), pushed onto
 * `out`: the letters of a plain name are among them (see `initialOfLetters`), so its words need not
 * be read to tell whether it may share an acronym's first letter with an organisation. False where
 * the characters cannot tell (beyond ASCII: a space of its own, a letter dropped by reading; or a
 * part opening with a sign): then only its words tell.
 */
export function plainPartInitials(text: string, out: number[]): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const startsPart = k === 0 || isAsciiSpace(text.charCodeAt(k - 1));
    if (c >= 0x80 || (startsPart && !isAsciiLetterOrDigitCode(c) && !isAsciiSpace(c))) return false;
    if (startsPart && !isAsciiSpace(c)) out.push(c);
  }
  return true;
}

/** Index keys beside the shape keys (which are 0 or more): a character a name may link by, an organisation's initial. */
const NAME_LETTER = -1;
const ORGANISATION_INITIAL = -0x20000;

/**
 * Lists of mention indexes by number, kept in two flat arrays (one entry per index listed, chained
 * from the newest), so that indexing an article's mentions makes no array per key.
 */
class IndexLists {
  private readonly head = new Map<number, number>();
  private readonly entry: number[] = [];
  private readonly next: number[] = [];

  add(key: number, i: number): void {
    const h = this.head.get(key);
    this.entry.push(i);
    this.next.push(h === undefined ? -1 : h);
    this.head.set(key, this.entry.length - 1);
  }

  /** Removes the list of `key` and gives where it starts (-1: none); walk it by `entryAt` and `nextOf`. */
  detach(key: number): number {
    const h = this.head.get(key);
    if (h === undefined) return -1;
    this.head.delete(key);
    return h;
  }

  entryAt(e: number): number {
    return this.entry[e] ?? -1;
  }

  nextOf(e: number): number {
    return this.next[e] ?? -1;
  }
}

/**
 * Splits the mentions (non-pronoun, one per span, in reading order) into parts as they are asked for.
 *
 * Each mention is listed under what it may be linked by (its own two shape keys; as an organisation,
 * its initial; as another mention, the characters `plainPartInitials` gives or its initial), and
 * what a taken mention can link (the shapes of its last word, its initial) detaches those lists: a
 * part is found by following links from its seeds, and its cost is that of the mentions it takes,
 * not of a pass over all the article's mentions per step of a chain.
 */
export class LinkedMentions {
  /** The take that took each mention (0: not taken yet). */
  private readonly takenBy: Uint8Array;
  private left: number;
  private takes = 0;
  private readonly lists = new IndexLists();
  /** Whether the names are listed by their letters yet (once an organisation is taken: before, none links so). */
  private lettersListed = false;
  private readonly lastWords = new Set<string>();
  /** Bare names ('b:') and first words of names ('p:') whose links are followed (see `noteFirstWord`). */
  private readonly firstWords = new Set<string>();
  /** First letters of the letters (`lettersOf`) of the mentions taken, and of the organisations taken. */
  private readonly initials = new Set<number>();
  private readonly organisationInitials = new Set<number>();
  /** Mentions taken and not yet noted, and those of the take under way. */
  private readonly pending: number[] = [];
  private taken: number[] = [];
  private readonly shapes: number[] = [];
  private readonly letters: number[] = [];

  constructor(
    private readonly mentions: readonly SpeakerMention[],
    private readonly groups: SpeakerGroups,
  ) {
    const n = mentions.length;
    this.takenBy = new Uint8Array(n);
    this.left = n;
    for (let i = 0; i < n; i++) {
      const m = mentions[i];
      if (!m) continue;
      const from = plainLastWordStart(m.text);
      // "Harry B. Harris Jr": listed by the surname its form reads, not by the suffix.
      if (from >= 0 && !isNameSuffix(m.text.slice(from))) {
        this.lists.add(ownShape(FRONT, m.text, from, m.text.length, true), i);
        this.lists.add(ownShape(BACK, m.text, from, m.text.length, true), i);
      } else {
        const last = groups.formOfMention(m).facts.last;
        const [front, back] = last === '' ? [NO_WORDS, NO_WORDS] : ownShapesOfWord(last);
        this.lists.add(front, i);
        this.lists.add(back, i);
      }
      if (m.kind === 'name') this.listFirstWord(m, i, from);
      if (m.kind === 'organisation') {
        const initial = groups.formOfMention(m).initial;
        if (initial >= 0) this.lists.add(ORGANISATION_INITIAL - initial, i);
      }
    }
  }

  /**
   * The mentions not taken yet that share a part with the mentions `seeds` (indexes into the
   * mentions) or with `outside` (a mention not among them), by index in reading order; now taken.
   */
  take(seeds: readonly number[], outside: SpeakerMention | null = null): number[] {
    if (this.left === 0) return [];
    this.takes++;
    const take = this.takes;
    if (take > MAX_TAKES) return this.takeAll(take);
    this.taken = [];
    for (const i of seeds) if (this.takenBy[i] === 0) this.mark(i, take);
    if (outside) this.note(outside, take);
    while (this.pending.length > 0) {
      const m = this.mentions[this.pending.pop() ?? -1];
      if (m) this.note(m, take);
    }
    return this.taken.sort(byIndex);
  }

  private takeAll(take: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.mentions.length; i++) {
      if (this.takenBy[i] !== 0) continue;
      this.takenBy[i] = take;
      out.push(i);
    }
    this.left = 0;
    return out;
  }

  private mark(i: number, take: number): void {
    this.takenBy[i] = take;
    this.left--;
    this.taken.push(i);
    this.pending.push(i);
  }

  /** Takes every mention not taken yet listed under `key` (a list is detached once: all it holds are then taken). */
  private takeListed(key: number, take: number): void {
    for (let e = this.lists.detach(key); e >= 0; e = this.lists.nextOf(e)) {
      const i = this.lists.entryAt(e);
      if (i >= 0 && this.takenBy[i] === 0) this.mark(i, take);
    }
  }

  /** Takes what a taken mention links: the mentions whose last word may share a key with its own, and those an initial of it links. */
  private note(m: SpeakerMention, take: number): void {
    const read = this.groups.formOfMention(m);
    const last = read.facts.last;
    if (last === '') this.takeListed(NO_WORDS, take);
    // An article names the same people again and again: the shapes of a word are followed once.
    else if (!this.lastWords.has(last)) {
      this.lastWords.add(last);
      this.shapes.length = 0;
      shapesOfWord(last, this.shapes);
      for (const key of this.shapes) this.takeListed(key, take);
    }
    if (m.kind === 'name') this.noteFirstWord(read.words, take);
    const initial = read.initial;
    if (initial < 0) return;
    if (!this.initials.has(initial)) {
      this.initials.add(initial);
      this.takeListed(ORGANISATION_INITIAL - initial, take);
    }
    if (m.kind === 'organisation' && !this.organisationInitials.has(initial)) {
      this.organisationInitials.add(initial);
      if (!this.lettersListed) this.listLetters();
      this.takeListed(NAME_LETTER - initial, take);
    }
  }

  /**
   * A bare name takes the people whose name opens with it, and a person's name the bare names of its
   * first word ("Mao" and "Mao Lin"): each word followed once.
   */
  private noteFirstWord(words: readonly string[], take: number): void {
    if (words.length === 0) return;
    const bare = words.length === 1;
    const word = (words[0] ?? '').toLowerCase();
    const key = `${bare ? 'b' : 'p'}:${word}`;
    if (this.firstWords.has(key)) return;
    this.firstWords.add(key);
    this.takeListed(wordKey(bare ? FIRST : BARE, word, 0, word.length, false), take);
  }

  /**
   * Lists a name (the mention `i`, its plain last word from `last`, or -1) by its first word: a bare
   * name under BARE, a name of several words under FIRST. Its characters tell where they can.
   */
  private listFirstWord(m: SpeakerMention, i: number, last: number): void {
    const text = m.text;
    if (last === 0) {
      this.lists.add(wordKey(BARE, text, 0, text.length, true), i);
      return;
    }
    const end = last > 0 ? plainFirstWordEnd(text) : -1;
    if (end > 0) {
      this.lists.add(wordKey(FIRST, text, 0, end, true), i);
      return;
    }
    const words = this.groups.formOfMention(m).words;
    const word = (words[0] ?? '').toLowerCase();
    if (word !== '') this.lists.add(wordKey(words.length === 1 ? BARE : FIRST, word, 0, word.length, false), i);
  }

  /**
   * Lists every mention not taken yet but the organisations under the letters an organisation's
   * initial may link it by: those `plainPartInitials` reads, else its initial.
   */
  private listLetters(): void {
    this.lettersListed = true;
    for (let i = 0; i < this.mentions.length; i++) {
      const m = this.mentions[i];
      if (!m || this.takenBy[i] !== 0 || m.kind === 'organisation') continue;
      this.letters.length = 0;
      if (!plainPartInitials(m.text, this.letters)) {
        this.letters.length = 0;
        this.letters.push(this.groups.formOfMention(m).initial);
      }
      for (const c of this.letters) if (c >= 0) this.lists.add(NAME_LETTER - c, i);
    }
  }
}

const byIndex = (a: number, b: number): number => a - b;
