// Reading a file that must be a regular file of bounded size, with Node's file system: the
// command line and the corpus index's workers. A FIFO, a device or a folder where a file is expected
// is refused before anything waits on it, and a file too large for what it should hold is refused
// unread.
import * as fs from 'node:fs';
import { MAX_SIDECAR_CHARACTERS } from '../core/annotations/sidecar/types';
import type { Utf8Fault } from '../core/text/strictUtf8';
import { decodeStrictUtf8, describeUtf8Fault } from '../core/text/strictUtf8';

export type FileKind = Pick<fs.Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isDirectory'>;

/** Why a path that is not a regular file is refused, e.g. "not a regular file but a FIFO (named pipe)". */
export function notRegularFile(stats: FileKind): string {
  const kind = stats.isFIFO()
    ? 'a FIFO (named pipe)'
    : stats.isSocket()
      ? 'a socket'
      : stats.isCharacterDevice()
        ? 'a character device'
        : stats.isBlockDevice()
          ? 'a block device'
          : stats.isDirectory()
            ? 'a folder'
            : 'something else';
  return `not a regular file but ${kind}`;
}

/** Thrown when a path turns out not to be a regular file once opened, or one too large to read (the message says which). */
export class NotRegularFileError extends Error {}

/** A regular file over the size a reader takes: refused unread. */
export class FileTooLargeError extends NotRegularFileError {
  constructor(
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`${size.toLocaleString('en')} bytes, more than such a file may hold (${maxBytes.toLocaleString('en')}); not read`);
  }
}

/**
 * The most bytes a sidecar or label file may take to be read: its bound is 2,000,000 characters,
 * and a character takes at most 3 bytes of UTF-8 per UTF-16 unit, so a larger file surely exceeds
 * it and is refused unread (a 300 MB file is not read whole to be refused).
 */
export const MAX_YAML_FILE_BYTES = 3 * MAX_SIDECAR_CHARACTERS;

/**
 * Reads a whole regular file as UTF-8. The file is opened non-blocking and checked after opening,
 * so a FIFO that replaced the file since the walk is refused instead of waiting for a writer; a file
 * over `maxBytes` is refused unread.
 */
export function readRegularFile(p: string, maxBytes = Infinity): string {
  return readRegularBytes(p, maxBytes).toString('utf8');
}

/** The bytes of a regular file, refused as readRegularFile refuses one. */
function readRegularBytes(p: string, maxBytes: number): Buffer {
  const fd = fs.openSync(p, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFileError(notRegularFile(stats));
    if (stats.size > maxBytes) throw new FileTooLargeError(stats.size, maxBytes);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A sidecar or label file holding bytes that are not UTF-8: refused, with where the first one stands. */
export class NotUtf8Error extends NotRegularFileError {
  constructor(readonly fault: Utf8Fault) {
    super(describeUtf8Fault(fault));
  }
}

/**
 * Reads a sidecar or label file, as readRegularFile does with a sidecar's bound, refusing a file that
 * is not UTF-8 (NotUtf8Error): its text is never handed on with U+FFFD in place of what a person
 * wrote, which a rewrite would then store for good.
 */
export function readYamlFile(p: string): string {
  const decoded = decodeStrictUtf8(readRegularBytes(p, MAX_YAML_FILE_BYTES));
  if ('fault' in decoded) throw new NotUtf8Error(decoded.fault);
  return decoded.text;
}
