// Annotation ids: random rather than sequential, so two people tagging the same file on two
// branches never produce the same id and a git merge of their sidecars keeps both tags.

export type RandomBytes = (buffer: Uint8Array) => Uint8Array;

const ID_BYTES = 6;

export const ANNOTATION_ID_PATTERN = /^[0-9a-f]{12}$/;

export function newAnnotationId(randomBytes: RandomBytes = (buffer) => globalThis.crypto.getRandomValues(buffer)): string {
  const bytes = randomBytes(new Uint8Array(ID_BYTES));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
