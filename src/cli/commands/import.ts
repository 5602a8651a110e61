// `source-annotator import`: adds tags from brat, W3C Web Annotation, Label Studio or JSON lines
// files to the sidecars of the articles in a folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSidecar } from '../../core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../core/annotations/sidecar/serialise';
import { IMPORT_EXTENSIONS, IMPORT_FORMATS, isImportFormat, parseImport } from '../../core/interchange/formats';
import type { ImportFormat } from '../../core/interchange/formats';
import { parseBrat } from '../../core/interchange/brat';
import { ArticleMatcher } from '../../core/interchange/matchArticle';
import type { CandidateArticle } from '../../core/interchange/matchArticle';
import { importTags } from '../../core/interchange/placeTags';
import type { ImportedDocument, InputFile, ParsedImport } from '../../core/interchange/types';
import { wantedFiles } from '../inputWalker';
import type { CliCommand, CliIo } from '../io';
import { UsageError } from '../io';
import { collectArticles, describeSidecarErrors, readArticle, readSidecar, sha256Of, sidecarPath, splitOptions } from './interchangeFiles';
import { writeFileAtomically } from '../../base/atomicWrite';
import { describeError } from '../fileErrors';
import { escapeForTerminal as show } from '../terminalText';

export const IMPORT_USAGE = `Usage: source-annotator import --format FORMAT [--author NAME] INPUT... --into FOLDER

Adds the tags in INPUT (files, or folders searched for them) to the articles in FOLDER:
  brat           .ann files (the .txt beside each is used to check the places)
  w3c            .jsonld / .json W3C Web Annotations (collections, pages or single annotations)
  label-studio   .json Label Studio task exports
  jsonl          .jsonl lines {"text", "meta", "spans"} (Prodigy, spaCy)
Each document goes to the article with its file name, else to the one with its text. A tag is
placed by its offsets when the words there match, else found by its words and context, else
imported as orphaned. Tags already there are not added twice. A sidecar with problems is left
untouched. --author names the author of tags the file does not credit.`;

async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const options = splitOptions(argv, ['--format', '--into', '--author'], []);
  if (options.unknown.length > 0) throw new UsageError(options.unknown.join('; '));
  const format = options.values.get('--format');
  const into = options.values.get('--into');
  if (format === undefined || !isImportFormat(format)) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
  if (into === undefined) throw new UsageError('--into FOLDER is required');
  if (options.positional.length === 0) throw new UsageError('name at least one file or folder to import');
  let status = 0;
  const report = (line: string): void => {
    io.err(`source-annotator: ${line}`);
    status = 1;
  };
  const extensions = IMPORT_EXTENSIONS[format];
  const { files } = wantedFiles(options.positional, (name) => extensions.some((e) => name.toLowerCase().endsWith(e)), report);
  const parsed = readInputs(format, files.map((f) => f.path), report);
  for (const p of parsed.problems) io.err(`${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`);
  if (parsed.problems.length > 0) status = 1;

  const targets = collectArticles([into]);
  for (const line of targets.problems) report(line);
  const byName = new Map(targets.articles.map((a) => [a.name, a.absolute]));
  const candidates: CandidateArticle[] = [];
  for (const a of targets.articles) {
    const text = readArticle(a, report);
    if (text !== undefined) candidates.push({ name: a.name, text });
  }
  const matcher = new ArticleMatcher(candidates);
  const byArticle = new Map<CandidateArticle, ImportedDocument[]>();
  for (const document of parsed.documents) {
    const match = matcher.match(document);
    if (match.article === undefined) {
      io.err(`${show(document.name ?? 'a document')}: not imported, ${match.reason} in ${into}`);
      status = 1;
      continue;
    }
    const list = byArticle.get(match.article);
    if (list === undefined) byArticle.set(match.article, [document]);
    else list.push(document);
  }
  const author = options.values.get('--author') ?? '';
  if (format === 'brat' && author === '') io.err('brat files name no author: the imported tags have none (give --author NAME)');
  for (const [article, documents] of byArticle) {
    const absolute = byName.get(article.name) ?? '';
    if (!importInto(absolute, article, documents, author, io)) status = 1;
  }
  return Promise.resolve(status);
}

/** Reads the files to import; one that cannot be read is reported and left out. */
function readInputs(format: ImportFormat, paths: readonly string[], report: (line: string) => void): ParsedImport {
  const files: InputFile[] = [];
  for (const p of paths) {
    const content = readArticle({ absolute: p, name: p }, report);
    if (content !== undefined) files.push({ path: p, content });
  }
  if (format !== 'brat') return parseImport(format, files);
  const texts = new Map<string, string>();
  for (const file of files) {
    const txt = file.path.replace(/\.ann$/i, '.txt');
    if (fs.existsSync(txt)) texts.set(file.path, fs.readFileSync(txt, 'utf8'));
  }
  // brat documents are named by their .ann path; the article is matched by its base name.
  const parsed = parseBrat(files, texts);
  return { ...parsed, documents: parsed.documents.map((d) => ({ ...d, ...(d.name === undefined ? {} : { name: path.basename(d.name) }) })) };
}

/** Imports into one article; false when its sidecar could not be used. */
function importInto(absolute: string, article: CandidateArticle, documents: readonly ImportedDocument[], author: string, io: CliIo): boolean {
  const sidecar = readSidecar(absolute, article.text);
  if (sidecar.kind === 'bad') {
    io.err(`${describeSidecarErrors(sidecar)}\n${show(article.name)}: nothing imported, its sidecar has problems and is left untouched`);
    return false;
  }
  let set = sidecar.kind === 'ok' ? sidecar.set : { file: path.basename(absolute), sha256: sha256Of(article.text), annotations: [], rejections: [] };
  const totals = { added: 0, alreadyPresent: 0, orphaned: 0, review: 0, withoutLabel: 0, empty: 0 };
  const now = new Date().toISOString();
  for (const document of documents) {
    const outcome = importTags(article.text, set, document, { author, now });
    set = outcome.set;
    totals.added += outcome.counts.added;
    totals.alreadyPresent += outcome.counts.alreadyPresent;
    totals.orphaned += outcome.counts.orphaned;
    totals.review += outcome.counts.review;
    totals.withoutLabel += outcome.counts.withoutLabel;
    totals.empty += outcome.counts.empty;
  }
  if (totals.added > 0) {
    const written = serialiseSidecar(sidecar.kind === 'ok' ? sidecar.yaml : undefined, set, article.text);
    // The editor must be able to read what we write; refuse rather than leave a file it rejects.
    const check = parseSidecar(written);
    if (!check.ok) {
      io.err(`${show(article.name)}: nothing imported, the result would not be a valid sidecar (${check.errors[0]?.message ?? 'unknown problem'})`);
      return false;
    }
    try {
      // Replaced only if nothing changed it since it was read (another import, the editor); a link stays a link, the mode is kept.
      writeFileAtomically(sidecarPath(absolute), written, { durable: true, unchangedSince: sidecar.kind === 'ok' ? sidecar.yaml : null });
    } catch (e) {
      io.err(`${show(article.name)}: nothing imported: ${describeError(e)}`);
      return false;
    }
  }
  io.out(`${show(article.name)}: ${totals.added} added, ${totals.alreadyPresent} already present, ${totals.orphaned} orphaned${totals.review > 0 ? `, ${totals.review} to check (found, but not surely)` : ''}`);
  // The article changed since its sidecar was written: the write records where its tags are now.
  const changed = sidecar.kind === 'ok' && totals.added > 0 ? sidecar.changed : { orphaned: 0, review: 0 };
  if (changed.orphaned + changed.review > 0) {
    io.err(`${show(article.name)}: its text changed since its sidecar was written; of the tags it already had, ${changed.orphaned} are now orphaned (their words are gone; kept) and ${changed.review} to check (found, but not surely)`);
  }
  if (totals.withoutLabel > 0) io.err(`${show(article.name)}: ${totals.withoutLabel} tags without a label were skipped`);
  if (totals.empty > 0) io.err(`${show(article.name)}: ${totals.empty} tags covering no words (an empty span, or empty words) were skipped`);
  return totals.withoutLabel === 0 && totals.empty === 0;
}

export const importCommand: CliCommand = {
  summary: 'add tags from brat, W3C, Label Studio or JSON lines files to the articles of a folder',
  usage: IMPORT_USAGE,
  run: runImport,
};
