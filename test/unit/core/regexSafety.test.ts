// Every regular expression of the pure core is checked for catastrophic backtracking with recheck (its
// pure-JavaScript backend: offline, no native binary or JVM). The literals are collected by parsing the
// sources with the TypeScript compiler, so a new pattern is checked without anyone listing it; the
// patterns the boilerplate detector builds at run time from its phrase rules are checked too.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { checkSync } from 'recheck';
import { repoRoot } from './analysis/helpers';
import { PHRASE_RULES } from '../../../src/core/analysis/boilerplate-phrases';
import { PhraseIndex } from '../../../src/core/analysis/phraseIndex';
import { topLevelAlternatives } from '../../../src/core/analysis/patternSource';

interface Literal {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The regular expression literals of one file, with their line for the message. */
function literalsOf(file: string, root: string): Literal[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const lit = node.text;
      const slash = lit.lastIndexOf('/');
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      out.push({ where: `${path.relative(root, file)}:${line + 1}`, source: lit.slice(1, slash), flags: lit.slice(slash + 1) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

// The checker's default backend needs a native binary or Java; the pure one runs anywhere.
process.env['RECHECK_SYNC_BACKEND'] = 'pure';

/**
 * Bounded repetitions that the checker's fuzzer reports as polynomial although each start position
 * costs at most a fixed number of steps (so the whole search stays linear); each is exercised at
 * megabyte sizes by the adversarial suite. Keyed by the exact source: an edited pattern is checked again.
 */
const BOUNDED_BY_DESIGN = new Map<string, string>([
  ['\\bprivacy policy\\b.{0,200}\\bterms\\b', 'at most 200 characters read after each "privacy policy"'],
  ['\\bterms of (use|service)\\b.{0,200}\\bprivacy\\b', 'at most 200 characters read after each "terms of use"'],
  ['\\b[\\w-]{1,63}(\\.[\\w-]{1,63}){0,6}\\.(com|org|net|ly|tv|io|co|uk|info|me|gov|edu|ru|de|fr)(\\/\\S*)?\\b', 'labels separated by dots: at most 7 × 63 characters per start'],
  ['[^\\s@]{1,64}@[^\\s@.]{1,63}\\.\\w{1,24}', 'an address: at most 64 + 63 + 24 characters per start'],
]);

/**
 * Per pattern, within this budget; the pure backend is slow on a busy machine. Generous: a pattern
 * the full checker leaves undecided goes to the fuzzer alone, which calls some linear ones polynomial.
 */
const CHECK_TIMEOUT_MS = 20_000;
/** A pattern left undecided is checked again by the fuzzer alone, with this budget. */
const RETRY_TIMEOUT_MS = 30_000;
/** The fuzzer draws its attack strings at random; a fixed seed makes the verdicts the same on every run. */
const FUZZ_SEED = 20261130;

interface Verdict {
  /** Why the pattern may backtrack super-linearly; null when it does not. */
  readonly problem: string | null;
  /** Set when the checker could not decide within its budget. */
  readonly undecided: string | null;
}

const checked = new Map<string, Verdict>();

/** Offset of the parenthesis closing the group opened at `open` (escapes and classes skipped), or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** `(?:a|b)` → `a`, `b`; `^(?:a|b)` → `^a`, `^b`, `\b(?:a|b)` → `\ba`, `\bb` (the same searches); otherwise the pattern itself. */
function unwrapped(source: string): string[] {
  const anchor = source.startsWith('^(?:') ? '^' : source.startsWith('\\b(?:') ? '\\b' : '';
  const open = anchor.length;
  if (!source.startsWith('(?:', open) || closingParen(source, open) !== source.length - 1) return [source];
  return topLevelAlternatives(source.slice(open + 3, -1)).map((alt) => anchor + alt);
}

/**
 * The checker's verdict on one pattern. A search with `a|b` costs at most a search with `a` plus one
 * with `b`, so the alternatives are checked one by one: small patterns are decided quickly where the
 * whole would exceed the budget.
 */
function verdictOf(source: string, flags: string): Verdict {
  // recheck rejects flags it does not model (`d`); `g` and `y` change no complexity.
  const f = flags.replace(/[gyd]/g, '');
  const key = `${f}/${source}`;
  const known = checked.get(key);
  if (known) return known;
  let verdict: Verdict = { problem: null, undecided: null };
  const alternatives = topLevelAlternatives(source).flatMap(unwrapped);
  if (alternatives.length > 1 || alternatives[0] !== source) {
    for (const alt of alternatives) {
      const v = verdictOf(alt, f);
      verdict = { problem: verdict.problem ?? v.problem, undecided: verdict.undecided ?? v.undecided };
    }
  } else if (!BOUNDED_BY_DESIGN.has(source)) {
    let diag = checkSync(source, f, { timeout: CHECK_TIMEOUT_MS, randomSeed: FUZZ_SEED });
    // The default checker spends its budget building an automaton for large alternations; the
    // fuzzer alone decides those in a few seconds, given time on a busy machine.
    if (diag.status === 'unknown') diag = checkSync(source, f, { timeout: RETRY_TIMEOUT_MS, checker: 'fuzz', randomSeed: FUZZ_SEED });
    if (diag.status === 'vulnerable') {
      const how = diag.complexity.type === 'exponential' ? 'exponentially' : `in ${diag.complexity.summary}`;
      verdict = { problem: `/${source}/${f} backtracks ${how} (attack: ${diag.attack.pattern.slice(0, 120)})`, undecided: null };
    } else if (diag.status === 'unknown') verdict = { problem: null, undecided: `/${source}/${f}: ${JSON.stringify(diag.error)}` };
  }
  checked.set(key, verdict);
  return verdict;
}

/** Patterns the checker could not decide in time (reported at the end; covered by the adversarial suite). */
const undecided: string[] = [];

function assertLinear(source: string, flags: string, where: string): void {
  const v = verdictOf(source, flags);
  assert.equal(v.problem, null, `${where}: ${v.problem ?? ''}`);
  if (v.undecided) undecided.push(`${where}: ${v.undecided}`);
}

describe('regular expressions of src/core backtrack at most linearly', function () {
  this.timeout(180_000);
  const root = repoRoot();
  const literals = sourceFiles(path.join(root, 'src', 'core')).flatMap((f) => literalsOf(f, root));

  it('finds the literals of the core (the collector itself works)', () => {
    assert.ok(literals.length > 50, `only ${literals.length} literals found`);
    assert.ok(literals.some((l) => l.where.startsWith(path.join('src', 'core', 'analysis', 'boilerplate-phrases.ts'))));
  });

  for (const lit of literals) {
    it(`${lit.where} /${lit.source.length > 60 ? `${lit.source.slice(0, 57)}…` : lit.source}/${lit.flags}`, () => {
      assertLinear(lit.source, lit.flags, lit.where);
    });
  }

  it('the phrase-rule patterns built at run time', () => {
    for (const p of new PhraseIndex(PHRASE_RULES).builtPatterns()) assertLinear(p.source, p.flags, 'PhraseIndex');
  });

  it('the patterns allowed as bounded by design are still in the sources', () => {
    const sources = new Set(literals.flatMap((l) => topLevelAlternatives(l.source)));
    for (const source of BOUNDED_BY_DESIGN.keys()) assert.ok(sources.has(source), `no longer in src/core: ${source}`);
  });

  after(() => {
    if (undecided.length > 0) console.log(`    (the checker did not decide within ${CHECK_TIMEOUT_MS} ms, covered by the adversarial suite: ${undecided.length})\n      ${undecided.join('\n      ')}`);
  });
});
