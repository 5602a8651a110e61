// What every import reads first from the files it is given.
import type { InputFile } from './types';

/**
 * The files without the byte order mark some tools write first (Windows programs, Python's
 * `utf-8-sig`): it is no part of JSON, nor of a brat line.
 */
export function withoutByteOrderMarks(files: readonly InputFile[]): InputFile[] {
  return files.map((f) => (f.content.charCodeAt(0) === 0xfeff ? { ...f, content: f.content.slice(1) } : f));
}
