// The articles named on a command line: .txt files, folders searched recursively in a stable order
// (see inputWalker.ts), each with the folder it lies in (articles of one folder usually come from
// one site).
import * as path from 'node:path';
import type { CliIo } from './io';
import { wantedFiles } from './inputWalker';
import { isExcludedByDefault } from '../core/articles/defaultExclusions';

export interface ArticleFile {
  readonly path: string;
  readonly folder: string;
}

/**
 * Whether a file found in a searched folder is an article: a `.txt` file, but not one the editor's
 * default exclusions leave out (`*.clean.txt`, licences, package lists). A file named on the command
 * line is read whatever its name.
 */
export function isArticleFileName(name: string): boolean {
  return name.endsWith('.txt') && !isExcludedByDefault(name);
}

/** The articles named by the inputs; each input that cannot be used is reported and counted. */
export function articleFilesOrReport(inputs: readonly string[], io: CliIo): { files: ArticleFile[]; problems: number } {
  const { files, problems } = wantedFiles(inputs, isArticleFileName, (line) => io.err(`source-annotator: ${line}`));
  return { files: files.map((f) => ({ path: f.path, folder: path.dirname(f.path) })), problems };
}
