// The boilerplate phrase rules, indexed so that a line is tested against as few patterns as
// possible without changing which rule matches it first. A rule's alternatives anchored at the line
// start can match only a line that starts with one of their prefixes (or, when no prefix is known,
// holds one of their literals); the others only a line that holds one of their literals
// (requiredLiterals). All rules' literals are found in one scan of the line.
import type { PhraseRule } from './boilerplate-phrases';
import { topLevelAlternatives } from './patternSource';
import type { ScannedLiteral } from './requiredLiterals';
import { foldCode, holdsFoldedAt, isFoldable, LiteralScanner, requiredCharacters, requiredLiterals, requiredPrefixes, requiredSuffixes } from './requiredLiterals';
import { markOf } from './wordCount';

/** Scanner bit sets: rules tried whole (a literal of an unanchored alternative occurs), rules tried at the start. */
const WHOLE = 0;
const AT_START = 1;

/**
 * The key of a prefix's first two (folded) code units. Bit operations keep it a 32-bit integer: a
 * product by 0x10000 goes past that range for a character from U+8000 on, which makes the compiled
 * code start over.
 */
function pairKey(a: number, b: number): number {
  return (a << 16) | b;
}

/** A character with a bit in a line's marks that a case-insensitive pattern matches only as itself. */
export function isMark(code: number): boolean {
  return markOf(code) !== -1 && isFoldable(code);
}

/**
 * The bits of the marks one of which every match of a pattern holds, or -1 when none is known, or
 * when one of them is a space: nearly every line holds one, and the test would spare nothing.
 */
function marksNeeded(source: string): number {
  const chars = requiredCharacters(source, isMark);
  if (chars === null || chars.includes(32)) return -1;
  return chars.reduce((bits, c) => bits | markOf(c), 0);
}

export class PhraseIndex {
  private readonly scanner: LiteralScanner;
  private readonly found = new Int32Array(2);
  /** Rules with a literal to scan for. */
  private readonly scanned: number;
  /** Rules tried whole on every line: an unanchored alternative of theirs has no known literal. */
  private readonly alwaysWhole: number;
  /** Rules tried at the start of every line: an anchored alternative has neither prefix nor literal. */
  private readonly alwaysAtStart: number;
  /**
   * Rules with an anchored prefix, and rules with a suffix: a line none of them applies to (most
   * long lines) is not read for prefixes or suffixes.
   */
  private readonly prefixed: number;
  private readonly suffixed: number;
  /** Anchored prefixes of one character, by its folded code, and longer ones by their first two. */
  private readonly shortPrefixes = new Map<number, number>();
  private readonly prefixes = new Map<number, { readonly prefix: string; readonly bits: number }[]>();
  /** Suffixes that end a match of an alternative anchored at the line end, by their last (folded) code. */
  private readonly suffixes = new Map<number, { readonly suffix: string; readonly bits: number }[]>();
  /**
   * 1 for each ASCII code a prefix of one character is, each pair of ASCII codes a longer prefix
   * starts with, and each ASCII code a suffix ends with (all folded): most lines start and end
   * with characters no prefix or suffix has, and are answered by one read instead of look-ups in
   * the maps.
   */
  private readonly shortStarts = new Uint8Array(128);
  private readonly pairStarts = new Uint8Array(128 * 128);
  private readonly endsSome = new Uint8Array(128);
  /**
   * Rules that only a line holding one of a few marks can match ("Home > World > Europe" needs one
   * of `>»/|`): each rule's bit, and the bits of those marks in a line's `marks` (see wordCount).
   */
  private readonly gatedRules: readonly number[];
  private readonly gates: readonly number[];
  /** Each rule's alternatives anchored at the line start, as one pattern (null when it has none). */
  private readonly anchored: readonly (RegExp | null)[];

  constructor(private readonly rules: readonly PhraseRule[]) {
    if (rules.length > 31) throw new Error('a phrase index holds at most 31 rules');
    const literals: ScannedLiteral[] = [];
    let alwaysWhole = 0;
    let alwaysAtStart = 0;
    let prefixed = 0;
    let suffixed = 0;
    this.anchored = rules.map((rule, k) => {
      const bits = 1 << k;
      const flags = rule.pattern.flags.replace(/[gy]/g, '');
      // With the m flag `^` also matches inside a line (after U+2028): such a rule is tried whole.
      const multiline = flags.includes('m');
      const starts: string[] = [];
      for (const alt of topLevelAlternatives(rule.pattern.source)) {
        if (alt.startsWith('^') && !multiline) {
          starts.push(`(?:${alt.slice(1)})`);
          const prefixes = requiredPrefixes(alt.slice(1), true);
          const required = prefixes === null ? requiredLiterals(alt.slice(1)) : null;
          if (prefixes !== null) for (const prefix of prefixes) this.addPrefix(prefix, bits);
          if (prefixes !== null) prefixed |= bits;
          else if (required !== null) for (const literal of required) literals.push({ literal, set: AT_START, bits });
          else alwaysAtStart |= bits;
          continue;
        }
        // "… ago$": a line that does not end with a suffix of the alternative cannot match it (`$` without the m flag is the line end).
        const suffixes = !multiline && alt.endsWith('$') && !alt.endsWith('\\$') ? requiredSuffixes(alt.slice(0, -1)) : null;
        if (suffixes !== null) {
          for (const suffix of suffixes) this.addSuffix(suffix, bits);
          suffixed |= bits;
          continue;
        }
        const required = multiline ? null : requiredLiterals(alt);
        if (required === null) alwaysWhole |= bits;
        else for (const literal of required) literals.push({ literal, set: WHOLE, bits });
      }
      return starts.length > 0 ? new RegExp(`^(?:${starts.join('|')})`, flags) : null;
    });
    for (const a of this.shortPrefixes.keys()) if (a < 128) this.shortStarts[a] = 1;
    for (const key of this.prefixes.keys()) {
      const [a, b] = [key >>> 16, key & 0xffff];
      if (a < 128 && b < 128) this.pairStarts[a * 128 + b] = 1;
    }
    for (const last of this.suffixes.keys()) if (last < 128) this.endsSome[last] = 1;
    const gated = rules.map((rule, k) => ({ bit: 1 << k, gate: marksNeeded(rule.pattern.source) })).filter(({ gate }) => gate !== -1);
    this.gatedRules = gated.map(({ bit }) => bit);
    this.gates = gated.map(({ gate }) => gate);
    this.alwaysWhole = alwaysWhole;
    this.alwaysAtStart = alwaysAtStart;
    this.prefixed = prefixed;
    this.suffixed = suffixed;
    this.scanned = literals.reduce((m, l) => m | l.bits, 0);
    this.scanner = new LiteralScanner(literals, markOf);
  }

  private addPrefix(prefix: string, bits: number): void {
    const a = prefix.charCodeAt(0);
    if (prefix.length === 1) {
      this.shortPrefixes.set(a, (this.shortPrefixes.get(a) ?? 0) | bits);
      return;
    }
    const key = pairKey(a, prefix.charCodeAt(1));
    this.prefixes.set(key, [...(this.prefixes.get(key) ?? []), { prefix, bits }]);
  }

  private addSuffix(suffix: string, bits: number): void {
    const last = suffix.charCodeAt(suffix.length - 1);
    this.suffixes.set(last, [...(this.suffixes.get(last) ?? []), { suffix, bits }]);
  }

  /** The rules with an alternative anchored at the end whose suffix ends `line` (case-folded). */
  private suffixBits(line: string): number {
    const last = line.length === 0 ? 0 : foldCode(line.charCodeAt(line.length - 1));
    if (last < 128 && this.endsSome[last] === 0) return 0;
    const list = this.suffixes.get(last);
    if (!list) return 0;
    let bits = 0;
    for (const { suffix, bits: b } of list) {
      if ((bits & b) === b || suffix.length > line.length) continue;
      if (holdsFoldedAt(line, line.length - suffix.length, suffix)) bits |= b;
    }
    return bits;
  }

  /** The rules with an anchored prefix that `line` starts with (case-folded). */
  private prefixBits(line: string): number {
    if (line.length === 0) return 0;
    const a = foldCode(line.charCodeAt(0));
    let bits = a < 128 && this.shortStarts[a] === 0 ? 0 : (this.shortPrefixes.get(a) ?? 0);
    if (line.length < 2) return bits;
    const second = foldCode(line.charCodeAt(1));
    if (a < 128 && second < 128 && this.pairStarts[a * 128 + second] === 0) return bits;
    const list = this.prefixes.get(pairKey(a, second));
    if (!list) return bits;
    for (const { prefix, bits: b } of list) {
      if ((bits & b) === b || prefix.length > line.length) continue;
      // Its first two characters are the list's key.
      if (holdsFoldedAt(line, 0, prefix, 2)) bits |= b;
    }
    return bits;
  }

  /** The gated rules that cannot match a line with these `marks`. */
  private rulesWithoutMarks(marks: number): number {
    let bits = 0;
    for (let j = 0; j < this.gates.length; j++) if (((this.gates[j] ?? 0) & marks) === 0) bits |= this.gatedRules[j] ?? 0;
    return bits;
  }

  /** The patterns built at run time (each rule's anchored alternatives), for the regular-expression safety check. */
  builtPatterns(): RegExp[] {
    return this.anchored.filter((p): p is RegExp => p !== null);
  }

  /**
   * The first rule of `mask` (in the rules' order) that matches `line`: the same as testing each
   * rule's pattern in turn. `marks` is the line's (see wordCount's lineSignals), or -1.
   */
  firstMatch(line: string, mask: number, marks = -1): PhraseRule | null {
    // Only the literals of rules in `mask` are verified: the found bits are read through the mask.
    if ((mask & this.scanned) !== 0) this.scanner.scan(line, this.found, mask, marks);
    else this.found.fill(0);
    let whole = mask & (this.alwaysWhole | (this.found[WHOLE] ?? 0) | ((mask & this.suffixed) !== 0 ? this.suffixBits(line) : 0));
    let atStart = mask & ~whole & (this.alwaysAtStart | (this.found[AT_START] ?? 0) | ((mask & ~whole & this.prefixed) !== 0 ? this.prefixBits(line) : 0));
    if ((whole | atStart) === 0) return null;
    const absent = this.rulesWithoutMarks(marks);
    whole &= ~absent;
    atStart &= ~absent;
    for (let k = 0; k < this.rules.length; k++) {
      const bit = 1 << k;
      const rule = this.rules[k];
      if (rule === undefined) continue;
      if ((whole & bit) !== 0) {
        if (rule.pattern.test(line)) return rule;
      } else if ((atStart & bit) !== 0 && this.anchored[k]?.test(line) === true) return rule;
    }
    return null;
  }
}
