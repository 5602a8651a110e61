// The boilerplate phrase rules, indexed so that a line is tested against as few patterns as
// possible without changing which rule matches it first. Each rule's alternatives anchored at the
// line start are tried there only; the others can match only where one of their literals occurs
// (requiredLiterals), and all rules' literals are found in one scan of the line.
import type { PhraseRule } from './boilerplate-phrases';
import { topLevelAlternatives } from './patternSource';
import { LiteralScanner, requiredLiterals } from './requiredLiterals';

export class PhraseIndex {
  private readonly scanner: LiteralScanner;
  /** Rules tried whole on every line: an alternative of theirs has no known literal. */
  private readonly always: number;
  /** Each rule's alternatives anchored at the line start, as one pattern (null when it has none). */
  private readonly anchored: readonly (RegExp | null)[];

  constructor(private readonly rules: readonly PhraseRule[]) {
    if (rules.length > 31) throw new Error('a phrase index holds at most 31 rules');
    const literals: { literal: string; bits: number }[] = [];
    let always = 0;
    this.anchored = rules.map((rule, k) => {
      const flags = rule.pattern.flags.replace(/[gy]/g, '');
      const starts: string[] = [];
      for (const alt of topLevelAlternatives(rule.pattern.source)) {
        // With the m flag `^` also matches inside a line (after U+2028): such a rule is tried whole.
        if (alt.startsWith('^') && !flags.includes('m')) {
          starts.push(`(?:${alt.slice(1)})`);
          continue;
        }
        const required = flags.includes('m') ? null : requiredLiterals(alt);
        if (required === null) always |= 1 << k;
        else for (const literal of required) literals.push({ literal, bits: 1 << k });
      }
      return starts.length > 0 ? new RegExp(`^(?:${starts.join('|')})`, flags) : null;
    });
    this.always = always;
    this.scanner = new LiteralScanner(literals);
  }

  /** The rules among `mask` that may match `line` other than at its start: they must be tried whole. */
  unanchoredCandidates(line: string, mask: number): number {
    const rest = mask & ~this.always;
    return (mask & this.always) | (rest === 0 ? 0 : rest & this.scanner.scan(line));
  }

  /**
   * The first rule of `mask` (in the rules' order) that matches `line`, the same as testing each
   * rule's pattern in turn; `candidates` from unanchoredCandidates.
   */
  firstMatch(line: string, mask: number, candidates: number): PhraseRule | null {
    for (let k = 0; k < this.rules.length; k++) {
      const bit = 1 << k;
      if ((mask & bit) === 0) continue;
      const rule = this.rules[k];
      if (rule === undefined) continue;
      if ((candidates & bit) !== 0) {
        if (rule.pattern.test(line)) return rule;
      } else if (this.anchored[k]?.test(line) === true) return rule;
    }
    return null;
  }
}
