import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addWordsPassing, codePointWithin, isBlank, isCapitalised, isLetterCodePoint, isUpperCodePoint, normaliseForComparison, splitLines, startsLower, tokenIndexAt, tokenize, trimSpan } from '../../../../src/core/analysis/text';
import { repoRoot } from './helpers';

/** The seed articles of the fixture workspace: real scraped text, curly quotes, runs of spaces and all. */
function seedTexts(): string[] {
  const dir = path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** What the normaliser means, written plainly: every replacement applied to every line. */
function normalisedPlainly(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('text: lines', () => {
  const cases: [string, string, [string, boolean][]][] = [
    ['LF', 'one\ntwo', [['one', false], ['two', false]]],
    ['CRLF', 'one\r\ntwo\r\n', [['one', false], ['two', false], ['', true]]],
    ['a lone CR (old Mac files)', 'one\rtwo', [['one', false], ['two', false]]],
    ['mixed breaks', 'a\r\nb\rc\nd', [['a', false], ['b', false], ['c', false], ['d', false]]],
    ['CR then LF apart', 'a\r\rb\n\nc', [['a', false], ['', true], ['b', false], ['', true], ['c', false]]],
    ['blank lines of spaces, tabs and no-break spaces', 'a\n \t\u00A0\nb', [['a', false], [' \t\u00A0', true], ['b', false]]],
    ['the empty text', '', [['', true]]],
    ['a break only', '\n', [['', true], ['', true]]],
  ];
  for (const [name, text, expected] of cases) {
    it(`splits ${name}`, () => {
      const lines = splitLines(text);
      assert.deepEqual(
        lines.map((l) => [l.text, l.blank]),
        expected,
      );
      for (const l of lines) assert.equal(text.slice(l.start, l.end), l.text);
      assert.deepEqual(
        lines.map((l) => l.index),
        expected.map((_, i) => i),
      );
    });
  }
});

describe('text: tokens carry their lower-case form', () => {
  const cases: [string, [string, string][]][] = [
    ['Lavrov said the U.S. would “act”.', [['Lavrov', 'lavrov'], ['said', 'said'], ['the', 'the'], ['U.S.', 'u.s.'], ['would', 'would'], ['“', '“'], ['act', 'act'], ['”', '”'], ['.', '.']]],
    ['ÉLYSÉE São Paulo İstanbul', [['ÉLYSÉE', 'élysée'], ['São', 'são'], ['Paulo', 'paulo'], ['İstanbul', 'i̇stanbul']]],
    ['JOSE\u0301 (an accent that combines) Syria’s', [['JOSE\u0301', 'jose\u0301'], ['(', '('], ['an', 'an'], ['accent', 'accent'], ['that', 'that'], ['combines', 'combines'], [')', ')'], ['Syria’s', 'syria’s']]],
    ['Ⓐ circled capital', [['Ⓐ', 'ⓐ'], ['circled', 'circled'], ['capital', 'capital']]],
    // An ASCII word with one capital, its first letter, is lower-cased by hand; every other word by toLowerCase.
    ['I Apple Zed A1 1Abc McDonald O\'Neill Obama-Biden Naïve “Ben”', [['I', 'i'], ['Apple', 'apple'], ['Zed', 'zed'], ['A1', 'a1'], ['1Abc', '1abc'], ['McDonald', 'mcdonald'], ["O'Neill", "o'neill"], ['Obama-Biden', 'obama-biden'], ['Naïve', 'naïve'], ['“', '“'], ['Ben', 'ben'], ['”', '”']]],
    ['Abcdefghijklmnopqrstuvwxyz', [['Abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmnopqrstuvwxyz']]],
  ];
  for (const [text, expected] of cases) {
    it(`tokenizes ${JSON.stringify(text)}`, () => {
      assert.deepEqual(
        tokenize(text, 0, text.length).map((t) => [t.text, t.lower]),
        expected,
      );
    });
  }

  it('gives every token of the seed articles the lower case of its text, the same string when already lower case', () => {
    let shared = 0;
    for (const text of seedTexts()) {
      for (const t of tokenize(text, 0, text.length)) {
        assert.equal(t.lower, t.text.toLowerCase());
        if (t.lower === t.text) shared++;
      }
    }
    assert.ok(shared > 1000);
  });
});

describe('text: the words of a range passing a test, read without tokens (addWordsPassing)', () => {
  /** What the tokens tell: each word token written in lower case, or capitalised right after a word or a comma, in lower case. */
  function byTokens(text: string, from: number, to: number, capitalisedMidSentence: boolean): string[] {
    const tokens = tokenize(text, from, to);
    const found = new Set<string>();
    tokens.forEach((t, k) => {
      if (t.type !== 'word') return;
      const prev = tokens[k - 1];
      const passes = capitalisedMidSentence ? isCapitalised(t.text) && prev !== undefined && (prev.type === 'word' || prev.text === ',') : !isCapitalised(t.text) && startsLower(t.text);
      if (passes) found.add(t.lower);
    });
    return [...found];
  }
  function read(text: string, from: number, to: number, capitalisedMidSentence: boolean): string[] {
    const found = new Set<string>();
    addWordsPassing(text, from, to, capitalisedMidSentence, found);
    return [...found];
  }

  /** [text, words in lower case, words capitalised after a word or a comma] */
  const cases: [string, string[], string[]][] = [
    // After a comma too ("1999, Eight"), and a name right after a word ("Then Trump’s").
    ['Back in 1999, Eight Mile Road, Owed', ['in'], ['eight', 'mile', 'road', 'owed']],
    ['the U.S. and U.N. met. Then Trump’s “Deal” said', ['the', 'and', 'met', 'said'], ['u.s.', 'u.n.', 'trump’s']],
    ["O'Neill's rock-'n'-roll AT&T, iPhone McDonald", ['rock', 'n', 'roll', 'iphone'], ['at&t', 'mcdonald']],
    ['JOSE\u0301 said Zürich’s ÉTÉ-Été, İstanbul', ['said'], ['zürich’s', 'été-été', 'i̇stanbul']],
    // A mathematical capital (a surrogate pair) is a mark: the letters after it are a word of their own.
    ['“Quote” Name. Word (Paren) x,Y \u{1F600}Emoji \u{1D400}bc', ['x', 'bc'], ['y']],
    ['', [], []],
    ['   \u00A0\t', [], []],
  ];
  for (const [text, lower, capitalised] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => {
      assert.deepEqual(read(text, 0, text.length, false), lower);
      assert.deepEqual(read(text, 0, text.length, true), capitalised);
    });
  }

  it('reads every line of the seed articles and of the hostile texts as their tokens do, and a range as its tokens do', () => {
    const hostile = ['a.b.c.d. U.S.A U.S', "'x x' -a a- &&a&b", 'e\u0301\u0301\u0301 E\u0301x, \u0301', '\uD800 \uDC00a \uD835\uDC00', ','.repeat(5) + 'A,B C'];
    for (const text of [...seedTexts(), ...hostile]) {
      for (const line of splitLines(text)) {
        for (const capitalised of [false, true]) {
          assert.deepEqual(read(text, line.start, line.end, capitalised), byTokens(text, line.start, line.end, capitalised), JSON.stringify(line.text.slice(0, 60)));
        }
      }
      // A range cut anywhere: never read past its end.
      for (let from = 0; from < Math.min(text.length, 200); from += 7) {
        const to = Math.min(text.length, from + 23);
        assert.deepEqual(read(text, from, to, true), byTokens(text, from, to, true));
        assert.deepEqual(read(text, from, to, false), byTokens(text, from, to, false));
      }
    }
  });
});

describe('text: tokens at the edges of the text', () => {
  // A joiner or an abbreviation's dot as the first or last character: nothing is read past either end.
  const cases: [string, string[]][] = [
    ['U.S.', ['U.S.']],
    ['a.b.', ['a.b.']],
    ['J.R.R.', ['J.R.R.']],
    ['U.S.A', ['U.S.', 'A']],
    ['e.g. U.S', ['e.g.', 'U', '.', 'S']],
    ["x'", ['x', "'"]],
    ["'x", ["'", 'x']],
    ['a-', ['a', '-']],
    ['-a', ['-', 'a']],
    ['', []],
  ];
  for (const [text, expected] of cases) {
    it(`tokenizes ${JSON.stringify(text)}`, () => assert.deepEqual(tokenize(text, 0, text.length).map((t) => t.text), expected));
  }
});

describe('text: the characters that join the parts of a word', () => {
  // ' - & . join two letters or digits into one word, ASCII or not; anything else ends the word.
  const cases: [string, string[]][] = [
    ["O'Neill's rock-'n'-roll", ["O'Neill's", 'rock', '-', "'", 'n', "'", '-', 'roll']],
    ['AT&T and R&D, Q&A', ['AT&T', 'and', 'R&D', ',', 'Q&A']],
    ['well-known 9-11 co\u2011chair', ['well-known', '9-11', 'co\u2011chair']],
    ['Trump’s “deal”', ['Trump’s', '“', 'deal', '”']],
    ['a--b a - b a_b a/b a+b', ['a', '-', '-', 'b', 'a', '-', 'b', 'a', '_', 'b', 'a', '/', 'b', 'a', '+', 'b']],
    ['No.1 U.N. 3.5%', ['No', '.', '1', 'U.N.', '3', '.', '5', '%']],
    ['ÉTÉ-Été Zürich’s', ['ÉTÉ-Été', 'Zürich’s']],
  ];
  for (const [text, expected] of cases) {
    it(`tokenizes ${JSON.stringify(text)}`, () => assert.deepEqual(tokenize(text, 0, text.length).map((t) => t.text), expected));
  }

  it('never joins across the end of the range it is given', () => {
    const text = "rock-'n'-roll AT&T";
    assert.deepEqual(tokenize(text, 0, 5).map((t) => t.text), ['rock', '-']);
    assert.deepEqual(tokenize(text, 14, 16).map((t) => t.text), ['AT']);
    assert.deepEqual(tokenize(text, 15, 18).map((t) => t.text), ['T&T']);
  });
});

describe('text: code points within a span', () => {
  // [text, offset, end of the span, code point, letter, capital]
  const cases: [string, number, number, number, boolean, boolean][] = [
    ['Abc', 0, 3, 0x41, true, true],
    ['é', 0, 1, 0xe9, true, false],
    ['𝐁ig', 0, 3, 0x1d401, true, true],
    ['𝐛ig', 0, 3, 0x1d41b, true, false],
    // A pair cut by the end of the span reads as its high half alone, as on a slice.
    ['𝐁ig', 0, 1, 0xd835, false, false],
    // The low half of a pair alone.
    ['𝐁ig', 1, 3, 0xdc01, false, false],
    ['9', 0, 1, 0x39, false, false],
    ['😀', 0, 2, 0x1f600, false, false],
  ];
  for (const [text, i, end, cp, letter, upper] of cases) {
    it(`reads ${JSON.stringify(text)} at ${i} before ${end}`, () => {
      assert.equal(codePointWithin(text, i, end), cp);
      assert.equal(isLetterCodePoint(cp), letter);
      assert.equal(isUpperCodePoint(cp), upper);
      assert.equal(isLetterCodePoint(cp), /^\p{L}/u.test(text.slice(i, end)));
      assert.equal(isUpperCodePoint(cp), /^\p{Lu}/u.test(text.slice(i, end)));
    });
  }
});

describe('text: a span shrunk past surrounding whitespace', () => {
  const cases: [string, number, number, [number, number]][] = [
    ['  ab  ', 0, 6, [2, 4]],
    ['ab', 0, 2, [0, 2]],
    ['   ', 0, 3, [3, 3]],
    ['', 0, 0, [0, 0]],
    [' a ', 1, 2, [1, 2]],
    ['a \u00a0b', 1, 3, [3, 3]],
    ['x \tquoted words\n y', 1, 17, [3, 15]],
  ];
  for (const [text, start, end, expected] of cases) {
    it(`trims ${JSON.stringify(text.slice(start, end))}`, () => assert.deepEqual(trimSpan(text, start, end), expected));
  }
});

describe('text: lines normalised for comparison', () => {
  const cases: [string, string][] = [
    ['Plain Line', 'plain line'],
    ['  Trimmed  ', 'trimmed'],
    ['Two  spaces', 'two spaces'],
    ['A\ttab and\u00A0no-break', 'a tab and no-break'],
    ['Curly ‘single’ and “double” «guillemets» „low“', 'curly \'single\' and "double" "guillemets" "low"'],
    ['Syria’s  “war”', 'syria\'s "war"'],
    ['trailing space ', 'trailing space'],
    ['İstanbul', 'i̇stanbul'],
  ];
  for (const [line, expected] of cases) it(`normalises ${JSON.stringify(line)}`, () => assert.equal(normaliseForComparison(line), expected));

  it('gives every line of the seed articles what all the replacements give', () => {
    for (const text of seedTexts()) for (const line of splitLines(text)) assert.equal(normaliseForComparison(line.text), normalisedPlainly(line.text));
  });
});

describe('text: a word opening with a lower-case letter', () => {
  const cases = ['said', 'Said', 'élan', 'Élan', '1999', '', "'til", 'ßig', 'ǅemal', '\u{1D41A}bc', '\u{1D400}bc', '\uD835', '\uDC1A', 'ſ', 'ª'];
  for (const word of cases) it(JSON.stringify(word), () => assert.equal(startsLower(word), /^\p{Ll}/u.test(word)));
  it('on every word of the seed articles', () => {
    for (const text of seedTexts()) for (const t of tokenize(text, 0, text.length)) assert.equal(startsLower(t.text), /^\p{Ll}/u.test(t.text), t.text);
  });
});

describe('text: only white space between two offsets (isBlank)', () => {
  /** [text, from, to] */
  const cases: [string, number, number][] = [
    ['', 0, 0],
    [' \t ', 0, 3],
    [' x ', 0, 3],
    ['x  ', 1, 3],
    ['”, he said', 1, 10],
    ['\u00A0\u2028\uFEFF\u3000', 0, 4], // no-break, line separator, byte order mark, ideographic space
    ['\u200B', 0, 1], // a zero-width space is no white space
    ['ab', 2, 1], // an empty stretch
  ];
  for (const [text, from, to] of cases) {
    it(`${JSON.stringify(text)} ${from}-${to}`, () => assert.equal(isBlank(text, from, to), text.slice(from, to).trim() === ''));
  }
});

describe('text: the token at an offset (tokenIndexAt)', () => {
  it('finds the first token at or after an offset', () => {
    const line = 'Sen. Bernie Sanders said';
    const tokens = tokenize(line, 0, line.length);
    assert.deepEqual([0, 3, 4, 5, 12, 100].map((at) => tokenIndexAt(tokens, at)), [0, 1, 2, 2, 3, 5]);
    // From a later token on: none before it is read.
    assert.deepEqual([0, 5, 12].map((at) => tokenIndexAt(tokens, at, 2)), [2, 2, 3]);
  });
});
