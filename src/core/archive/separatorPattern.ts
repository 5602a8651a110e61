// The user's own separator: a regular expression matched against each line. It comes from a
// setting or the command line, so it is checked before use: it must compile, must not match a
// blank line, and must not be able to backtrack without bound. Two checks: a repetition inside a
// repetition, such as `(a+)+` (safe-regex2, quick), and any two ways for the engine to match the
// same text that backtracking could try one after the other, such as `(\w|\w)+` (redos-detector,
// which follows the pattern's paths; its verdict is kept per pattern, since every worker and every
// indexed file compiles the same few patterns again). Lines longer than MAX_MATCHED_LINE_LENGTH are
// never tested either.

import { isSafe } from 'redos-detector';
import safeRegex from 'safe-regex2';

export interface SeparatorPattern {
  readonly source: string;
  readonly regex: RegExp;
}

export type SeparatorPatternResult = { readonly ok: true; readonly pattern: SeparatorPattern } | { readonly ok: false; readonly message: string };

const MAX_PATTERN_LENGTH = 500;
/** Steps of the backtracking check: past them a pattern counts as unsafe (ordinary separators take tens of milliseconds, a refused one under a second). */
const MAX_CHECK_STEPS = 5_000;
const verdicts = new Map<string, boolean>();
const VERDICTS_KEPT = 64;

/** Whether backtracking on the pattern is bounded, per redos-detector; remembered per source. */
function backtracksBoundedly(source: string): boolean {
  const known = verdicts.get(source);
  if (known !== undefined) return known;
  let safe: boolean;
  try {
    safe = isSafe(new RegExp(source), { maxSteps: MAX_CHECK_STEPS }).safe;
  } catch {
    // A construct the checker does not read (a newer syntax): nested repetition was ruled out above.
    safe = true;
  }
  if (verdicts.size >= VERDICTS_KEPT) verdicts.clear();
  verdicts.set(source, safe);
  return safe;
}

export function compileSeparatorPattern(source: string): SeparatorPatternResult {
  const fail = (message: string): SeparatorPatternResult => ({ ok: false, message: `The separator pattern ${JSON.stringify(source.slice(0, 80))} ${message}` });
  if (source.trim() === '') return fail('is empty; give a regular expression that matches the line between two articles');
  if (source.length > MAX_PATTERN_LENGTH) return fail(`is longer than ${MAX_PATTERN_LENGTH} characters`);
  let regex: RegExp;
  try {
    regex = new RegExp(source);
  } catch (e) {
    return fail(`is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!safeRegex(regex)) return fail('could take exponential time on some lines (a repetition inside a repetition, such as (a+)+); write it without nested repetition');
  if (!backtracksBoundedly(source)) {
    return fail('could take exponential or polynomial time on some lines (two ways to match the same text inside a repetition, such as (\\w|\\w)+, or .* on both sides of a word); a separator is searched for anywhere in its line, so a leading or trailing .* can be left out');
  }
  if (regex.test('') || regex.test('   ')) return fail('matches a blank line, so every blank line would start an article');
  return { ok: true, pattern: { source, regex } };
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
