// Node's file-system errors as the one line a person reads: the cause in words, no stack trace.
import { escapeForTerminal } from './terminalText';

const CAUSES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EEXIST: 'already exists',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted (read-only or protected)',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  ELOOP: 'symbolic link loop (a link that points back to itself)',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  EBUSY: 'busy (in use by another program)',
  EXDEV: 'cannot move across file systems',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  EAGAIN: 'not ready (would block)',
  EPIPE: 'the reading end was closed',
  ETXTBSY: 'busy (in use by another program)',
  EINVAL: 'invalid argument',
};

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' ? code : undefined;
}

/** The cause of `error` in a few words: known codes in plain words, others as their first line. */
export function describeError(error: unknown): string {
  const code = errorCode(error);
  if (code !== undefined && Object.hasOwn(CAUSES, code)) return `${CAUSES[code] ?? code} (${code})`;
  const message = error instanceof Error ? error.message : String(error);
  // Node's own messages repeat the code and the path ("ENOSPC: …, write '/x'"): keep the first line.
  return escapeForTerminal((message.split('\n')[0] ?? message).trim() || 'unknown error');
}

/**
 * Write errors that concern the whole destination rather than one file: once one happens, the
 * next writes would fail the same way, so a command stops writing and says so once.
 */
export function isDestinationError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'ENOENT', 'EIO'].includes(code);
}
