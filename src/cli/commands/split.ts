// `source-annotator split`: cuts archive exports (LexisNexis, Nexis Uni, Factiva, or a custom
// separator) into one .txt per article, with a JSON file of its fields and its share of the
// export's tags.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArticleText } from '../../core/archive/articleText';
import { articleText } from '../../core/archive/articleText';
import { articleFileNames } from '../../core/archive/fileNames';
import type { MovedTags, UnplacedTag } from '../../core/archive/moveTags';
import { moveTags, UNPLACED_REASONS } from '../../core/archive/moveTags';
import type { SeparatorPattern } from '../../core/archive/separatorPattern';
import { compileSeparatorPattern } from '../../core/archive/separatorPattern';
import { splitArchive } from '../../core/archive/splitArchive';
import type { ArchiveArticle, ArchiveSplit } from '../../core/archive/types';
import { textForHashing } from '../../core/annotations/anchoring/capture';
import { LineIndex } from '../../core/annotations/anchoring/positions';
import type { AnnotationSet } from '../../core/annotations/model/types';
import { loadAnnotations } from '../../core/annotations/sidecar/load';
import { parseSidecarOf } from '../../core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../core/annotations/sidecar/serialise';
import { sidecarFileName } from '../../core/annotations/sidecar/types';
import { describeError, errorCode } from '../fileErrors';
import { readRegularFile, readYamlFile } from '../../base/regularFile';
import type { CliCommand, CliIo } from '../io';
import { UsageError } from '../io';
import { escapeForTerminal as show } from '../terminalText';

export const SPLIT_USAGE = `Usage: source-annotator split --out DIR [--separator REGEX] [--force] <file>...

Cuts news-archive exports that hold many articles in one file (LexisNexis "N of M DOCUMENTS",
Nexis Uni "End of Document", Factiva "Document <id>") into one file per article in DIR:
  <name>-<NN>-<headline>.txt             the headline, a blank line and the body
  <name>-<NN>-<headline>.meta.json       the article's fields and metadata lines
  <name>-<NN>-<headline>.txt.annotations.yaml   its tags, moved from <file>.annotations.yaml
  <name>.unplaced.json                   tags that could not be moved, with the reason
A file without a clear export layout is reported and skipped; the input files are not changed.

Options:
  --out DIR          the folder to write into (created if missing)
  --separator REGEX  a line matching this regular expression starts a new article
  --force            overwrite files already in DIR

Exit status: 0 all split, 1 when a file was skipped or a tag could not be moved, 2 on a usage error.`;

interface SplitOptions {
  readonly inputs: readonly string[];
  readonly out: string;
  readonly separator: SeparatorPattern | undefined;
  readonly force: boolean;
}

function parseSplitArgs(argv: readonly string[]): SplitOptions {
  const inputs: string[] = [];
  let out: string | undefined;
  let separator: SeparatorPattern | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    // After `--`, everything is a file or folder, even a name starting with a dash.
    if (arg === '--') {
      for (const a of argv.slice(i + 1)) inputs.push(a);
      break;
    }
    const option = /^(--out|--separator)(?:=(.*))?$/s.exec(arg);
    if (option) {
      const value = option[2] ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${option[1]} needs a value`);
      if (option[1] === '--out') out = value;
      else separator = compiled(value);
    } else if (arg === '--force') force = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new UsageError('no export files');
  if (out === undefined) throw new UsageError('--out DIR is required');
  return { inputs, out, separator, force };
}

function compiled(source: string): SeparatorPattern {
  const result = compileSeparatorPattern(source);
  if (!result.ok) throw new UsageError(result.message);
  return result.pattern;
}

class SkipFile extends Error {}

/** The tags of `file` (empty when it has no sidecar); a sidecar that does not load skips the file. */
function loadTags(file: string, text: string): AnnotationSet {
  const sidecarPath = sidecarFileName(file);
  let yamlText: string;
  try {
    yamlText = readYamlFile(sidecarPath);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return { file: path.basename(file), sha256: '', annotations: [], rejections: [] };
    throw new SkipFile(`cannot read ${show(sidecarPath)}: ${describeError(e)}; not split, so its tags stay together`);
  }
  // Another article's sidecar is refused, as `check` does: its tags would be moved onto this file's articles.
  const parsed = parseSidecarOf(yamlText, { fileName: path.basename(file), sha256: sha256(text) });
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new SkipFile(`${show(sidecarPath)}:${first?.line ?? 1}:${first?.column ?? 1}: ${show(first?.message ?? 'does not load')}; not split, so its tags stay together`);
  }
  return loadAnnotations(parsed.sidecar, text, sha256(text)).set;
}

function sha256(text: string): string {
  return createHash('sha256').update(textForHashing(text), 'utf8').digest('hex');
}

interface PlannedFile {
  readonly path: string;
  readonly content: string;
}

function runSplit(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseSplitArgs(argv);
  const taken = new Set<string>();
  let status = 0;
  for (const file of options.inputs) {
    try {
      status = Math.max(status, splitFile(file, options, taken, io));
    } catch (e) {
      if (!(e instanceof SkipFile)) throw e;
      io.err(`source-annotator split: ${show(file)}: ${e.message}`);
      status = 1;
    }
  }
  return Promise.resolve(status);
}

/** Splits one export; returns 1 when some tag could not be moved. Throws SkipFile to skip it. */
function splitFile(file: string, options: SplitOptions, taken: Set<string>, io: CliIo): number {
  let text: string;
  try {
    // Non-blocking and checked once open: a FIFO or device named as input is refused, never waited on.
    text = readRegularFile(file);
  } catch (e) {
    throw new SkipFile(`cannot read: ${describeError(e)}`);
  }
  const split = splitArchive(text, options.separator ? { separator: options.separator } : {});
  if (split.layout === null) throw new SkipFile('no archive layout recognised (LexisNexis, Nexis Uni, Factiva' + (options.separator ? ', or the --separator pattern' : '') + '); not split');
  const tags = loadTags(file, text);
  const base = path.basename(file).replace(/\.txt$/i, '');
  const names = articleFileNames(base, split.articles, taken);
  const texts = split.articles.map((article) => articleText(text, article));
  const moved = moveTags(tags, split.articles, texts);
  const unplacedName = moved.unplaced.length > 0 ? distinctName(`${base}.unplaced`, taken) : '';
  const planned = planFiles({ file, text, split, names, texts, moved, base, unplacedName, out: options.out });
  if (!options.force) {
    // A symbolic link counts as there, even one pointing nowhere: nothing is written through it.
    const existing = planned.find((p) => isThere(p.path));
    if (existing) throw new SkipFile(`${show(existing.path)} already exists; not split (use --force to overwrite)`);
  }
  writeAll(planned, options.out, options.force);
  const lines = new LineIndex(text);
  for (const u of moved.unplaced) io.err(`source-annotator split: ${show(file)}: ${describeUnplaced(u, lines)} not moved: ${UNPLACED_REASONS[u.reason]}`);
  const movedCount = moved.perArticle.reduce((n, a) => n + a.annotations.length + a.rejections.length, 0);
  const unplacedNote = moved.unplaced.length > 0 ? `, ${moved.unplaced.length} not moved (listed in ${unplacedName}.json)` : '';
  io.out(`${show(file)}: ${split.layout} export, ${split.articles.length} articles written to ${show(options.out)} (${movedCount} tags moved${unplacedNote})`);
  return moved.unplaced.length > 0 ? 1 : 0;
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Never written (its folder is not one): nothing to remove.
  }
}

/** Whether anything is at `file`, a symbolic link included (one pointing nowhere too); a folder in its path that is not one means nothing is. */
function isThere(file: string): boolean {
  try {
    return fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Puts the written temporary file at `target` only if nothing is there: the check before writing
 * cannot see another run writing the same names at the same time. A hard link fails when the name is
 * taken (atomically); where the file system has none, the name is checked once more just before.
 */
export function placeNew(temporary: string, target: string): void {
  try {
    fs.linkSync(temporary, target);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'EEXIST') throw Object.assign(new Error('written by another run meanwhile (it already exists)'), { code });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
    if (isThere(target)) throw Object.assign(new Error('written by another run meanwhile (it already exists)'), { code: 'EEXIST' });
    fs.renameSync(temporary, target);
    return;
  }
  fs.unlinkSync(temporary);
}

/** The longest name most file systems take, in bytes (NAME_MAX). */
const NAME_MAX = 255;

/**
 * Writes every planned file, or none: a name too long for the file system is found before anything
 * is written; each file is written to a new temporary file beside it (never through a symbolic link
 * already there), and only when all are written are they renamed into place (a rename replaces a
 * link rather than writing where it points). A failure (a full disk, no permission) removes the
 * temporary files and the files this run had already put in place where nothing was before, and
 * names the file it failed on.
 */
function writeAll(planned: readonly { readonly path: string; readonly content: string }[], out: string, force: boolean): void {
  const tooLong = planned.find((p) => Buffer.byteLength(path.basename(p.path)) > NAME_MAX);
  if (tooLong) throw new SkipFile(`cannot write ${show(tooLong.path)}: its name is longer than ${NAME_MAX} bytes (shorten the export's file name); none of its articles written`);
  try {
    fs.mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new SkipFile(`cannot write into ${show(out)}: ${describeError(e)}`);
  }
  const temporary = planned.map((p, i) => path.join(path.dirname(p.path), `.source-annotator-split-${process.pid}-${i}.tmp`));
  const wasThere = planned.map((p) => isThere(p.path));
  // The file being written or renamed, and how many are in place.
  let at = 0;
  let renamed = 0;
  try {
    for (const [i, p] of planned.entries()) {
      at = i;
      fs.writeFileSync(temporary[i] ?? '', p.content, { flag: 'wx' });
    }
    for (const [i, p] of planned.entries()) {
      at = i;
      if (force) fs.renameSync(temporary[i] ?? '', p.path);
      else placeNew(temporary[i] ?? '', p.path);
      renamed++;
    }
  } catch (e) {
    for (const t of temporary) removeQuietly(t);
    planned.slice(0, renamed).forEach((p, i) => {
      if (!wasThere[i]) removeQuietly(p.path);
    });
    const failed = planned[at]?.path;
    throw new SkipFile(`cannot write ${failed === undefined ? `into ${show(out)}` : show(failed)}: ${describeError(e)}; none of its articles written`);
  }
}

interface Plan {
  readonly file: string;
  readonly text: string;
  readonly split: ArchiveSplit;
  readonly names: readonly string[];
  readonly texts: readonly ArticleText[];
  readonly moved: MovedTags;
  readonly base: string;
  /** Without `.json`; used when some tag is unplaced. */
  readonly unplacedName: string;
  readonly out: string;
}

function planFiles(plan: Plan): PlannedFile[] {
  const files: PlannedFile[] = [];
  const lines = new LineIndex(plan.text);
  for (const [i, article] of plan.split.articles.entries()) {
    const name = plan.names[i] ?? `${plan.base}-${i + 1}`;
    const content = plan.texts[i]?.text ?? '';
    files.push({ path: path.join(plan.out, `${name}.txt`), content });
    files.push({ path: path.join(plan.out, `${name}.meta.json`), content: metaJson(plan, article, lines) });
    const tags = plan.moved.perArticle[i];
    if (tags && tags.annotations.length + tags.rejections.length > 0) {
      const set: AnnotationSet = { file: `${name}.txt`, sha256: sha256(content), annotations: tags.annotations, rejections: tags.rejections };
      files.push({ path: path.join(plan.out, sidecarFileName(`${name}.txt`)), content: serialiseSidecar(undefined, set, content) });
    }
  }
  if (plan.moved.unplaced.length > 0) {
    const entries = plan.moved.unplaced.map((u) => ({ reason: u.reason, list: `${u.tag.kind}s`, ...u.tag.entry, start: lines.positionAt(u.tag.entry.start), end: lines.positionAt(u.tag.entry.end) }));
    files.push({ path: path.join(plan.out, `${plan.unplacedName}.json`), content: `${JSON.stringify({ file: path.basename(plan.file), unplaced: entries }, null, 2)}\n` });
  }
  return files;
}

/** `wanted`, or `wanted-2`, `wanted-3`… when this run already wrote that name (compared case-blind). */
function distinctName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function metaJson(plan: Plan, article: ArchiveArticle, lines: LineIndex): string {
  const meta = {
    export: path.basename(plan.file),
    layout: plan.split.layout,
    article: article.index + 1,
    of: plan.split.articles.length,
    fields: article.fields,
    lines: { first: lines.positionAt(article.start).line, last: lines.positionAt(article.end).line },
    metadata: article.metadata.map((m) => ({ line: m.line + 1, field: m.field, value: m.value })),
  };
  return `${JSON.stringify(meta, null, 2)}\n`;
}

function describeUnplaced(u: UnplacedTag, lines: LineIndex): string {
  const { entry } = u.tag;
  const what = u.tag.kind === 'annotation' ? `tag ${u.tag.entry.label}` : `rejection of ${u.tag.entry.kind}`;
  const excerpt = entry.text.length > 40 ? `${entry.text.slice(0, 40)}…` : entry.text;
  return `${what} (id ${entry.id}) at line ${lines.positionAt(entry.start).line} ${JSON.stringify(excerpt)}`;
}

export const splitCommand: CliCommand = {
  summary: 'cut archive exports (LexisNexis, Nexis Uni, Factiva) into one .txt per article',
  usage: SPLIT_USAGE,
  run: runSplit,
};
