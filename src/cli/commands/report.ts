// `source-annotator report`: the corpus report as one self-contained HTML file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import reportCss from '../../../media/report/report.css';
import type { ArticleSummary } from '../../core/corpus/summary';
import { SIDECAR_SUFFIX } from '../../core/annotations/sidecar/types';
import { buildReport } from '../../core/report/reportData';
import { reportDocument } from '../../core/report/reportHtml';
import type { ArticleTagging } from '../../core/report/tagging';
import { articleTagging } from '../../core/report/tagging';
import { fileOfArticle } from '../../core/archive/articleIds';
import { plural } from '../../core/report/html';
import { articleFilesOrReport } from '../articleFiles';
import { describeError } from '../fileErrors';
import { htmlForTerminal } from '../terminalText';
import { whyNotRead } from '../inputWalker';
import { NotRegularFileError, readRegularFile, readYamlFile } from '../../base/regularFile';
import { writeAtomically } from './interchangeFiles';
import { articleSha256, editorText } from '../articleText';
import type { CliCommand, CliIo } from '../io';
import { summariseMany } from '../workerPool';
import { parseReportArgs, REPORT_USAGE } from './reportArgs';

function readTagging(file: string, io: CliIo): { tagging: ArticleTagging | null; failed: boolean } {
  const sidecar = file + SIDECAR_SUFFIX;
  if (!fs.existsSync(sidecar)) return { tagging: null, failed: false };
  try {
    // Not plain reads: a FIFO or a device in an article's or a sidecar's place would block or never end.
    const text = editorText(readRegularFile(file));
    const tagging = articleTagging(file, readYamlFile(sidecar), text, articleSha256(text), path.basename(file));
    if (tagging.error !== null) io.err(`source-annotator: ${sidecar}: ${tagging.error}`);
    return { tagging, failed: tagging.error !== null };
  } catch (e) {
    io.err(`source-annotator: ${sidecar}: ${e instanceof NotRegularFileError ? `${e.message}; skipped` : whyNotRead(e)}`);
    return { tagging: null, failed: true };
  }
}

/** A path as a relative URL from the report's folder (segments percent-encoded, `/` separators). */
function relativeHref(fromDir: string, target: string): string {
  return path.relative(fromDir, target).split(path.sep).map(encodeURIComponent).join('/');
}

async function runReport(argv: readonly string[], io: CliIo): Promise<number> {
  const cmd = parseReportArgs(argv);
  const { files, problems } = articleFilesOrReport(cmd.inputs, io);
  // Nothing named could be read: no empty result pretends otherwise.
  if (files.length === 0 && problems > 0) return 1;
  let failed = 0;
  const summaries: ArticleSummary[] = [];
  await summariseMany(files, cmd.jobs, {
    ...(cmd.separator === undefined ? {} : { separator: cmd.separator }),
    onResult: (r) => {
      if (r.ok) summaries.push(r.summary);
      else {
        io.err(`source-annotator: ${r.error}`);
        failed++;
      }
    },
  });
  // Results arrive as workers finish: the report lists articles in the order they were named.
  const order = new Map(files.map((f, i) => [f.path, i]));
  summaries.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  const tagging: ArticleTagging[] = [];
  for (const s of summaries) {
    const read = readTagging(s.path, io);
    if (read.tagging) tagging.push(read.tagging);
    if (read.failed) failed++;
  }
  const toStdout = cmd.out === '-';
  const outDir = toStdout ? process.cwd() : path.dirname(path.resolve(cmd.out));
  const data = buildReport(summaries, tagging);
  const html = htmlForTerminal(reportDocument(data, `Corpus report: ${cmd.inputs.join(', ')}`, reportCss, {
    // An article of an export (`export.txt#2`) links to its file.
    hrefFor: (p) => relativeHref(outDir, path.resolve(fileOfArticle(p))),
    displayPath: (p) => path.relative(process.cwd(), path.resolve(p)) || '.',
  }));
  // The document ends with its line break; the stream adds one to what it is given.
  if (toStdout) io.out(html.replace(/\n$/, ''));
  else {
    // Through a temporary file and a rename: a full disk leaves the previous report, not half of one.
    try {
      writeAtomically(path.resolve(cmd.out), html);
    } catch (e) {
      io.err(`source-annotator: cannot write ${cmd.out}: ${describeError(e)}; nothing written`);
      return 1;
    }
    io.err(`source-annotator: report of ${plural(data.articles, 'article')} written to ${cmd.out}`);
  }
  return failed + problems > 0 ? 1 : 0;
}

export const reportCommand: CliCommand = {
  summary: 'the corpus report (voices, outlets, shared statements, tagging progress) as one HTML file',
  usage: REPORT_USAGE,
  run: runReport,
};
