// The user's own separator: a regular expression matched against each line. It comes from a
// setting or the command line, so it is checked before use: it must compile and must not match a
// blank line. It must never hang on a line either: a pattern that JavaScript's backtracking engine
// runs in bounded time — no repetition inside a repetition, such as `(a+)+` (safe-regex2, quick),
// and no two ways to match the same text that backtracking would try in turn, such as `(\w|\w)+`
// (redos-detector, which follows the pattern's paths) — runs there; any other runs on re2js, a
// linear-time engine (RE2's), so its cost per line is bounded whatever the line. A pattern neither
// can run safely (a look-around or back-reference, which RE2 lacks, in a pattern that may
// backtrack without bound) is refused. Compiled patterns are kept per source: every worker and
// every indexed file compiles the same few patterns again. Lines longer than MAX_MATCHED_LINE_LENGTH are
// never tested either.

import { RE2JS } from 're2js';
import { isSafe } from 'redos-detector';
import safeRegex from 'safe-regex2';

export interface SeparatorPattern {
  readonly source: string;
  /** Whether a line (trimmed) is a separator. */
  test(line: string): boolean;
  /** Which engine runs it: JavaScript's, or the linear-time one for a pattern that could backtrack without bound. */
  readonly engine: 'javascript' | 'linear';
}

export type SeparatorPatternResult = { readonly ok: true; readonly pattern: SeparatorPattern } | { readonly ok: false; readonly message: string };

const MAX_PATTERN_LENGTH = 500;
/** Steps of the backtracking check: past them a pattern is run by the linear-time engine (the check then took about 0.1–0.3 s). */
const MAX_CHECK_STEPS = 1_000;
/** Patterns compiled so far, by source: every worker and every indexed file compiles the same few again. */
const compiled = new Map<string, SeparatorPatternResult>();
const COMPILED_KEPT = 64;

/** Whether JavaScript's engine runs the pattern in bounded time, per safe-regex2 and redos-detector. */
function backtracksBoundedly(regex: RegExp): boolean {
  if (!safeRegex(regex)) return false;
  try {
    return isSafe(regex, { maxSteps: MAX_CHECK_STEPS }).safe;
  } catch {
    // A construct the checker does not read: the linear-time engine takes it if it can.
    return false;
  }
}

/** The pattern on the linear-time engine, or undefined when RE2 cannot read it (look-around, back-references). */
function linearTime(source: string): ((line: string) => boolean) | undefined {
  try {
    const compiled = RE2JS.compile(source);
    return (line) => compiled.matcher(line).find();
  } catch {
    return undefined;
  }
}

/** The pattern checked and compiled (see the top of this file); remembered per source. */
export function compileSeparatorPattern(source: string): SeparatorPatternResult {
  const known = compiled.get(source);
  if (known) return known;
  const result = compileAnew(source);
  if (compiled.size >= COMPILED_KEPT) compiled.clear();
  compiled.set(source, result);
  return result;
}

function compileAnew(source: string): SeparatorPatternResult {
  const fail = (message: string): SeparatorPatternResult => ({ ok: false, message: `The separator pattern ${JSON.stringify(source.slice(0, 80))} ${message}` });
  if (source.trim() === '') return fail('is empty; give a regular expression that matches the line between two articles');
  if (source.length > MAX_PATTERN_LENGTH) return fail(`is longer than ${MAX_PATTERN_LENGTH} characters`);
  let regex: RegExp;
  try {
    regex = new RegExp(source);
  } catch (e) {
    return fail(`is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`);
  }
  let pattern: SeparatorPattern;
  if (backtracksBoundedly(regex)) pattern = { source, engine: 'javascript', test: (line) => regex.test(line) };
  else {
    const test = linearTime(source);
    if (test === undefined) {
      return fail(
        'could take exponential time on some lines (a repetition inside a repetition, such as (a+)+, or two ways to match the same text inside one, such as (\\w|\\w)+), and uses a look-around or back-reference, which the linear-time engine that would run it safely lacks; write it without one or the other',
      );
    }
    pattern = { source, engine: 'linear', test };
  }
  if (pattern.test('') || pattern.test('   ')) return fail('matches a blank line, so every blank line would start an article');
  return { ok: true, pattern };
}

/**
 * The engine's options for a separator's text that was checked before (by the command line or the
 * setting's reader) and is compiled again where it is used (a worker thread); none without one.
 */
export function separatorOptions(source: string | undefined): { readonly separator?: SeparatorPattern } {
  if (source === undefined || source === '') return {};
  const result = compileSeparatorPattern(source);
  return result.ok ? { separator: result.pattern } : {};
}
