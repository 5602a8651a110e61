// The articles named on a command line: .txt files, folders searched recursively in a stable order,
// each with the folder it lies in (articles of one folder usually come from one site).
import type { CliIo } from './io';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ArticleFile {
  readonly path: string;
  readonly folder: string;
}

export class InputError extends Error {}

/** Throws InputError naming the first input that does not exist. */
export function collectArticleFiles(inputs: readonly string[]): ArticleFile[] {
  const files: ArticleFile[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.txt')) files.push({ path: p, folder: dir });
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new InputError(`cannot read ${input}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(input);
    else files.push({ path: input, folder: path.dirname(input) });
  }
  return files;
}

/** The articles named by the inputs, or undefined after reporting the input that cannot be read. */
export function articleFilesOrReport(inputs: readonly string[], io: CliIo): ArticleFile[] | undefined {
  try {
    return collectArticleFiles(inputs);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`source-annotator: ${e.message}`);
    return undefined;
  }
}
