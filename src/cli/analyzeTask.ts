// One unit of work of the worker pool: read an article and analyse it, or summarise it for the
// corpus. The same function runs in a worker thread or, with one job, in the calling thread.
import { analyze } from '../core/analysis/analyze';
import type { Analysis } from '../core/analysis/types';
import type { ArticleSummary } from '../core/corpus/summary';
import { summariseArticle } from '../core/corpus/summary';
import { describeError } from './fileErrors';
import { readRegularFile } from '../base/regularFile';
import { analyzeOptionsFor } from './separatorOption';

/** `separator`: the text of a `--separator` pattern already checked (compiled again in the worker). */
export type AnalyzeTask =
  | { readonly kind: 'analysis'; readonly file: string; readonly separator?: string }
  | { readonly kind: 'summary'; readonly file: string; readonly folder: string; readonly separator?: string };

export type AnalyzedFile =
  | { readonly file: string; readonly ok: true; readonly text: string; readonly analysis: Analysis }
  | { readonly file: string; readonly ok: false; readonly error: string };

export type SummarisedFile =
  | { readonly file: string; readonly ok: true; readonly summary: ArticleSummary }
  | { readonly file: string; readonly ok: false; readonly error: string };

export type TaskResult = AnalyzedFile | SummarisedFile;

export function runTask(task: AnalyzeTask): TaskResult {
  let text: string;
  try {
    // Not a plain read: a file the walk found may have been replaced by a FIFO since, which would block.
    text = readRegularFile(task.file);
  } catch (e) {
    return { file: task.file, ok: false, error: `cannot read ${task.file}: ${describeError(e)}` };
  }
  const analysis = analyze(text, analyzeOptionsFor(task.separator));
  if (task.kind === 'analysis') return { file: task.file, ok: true, text, analysis };
  return { file: task.file, ok: true, summary: summariseArticle(text, analysis, { path: task.file, folder: task.folder }) };
}
