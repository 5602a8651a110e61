// Replacing a file so that a reader (or a crash, or a full disk) never sees half of it: the new
// content goes to a temporary file in the same folder, which then takes the target's name in one
// rename. The command line's sidecar writes, and the editor's on the local disk
// (src/tagging/store/sidecarFiles.ts).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sameFileText } from '../core/text/sameFileText';

/** The temporary name used next to `target`; hidden, so editors and the walker pass over it. */
export function temporaryName(target: string): string {
  return path.join(path.dirname(target), temporaryFileName(path.basename(target)));
}

/** Characters of the target's name kept in a temporary name: with the rest it stays far under the 255 bytes a name may take. */
const NAME_KEPT = 40;

/**
 * `.<name>.<8 hex>.tmp` beside the file it replaces, the name cut to its first 40 characters: a
 * target named near the file system's limit (255 bytes) can still be written.
 */
export function temporaryFileName(targetName: string): string {
  return `.${[...targetName].slice(0, NAME_KEPT).join('')}.${randomBytes(4).toString('hex')}.tmp`;
}

function realTarget(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** Thrown when the file changed since it was read, so that writing would undo another program's change. */
export class ChangedMeanwhileError extends Error {
  constructor(file: string) {
    super(`${file} was changed by another program while it was being written; left as that program wrote it (try again to include this change)`);
  }
}

/** The file's text, or null when there is none. */
function currentText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Writes `content` to `target` atomically, keeping the permissions of the file it replaces.
 * `durable` also flushes the content to the disk before the rename, for what a person made (a
 * sidecar); files that a run can make again (predictions) skip that cost. With `unchangedSince`
 * (the text the content was made from, null for no file), the file is read again just before it is
 * replaced and left alone if it changed meanwhile (another command, the editor): ChangedMeanwhileError.
 */
export function writeFileAtomically(linkOrTarget: string, content: string, options: { durable: boolean; unchangedSince?: string | null }): void {
  // A symbolic link stays a link: the file it points to is the one replaced.
  const target = realTarget(linkOrTarget);
  const temporary = temporaryName(target);
  let mode = 0o666;
  try {
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    // A new file: the default mode, less the umask.
  }
  try {
    const fd = fs.openSync(temporary, 'wx', mode);
    try {
      fs.writeFileSync(fd, content, 'utf8');
      if (options.durable) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.unchangedSince !== undefined && !sameFileText(currentText(target), options.unchangedSince)) throw new ChangedMeanwhileError(linkOrTarget);
    fs.renameSync(temporary, target);
  } catch (e) {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    throw e;
  }
}
