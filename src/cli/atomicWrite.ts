// Replacing a file so that a reader (or a crash, or a full disk) never sees half of it: the new
// content goes to a temporary file in the same folder, which then takes the target's name in one
// rename. The same scheme as the editor's sidecar writes (src/tagging/sidecarFiles.ts).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The temporary name used next to `target`; hidden, so editors and the walker pass over it. */
export function temporaryName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

function realTarget(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * Writes `content` to `target` atomically, keeping the permissions of the file it replaces.
 * `durable` also flushes the content to the disk before the rename, for what a person made (a
 * sidecar); files that a run can make again (predictions) skip that cost.
 */
export function writeFileAtomically(linkOrTarget: string, content: string, options: { durable: boolean }): void {
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
