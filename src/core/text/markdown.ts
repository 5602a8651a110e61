/**
 * Escapes article text for a Markdown hover: every ASCII punctuation character gets a
 * backslash, so no link, image, HTML tag, emphasis or `command:` URI can form from it,
 * and line breaks become spaces so the text cannot start a block of its own.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** Shortens long article text for a hover or a tree item without cutting a surrogate pair in half. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = max;
  const code = flat.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${flat.slice(0, cut)}…`;
}
