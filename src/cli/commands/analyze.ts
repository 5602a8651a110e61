// `source-annotator analyze`: analyses .txt articles with the same engine as the extension and
// prints a summary, JSON lines, or prediction files for the scorer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../core/analysis/analyze';
import type { CliCommand, CliIo } from '../io';
import { ANALYZE_USAGE, parseAnalyzeArgs } from './analyzeArgs';
import { summary, toPredictions } from './predictions';

class InputError extends Error {}

/** The .txt files named by the inputs; folders are searched recursively, in a stable order. */
function collectFiles(inputs: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.txt')) files.push(p);
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
    else files.push(input);
  }
  return files;
}

function runAnalyze(argv: readonly string[], io: CliIo): Promise<number> {
  const cmd = parseAnalyzeArgs(argv);
  let files: string[];
  try {
    files = collectFiles(cmd.inputs);
  } catch (e) {
    io.err(`source-annotator: ${e instanceof Error ? e.message : String(e)}`);
    return Promise.resolve(1);
  }
  if (cmd.predDir) fs.mkdirSync(cmd.predDir, { recursive: true });
  let status = 0;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      io.err(`source-annotator: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
      status = 1;
      continue;
    }
    const analysis = analyze(text);
    if (cmd.predDir) {
      const name = path.basename(file).replace(/\.txt$/, '');
      fs.writeFileSync(path.join(cmd.predDir, `${name}.pred.json`), `${JSON.stringify(toPredictions(analysis))}\n`);
    }
    if (cmd.json) io.out(JSON.stringify({ file, ...analysis }));
    else if (!cmd.predDir) io.out(`${summary(file, text, analysis)}\n`);
  }
  if (cmd.predDir && !cmd.json) io.out(`wrote ${files.length} prediction files to ${cmd.predDir}`);
  return Promise.resolve(status);
}

export const analyzeCommand: CliCommand = {
  summary: 'find quotes, speakers, cues and boilerplate in .txt articles',
  usage: ANALYZE_USAGE,
  run: runAnalyze,
};
