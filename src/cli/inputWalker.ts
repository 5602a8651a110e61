// Files and folders named on the command line → the files a command works on, plus one problem
// per thing it could not use. Shared by every command so they all treat links, loops and special
// files alike: symbolic links are followed (a loop is found by comparing folders' identities, and a folder
// reached a second time, through a link or named twice, is searched once: its files are found
// once), anything that is not a regular file (a FIFO, a socket, a device) is refused before it is
// opened, so nothing blocks, and every skipped input is named.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { notRegularFile, NotRegularFileError } from '../base/regularFile';
import { describeError, errorCode } from './fileErrors';

export interface InputFile {
  readonly kind: 'file';
  /** The path to open and to show: the input as given, joined with the names found below it. */
  readonly path: string;
  /** For a file found in a folder: its path under the input folder; for a file named itself: its name. */
  readonly relative: string;
  /** Named on the command line rather than found in a folder. */
  readonly explicit: boolean;
}

export interface InputProblem {
  readonly kind: 'problem';
  readonly path: string;
  readonly message: string;
}

export type InputEntry = InputFile | InputProblem;

/**
 * Folders never searched, as in the editor's default exclusions: hidden ones (`.git`, `.vscode`)
 * and installed packages hold no articles and can be huge.
 */
function skippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Why `p` cannot be used, telling a broken or looping link from a missing file. */
function statFailure(p: string, error: unknown): string {
  if (errorCode(error) === 'ENOENT') {
    try {
      if (fs.lstatSync(p).isSymbolicLink()) return `broken symbolic link (it points to ${fs.readlinkSync(p)}, which does not exist)`;
    } catch {
      // Not there at all: the plain cause below says so.
    }
  }
  return describeError(error);
}

function realPath(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * A file's or folder's identity, its device and inode: what two paths to it (through links) share.
 * Read with one stat: a real path per folder reads every folder above it again, which made the walk
 * of a deep tree cubic in its depth (1,000 levels: 20 s).
 */
function identity(p: string): string {
  try {
    const stats = fs.statSync(p, { bigint: true });
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return `path:${path.resolve(p)}`;
  }
}

/**
 * Walks `inputs` in order; folders are searched recursively, entries sorted by name, and keep the
 * files whose name `wanted` accepts. A file named on the command line is kept whatever its name.
 */
export function walkInputs(inputs: readonly string[], wanted: (name: string) => boolean): InputEntry[] {
  const entries: InputEntry[] = [];
  // A file reached by two paths (a symbolic link to it, a hard link, named twice) is one file: found
  // once, under the first path, so it is not counted twice.
  const files = new Set<string>();
  const once = (entry: InputEntry): boolean => {
    if (entry.kind !== 'file') return true;
    const id = identity(entry.path);
    if (files.has(id)) return false;
    files.add(id);
    return true;
  };
  // Identities of the folders searched: one reached again (through a link, or named twice) is not
  // searched again, so each file is found once and links between folders cannot multiply the walk.
  const searched = new Set<string>();
  for (const input of inputs) {
    let stats: fs.Stats;
    try {
      stats = fs.statSync(input);
    } catch (e) {
      entries.push({ kind: 'problem', path: input, message: statFailure(input, e) });
      continue;
    }
    if (stats.isDirectory()) {
      const id = identity(input);
      if (searched.has(id)) continue;
      searched.add(id);
      walkFolder(input, '', new Set([id]), searched, wanted, entries);
    }
    else if (stats.isFile()) entries.push({ kind: 'file', path: input, relative: path.basename(input), explicit: true });
    else entries.push({ kind: 'problem', path: input, message: `${notRegularFile(stats)}; skipped` });
  }
  return entries.filter(once);
}


/** `ancestors`: identities of the folders from the input down to this one (kept in step, not copied). */
function walkFolder(folder: string, relative: string, ancestors: Set<string>, searched: Set<string>, wanted: (name: string) => boolean, entries: InputEntry[]): void {
  let raw: fs.Dirent<Buffer>[];
  try {
    raw = fs.readdirSync(folder, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    entries.push({ kind: 'problem', path: folder, message: `cannot read the folder: ${describeError(e)}` });
    return;
  }
  const names: { readonly name: string; readonly dirent: fs.Dirent<Buffer> }[] = [];
  for (const dirent of raw) {
    const name = dirent.name.toString('utf8');
    // A name that is not UTF-8 cannot be opened through a string path: read as one, it would name
    // another file (its bytes replaced by U+FFFD) or none. It is said, never silently skipped or swapped.
    if (!Buffer.from(name, 'utf8').equals(dirent.name)) {
      if (wanted(name) || ((dirent.isDirectory() || dirent.isSymbolicLink()) && !skippedFolder(name))) entries.push({ kind: 'problem', path: path.join(folder, name), message: `its name is not valid UTF-8 (bytes ${dirent.name.toString('hex').replace(/(..)(?!$)/g, '$1 ')}); not read — rename it` });
      continue;
    }
    names.push({ name, dirent });
  }
  names.sort((a, b) => a.name.localeCompare(b.name));
  for (const { name, dirent } of names) {
    const p = path.join(folder, name);
    const rel = relative === '' ? name : path.join(relative, name);
    let stats: fs.Stats | fs.Dirent<Buffer> = dirent;
    if (dirent.isSymbolicLink()) {
      try {
        stats = fs.statSync(p);
      } catch (e) {
        // A link that leads nowhere matters when it looks like a wanted file, or loops on itself.
        if (wanted(name) || errorCode(e) === 'ELOOP') entries.push({ kind: 'problem', path: p, message: statFailure(p, e) });
        continue;
      }
    }
    if (stats.isDirectory()) {
      if (skippedFolder(name)) continue;
      // A folder where a wanted file would be (a sidecar's name): the file the command looks for is
      // not there, which is said; what the folder holds is still searched.
      if (wanted(name)) entries.push({ kind: 'problem', path: p, message: 'a folder, not a file, under a file’s name; not read as one (its contents are searched)' });
      const id = identity(p);
      if (ancestors.has(id)) {
        entries.push({ kind: 'problem', path: p, message: `symbolic link loop: it leads back to ${realPath(p)}; not followed` });
        continue;
      }
      if (searched.has(id)) continue;
      searched.add(id);
      ancestors.add(id);
      walkFolder(p, rel, ancestors, searched, wanted, entries);
      ancestors.delete(id);
    } else if (!wanted(name)) {
      continue;
    } else if (stats.isFile()) {
      entries.push({ kind: 'file', path: p, relative: rel, explicit: false });
    } else {
      entries.push({ kind: 'problem', path: p, message: `${notRegularFile(stats)}; skipped` });
    }
  }
}

/**
 * The files under `inputs` whose name `wanted` accepts; every input that cannot be used is reported
 * on `report` as one line (`cannot read <path>: <why>`) and counted, and the walk goes on.
 */
export function wantedFiles(inputs: readonly string[], wanted: (name: string) => boolean, report: (line: string) => void): { files: InputFile[]; problems: number } {
  const files: InputFile[] = [];
  let problems = 0;
  for (const entry of walkInputs(inputs, wanted)) {
    if (entry.kind === 'file') {
      files.push(entry);
    } else {
      problems++;
      report(`cannot read ${entry.path}: ${entry.message}`);
    }
  }
  return { files, problems };
}

/** Why a file was not read, for a line naming it: its kind or size as refused, else `cannot read: <cause>`. */
export function whyNotRead(error: unknown): string {
  return error instanceof NotRegularFileError ? error.message : `cannot read: ${describeError(error)}`;
}
