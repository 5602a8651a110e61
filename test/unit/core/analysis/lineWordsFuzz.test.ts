// LineWords answers as rangeHasWord and as the old reading of the sentence on hostile text (fuzzed).
import fc from 'fast-check';
import { LineWords, rangeHasWord } from '../../../../src/core/analysis/quotes';
import { isSpaceCode } from '../../../../src/core/analysis/text';

const SETS: readonly ReadonlySet<string>[] = [new Set(['said', 'told', 'σας', 'k']), new Set(['called', 'i'])];
const isMark = (c: number): boolean => c === 46 || c === 33 || c === 63;
/** The pre-change sentenceAroundHasWord (d28376a), with its 400-character bound. */
function oldAround(text: string, from: number, to: number): boolean {
  let s = from;
  const minS = Math.max(0, from - 400);
  while (s > minS && text.charCodeAt(s - 1) !== 10 && !(isMark(text.charCodeAt(s - 1)) && isSpaceCode(text.charCodeAt(s)))) s--;
  let e = to;
  const maxE = Math.min(text.length, to + 400);
  while (e < maxE && text.charCodeAt(e) !== 10 && !(isMark(text.charCodeAt(e)) && (e + 1 >= text.length || isSpaceCode(text.charCodeAt(e + 1))))) e++;
  return rangeHasWord(text, s, from, SETS) || rangeHasWord(text, to, e, SETS);
}
function newAround(w: LineWords, from: number, to: number): boolean {
  const s = Math.max(from - 400, w.sentenceStartBefore(from));
  const e = Math.min(to + 400, w.sentenceEndFrom(to));
  return w.has(s, from) || w.has(to, e);
}
describe('LineWords against the old reading, hostile text', () => {
  it('same answers, ranges anywhere (surrogates cut, CRLF, sigma, Kelvin)', () => {
    const alphabet = fc.constantFrom('said', 'SAID', 'ΣΑΣ', '\u212A', 'i', 'İ', ' ', '. ', '.', '?\r\n', '\r\n', '\n', 'x', '\u{1D400}', '\uD835', '\uDC00', '😀', "'", 'called', 'a'.repeat(150));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.nat(8)), { maxLength: 20 }), (parts, qs) => {
        const text = parts.join('');
        if (text.length === 0) return true;
        const w = new LineWords(text, SETS);
        const ranges = qs.map(([a, b]) => [a % text.length, Math.min(text.length, (a % text.length) + b)] as const).sort((x, y) => x[0] - y[0]);
        for (const [from, to] of ranges) if (oldAround(text, from, to) !== newAround(w, from, to)) return false;
        return true;
      }),
      { numRuns: 20000, seed: 7 },
    );
  });
});
