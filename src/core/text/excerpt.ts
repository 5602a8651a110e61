/** The first `max` code units of `text`, one fewer where the cut would split a surrogate pair (an emoji) in half. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Shortens long article text to one line without cutting a surrogate pair in half. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = max;
  const code = flat.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${flat.slice(0, cut)}…`;
}

/** Control and direction characters: in a label they would hide text or turn the words around them. */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** An excerpt for a label of the editor (a tree item, a quick pick, a name): control and direction characters left out. */
export function labelExcerpt(text: string, max = 160): string {
  return excerpt(text.replace(CONTROLS, ''), max);
}
