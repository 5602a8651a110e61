// Annotation ids: random rather than sequential, so two people tagging the same file on two
// branches never produce the same id and a git merge of their sidecars keeps both tags.

export type RandomBytes = (buffer: Uint8Array) => Uint8Array;

const ID_BYTES = 6;

export const ANNOTATION_ID_PATTERN = /^[0-9a-f]{12}$/;

export function newAnnotationId(randomBytes: RandomBytes = (buffer) => globalThis.crypto.getRandomValues(buffer)): string {
  const bytes = randomBytes(new Uint8Array(ID_BYTES));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * An annotation id made from another tool's id for a tag (any text): the same on every import of
 * the same file, so importing it twice adds nothing, and unlike for unrelated ids (48 bits of two
 * FNV-1a hashes of the whole text, not a part of it that many ids share).
 */
export function derivedAnnotationId(external: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < external.length; i++) {
    const c = external.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return ((a >>> 8) & 0xffffff).toString(16).padStart(6, '0') + ((b >>> 8) & 0xffffff).toString(16).padStart(6, '0');
}
