// The articles named on a command line: .txt files, folders searched recursively in a stable order
// (see inputWalker.ts), each with the folder it lies in (articles of one folder usually come from
// one site).
import * as path from 'node:path';
import type { CliIo } from './io';
import { wantedFiles } from './inputWalker';

export interface ArticleFile {
  readonly path: string;
  readonly folder: string;
}

/** The articles named by the inputs; each input that cannot be used is reported and counted. */
export function articleFilesOrReport(inputs: readonly string[], io: CliIo): { files: ArticleFile[]; problems: number } {
  const { files, problems } = wantedFiles(inputs, (name) => name.endsWith('.txt'), (line) => io.err(`source-annotator: ${line}`));
  return { files: files.map((f) => ({ path: f.path, folder: path.dirname(f.path) })), problems };
}
