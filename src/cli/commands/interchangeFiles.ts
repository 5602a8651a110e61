// File access shared by the exchange commands (export, import, agreement): finding articles,
// reading their sidecars, hashing texts, and writing files atomically.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { textForHashing } from '../../core/annotations/anchoring/capture';
import { LABEL_CONFIG_FILE, parseLabelConfig } from '../../core/annotations/labels/labelConfig';
import type { Label } from '../../core/annotations/labels/labelConfig';
import type { AnnotationSet } from '../../core/annotations/model/types';
import { loadAnnotations } from '../../core/annotations/sidecar/load';
import { parseSidecarOf } from '../../core/annotations/sidecar/parse';
import type { SidecarError } from '../../core/annotations/sidecar/types';
import { SIDECAR_SUFFIX, sidecarFileName } from '../../core/annotations/sidecar/types';
import { nameClashes } from '../../core/interchange/formats';
import { articleStem } from '../../core/interchange/exportTags';
import { describeError, errorCode } from '../fileErrors';
import { escapeForTerminal as show } from '../terminalText';
import { temporaryName } from '../../base/atomicWrite';
import { wantedFiles, whyNotRead } from '../inputWalker';
import { isArticleFileName } from '../articleFiles';
import { NotRegularFileError, notRegularFile, readRegularFile, readYamlFile } from '../../base/regularFile';

export interface ArticleFile {
  readonly absolute: string;
  /** Relative to the folder it was found in (or its base name when named directly), `/` separators. */
  readonly name: string;
}

/** The deepest folder holding every one of `folders` (absolute paths). */
function commonParent(folders: readonly string[]): string {
  const split = folders.map((f) => f.split(path.sep));
  const first = split[0] ?? [];
  let n = first.length;
  for (const parts of split) {
    let k = 0;
    while (k < n && k < parts.length && parts[k] === first[k]) k++;
    n = k;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}

/**
 * Each file's exchange name: its path under the folder it was found in; files of several inputs
 * whose names would clash (`2023/news/story.txt`, `2024/news/story.txt`: both `story.txt`) are named
 * by their path under the folder holding all the inputs (`2023/news/story.txt`), so that no
 * article's exchange files overwrite another's. Names that still clash (equal but for case, within
 * one folder) are left for the export to report.
 */
function withInputNames(files: readonly { readonly path: string; readonly relative: string }[]): ArticleFile[] {
  const plain = files.map((f) => ({ absolute: f.path, name: f.relative.split(path.sep).join('/') }));
  const clashing = new Set(nameClashes(plain.map((a) => articleStem(a.name))).flat());
  if (clashing.size === 0) return plain;
  const inputFolder = (f: { readonly path: string; readonly relative: string }): string => path.resolve(f.path.slice(0, f.path.length - f.relative.length) || '.');
  const parent = commonParent(files.map(inputFolder));
  return plain.map((a) => (clashing.has(articleStem(a.name)) ? { ...a, name: path.relative(parent, path.resolve(a.absolute)).split(path.sep).join('/') } : a));
}

/**
 * The `.txt` articles named by `inputs` (folders searched as every command searches them, see
 * inputWalker.ts); each input that cannot be used is one line of `problems`.
 */
export function collectArticles(inputs: readonly string[]): { articles: ArticleFile[]; problems: string[]; sidecarsWithoutArticle: string[] } {
  const problems: string[] = [];
  const { files } = wantedFiles(inputs, (name) => isArticleFileName(name) || name.endsWith(SIDECAR_SUFFIX), (line) => problems.push(line));
  // A file named on the command line is an article whatever its name, as every command takes it.
  const articles = withInputNames(files.filter((f) => f.explicit || f.path.endsWith('.txt')));
  const found = new Set(articles.map((a) => a.absolute));
  // A sidecar whose article is gone (renamed or deleted): its tags have no text, and would be left out unsaid.
  const sidecarsWithoutArticle = files.filter((f) => !f.explicit && f.path.endsWith(SIDECAR_SUFFIX) && !found.has(f.path.slice(0, -SIDECAR_SUFFIX.length))).map((f) => f.path);
  return { articles, problems, sidecarsWithoutArticle };
}

/** The article's text, or undefined after reporting on `report` why it cannot be read. */
export function readArticle(article: ArticleFile, report: (line: string) => void): string | undefined {
  try {
    return readRegularFile(article.absolute);
  } catch (e) {
    report(`cannot read ${article.absolute}: ${describeError(e)}`);
    return undefined;
  }
}

export function sha256Of(documentText: string): string {
  return createHash('sha256').update(textForHashing(documentText), 'utf8').digest('hex');
}

export type SidecarState =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'ok';
      readonly yaml: string;
      readonly set: AnnotationSet;
      /** Tags the article's changed text orphaned or made uncertain as they were read: a write records that, so it is said. */
      readonly changed: { readonly orphaned: number; readonly review: number };
    }
  | { readonly kind: 'bad'; readonly path: string; readonly errors: readonly SidecarError[] };

export function sidecarPath(articlePath: string): string {
  return path.join(path.dirname(articlePath), sidecarFileName(path.basename(articlePath)));
}

/** The article's tags placed on `text` (re-anchored when the text changed since the sidecar was written). */
export function readSidecar(articlePath: string, text: string): SidecarState {
  const file = sidecarPath(articlePath);
  let yaml: string;
  try {
    // Not a plain read: a FIFO or a device named like a sidecar would block or never end.
    yaml = readYamlFile(file);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return { kind: 'none' };
    const message = e instanceof NotRegularFileError ? `${e.message}; skipped` : whyNotRead(e);
    return { kind: 'bad', path: file, errors: [{ line: 1, column: 1, message }] };
  }
  const sha256 = sha256Of(text);
  // Another article's sidecar (copied or renamed with the wrong file) is refused, as `check` does:
  // its tags would be placed on this article's words, or orphaned by the next write.
  const parsed = parseSidecarOf(yaml, { fileName: path.basename(articlePath), sha256 });
  if (!parsed.ok) return { kind: 'bad', path: file, errors: parsed.errors };
  const { set } = loadAnnotations(parsed.sidecar, text, sha256);
  const stored = new Map(parsed.sidecar.annotations.map((a) => [a.id, a]));
  const changed = { orphaned: 0, review: 0 };
  for (const a of set.annotations) {
    const before = stored.get(a.id);
    if (a.status === 'orphaned' && before?.status !== 'orphaned') changed.orphaned++;
    else if (a.review !== undefined && before?.review === undefined) changed.review++;
  }
  return { kind: 'ok', yaml, set, changed };
}

export function describeSidecarErrors(state: { path: string; errors: readonly SidecarError[] }): string {
  return state.errors.map((e) => show(`${state.path}:${e.line}:${e.column}: ${e.message}`)).join('\n');
}

/**
 * Writes an output file (an export, a report) through a temporary file in the same folder and a
 * rename, so a reader never sees half a file; a failed write (a full disk) leaves no temporary file.
 * A link at the output's name is replaced, not followed.
 */
export function writeAtomically(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = temporaryName(file);
  try {
    fs.writeFileSync(temporary, content, { encoding: 'utf8', flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch (e) {
    fs.rmSync(temporary, { force: true });
    throw e;
  }
}

/**
 * Writes several output files (an export) all or none: each is first written under a temporary
 * name, and only when every one was written are they renamed into place. A failure (a full disk, a
 * folder in the way, no permission) removes what this call wrote, folders it made included, and
 * throws an error naming the file; a rename failing after that (a file locked by another program)
 * stops the renames, and the error says how many files were replaced.
 */
export function writeAllAtomically(files: readonly { readonly path: string; readonly content: string }[]): void {
  const made: string[] = [];
  const temporaries: [string, string][] = [];
  const current = { file: '' };
  try {
    for (const file of files) {
      current.file = file.path;
      const dir = path.dirname(file.path);
      const first = fs.mkdirSync(dir, { recursive: true });
      if (first !== undefined) made.push(first);
      let existing: fs.Stats | undefined;
      try {
        existing = fs.lstatSync(file.path);
      } catch (e) {
        if (errorCode(e) !== 'ENOENT') throw e;
      }
      if (existing && !existing.isFile() && !existing.isSymbolicLink()) throw new Error(`${notRegularFile(existing).replace('not a regular file but ', '')} is in the way`);
      const temporary = temporaryName(file.path);
      fs.writeFileSync(temporary, file.content, { encoding: 'utf8', flag: 'wx' });
      temporaries.push([temporary, file.path]);
    }
  } catch (e) {
    for (const [temporary] of temporaries) fs.rmSync(temporary, { force: true });
    // Folders this call made: they did not exist before it, so all they hold is its own.
    for (const dir of made.reverse()) fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`cannot write ${current.file}: ${e instanceof Error && !('code' in e) ? e.message : describeError(e)}; nothing was written`);
  }
  // Renames rarely fail once every file is written beside its target; if one does (a file locked
  // by another program), the rest are not renamed either, and what was replaced is said.
  let renamed = 0;
  try {
    for (const [temporary, target] of temporaries) {
      current.file = target;
      fs.renameSync(temporary, target);
      renamed++;
    }
  } catch (e) {
    for (const [temporary] of temporaries.slice(renamed)) fs.rmSync(temporary, { force: true });
    throw new Error(`cannot write ${current.file}: ${describeError(e)}; ${renamed} of ${temporaries.length} files were replaced, the others left as they were`);
  }
}

/**
 * The labels of the nearest `.source-annotator.yaml` at or above `start`, else the default labels;
 * one that cannot be read (not a regular file, no permission) gives the default labels and `problem`.
 */
export function labelsFor(start: string): { readonly labels: readonly Label[]; readonly problem?: string } {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const file = path.join(dir, LABEL_CONFIG_FILE);
    if (fs.existsSync(file)) {
      try {
        return { labels: parseLabelConfig(readYamlFile(file)).labels };
      } catch (e) {
        return { labels: parseLabelConfig('').labels, problem: `${file}: ${whyNotRead(e)}; the default labels are used` };
      }
    }
    if (path.dirname(dir) === dir) return { labels: parseLabelConfig('').labels };
  }
}

/** Takes `--name value` / `--name=value` options out of `argv`; the rest are positional. */
export function splitOptions(argv: readonly string[], valued: readonly string[], flags: readonly string[]): { values: Map<string, string>; flags: Set<string>; positional: string[]; unknown: string[] } {
  const values = new Map<string, string>();
  const seenFlags = new Set<string>();
  const positional: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    // After `--`, everything is a file or folder, even a name starting with a dash.
    if (arg === '--') {
      for (const a of argv.slice(i + 1)) positional.push(a);
      break;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) unknown.push(`${name} needs a value`);
      else values.set(name, value);
    } else if (flags.includes(name)) seenFlags.add(name);
    else if (arg.startsWith('-') && arg !== '-') unknown.push(`unknown option ${arg}`);
    else positional.push(arg);
  }
  return { values, flags: seenFlags, positional, unknown };
}
