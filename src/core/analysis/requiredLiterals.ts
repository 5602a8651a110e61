// What a line must contain for a regular expression to match it somewhere: a few literal strings,
// one of which occurs in every match. A line holding none of them is rejected by one scan for all
// the literals of many patterns, instead of by each pattern tried at every position of the line
// (the boilerplate phrases run over every line of every page). Only a necessary condition: a line
// that holds a literal is still tested with the pattern itself.

/** An atom of a pattern: a literal character, a group of alternatives, or anything else (a class, `.`, `\d`). */
type Atom =
  | { readonly kind: 'char'; readonly code: number }
  | { readonly kind: 'group'; readonly alternatives: Quantified[][] }
  // `codes`: the members of a class written as plain characters ("[>»/|]"), one of which it matches.
  | { readonly kind: 'other'; readonly codes?: readonly number[] }
  | { readonly kind: 'assertion' };

interface Quantified {
  readonly atom: Atom;
  /** The least number of times the atom is repeated (0 for `?`, `*`, `{0,n}`). */
  readonly min: number;
  /** Whether it is repeated exactly once (no quantifier, or `{1}`). */
  readonly once: boolean;
  /** Whether it is there once or not at all (`?`, `{0,1}`). */
  readonly optional: boolean;
}

class Unsupported extends Error {}

/** Case folding as a case-insensitive pattern does it, for the characters a literal may hold. */
export function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  // Unicode case folding maps these two to ASCII letters ("ſ" is "s", the Kelvin sign is "k").
  if (c === 0x17f) return 115;
  if (c === 0x212a) return 107;
  return c;
}

/**
 * Whether `s` holds `literal` (folded alike by foldCode) at offset `at`: its characters from `from`
 * on are compared, those before it having been compared by the caller. A read past the end of `s`
 * is NaN and equals no character.
 */
export function holdsFoldedAt(s: string, at: number, literal: string, from = 0): boolean {
  let k = from;
  while (k < literal.length && foldCode(s.charCodeAt(at + k)) === literal.charCodeAt(k)) k++;
  return k === literal.length;
}

/** A character that case-insensitive matching leaves alone, or an ASCII one (folded by foldCode). */
export function isFoldable(code: number): boolean {
  if (code < 128) return true;
  const ch = String.fromCharCode(code);
  return code < 0xd800 && ch.toLowerCase() === ch && ch.toUpperCase() === ch;
}

const DIGIT_CODES: readonly number[] = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57];

const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'p', 'P', 'k', 'c', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'n', 'r', 't', 'f', 'v']);

/** A reader of pattern source (flags without `x`; JavaScript syntax), building atoms or throwing Unsupported. */
class Parser {
  private i = 0;

  constructor(private readonly source: string) {}

  parse(): Quantified[][] {
    const alternatives = this.alternatives();
    if (this.i !== this.source.length) throw new Unsupported();
    return alternatives;
  }

  private alternatives(): Quantified[][] {
    let seq: Quantified[] = [];
    const sequences: Quantified[][] = [seq];
    while (this.i < this.source.length) {
      const ch = this.source[this.i];
      if (ch === ')') break;
      if (ch === '|') {
        this.i++;
        seq = [];
        sequences.push(seq);
        continue;
      }
      const atom = this.atom();
      seq.push(this.quantifier(atom));
    }
    return sequences;
  }

  private atom(): Atom {
    const s = this.source;
    const ch = s[this.i] ?? '';
    if (ch === '(') {
      this.i++;
      let lookaround = false;
      if (s.startsWith('?:', this.i)) this.i += 2;
      else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) {
        this.i += 2;
        lookaround = true;
      } else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) {
        this.i += 3;
        lookaround = true;
      } else if (s.startsWith('?<', this.i)) {
        const close = s.indexOf('>', this.i);
        if (close < 0) throw new Unsupported();
        this.i = close + 1;
      } else if (s[this.i] === '?') throw new Unsupported();
      const alternatives = this.alternatives();
      if (s[this.i] !== ')') throw new Unsupported();
      this.i++;
      return lookaround ? { kind: 'assertion' } : { kind: 'group', alternatives };
    }
    if (ch === '[') {
      this.i++;
      const negated = s[this.i] === '^';
      if (negated) this.i++;
      const from = this.i;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      if (this.i >= s.length) throw new Unsupported();
      const members = s.slice(from, this.i);
      this.i++;
      // Escapes, ranges and nested classes are not read: such a class is only "something".
      const plain = !negated && members !== '' && !/[\\\-[]/.test(members);
      return plain ? { kind: 'other', codes: [...members].map((m) => m.charCodeAt(0)) } : { kind: 'other' };
    }
    if (ch === '^' || ch === '$') {
      this.i++;
      return { kind: 'assertion' };
    }
    if (ch === '.') {
      this.i++;
      return { kind: 'other' };
    }
    if (ch === '\\') return this.escape();
    if (ch === '*' || ch === '+' || ch === '?' || ch === '{' || ch === '}' || ch === ']') throw new Unsupported();
    const code = s.charCodeAt(this.i);
    this.i++;
    return isFoldable(code) ? { kind: 'char', code } : { kind: 'other' };
  }

  private escape(): Atom {
    const s = this.source;
    const next = s[this.i + 1];
    if (next === undefined) throw new Unsupported();
    this.i += 2;
    if (next === 'b' || next === 'B') return { kind: 'assertion' };
    if (next === 'p' || next === 'P' || next === 'k') {
      if (s[this.i] === '{' || s[this.i] === '<') {
        const close = s.indexOf(next === 'k' ? '>' : '}', this.i);
        if (close < 0) throw new Unsupported();
        this.i = close + 1;
      }
      return { kind: 'other' };
    }
    if (next === 'u' || next === 'x') {
      const digits = next === 'u' ? 4 : 2;
      const hex = s.slice(this.i, this.i + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw new Unsupported();
      this.i += digits;
      const code = parseInt(hex, 16);
      return isFoldable(code) ? { kind: 'char', code } : { kind: 'other' };
    }
    if (next === 'c') {
      this.i++;
      return { kind: 'other' };
    }
    // A digit is one of ten characters, which case-insensitive matching leaves alone.
    if (next === 'd') return { kind: 'other', codes: DIGIT_CODES };
    if (CLASS_ESCAPES.has(next)) {
      while (next >= '0' && next <= '9' && /[0-9]/.test(s[this.i] ?? '')) this.i++;
      return { kind: 'other' };
    }
    if (/[A-Za-z]/.test(next)) throw new Unsupported();
    const code = next.charCodeAt(0);
    return isFoldable(code) ? { kind: 'char', code } : { kind: 'other' };
  }

  private quantifier(atom: Atom): Quantified {
    const s = this.source;
    const ch = s[this.i];
    let min = 1;
    let max = 1;
    if (ch === '?' || ch === '*' || ch === '+') {
      this.i++;
      min = ch === '+' ? 1 : 0;
      max = ch === '?' ? 1 : Infinity;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i, this.i + 24));
      if (!m) throw new Unsupported();
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
    } else return { atom, min: 1, once: true, optional: false };
    if (s[this.i] === '?') this.i++;
    return { atom, min, once: min === 1 && max === 1, optional: min === 0 && max === 1 };
  }
}

/** The best of several sets of literals, any of which must occur: the one whose shortest literal is longest. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (a === null) return b;
  if (b === null) return a;
  const shortest = (x: string[]): number => x.reduce((m, l) => Math.min(m, l.length), Infinity);
  const sa = shortest(a);
  const sb = shortest(b);
  return sb > sa || (sb === sa && b.length < a.length) ? b : a;
}

function requiredOfAlternatives(alternatives: readonly (readonly Quantified[])[]): string[] | null {
  const out = new Set<string>();
  for (const seq of alternatives) {
    const r = requiredOfSequence(seq);
    if (r === null) return null;
    for (const l of r) out.add(l);
  }
  return [...out];
}

function requiredOfSequence(seq: readonly Quantified[]): string[] | null {
  let best: string[] | null = null;
  let run = '';
  const endRun = (): void => {
    if (run !== '') best = better(best, [run]);
    run = '';
  };
  for (const { atom, min, once } of seq) {
    if (!once) {
      // Repeated or optional: a literal it must hold ends the run (what follows may not be adjacent).
      endRun();
      if (min >= 1) best = better(best, atom.kind === 'char' ? [String.fromCharCode(foldCode(atom.code))] : atom.kind === 'group' ? requiredOfAlternatives(atom.alternatives) : null);
      continue;
    }
    if (atom.kind === 'char') run += String.fromCharCode(foldCode(atom.code));
    else if (atom.kind === 'assertion') continue;
    else if (atom.kind === 'other') endRun();
    else {
      // The run goes on into the group: "sign up (for|to)" holds "sign up for" or "sign up to".
      const heads = run === '' ? null : prefixesOfAlternatives(atom.alternatives, false);
      if (heads !== null) best = better(best, heads.map((p) => run + p));
      endRun();
      best = better(best, requiredOfAlternatives(atom.alternatives));
    }
  }
  endRun();
  return best;
}

/**
 * Literals, case-folded by `foldCode`, one of which occurs (folded alike) in every match of the
 * pattern `source`, whatever its flags; null when no such set is known (the pattern must always be
 * tried). Never an empty string.
 */
export function requiredLiterals(source: string): string[] | null {
  return readOff(source, requiredOfAlternatives);
}

/** What `read` finds in the parsed pattern, or null when the pattern's syntax is not handled or nothing non-empty is found. */
function readOff(source: string, read: (alternatives: readonly (readonly Quantified[])[]) => string[] | null): string[] | null {
  try {
    const r = read(new Parser(source).parse());
    return r === null || r.length === 0 || r.some((l) => l.length === 0) ? null : r;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

function charactersOfAlternatives(alternatives: readonly (readonly Quantified[])[], usable: (code: number) => boolean): number[] | null {
  const out = new Set<number>();
  for (const seq of alternatives) {
    const r = charactersOfSequence(seq, usable);
    if (r === null) return null;
    for (const c of r) out.add(c);
  }
  return [...out];
}

function charactersOfSequence(seq: readonly Quantified[], usable: (code: number) => boolean): number[] | null {
  for (const { atom, min } of seq) {
    if (min < 1) continue;
    const r = atom.kind === 'char' ? [atom.code] : atom.kind === 'other' ? (atom.codes ?? null) : atom.kind === 'group' ? charactersOfAlternatives(atom.alternatives, usable) : null;
    if (r !== null && r.length > 0 && r.every(usable)) return [...r];
  }
  return null;
}

/**
 * Characters, each `usable`, one of which occurs in every match of the pattern `source` (a
 * character or a class of plain characters that a match must hold); null when none is known. The
 * characters are as written: `usable` must refuse those that a case-insensitive pattern matches in
 * another case.
 */
export function requiredCharacters(source: string, usable: (code: number) => boolean): number[] | null {
  try {
    const r = charactersOfAlternatives(new Parser(source).parse(), usable);
    return r === null || r.length === 0 ? null : r;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** Beyond this many, the strings a match may start with are cut short to what they share. */
const MAX_PREFIXES = 512;

function prefixesOfAlternatives(alternatives: readonly (readonly Quantified[])[], classes: boolean): string[] | null {
  const out = new Set<string>();
  for (const seq of alternatives) {
    const r = prefixesOfSequence(seq, classes);
    if (r === null) return null;
    for (const p of r) out.add(p);
  }
  return out.size > MAX_PREFIXES ? null : [...out];
}

/**
 * The characters, folded by `foldCode`, one of which the atom matches: a character, or with
 * `classes` a class of plain characters or `\d` whose every member case-insensitive matching leaves
 * alone (or folds as foldCode does); null for anything else.
 */
function foldedCharacters(atom: Atom, classes: boolean): number[] | null {
  if (atom.kind === 'char') return [foldCode(atom.code)];
  if (!classes || atom.kind !== 'other' || atom.codes === undefined || !atom.codes.every(isFoldable)) return null;
  return [...new Set(atom.codes.map(foldCode))];
}

function prefixesOfSequence(seq: readonly Quantified[], classes: boolean): string[] | null {
  let head = '';
  for (let k = 0; k < seq.length; k++) {
    const { atom, min, once, optional } = seq[k] ?? { atom: { kind: 'other' }, min: 1, once: true, optional: false };
    if (atom.kind === 'assertion' && once) continue;
    if (optional && head === '' && (atom.kind === 'char' || (classes && atom.kind !== 'assertion'))) {
      // "\(?photo": a match starts with the rest, or with the character (or group) and then the rest.
      const rest = seq.slice(k + 1);
      const without = prefixesOfSequence(rest, classes);
      const withIt = prefixesOfSequence([{ atom, min: 1, once: true, optional: false }, ...rest], classes);
      if (without === null || withIt === null || without.length + withIt.length > MAX_PREFIXES) return null;
      return [...without, ...withIt];
    }
    const chars = foldedCharacters(atom, classes);
    // "[bB]" is one character once folded, as "b" is.
    if (chars !== null && chars.length === 1 && once) {
      head += String.fromCharCode(chars[0] ?? 0);
      continue;
    }
    if (chars !== null && min >= 1) return chars.map((c) => head + String.fromCharCode(c));
    // A group that must be there: each match of the sequence goes on with one of its own prefixes.
    const inner = atom.kind === 'group' && min >= 1 ? prefixesOfAlternatives(atom.alternatives, classes) : null;
    if (inner !== null) return inner.map((p) => head + p);
    return head === '' ? null : [head];
  }
  return head === '' ? null : [head];
}

/**
 * Strings, case-folded by `foldCode`, one of which starts (folded alike) every match of the pattern
 * `source`, whatever its flags; null when none is known. Never an empty string. With `classes`, a
 * class of plain characters or `\d` where a match must start gives one prefix for each of its
 * characters ("\d+ likes" starts with one of "0" to "9"), "[bB]" reads as "b", and an optional group
 * first ("(\d+ )?thoughts") gives the prefixes of the match with it and without it.
 */
export function requiredPrefixes(source: string, classes = false): string[] | null {
  return readOff(source, (alternatives) => prefixesOfAlternatives(alternatives, classes));
}

/** The pattern read backwards: each sequence reversed, groups within it too (assertions stay assertions). */
function reversedAlternatives(alternatives: readonly (readonly Quantified[])[]): Quantified[][] {
  return alternatives.map((seq) => [...seq].reverse().map((q) => (q.atom.kind === 'group' ? { ...q, atom: { kind: 'group' as const, alternatives: reversedAlternatives(q.atom.alternatives) } } : q)));
}

/**
 * Strings, case-folded by `foldCode`, one of which ends (folded alike) every match of the pattern
 * `source`, whatever its flags; null when none is known. Never an empty string.
 */
export function requiredSuffixes(source: string): string[] | null {
  return readOff(source, (alternatives) => prefixesOfAlternatives(reversedAlternatives(alternatives), false)?.map((p) => [...p].reverse().join('')) ?? null);
}

export interface ScannedLiteral {
  readonly literal: string;
  /** Which of the scanner's bit sets the literal's bits go to (two sets: 64 bits in all). */
  readonly set: 0 | 1;
  readonly bits: number;
}

/**
 * Many literals, each with bits, found in one scan of a string: the bits of those that occur.
 * Positions are screened by a hash of their first three folded characters (pairs of letters are too
 * common in English for a screen), so a line that holds none costs one table read per character.
 * Each hash also has the bits of its literals: a scan asked for some bits only (the rules that apply
 * to a long line are few) verifies no literal of the others.
 */
export class LiteralScanner {
  /** The screen read at every character (one byte per hash keeps it small in the cache). */
  private readonly triples = new Uint8Array(1 << 16);
  /** The bits of the literals under a hash, read only where the screen lets a position through. */
  private readonly tripleBits = new Int32Array(1 << 16);
  private readonly byTriple = new Map<number, ScannedLiteral[]>();
  /** Literals of one or two characters, by their first code. */
  private readonly short = new Map<number, ScannedLiteral[]>();
  private readonly shortCodes = new Uint8Array(1 << 16);
  private readonly shortBits = new Int32Array(1 << 16);
  /** Skip plans by the bits asked for (see SkipPlan); null where a plan would skip too little. */
  private readonly plans = new Map<number, SkipPlan | null>();

  /**
   * `markOf` gives the bit that a character sets in the `marks` of a scan wherever the string holds
   * it, or -1 (see scan); without it every short literal is searched for.
   */
  constructor(
    private readonly literals: readonly ScannedLiteral[],
    private readonly markOf: (code: number) => number = () => -1,
  ) {
    for (const entry of literals) {
      const { literal } = entry;
      if (literal.length === 0) throw new Error('empty literal');
      const a = literal.charCodeAt(0);
      if (literal.length < 3) {
        this.short.set(a, [...(this.short.get(a) ?? []), entry]);
        this.shortCodes[a] = 1;
        this.shortBits[a] = (this.shortBits[a] ?? 0) | entry.bits;
        continue;
      }
      const h = LiteralScanner.hash(a, literal.charCodeAt(1), literal.charCodeAt(2));
      this.triples[h] = 1;
      this.tripleBits[h] = (this.tripleBits[h] ?? 0) | entry.bits;
      this.byTriple.set(h, [...(this.byTriple.get(h) ?? []), entry]);
    }
  }

  private static hash(a: number, b: number, c: number): number {
    return (a * 961 + b * 31 + c) & 0xffff;
  }

  /**
   * Sets `found[0]` and `found[1]` to the bits of the literals that occur in `s` (case-folded by
   * foldCode); with `wanted`, only to those among its bits (the others may or may not be set).
   * `marks` holds the bit (by markOf) of every character of `s` that has one: a short literal
   * starting with a character whose bit is not there is not searched for.
   */
  scan(s: string, found: Int32Array, wanted = -1, marks = -1): void {
    found[0] = 0;
    found[1] = 0;
    const n = s.length;
    if (n === 0) return;
    let plan = this.plans.get(wanted);
    if (plan === undefined) {
      plan = skipPlan(this.literals.filter((l) => (l.bits & wanted) !== 0), this.markOf);
      this.plans.set(wanted, plan);
    }
    if (plan !== null) {
      scanSkipping(plan, s, found, marks);
      return;
    }
    let a = foldCode(s.charCodeAt(0));
    let b = n > 1 ? foldCode(s.charCodeAt(1)) : -1;
    for (let i = 0; i < n; i++) {
      const c = i + 2 < n ? foldCode(s.charCodeAt(i + 2)) : -1;
      if (this.shortCodes[a] === 1 && ((this.shortBits[a] ?? 0) & wanted) !== 0) LiteralScanner.add(this.short.get(a), s, i, found, wanted);
      if (c >= 0) {
        const h = LiteralScanner.hash(a, b, c);
        if (this.triples[h] === 1 && ((this.tripleBits[h] ?? 0) & wanted) !== 0) LiteralScanner.add(this.byTriple.get(h), s, i, found, wanted);
      }
      a = b;
      b = c;
    }
  }

  private static add(list: readonly ScannedLiteral[] | undefined, s: string, i: number, found: Int32Array, wanted: number): void {
    if (!list) return;
    for (const { literal, set, bits } of list) {
      if ((bits & wanted) === 0 || i + literal.length > s.length) continue;
      if (holdsFoldedAt(s, i, literal)) found[set] = (found[set] ?? 0) | bits;
    }
  }
}

/**
 * A scan that skips (Wu–Manber): the literals asked for are looked for through a window as long as
 * the shortest of them, moved by as much as the two characters at its end allow (a pair found in
 * no literal moves it by nearly its length). Literals of one or two characters,
 * and those written in few ways, are found by `indexOf`, once per way of writing them in either case.
 */
interface SkipPlan {
  /** The window: the length of the shortest literal of three characters or more. */
  readonly span: number;
  /** How far the window moves for each hash of its last two characters (0: a literal may end its window here). */
  readonly shift: Uint8Array;
  /** The literals by the hash of the characters ending their first `span` characters. */
  readonly ends: readonly (readonly ScannedLiteral[])[];
  /**
   * The short literals, each with every string that folds to it, and the bits (by markOf) of their
   * first characters: -1 when one has none, and the literal is searched for in every line.
   */
  readonly short: readonly { readonly needles: readonly string[]; readonly entry: ScannedLiteral; readonly gate: number }[];
}

/** A plan is made only when the window moves at least this far where nothing is near. */
const MIN_SKIP = 3;
/** Beyond this many ways of writing a short literal, a plan is not worth it. */
const MAX_NEEDLES = 4;
/** A literal written in at most this many ways is found by `indexOf` whatever its length ("(c) "), so that it does not shorten the window. */
const FEW_NEEDLES = 2;

/** How many strings `foldCode` folds to `literal`, counted up to just beyond MAX_NEEDLES. */
function unfoldingCount(literal: string): number {
  let count = 1;
  for (let k = 0; k < literal.length && count <= MAX_NEEDLES; k++) {
    const c = literal.charCodeAt(k);
    count *= (c >= 97 && c <= 122 ? 2 : 1) + (c === 115 || c === 107 ? 1 : 0);
  }
  return count;
}

/** Every string that `foldCode` folds to `literal` (a few: see unfoldingCount). */
function unfoldings(literal: string): string[] {
  let out = [''];
  for (const ch of literal) {
    const c = ch.charCodeAt(0);
    const ways = c >= 97 && c <= 122 ? [ch, ch.toUpperCase()] : [ch];
    if (c === 115) ways.push('\u017f');
    if (c === 107) ways.push('\u212a');
    out = out.flatMap((head) => ways.map((w) => head + w));
  }
  return out;
}

/** foldCode of each ASCII code, read from a table: capitals and the rest of ASCII alternate unpredictably in a line, which a test would pay for. */
const ASCII_FOLDED = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_FOLDED[c] = foldCode(c);

/** foldCode, by the table for ASCII (nearly every character of a line). */
function foldedAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? (ASCII_FOLDED[c] ?? c) : foldCode(c);
}

/**
 * The hashes of the pairs of characters ending a window index a table of 4,096 shifts, small enough
 * to stay in the nearest cache beside the other plans' tables, as the scan reads it at every step.
 */
const SHIFT_BITS = 12;

/** The hash of the (folded) pair of characters ending at `end`. */
function pairHash(s: string, end: number): number {
  return (foldedAt(s, end - 1) * 31 + foldedAt(s, end)) & ((1 << SHIFT_BITS) - 1);
}

function skipPlan(literals: readonly ScannedLiteral[], markOf: (code: number) => number): SkipPlan | null {
  const isShort = (l: ScannedLiteral): boolean => l.literal.length < 3 || unfoldingCount(l.literal) <= FEW_NEEDLES;
  const long = literals.filter((l) => !isShort(l));
  if (literals.some((l) => isShort(l) && unfoldingCount(l.literal) > MAX_NEEDLES)) return null;
  const short = literals.filter(isShort).map((entry) => {
    const needles = unfoldings(entry.literal);
    // -1 (searched in every line) when some way of writing it starts with a letter, a digit or an apostrophe.
    const gate = needles.reduce((bits, needle) => bits | markOf(needle.charCodeAt(0)), 0);
    return { needles, entry, gate };
  });
  const span = Math.min(255, ...long.map((l) => l.literal.length));
  if (long.length > 0 && span - 1 < MIN_SKIP) return null;
  const shift = new Uint8Array(1 << SHIFT_BITS).fill(span - 1);
  // An array by hash, every slot filled (most with one shared empty list): a read where the shift is 0 is an index.
  const none: readonly ScannedLiteral[] = [];
  const ends = new Array<readonly ScannedLiteral[]>(1 << SHIFT_BITS).fill(none);
  for (const entry of long) {
    for (let q = 1; q < span; q++) {
      const h = pairHash(entry.literal, q);
      shift[h] = Math.min(shift[h] ?? 0, span - 1 - q);
    }
    const h = pairHash(entry.literal, span - 1);
    ends[h] = [...(ends[h] ?? []), entry];
  }
  return { span: long.length > 0 ? span : 0, shift, ends, short };
}

/** Sets in `found` the bits of the plan's literals that occur in `s` (its two sets cleared before); `marks` as for scan. */
function scanSkipping(plan: SkipPlan, s: string, found: Int32Array, marks: number): void {
  for (const { needles, entry, gate } of plan.short) {
    if ((gate !== -1 && (gate & marks) === 0) || ((found[entry.set] ?? 0) & entry.bits) !== 0) continue;
    for (const needle of needles) {
      if (!s.includes(needle)) continue;
      found[entry.set] = (found[entry.set] ?? 0) | entry.bits;
      break;
    }
  }
  const { span, shift, ends } = plan;
  if (span === 0) return;
  const n = s.length;
  for (let end = span - 1; end < n; ) {
    const h = pairHash(s, end);
    const step = shift[h] ?? 1;
    if (step > 0) {
      end += step;
      continue;
    }
    const at = end - span + 1;
    for (const entry of ends[h] ?? []) {
      const { literal } = entry;
      if (at + literal.length > n) continue;
      if (holdsFoldedAt(s, at, literal)) found[entry.set] = (found[entry.set] ?? 0) | entry.bits;
    }
    end++;
  }
}
