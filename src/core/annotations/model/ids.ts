// Annotation ids: random rather than sequential, so two people tagging the same file on two
// branches never produce the same id and a git merge of their sidecars keeps both tags.
import { hash52 } from '../../corpus/words';

export type RandomBytes = (buffer: Uint8Array) => Uint8Array;

const ID_BYTES = 6;

export const ANNOTATION_ID_PATTERN = /^[0-9a-f]{12}$/;

export function newAnnotationId(randomBytes: RandomBytes = (buffer) => globalThis.crypto.getRandomValues(buffer)): string {
  const bytes = randomBytes(new Uint8Array(ID_BYTES));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * An annotation id made from another tool's id for a tag (any text): the same on every import of
 * the same file, so importing it twice adds nothing, and unlike for unrelated ids (48 bits of a
 * hash of the whole text, not a part of it that many ids share).
 */
export function derivedAnnotationId(external: string): string {
  return hash52(external).toString(16).padStart(13, '0').slice(-12);
}
