// An article file's text as the editor holds it, and the hash a sidecar records for it.
import { createHash } from 'node:crypto';
import { textForHashing } from '../core/annotations/anchoring/capture';

/** VS Code drops a UTF-8 byte order mark from the text it shows: positions are counted without it. */
export function editorText(fileText: string): string {
  return fileText.startsWith('\uFEFF') ? fileText.slice(1) : fileText;
}

/** The `sha256` a sidecar written for this text records (the same as src/tagging/sidecarFiles.ts). */
export function articleSha256(text: string): string {
  return createHash('sha256').update(textForHashing(text), 'utf8').digest('hex');
}
