import * as assert from 'node:assert/strict';
import { countWords, HAS_ASCII_FOLD, HAS_HANDLE_MARK, HAS_LINK_MARK, HAS_QUOTE_MARK, lineSignals, markOf, signaturePrefixes } from '../../../../src/core/analysis/wordCount';
import { normaliseForComparison } from '../../../../src/core/analysis/text';
import { STOP_WORDS } from '../../../../src/core/analysis/lexicon';

/** 20,000 lines of up to nine of `pieces` each, drawn by a fixed pseudo-random sequence from `seed`. */
function linesOfPieces(pieces: readonly string[], seed: number): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const lines: string[] = [];
  for (let k = 0; k < 20000; k++) {
    let s = '';
    for (let j = next(10); j > 0; j--) s += pieces[next(pieces.length)] ?? '';
    lines.push(s);
  }
  return lines;
}

describe('wordCount: words and function words of a line', () => {
  const cases: [string, number, number][] = [
    ['Russian Foreign Minister Sergei Lavrov rejected calls for a ceasefire.', 10, 2],
    ['“We don’t negotiate with terrorists,” he said.', 7, 4],
    ["Syria's army took the town of Saraqeb on Monday", 9, 3],
    ['— 12 min read —', 3, 0],
    ['', 0, 0],
  ];
  for (const [line, words, stops] of cases) {
    it(`counts ${words} words, ${stops} function words in ${JSON.stringify(line)}`, () => {
      assert.deepEqual(countWords(line), { words, stops });
      const signals = lineSignals(line);
      assert.deepEqual([signals.words, signals.stops], [words, stops]);
    });
  }
});

describe('wordCount: the signature of a line', () => {
  const same: [string, string][] = [
    ['Read more', 'READ MORE'],
    ['“We’ll see,” he said.', '"we\'ll see," he said.'],
    ['Top  stories\ttoday', 'top stories today'],
    ['Ölpreis steigt über 80 Dollar', 'ölpreis STEIGT ÜBER 80 dollar'],
    ['Share on: Facebook | Twitter', 'share on - facebook / twitter'],
  ];
  for (const [a, b] of same) {
    it(`is shared by ${JSON.stringify(a)} and ${JSON.stringify(b)}`, () => {
      assert.equal(lineSignals(a).signature, lineSignals(b).signature);
      assert.equal(lineSignals(a).units, lineSignals(b).units);
    });
  }

  const different: [string, string][] = [
    ['Top stories', 'Top story'],
    ['Russia says no reconciliation', 'Russia says no reconciliation with'],
    ['12 min read', '21 min read'],
  ];
  for (const [a, b] of different) {
    it(`tells ${JSON.stringify(a)} from ${JSON.stringify(b)}`, () => assert.notEqual(lineSignals(a).signature, lineSignals(b).signature));
  }

  it('is not changed by normalising, for every character but those lower-casing to ASCII (flagged)', () => {
    for (let c = 0; c < 0x10000; c++) {
      const line = `Ab${String.fromCharCode(c)}Cd 9${String.fromCharCode(c)}`;
      const signals = lineSignals(line);
      if ((signals.flags & HAS_ASCII_FOLD) !== 0) continue;
      const { signature, units } = signals;
      const key = lineSignals(normaliseForComparison(line));
      assert.deepEqual([key.signature, key.units], [signature, units], `U+${c.toString(16)}`);
    }
  });

  it('flags quotation marks, handles and characters lower-casing to ASCII', () => {
    const flags = (s: string): number => lineSignals(s).flags;
    assert.equal(flags('“Never,” she said'), HAS_QUOTE_MARK);
    assert.equal(flags('He said "never"'), HAS_QUOTE_MARK);
    assert.equal(flags('Follow @reuters on X'), HAS_HANDLE_MARK | HAS_LINK_MARK);
    assert.equal(flags('#Brexit latest'), HAS_HANDLE_MARK);
    assert.equal(flags('İstanbul'), HAS_ASCII_FOLD);
    assert.equal(flags('300 \u212Aelvin'), HAS_ASCII_FOLD);
    assert.equal(flags('He said it’s over.'), 0);
  });

  const links: [string, boolean][] = [
    ['Read the report at https://example.org/report', true],
    ['Visit WWW.EXAMPLE.NET', true],
    ['Read more on Example.com', true],
    ['Write to news@example.org', true],
    ['Source: Reuters', false],
    ['Watch it at https://example', true],
    ['HTTP: the protocol', true],
    ['The U.S. economy grew 2.1% in the quarter.', true],
    ['The economy grew 2.1% in the quarter. Prices rose.', false],
    ['“It is over,” he said. “Done.”', false],
  ];
  for (const [line, mark] of links) {
    it(`${mark ? 'flags' : 'does not flag'} a possible link in ${JSON.stringify(line)}`, () => assert.equal((lineSignals(line).flags & HAS_LINK_MARK) !== 0, mark));
  }
});

describe('wordCount: the marks of a line', () => {
  // Every character with a bit (markOf) sets it wherever it stands; letters, digits and apostrophes have none.
  const cases: [string, string[]][] = [
    ['© 2019 Reuters. All rights reserved.', ['©', ' ', '.']],
    ['(C) 2019 Example Media', ['(', ')', ' ']],
    ['(c)2019', ['(', ')']],
    ['Alex on May 2, 2018 at 6:34 am said:', [':', ',', ' ']],
    ['don’t’ it’s', ['’', ' ']],
    ['𝐀©𝐁 — ½', ['©', '—', ' ']],
    ['İstanbul\u2028Kelvin', ['\u2028']],
  ];
  for (const [line, holds] of cases) {
    it(`holds the bit of each of ${JSON.stringify(holds)} in ${JSON.stringify(line)}`, () => {
      const { marks } = lineSignals(line);
      for (const ch of holds) assert.notEqual(marks & markOf(ch.charCodeAt(0)), 0, ch);
    });
  }
  it('gives letters, digits, apostrophes and surrogates no bit', () => {
    for (const ch of ['a', 'Z', '0', 'é', 'ſ', '\u212A', '٣', "'", '’', '\uD835', '\uDC00']) assert.equal(markOf(ch.charCodeAt(0)), -1, ch);
    for (const ch of ['(', '©', ':', ' ', '‘', '"']) assert.notEqual(markOf(ch.charCodeAt(0)), -1, ch);
  });
  it('on many lines made of pieces, holds the bit of every character that has one', () => {
    const pieces = ['a', 'B', '0', "'", '’', '‘', '.', ':', '(', ')', 'c', 'C', '©', ' ', 'é', '\uD835\uDC00', '\uD835', '\uDC00', '“', '-', '\t', 'don', 't'];
    for (const s of linesOfPieces(pieces, 11)) {
      const { marks } = lineSignals(s);
      for (let i = 0; i < s.length; i++) {
        const bit = markOf(s.charCodeAt(i));
        if (bit !== -1) assert.notEqual(marks & bit, 0, JSON.stringify(s));
      }
    }
  });
});

describe('wordCount: signatures of the starts of a line', () => {
  const title = 'Russia says no reconciliation with “terrorists” in Idlib';
  it('ends with the signature of the whole line and starts with the empty one', () => {
    const prefixes = signaturePrefixes(title);
    assert.equal(prefixes[prefixes.length - 1], lineSignals(title).signature);
    assert.equal(prefixes.length, lineSignals(title).units + 1);
    assert.equal(prefixes[0], lineSignals('').signature);
  });

  for (const start of ['Russia says no reconciliation with', 'RUSSIA SAYS', 'russia says no reconciliation with “terror']) {
    it(`holds the signature of the start ${JSON.stringify(start)}`, () => {
      const { signature, units } = lineSignals(start);
      assert.equal(signaturePrefixes(title)[units], signature);
    });
  }
});

describe('wordCount: words at the edges of a line', () => {
  // An apostrophe, a dot or half a surrogate pair as the first or last character: nothing is read past either end.
  const cases: [string, number, number][] = [
    ["don'", 1, 0],
    ["'tis the season", 3, 1],
    ['ab\uD835', 1, 0],
    ["rock'n'roll’s", 2, 0],
    ['Straße’ß end', 2, 0],
    ['.', 0, 0],
    ["'", 0, 0],
  ];
  for (const [line, words, stops] of cases) {
    it(`counts ${words} words, ${stops} function words in ${JSON.stringify(line)}`, () => assert.deepEqual(countWords(line), { words, stops }));
  }

  it('signs letters beyond ASCII after an apostrophe as any others', () => {
    const a = lineSignals('Ölpreis’ÜBER');
    const [signature, units] = [a.signature, a.units];
    const b = lineSignals("ölpreis'über");
    assert.deepEqual([b.signature, b.units], [signature, units]);
    assert.equal(units, 11);
  });

  const links: [string, boolean][] = [
    ['.com is the site', true],
    ['x.y', true],
    ['It ended.', false],
    ['.', false],
  ];
  for (const [line, mark] of links) {
    it(`${mark ? 'flags' : 'does not flag'} a possible link in ${JSON.stringify(line)}, a dot at its edge`, () => assert.equal((lineSignals(line).flags & HAS_LINK_MARK) !== 0, mark));
  }
});

describe('wordCount: the one pass agrees with the definition of its answers', () => {
  // The definition, written plainly: words are runs of letters and digits with one apostrophe
  // followed by letters; a function word is one the list holds lower-cased; the signature counts
  // each letter or digit of the words (ASCII ones case-folded, every other as 1).
  function defined(s: string): [number, number, number, number, number] {
    let words = 0;
    let stops = 0;
    let hash = 0;
    let units = 0;
    for (const [word] of s.matchAll(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu)) {
      words++;
      if (STOP_WORDS.has(word.toLowerCase())) stops++;
      for (const ch of word) {
        if (ch === "'" || ch === '’') continue;
        const c = ch.codePointAt(0) ?? 0;
        hash = (Math.imul(hash, 31) + (c >= 128 ? 1 : c >= 65 && c <= 90 ? c + 32 : c)) | 0;
        units++;
      }
    }
    let flags = 0;
    if (/["“”]/.test(s)) flags |= HAS_QUOTE_MARK;
    if (/[@#]/.test(s)) flags |= HAS_HANDLE_MARK;
    if (/[pPsS]:|@|\.[A-Za-z]|[wW]\./.test(s)) flags |= HAS_LINK_MARK;
    if (/[\u0130\u212A]/.test(s)) flags |= HAS_ASCII_FOLD;
    return [words, stops, hash, units, flags];
  }
  const actual = (s: string): [number, number, number, number, number] => {
    const r = lineSignals(s);
    return [r.words, r.stops, r.signature, r.units, r.flags];
  };

  const sentences = [
    'Russian Foreign Minister Sergei Lavrov said it was “between the two of them”.',
    "The ministers' meeting, on 12 Nov. 2019 at 10:30, ended at www.example.com.",
    'THEMSELVES, yourselves and ABOUT 3 others said: “like it”',
    'Naïve café owners in Zürich ― 2nd time; İstanbul’s \u212Aelvin scale',
    '𝐀𝐁 the 𝟏𝟐 of 😀 and',
    // Runs of ASCII letters and digits meeting letters beyond ASCII inside one word, at either end of the line.
    'théir the9é éthe theé Ab𝐀cd x’y Zü',
    'ü',
    'Q',
  ];
  for (const s of sentences) it(`on ${JSON.stringify(s)}`, () => assert.deepEqual(actual(s), defined(s)));

  it('on many lines made of the pieces words are made of', () => {
    const pieces = ['a', 'B', 'z', '0', '9', "'", '’', '.', 'w', 'W', ':', 'p', 'S', 'https:', '@', '#', '"', '“', '”', ' ', 'é', 'İ', '\u212A', 'ſ', '\uD835\uDC00', '\uD83D\uDE00', '\uD835', '\uDC00', 'the', 'THE', 'of', 'it', 'its', 'betwee', 'between', 'n', 'themselves', 'themselvess', 'yourselves', '٣', '-'];
    for (const s of linesOfPieces(pieces, 7)) {
      assert.deepEqual(actual(s), defined(s), JSON.stringify(s));
    }
  });
});

describe('wordCount: every function word, and the words one letter away', () => {
  it('counts each function word in any case, and a word one letter or digit longer only when the list holds it', () => {
    for (const w of STOP_WORDS) {
      assert.equal(countWords(w).stops, 1, w);
      assert.equal(countWords(w.toUpperCase()).stops, 1, w.toUpperCase());
      for (const longer of [`${w}s`, `s${w}`, `${w}e`, `a${w}`, `${w}${w}`, `${w}1`, `1${w}`, `${w}é`, `xx${w}xx`]) {
        assert.equal(countWords(longer).stops, STOP_WORDS.has(longer) ? 1 : 0, longer);
      }
    }
  });
});
