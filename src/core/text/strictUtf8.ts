// Decoding a sidecar or label file's bytes as UTF-8, refusing bytes that are not: a decoder that
// replaced them with U+FFFD would hand the text on as if it were whole, and the next rewrite of the
// file would store the replacement characters in place of what a person wrote (a note saved as
// Latin-1, "café", would come back as "caf�").

/** Where the first byte that is not UTF-8 stands, 1-based, the column counted in UTF-16 units as the editor counts. */
export interface Utf8Fault {
  readonly line: number;
  readonly column: number;
  readonly byte: number;
}

/** The text of `bytes`, with a byte-order mark kept; or where the first invalid byte stands. */
export function decodeStrictUtf8(bytes: Uint8Array): { readonly text: string } | { readonly fault: Utf8Fault } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { fault: firstFault(bytes) };
  }
}

/** Thrown by a reader that refuses a file that is not UTF-8, with where its first bad byte stands. */
export class Utf8FaultError extends Error {
  constructor(readonly fault: Utf8Fault) {
    super(describeUtf8Fault(fault));
  }
}

/** The message for a fault, e.g. "not valid UTF-8 at line 4, column 12 (byte e9)". */
export function describeUtf8Fault(f: Utf8Fault): string {
  return `not valid UTF-8 at line ${f.line}, column ${f.column} (byte ${f.byte.toString(16).padStart(2, '0')}); not read, so nothing in it is lost — save the file as UTF-8`;
}

/** The length of the UTF-8 sequence starting at `i`, or 0 when it is not a valid one. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

function firstFault(bytes: Uint8Array): Utf8Fault {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceAt(bytes, i);
    if (n === 0) return { line, column, byte: bytes[i] ?? 0 };
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else column += n === 4 ? 2 : 1;
    i += n;
  }
  // The decoder refused what this reading accepts: said at the end rather than not at all.
  return { line, column, byte: 0 };
}
