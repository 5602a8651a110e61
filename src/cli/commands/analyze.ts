// `source-annotator analyze`: analyses .txt articles with the same engine as the extension and
// prints a summary, JSON lines, or prediction files for the scorer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../core/analysis/analyze';
import type { Analysis } from '../../core/analysis/types';
import { writeAtomically } from './interchangeFiles';
import { analyseJsonlStream } from '../jsonlStream';
import { analyzeMany } from '../workerPool';
import { describeError, isDestinationError } from '../fileErrors';
import { walkInputs } from '../inputWalker';
import { isArticleFileName } from '../articleFiles';
import { readRegularFile } from '../../base/regularFile';
import type { InputFile } from '../inputWalker';
import type { CliCommand, CliIo } from '../io';
import { escapeForTerminal as show, jsonLine } from '../terminalText';
import { ANALYZE_USAGE, parseAnalyzeArgs } from './analyzeArgs';
import { summaries, toPredictions } from './predictions';
import type { AnalyzeOptions } from '../../core/analysis/archive';
import { analysisParts } from '../../core/archive/analysisParts';
import { analyzeOptionsFor } from '../separatorOption';

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
      // A link planted at a prediction's name is replaced, never written through.
      writeAtomically(target, content);
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

type Outcome = { readonly text: string; readonly analysis: Analysis } | { readonly problem: string };

/** Reads and analyses one file in this thread; a problem is the line to report. */
function analyseHere(entry: InputFile, options: AnalyzeOptions): Outcome {
  let text: string;
  try {
    text = readRegularFile(entry.path);
  } catch (e) {
    return { problem: `cannot read ${show(entry.path)}: ${describeError(e)}` };
  }
  try {
    return { text, analysis: analyze(text, options) };
  } catch (e) {
    // A fault of the engine on one article must not cost the others.
    return { problem: `cannot analyse ${show(entry.path)}: internal error: ${describeError(e)}` };
  }
}

/** Every file's outcome in input order: here with one job, on worker threads with more. */
async function forEachOutcome(files: readonly InputFile[], jobs: number, separator: string | undefined, handle: (file: InputFile, outcome: Outcome) => void): Promise<void> {
  if (jobs <= 1) {
    const options = analyzeOptionsFor(separator);
    for (const file of files) handle(file, analyseHere(file, options));
    return;
  }
  await analyzeMany(
    files.map((f) => f.path),
    jobs,
    {
      ...(separator === undefined ? {} : { separator }),
      onResult: (r, i) => {
        const file = files[i];
        if (file) handle(file, r.ok ? { text: r.text, analysis: r.analysis } : { problem: show(r.error) });
      },
    },
  );
}

/** The --json lines of one file: its analysis, or one line per article of an export with the article's id, place and fields. */
function jsonRows(file: string, analysis: Analysis): object[] {
  return analysisParts(file, analysis).map((part) => {
    if (!part.article) return { file, ...analysis };
    const { number, start, end, fields } = part.article;
    return { file, article: part.id, number, start, end, fields, ...part.analysis };
  });
}

async function runJsonl(io: CliIo, separator: string | undefined): Promise<number> {
  const options = analyzeOptionsFor(separator);
  const stats = await analyseJsonlStream(process.stdin, process.stdout, { analyse: (text) => analyze(text, options) });
  if (stats.errors > 0) io.err(`source-annotator: ${stats.errors} of ${stats.analysed + stats.errors} records could not be analysed (see their error lines)`);
  return stats.errors > 0 ? 1 : 0;
}

async function runAnalyze(argv: readonly string[], io: CliIo): Promise<number> {
  const cmd = parseAnalyzeArgs(argv);
  if (cmd.jsonl) return runJsonl(io, cmd.separator);
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
      return status;
    }
    writer = new PredictionWriter(cmd.predDir);
  }
  const entries = walkInputs(cmd.inputs, isArticleFileName);
  const files: InputFile[] = [];
  for (const entry of entries) {
    if (entry.kind === 'problem') fail(`${show(entry.path)}: ${show(entry.message)}`);
    else files.push(entry);
  }
  const articles = files.length;
  await forEachOutcome(files, cmd.jobs, cmd.separator, (entry, outcome) => {
    if (writer?.stopped !== undefined) return;
    if ('problem' in outcome) {
      fail(outcome.problem);
      return;
    }
    const { text, analysis } = outcome;
    if (writer) {
      const problem = writer.write(entry, `${JSON.stringify(toPredictions(analysis))}\n`);
      if (problem !== undefined) fail(problem);
      if (writer.stopped !== undefined) return;
    }
    if (cmd.json) for (const row of jsonRows(entry.path, analysis)) io.out(jsonLine(row));
    else if (!writer) io.out(`${summaries(entry.path, text, analysis)}\n`);
  });
  if (writer?.stopped !== undefined) fail(`${writer.stopped}; stopped after writing ${writer.written} of ${articles} prediction files`);
  else if (writer && !cmd.json) io.out(`wrote ${writer.written} prediction files to ${show(writer.dir)}`);
  return status;
}

export const analyzeCommand: CliCommand = {
  summary: 'find quotes, speakers, cues and boilerplate in .txt articles',
  usage: ANALYZE_USAGE,
  run: runAnalyze,
};
