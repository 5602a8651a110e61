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
import { initialOfLetters } from './speakers';
import { asciiLowerCode, isAsciiLetterOrDigitCode } from './text';

/** Passes over the mentions left for one part; a longer chain (hostile text) takes every mention left. */
const MAX_PASSES = 6;
/** Parts taken one by one; past this, every mention left is taken at once (each take reads all mentions). */
const MAX_TAKES = 8;
/** Shape keys: a side (the first two letters or the last two), two letters' codes and a length, as one number. */
const FRONT = 0;
const BACK = 1;
const MAX_LENGTH = 0xfff;

function shapeKey(side: number, a: number, b: number, length: number): number {
  return ((side * 0x10000 + a) * 0x10000 + b) * 0x1000 + Math.min(Math.max(length, 0), MAX_LENGTH);
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
  const n = word.length;
  if (n === 0) return;
  const c0 = word.charCodeAt(0);
  const c1 = n > 1 ? word.charCodeAt(1) : 0;
  const z1 = word.charCodeAt(n - 1);
  const z2 = n > 1 ? word.charCodeAt(n - 2) : 0;
  for (let length = n - 1; length <= n + 1; length++) {
    to.add(shapeKey(FRONT, c0, c1, length));
    to.add(shapeKey(BACK, z2, z1, length));
    if (n >= 3) {
      const c2 = word.charCodeAt(2);
      const z3 = word.charCodeAt(n - 3);
      to.add(shapeKey(FRONT, c1, c2, length));
      to.add(shapeKey(FRONT, c0, c2, length));
      to.add(shapeKey(BACK, z3, z2, length));
      to.add(shapeKey(BACK, z3, z1, length));
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

/** What the characters of a name tell of its letters against the organisations' initials. */
export const LINKS = 1;
export const NO_LINK = 0;
export const READ_WORDS = -1;

/**
 * Whether a name shares an acronym's first letter with an organisation, read on its characters: the
 * letters of a plain name are among the first letters of its parts, so its words need not be read.
 * READ_WORDS where the characters cannot tell (beyond ASCII: a space of its own, a letter dropped
 * by reading; or a part opening with a sign).
 */
export function plainInitialLinks(text: string, organisationInitials: ReadonlySet<number>): number {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const startsPart = k === 0 || isAsciiSpace(text.charCodeAt(k - 1));
    if (c >= 0x80 || (startsPart && !isAsciiLetterOrDigitCode(c) && !isAsciiSpace(c))) return READ_WORDS;
    if (startsPart && organisationInitials.has(c)) return LINKS;
  }
  return NO_LINK;
}

/** Splits the mentions (non-pronoun, one per span, in reading order) into parts as they are asked for. */
export class LinkedMentions {
  /** The take that took each mention (0: not taken yet). */
  private readonly takenBy: Uint8Array;
  private left: number;
  private takes = 0;
  /** Shape keys of the last words taken (see `addShapesOfWord`). */
  private readonly shapes = new Set<number>();
  private readonly lastWords = new Set<string>();
  /** First letters of the letters (`lettersOf`) of the mentions taken, and of the organisations taken. */
  private readonly initials = new Set<number>();
  private readonly organisationInitials = new Set<number>();
  /** Per mention, its own two shape keys and the first of its letters (-1: none), once known (NaN: not yet). */
  private readonly frontShape: Float64Array;
  private readonly backShape: Float64Array;
  private readonly initial: Float64Array;

  constructor(
    private readonly mentions: readonly SpeakerMention[],
    private readonly groups: SpeakerGroups,
  ) {
    const n = mentions.length;
    this.takenBy = new Uint8Array(n);
    this.left = n;
    this.frontShape = new Float64Array(n).fill(NaN);
    this.backShape = new Float64Array(n).fill(NaN);
    this.initial = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      const m = mentions[i];
      if (!m) continue;
      const from = plainLastWordStart(m.text);
      if (from < 0) continue;
      this.frontShape[i] = ownShape(FRONT, m.text, from, m.text.length, true);
      this.backShape[i] = ownShape(BACK, m.text, from, m.text.length, true);
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
    for (const i of seeds) if (this.takenBy[i] === 0) this.mark(i, take);
    if (outside) this.note(outside, this.groups.wordsOfMention(outside));
    let grew = this.left > 0;
    for (let pass = 0; grew; pass++) {
      if (pass === MAX_PASSES) return this.takeAll(take);
      grew = false;
      for (let i = 0; i < this.mentions.length; i++) {
        if (this.takenBy[i] === 0 && this.links(i)) {
          this.mark(i, take);
          grew = true;
        }
      }
    }
    return this.takenIn(take);
  }

  private takeAll(take: number): number[] {
    for (let i = 0; i < this.mentions.length; i++) if (this.takenBy[i] === 0) this.mark(i, take);
    return this.takenIn(take);
  }

  private takenIn(take: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.mentions.length; i++) if (this.takenBy[i] === take) out.push(i);
    return out;
  }

  private mark(i: number, take: number): void {
    const m = this.mentions[i];
    this.takenBy[i] = take;
    this.left--;
    if (m) this.note(m, this.groups.wordsOfMention(m));
  }

  /** Remembers what a taken mention can be linked by. */
  private note(m: SpeakerMention, words: readonly string[]): void {
    const last = (words[words.length - 1] ?? '').toLowerCase();
    if (last === '') this.shapes.add(NO_WORDS);
    // An article names the same people again and again: the shapes of a word are added once.
    else if (!this.lastWords.has(last)) {
      this.lastWords.add(last);
      addShapesOfWord(last, this.shapes);
    }
    const initial = initialOfLetters(words);
    if (initial >= 0) {
      this.initials.add(initial);
      if (m.kind === 'organisation') this.organisationInitials.add(initial);
    }
  }

  /**
   * Whether the mention may share a key with one taken (never false where it does): a last word
   * equal or one edit apart, or the same first letter of the letters where one side is an organisation.
   */
  private links(i: number): boolean {
    const m = this.mentions[i];
    if (!m) return false;
    if (Number.isNaN(this.frontShape[i] ?? NaN)) this.read(i, m);
    if (this.shapes.has(this.frontShape[i] ?? -1) || this.shapes.has(this.backShape[i] ?? -1)) return true;
    const organisation = m.kind === 'organisation';
    if (!organisation) {
      if (this.organisationInitials.size === 0) return false;
      if (!Number.isNaN(this.initial[i] ?? NaN)) return this.organisationInitials.has(this.initial[i] ?? -1);
      const plain = plainInitialLinks(m.text, this.organisationInitials);
      if (plain !== READ_WORDS) return plain === LINKS;
    }
    // An organisation, or a name that is not plain, is read by its words. (One look-up for both: the
    // name's case is rare, and a step taken only there would throw away the optimized caller.)
    return (organisation ? this.initials : this.organisationInitials).has(this.initialOf(i, m));
  }

  /** Reads the words of a mention whose last word is not plain: its shapes from them. */
  private read(i: number, m: SpeakerMention): void {
    const words = this.groups.wordsOfMention(m);
    const last = (words[words.length - 1] ?? '').toLowerCase();
    [this.frontShape[i], this.backShape[i]] = last === '' ? [NO_WORDS, NO_WORDS] : ownShapesOfWord(last);
    this.initialOf(i, m);
  }

  private initialOf(i: number, m: SpeakerMention): number {
    const known = this.initial[i] ?? NaN;
    if (!Number.isNaN(known)) return known;
    const c = initialOfLetters(this.groups.wordsOfMention(m));
    this.initial[i] = c;
    return c;
  }
}
