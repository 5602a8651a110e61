// `source-annotator analyze`: analyses .txt articles with the same engine as the extension and
// prints a summary, JSON lines, or prediction files for the scorer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../core/analysis/analyze';
import type { Analysis } from '../../core/analysis/types';
import { writeFileAtomically } from '../atomicWrite';
import { describeError, isDestinationError } from '../fileErrors';
import { readRegularFile, walkInputs } from '../inputWalker';
import type { InputFile } from '../inputWalker';
import type { CliCommand, CliIo } from '../io';
import { escapeForTerminal as show, jsonLine } from '../terminalText';
import { ANALYZE_USAGE, parseAnalyzeArgs } from './analyzeArgs';
import { summary, toPredictions } from './predictions';

/** Makes the prediction folder; undefined when it is ready, else why not. */
function preparePredictionFolder(dir: string): string | undefined {
  try {
    const stats = fs.statSync(dir);
    return stats.isDirectory() ? undefined : 'it exists and is not a folder';
  } catch {
    // Missing: create it below.
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
    return undefined;
  } catch (e) {
    return describeError(e);
  }
}

/**
 * Prediction files are flat, `<name>.pred.json` per `<name>.txt`, as the scorer reads them. Two
 * articles of the same name (in different folders) would write the same file: the first one
 * keeps it and the later one is reported, never silently overwritten.
 */
class PredictionWriter {
  private readonly owners = new Map<string, string>();
  written = 0;
  /** Set once the folder itself failed (full disk, read-only): later writes are not attempted. */
  stopped: string | undefined;

  constructor(readonly dir: string) {}

  /** Undefined when written, else the one-line problem. */
  write(file: InputFile, content: string): string | undefined {
    const name = `${path.basename(file.path).replace(/\.txt$/, '')}.pred.json`;
    const target = path.join(this.dir, name);
    const owner = this.owners.get(name);
    if (owner !== undefined) return `${show(file.path)}: not written: its prediction file ${show(target)} already holds ${show(owner)} (same file name); rename one of them or analyse the folders separately`;
    try {
      writeFileAtomically(target, content, { durable: false });
    } catch (e) {
      if (isDestinationError(e)) {
        this.stopped = `cannot write ${show(target)}: ${describeError(e)}`;
        return undefined;
      }
      return `${show(file.path)}: cannot write ${show(target)}: ${describeError(e)}`;
    }
    this.owners.set(name, file.path);
    this.written++;
    return undefined;
  }
}

function runAnalyze(argv: readonly string[], io: CliIo): Promise<number> {
  const cmd = parseAnalyzeArgs(argv);
  let status = 0;
  const fail = (line: string): void => {
    io.err(`source-annotator: ${line}`);
    status = 1;
  };
  let writer: PredictionWriter | undefined;
  if (cmd.predDir !== null) {
    const problem = preparePredictionFolder(cmd.predDir);
    if (problem !== undefined) {
      fail(`cannot use ${show(cmd.predDir)} as the prediction folder: ${problem}`);
      return Promise.resolve(status);
    }
    writer = new PredictionWriter(cmd.predDir);
  }
  const entries = walkInputs(cmd.inputs, (name) => name.endsWith('.txt'));
  const articles = entries.filter((e) => e.kind === 'file').length;
  for (const entry of entries) {
    if (entry.kind === 'problem') {
      fail(`${show(entry.path)}: ${show(entry.message)}`);
      continue;
    }
    let text: string;
    try {
      text = readRegularFile(entry.path);
    } catch (e) {
      fail(`cannot read ${show(entry.path)}: ${describeError(e)}`);
      continue;
    }
    let analysis: Analysis;
    try {
      analysis = analyze(text);
    } catch (e) {
      // A fault of the engine on one article must not cost the others.
      fail(`cannot analyse ${show(entry.path)}: internal error: ${describeError(e)}`);
      continue;
    }
    if (writer) {
      const problem = writer.write(entry, `${JSON.stringify(toPredictions(analysis))}\n`);
      if (problem !== undefined) fail(problem);
      if (writer.stopped !== undefined) break;
    }
    if (cmd.json) io.out(jsonLine({ file: entry.path, ...analysis }));
    else if (!writer) io.out(`${summary(entry.path, text, analysis)}\n`);
  }
  if (writer?.stopped !== undefined) fail(`${writer.stopped}; stopped after writing ${writer.written} of ${articles} prediction files`);
  else if (writer && !cmd.json) io.out(`wrote ${writer.written} prediction files to ${show(writer.dir)}`);
  return Promise.resolve(status);
}

export const analyzeCommand: CliCommand = {
  summary: 'find quotes, speakers, cues and boilerplate in .txt articles',
  usage: ANALYZE_USAGE,
  run: runAnalyze,
};
