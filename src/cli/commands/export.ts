// `source-annotator export`: writes the tags of articles in an exchange format (brat, W3C Web
// Annotation, Label Studio, INCEpTION UIMA CAS JSON, JSON lines, CSV).
import { escapeForTerminal as show } from '../terminalText';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXPORT_FORMATS, exportArticles, isExportFormat, withoutClashes } from '../../core/interchange/formats';
import type { ExportArticle } from '../../core/interchange/types';
import { SIDECAR_SUFFIX } from '../../core/annotations/sidecar/types';
import { archiveExportArticles } from '../../core/interchange/archiveArticles';
import { SEPARATOR_HELP, separatorPattern } from '../separatorOption';
import type { CliCommand, CliIo } from '../io';
import { UsageError } from '../io';
import { collectArticles, describeSidecarErrors, labelsFor, readArticle, readSidecar, sha256Of, splitOptions, writeAllAtomically } from './interchangeFiles';

export const EXPORT_USAGE = `Usage: source-annotator export --format FORMAT --out DIR [--separator REGEX] [files or folders...]

Writes the tags of the .txt articles (from their .annotations.yaml sidecars) to DIR in FORMAT:
  brat           <name>.ann beside a copy of <name>.txt, plus annotation.conf
  w3c            <name>.jsonld: W3C Web Annotations (JSON-LD), one per tag
  label-studio   label-studio.json: one task per article
  inception      <name>.json: UIMA CAS JSON with a custom span layer, for INCEpTION
  jsonl          annotations.jsonl: one line per article, {"text", "meta", "spans"}
  csv            annotations.csv: one row per tag
Articles without a sidecar are exported with no tags; a sidecar with problems is reported and
its article skipped. Folders default to the current one. In a file holding several articles of
an archive export, each tag names its article: the CSV columns article (<file>#<N>), source,
date, byline, headline and section; in JSON lines one line per article, its "meta" naming it
("article" <file>#<N>, "number", "of", "file_offset", and its fields).

Exit status: 0 on success, 1 when an input, an article or its sidecar cannot be read (the rest is
still exported) or a file cannot be written, 2 on a usage error.

Options:
${SEPARATOR_HELP}`;

async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const options = splitOptions(argv, ['--format', '--out', '--separator'], []);
  if (options.unknown.length > 0) throw new UsageError(options.unknown.join('; '));
  const separatorSource = options.values.get('--separator');
  const separator = separatorSource === undefined ? undefined : separatorPattern(separatorSource);
  const format = options.values.get('--format');
  const out = options.values.get('--out');
  if (format === undefined || !isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (out === undefined) throw new UsageError('--out DIR is required');
  if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) {
    io.err(`source-annotator: --out ${show(out)} is a file, not a folder; nothing was written`);
    return Promise.resolve(1);
  }
  const inputs = options.positional.length > 0 ? options.positional : ['.'];
  const { articles, problems, sidecarsWithoutArticle } = collectArticles(inputs);
  let status = problems.length > 0 ? 1 : 0;
  const report = (line: string): void => {
    io.err(`source-annotator: ${line}`);
    status = 1;
  };
  for (const line of problems) io.err(`source-annotator: ${line}`);
  for (const sidecar of sidecarsWithoutArticle) report(`${show(sidecar)}: its article ${show(path.basename(sidecar.slice(0, -SIDECAR_SUFFIX.length)))} is missing (renamed or deleted?); its tags are not exported`);
  const exportable: ExportArticle[] = [];
  for (const article of articles) {
    const text = readArticle(article, report);
    if (text === undefined) continue;
    const sidecar = readSidecar(article.absolute, text);
    if (sidecar.kind === 'bad') {
      io.err(`${describeSidecarErrors(sidecar)}\n${show(article.name)}: skipped, its sidecar has problems`);
      status = 1;
      continue;
    }
    const set = sidecar.kind === 'ok' ? sidecar.set : { file: path.basename(article.absolute), sha256: sha256Of(text), annotations: [], rejections: [] };
    const parts = archiveExportArticles(text, separator);
    exportable.push({ name: article.name, text, set, ...(parts ? { articles: parts } : {}) });
  }
  const labels = labelsFor(inputs[0] ?? '.');
  if (labels.problem !== undefined) report(labels.problem);
  const { articles: unclashing, clashes } = withoutClashes(format, exportable);
  const pathOf = new Map(articles.map((a) => [a.name, a.absolute]));
  for (const group of clashes) {
    report(`${group.map((a) => show(pathOf.get(a.name) ?? a.name)).join(', ')}: not exported, their ${format} files would have the same name; rename one, or export them apart`);
  }
  const result = exportArticles(format, unclashing, labels.labels);
  try {
    writeAllAtomically(result.files.map((file) => ({ path: path.join(out, ...file.path.split('/')), content: file.content })));
  } catch (e) {
    report(e instanceof Error ? e.message : String(e));
    return Promise.resolve(1);
  }
  const tags = unclashing.reduce((n, a) => n + a.set.annotations.length, 0) - result.skipped;
  // An archive export counts each of its articles.
  const articleCount = unclashing.reduce((n, a) => n + (a.articles?.length ?? 1), 0);
  io.out(`exported ${tags} tags of ${articleCount} articles as ${format} to ${out} (${result.files.length} files)`);
  for (const { from, to } of result.renamed ?? []) io.err(`source-annotator: the label ${show(JSON.stringify(from))} is written as ${show(to)}: ${format} names are single tokens (importing the files back gives ${show(to)})`);
  const across = result.across ?? 0;
  if (result.skipped > across) io.out(`${result.skipped - across} orphaned or rejected tags were skipped: ${format} cannot say a tag lost its place or was rejected`);
  if (across > 0) io.out(`${across} tags were skipped: each runs across two articles of an archive file, and ${format} holds one task per article`);
  return Promise.resolve(status);
}

export const exportCommand: CliCommand = {
  summary: 'write the tags of articles as brat, W3C, Label Studio, INCEpTION, JSON lines or CSV',
  usage: EXPORT_USAGE,
  run: runExport,
};
