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
import { anyRulePatterns, topLevelAlternatives } from '../../../src/core/analysis/boilerplate';

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

const checked = new Map<string, string | null>();

/**
 * Why one pattern may backtract super-linearly, or null when it is linear. A search with `a|b` costs at
 * most a search with `a` plus one with `b`, so the alternatives are checked one by one: the checker
 * proves small patterns quickly where the whole would exceed its time budget.
 */
function problemOf(source: string, flags: string): string | null {
  // recheck rejects flags it does not model (`d`); `g` and `y` change no complexity.
  const f = flags.replace(/[gyd]/g, '');
  const key = `${f}/${source}`;
  const known = checked.get(key);
  if (known !== undefined) return known;
  let problem: string | null = null;
  const alternatives = topLevelAlternatives(source);
  if (alternatives.length > 1) {
    for (const alt of alternatives) problem ??= problemOf(alt, f);
  } else {
    const diag = checkSync(source, f, { timeout: 15_000 });
    if (diag.status === 'vulnerable') {
      const how = diag.complexity.type === 'exponential' ? 'exponentially' : `in ${diag.complexity.summary}`;
      problem = `/${source}/${f} backtracks ${how} (attack: ${diag.attack.pattern.slice(0, 120)})`;
    } else if (diag.status === 'unknown') problem = `/${source}/${f} could not be checked (${JSON.stringify(diag.error)})`;
  }
  checked.set(key, problem);
  return problem;
}

function assertLinear(source: string, flags: string, where: string): void {
  const problem = problemOf(source, flags);
  assert.equal(problem, null, `${where}: ${problem ?? ''}`);
}

describe('regular expressions of src/core backtrack at most linearly', function () {
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

  it('the combined phrase-rule patterns built at run time', () => {
    const all = (1 << PHRASE_RULES.length) - 1;
    for (const p of anyRulePatterns(all)) assertLinear(p.source, p.flags, 'anyRulePatterns');
  });
});
