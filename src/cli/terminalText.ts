// Text from files (article words, file names, speaker names) reaches a terminal only escaped: a
// scraped article or a crafted file name must not move the cursor, recolour the screen, rewrite the
// window title or reorder what the reader sees (bidirectional overrides).

/**
 * C0 controls, DEL, C1 controls (which some terminals read as ESC sequences), the line and
 * paragraph separators, and the bidirectional embedding/override/isolate characters.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const UNSAFE_BUT_LINE_BREAK = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

function escapeOne(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * An HTML document with the characters a terminal must not receive written as character references
 * (`&#x202e;`), which mean the same to a browser: the document is then the same whether it goes to
 * a file or, through the output streams' guard, to standard output. (Its own markup and style hold
 * none of them, so only text and attribute values change.)
 */
export function htmlForTerminal(html: string): string {
  return html.replace(UNSAFE_BUT_LINE_BREAK, (ch) => `&#x${ch.charCodeAt(0).toString(16)};`);
}

/** One piece of untrusted text (a file name, a passage) shown on one line: every control escaped. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * The last guard of the output streams: whatever a command forgot to escape is escaped here,
 * except the line breaks the command itself writes between lines.
 */
export function escapeOutputBlock(text: string): string {
  return text.replace(UNSAFE_BUT_LINE_BREAK, escapeOne);
}

/**
 * One JSON line. JSON.stringify escapes C0 controls but leaves DEL, C1 controls, U+2028/9 and the
 * bidirectional controls raw; those can only occur inside strings, where `\uXXXX` means the same.
 */
export function jsonLine(value: unknown): string {
  // Unindented JSON has no line break outside its strings, and JSON.stringify escapes those inside.
  return jsonText(value);
}

/**
 * JSON for the terminal, indented or not (`JSON.stringify`'s arguments): as `jsonLine`, the line
 * breaks between its lines aside (inside strings JSON.stringify has already escaped them).
 */
export function jsonText(value: unknown, replacer?: (key: string, value: unknown) => unknown, space?: number): string {
  return JSON.stringify(value, replacer, space).replace(UNSAFE_BUT_LINE_BREAK, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
