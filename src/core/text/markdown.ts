/**
 * Escapes article text for a Markdown hover: every ASCII punctuation character gets a
 * backslash, so no link, image, HTML tag, emphasis or `command:` URI can form from it,
 * and line breaks become spaces so the text cannot start a block of its own.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}
