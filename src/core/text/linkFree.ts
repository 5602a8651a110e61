// VS Code turns `[label](command:…)` (or `https:`, `file:`) in the text of a notification or a
// progress line into a link that runs the command with the arguments it names. Text that carries
// names of files, values read from sidecars and settings, or error messages, which anyone may write,
// is made link-free before it is shown there.

/** The text with a word joiner (which shows nothing) after each `]`, so that no `[…](…)` link can form. */
export function withoutLinks(text: string): string {
  return text.replace(/\]/g, ']\u2060');
}
