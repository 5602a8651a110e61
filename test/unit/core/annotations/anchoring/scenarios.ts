// Scripted edits for the anchoring evaluation: what happens to scraped articles between two
// openings (a re-scrape, a cleanup script, a person editing in another tool).

import type { TrackedText } from './trackedText';

export type Random = () => number;

/** A small deterministic generator, so the evaluation figures are reproducible. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Scenario {
  readonly name: string;
  /**
   * The edit leaves copies that context cannot tell apart: flagging a tag for review is the right
   * outcome there, so the share required is of tags right or flagged (still none wrong).
   */
  readonly ambiguous?: boolean;
  /** Turns the seed into the text the annotations are made on (default: the seed as is). */
  readonly prepare?: (seed: string) => string;
  readonly edit: (text: TrackedText, random: Random) => void;
  /**
   * Where the same words stand in an identical copy next to them: deleting one of two identical
   * neighbours gives the same text whichever was deleted, so landing on the survivor is right
   * for tags on either copy.
   */
  readonly twinOf?: (prepared: string, start: number, end: number) => { start: number; end: number } | undefined;
}

function allMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  return [...text.matchAll(pattern)];
}

export function insertUpdateNotice(text: TrackedText): void {
  text.replace(0, 0, 'UPDATE (10:42 GMT): This article has been updated with a statement from the ministry.\n\n');
}

export function scatteredSmallEdits(text: TrackedText, random: Random): void {
  const words = [' very', 'the ', ' reportedly', ', however,', 'X'];
  for (let i = 0; i < 12; i++) {
    const length = text.text.length;
    const at = Math.floor(random() * length);
    const kind = Math.floor(random() * 3);
    const word = words[Math.floor(random() * words.length)] ?? '';
    if (kind === 0) text.replace(at, at, word);
    else if (kind === 1) text.replace(at, Math.min(length, at + 1 + Math.floor(random() * 15)), '');
    else text.replace(at, Math.min(length, at + 1 + Math.floor(random() * 10)), word);
  }
}

/** In every quotation of some length, one letter changed: a typo fixed by a copy editor. */
export function fixTypoInQuotes(text: TrackedText): void {
  const quotes = allMatches(text.text, /[“"]([^”"\n]{24,})[”"]/g).reverse();
  for (const quote of quotes) {
    const inner = quote.index + 1;
    const middle = inner + Math.floor((quote[1]?.length ?? 0) / 2);
    const letter = /\p{L}/u.exec(text.text.slice(middle));
    if (letter === null) continue;
    const at = middle + letter.index;
    const current = text.text[at] ?? 'a';
    text.replace(at, at + 1, current === 'e' ? 'a' : 'e');
  }
}

/** The longest body paragraph cut and pasted at the end of the text. */
export function moveLongestParagraph(text: TrackedText): void {
  const paragraphs = allMatches(text.text, /[^\n]+/g).slice(2);
  const longest = paragraphs.reduce<RegExpExecArray | undefined>((best, p) => (best === undefined || p[0].length > best[0].length ? p : best), undefined);
  if (longest === undefined) return;
  const start = longest.index;
  const end = start + longest[0].length + (text.text[start + longest[0].length] === '\n' ? 1 : 0);
  text.move(start, end, text.text.length - (end - start));
  if (!text.text.endsWith('\n')) text.replace(text.text.length, text.text.length, '\n');
}

export function lfToCrlf(text: TrackedText): void {
  const breaks = allMatches(text.text, /\n/g).reverse();
  for (const lineBreak of breaks) text.replace(lineBreak.index, lineBreak.index, '\r');
}

export function crlfToLf(text: TrackedText): void {
  const breaks = allMatches(text.text, /\r\n/g).reverse();
  for (const lineBreak of breaks) text.replace(lineBreak.index, lineBreak.index + 1, '');
}

/** Everything after the article body (about the last third, whole lines) removed by a cleanup script. */
export function removeTrailingBoilerplate(text: TrackedText): void {
  const cut = text.text.lastIndexOf('\n', Math.floor(text.text.length * 0.7));
  if (cut > 0) text.replace(cut + 1, text.text.length, '');
}

export function addByteOrderMark(text: TrackedText): void {
  text.replace(0, 0, '\uFEFF');
  text.replace(text.text.length, text.text.length, '\nEnd of article.\n');
}

/** The longest body line (a paragraph) of the text: its start, end and 0-based line number. */
function longestParagraph(text: string): { start: number; end: number; line: number } | undefined {
  const lines = allMatches(text, /[^\n]*/g).filter((m, i, all) => m.index !== all[i - 1]?.index);
  let best: { start: number; end: number; line: number } | undefined;
  lines.forEach((m, line) => {
    if (line >= 2 && (best === undefined || m[0].length > best.end - best.start)) best = { start: m.index, end: m.index + m[0].length, line };
  });
  return best;
}

/** The longest paragraph repeated two lines further down (a pull quote, a paragraph pasted twice). */
export function repeatLongestParagraph(seed: string): string {
  const paragraph = longestParagraph(seed);
  if (paragraph === undefined) return seed;
  const afterNext = seed.indexOf('\n', paragraph.end + 1);
  const at = afterNext < 0 ? seed.length : afterNext + 1;
  return `${seed.slice(0, at)}${seed.slice(paragraph.start, paragraph.end)}\n${seed.slice(at)}`;
}

/**
 * As many lines added on top as lie between the two copies of the repeated paragraph: the stored
 * line and column of the lower copy now hold the upper copy, the same words.
 */
export function linesAboveRepeatedParagraph(text: TrackedText): void {
  const paragraph = longestParagraph(text.text);
  if (paragraph === undefined) return;
  const copy = text.text.indexOf(text.text.slice(paragraph.start, paragraph.end), paragraph.end);
  if (copy < 0) return;
  const linesBetween = text.text.slice(paragraph.start, copy).split('\n').length - 1;
  text.replace(0, 0, 'Updated: corrected.\n'.repeat(Math.max(1, linesBetween)));
}

/** The longest sentence of the text before its last line. */
function longestSentence(text: string): { start: number; end: number } | undefined {
  const body = text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1);
  let best: { start: number; end: number } | undefined;
  for (const m of body.matchAll(/[^\s.!?][^.!?\r\n]*[.!?]+/g)) {
    if (best === undefined || m[0].length > best.end - best.start) best = { start: m.index, end: m.index + m[0].length };
  }
  return best;
}

/**
 * The longest sentence written again at the end with about one letter in twelve changed (a
 * corrected figure, a reworded summary): a near-duplicate within the fuzzy search's reach.
 */
export function addNearDuplicateSentence(seed: string): string {
  const sentence = longestSentence(seed);
  if (sentence === undefined) return seed;
  const changed = [...seed.slice(sentence.start, sentence.end)].map((c, i) => (i % 12 === 6 && /\p{L}/u.test(c) ? (c === 'e' ? 'a' : 'e') : c)).join('');
  return `${seed.endsWith('\n') ? seed : `${seed}\n`}\nCorrection: ${changed}\n`;
}

/** The original of the near-duplicate deleted: tags on it must not land on the near-duplicate. */
export function deleteLongestSentence(text: TrackedText): void {
  const sentence = longestSentence(text.text);
  if (sentence !== undefined) text.replace(sentence.start, sentence.end, '');
}

/** The longest sentence written twice in a row (a scraper's doubled sentence, a pasted repeat). */
export function doubleLongestSentence(seed: string): string {
  const sentence = longestSentence(seed);
  if (sentence === undefined) return seed;
  return `${seed.slice(0, sentence.end)} ${seed.slice(sentence.start, sentence.end)}${seed.slice(sentence.end)}`;
}

/** The same offsets in the other copy of the doubled sentence, for a span inside one of them. */
export function twinInDoubledSentence(prepared: string, start: number, end: number): { start: number; end: number } | undefined {
  const first = longestSentence(prepared);
  if (first === undefined) return undefined;
  const step = first.end - first.start + 1;
  if (start >= first.start && end <= first.end) return { start: start + step, end: end + step };
  if (start >= first.start + step && end <= first.end + step) return { start: start - step, end: end - step };
  return undefined;
}

/**
 * One of the two copies deleted (either could be the one left: tags on both may only be
 * flagged) and the same words typed again at the start of the last paragraph: tags on the
 * deleted copy must not land there silently.
 */
export function deleteTwinRetypeElsewhere(text: TrackedText): void {
  const sentence = longestSentence(text.text);
  if (sentence === undefined) return;
  const words = text.text.slice(sentence.start, sentence.end);
  text.replace(sentence.start, sentence.end + 1, '');
  const lastParagraph = text.text.lastIndexOf('\n', text.text.length - 2) + 1;
  text.replace(lastParagraph, lastParagraph, `${words} `);
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'update notice on top', edit: insertUpdateNotice },
  { name: '12 small edits anywhere', edit: scatteredSmallEdits },
  { name: 'typo fixed in quotes', edit: fixTypoInQuotes },
  { name: 'paragraph moved', edit: moveLongestParagraph },
  { name: 'LF to CRLF', edit: lfToCrlf },
  { name: 'CRLF to LF', prepare: (seed) => seed.replace(/\n/g, '\r\n'), edit: crlfToLf },
  { name: 'boilerplate removed', edit: removeTrailingBoilerplate },
  { name: 'BOM added', edit: addByteOrderMark },
  { name: 'repeated paragraph, lines added above', prepare: repeatLongestParagraph, edit: linesAboveRepeatedParagraph, ambiguous: true },
  { name: 'near-duplicate, original deleted', prepare: addNearDuplicateSentence, edit: deleteLongestSentence },
  {
    name: 'all of it',
    edit: (text, random) => {
      fixTypoInQuotes(text);
      removeTrailingBoilerplate(text);
      moveLongestParagraph(text);
      insertUpdateNotice(text);
      scatteredSmallEdits(text, random);
      lfToCrlf(text);
    },
  },
  { name: 'doubled sentence, one deleted, retyped', prepare: doubleLongestSentence, edit: deleteTwinRetypeElsewhere, twinOf: twinInDoubledSentence, ambiguous: true },
];
