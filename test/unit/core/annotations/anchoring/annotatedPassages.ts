// Passages a person would tag in an article: sentences, quotations, words, short spans and
// passages across a paragraph break.

export interface Passage {
  readonly kind: 'sentence' | 'quote' | 'word' | 'short' | 'multi-line';
  readonly start: number;
  readonly end: number;
}

export function passagesToAnnotate(text: string): Passage[] {
  const passages: Passage[] = [];
  const add = (kind: Passage['kind'], start: number, end: number): void => {
    if (end > start && !passages.some((p) => p.kind === kind && p.start === start && p.end === end)) passages.push({ kind, start, end });
  };
  for (const m of text.matchAll(/[^\s.!?][^.!?\r\n]*[.!?]+[”"’]?/g)) add('sentence', m.index, m.index + m[0].length);
  for (const m of text.matchAll(/[“"‘]([^”"’\r\n]+)[”"’]/g)) add('quote', m.index + 1, m.index + 1 + (m[1]?.length ?? 0));
  const words = [...text.matchAll(/\p{L}[\p{L}’'-]*/gu)];
  words.forEach((m, i) => {
    if (m[0].length >= 4 && i % 5 === 0) add('word', m.index, m.index + m[0].length);
    if (m[0].length >= 3 && m[0].length <= 5 && i % 4 === 1) add('short', m.index, m.index + m[0].length);
  });
  const lines = [...text.matchAll(/[^\r\n]{20,}/g)];
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (next === undefined || i % 2 === 1) return;
    add('multi-line', line.index + Math.floor(line[0].length / 2), next.index + Math.floor(next[0].length / 3));
  });
  return passages;
}
