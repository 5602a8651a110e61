// The user's own separator: a regular expression matched against each line. It comes from a
// setting or the command line, so it is checked before use: it must compile, must not match a
// blank line, and must not be able to backtrack exponentially (a repetition inside a repetition,
// such as `(a+)+`); lines longer than MAX_MATCHED_LINE_LENGTH are never tested, so even a
// polynomial pattern costs a bounded time per line.

import safeRegex from 'safe-regex2';

export interface SeparatorPattern {
  readonly source: string;
  readonly regex: RegExp;
}

export type SeparatorPatternResult = { readonly ok: true; readonly pattern: SeparatorPattern } | { readonly ok: false; readonly message: string };

const MAX_PATTERN_LENGTH = 500;

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
