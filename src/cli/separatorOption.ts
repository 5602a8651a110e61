// `--separator REGEX`, as `analyze`, `corpus`, `report`, `export` and `split` take it: checked once
// when the command line is read (a refused pattern is a usage error with one clear line), then
// passed to worker threads as its text and compiled again there.
import type { AnalyzeOptions } from '../core/analysis/archive';
import type { SeparatorPattern } from '../core/archive/separatorPattern';
import { compileSeparatorPattern, separatorOptions } from '../core/archive/separatorPattern';
import { UsageError } from './io';

export const SEPARATOR_HELP = `  --separator REGEX  in a file of several articles, a line matching this regular expression
                     starts a new article (archive exports from LexisNexis, Nexis Uni and
                     Factiva are recognised without it)`;

/** The pattern `--separator` was given, or a UsageError saying why it is refused. */
export function separatorPattern(source: string | undefined): SeparatorPattern {
  if (source === undefined || source === '') throw new UsageError('--separator needs a regular expression');
  const result = compileSeparatorPattern(source);
  if (!result.ok) throw new UsageError(result.message);
  return result.pattern;
}

/** The engine's options for a separator already checked by separatorPattern (none without one). */
export function analyzeOptionsFor(source: string | undefined): AnalyzeOptions {
  return separatorOptions(source);
}
