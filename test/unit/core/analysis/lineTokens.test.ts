import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineTokens, endsWithSentenceMark, endsWithSentenceMarkIn } from '../../../../src/core/analysis/attribution';
import { isCapitalised, splitLines, startsLower, tokenize } from '../../../../src/core/analysis/text';
import { seedArticles } from '../../support/fixtureFiles';

/** The case of the article's words as one pass over all of them reads it: the reference the lazy answers must equal. */
function caseSets(text: string): { capitals: Set<string>; lowerCase: Set<string> } {
  const capitals = new Set<string>();
  const lowerCase = new Set<string>();
  for (const line of splitLines(text)) {
    if (line.blank) continue;
    const tokens = tokenize(text, line.start, line.end);
    tokens.forEach((t, k) => {
      if (t.type !== 'word') return;
      const prev = tokens[k - 1];
      if (!isCapitalised(t.text)) {
        if (startsLower(t.text)) lowerCase.add(t.lower);
      } else if (prev && (prev.type === 'word' || prev.text === ',')) capitals.add(t.lower);
    });
  }
  return { capitals, lowerCase };
}

describe('line tokens: the case the article writes its words in', () => {
  const article = 'Eight years ago, the council met. Across town, Eight Mile Road was closed.\n\nMany said eight was too many. Back in 1999, back taxes were Owed.';
  /** [word asked, ordinary word of the article, capitalised inside a sentence] */
  const cases: [string, boolean, boolean][] = [
    ['Eight', false, true], // capitalised inside a sentence too ("Eight Mile Road")
    ['Across', false, false], // never written in lower case
    ['Many', true, false],
    ['Back', true, false],
    ['council', true, false],
    ['Owed', false, true],
    ['Road', false, true],
    ['1999', false, false],
  ];
  for (const [word, ordinary, capitalised] of cases) {
    it(`"${word}"`, () => {
      const lt = new LineTokens(article, splitLines(article));
      assert.equal(lt.ordinary(word), ordinary);
      assert.equal(lt.capitalisedMidSentence(word), capitalised);
    });
  }

  // A capitalised word is first looked for spelt as asked, among its first few occurrences so spelt;
  // found nowhere so, the article's lower case answers, whatever the spelling.
  const opening = 'Trump spoke. '.repeat(10);
  /** [article, word asked, ordinary word of the article, capitalised inside a sentence] */
  const spelt: [string, string, boolean, boolean][] = [
    [`${opening}Then came Trump.`, 'Trump', false, true], // inside a sentence only after ten openings
    [`${opening}Then came Trump.`, 'TRUMP', false, true], // never spelt so
    [`${opening}Then came TRUMP. A trump card.`, 'Trump', false, true], // inside a sentence only in capitals
    [`${opening}A trump card.`, 'Trump', true, false], // written in lower case, capitalised only opening sentences
    ['Trumpet players met Trump. A trump card.', 'Trump', false, true], // inside a longer word first
    ["Trump's aides met. Trump's plan.", "Trump's", false, false],
  ];
  for (const [text, word, ordinary, capitalised] of spelt) {
    it(`"${word}" in "${text.slice(-40)}"`, () => {
      assert.equal(new LineTokens(text, splitLines(text)).ordinary(word), ordinary);
      assert.equal(new LineTokens(text, splitLines(text)).capitalisedMidSentence(word), capitalised);
    });
  }

  /** Texts whose lower case moves offsets (a dotted capital I) or depends on the letters around (a capital sigma). */
  const shifting = [
    { name: 'dotted capital I', text: 'İSTANBUL İzmir, Eight said. Many eight Road officials met in İzmir.\n\nBack then, Road crews said Many things. Owed taxes were owed.' },
    { name: 'capital sigma', text: 'ΟΔΟΣ Eight said. Many eight Road officials met.\n\nBack then, Road ΟΔΟΣ.ΑΒ crews said Many things. Owed taxes were owed.' },
  ];
  /** Occurrences told apart by their first code unit: inside other words, in capitals, in mixed case, a Kelvin sign that lower-cases to "k". */
  const mixed = [
    { name: 'mixed case', text: 'Trumpet players met. The iPhone maker, IPHONE sellers and TRUMP aides said trump cards.\n\n\u212Aing said, Kelvin \u212Aing met the king. Strumpet Trump.' },
    // Where the characters around an occurrence mislead: a word ending with the dot of "U.S." and
    // a letter right after it, a pictograph joined to the word before it, a lone high surrogate
    // that makes one mark of itself and the letter after it.
    { name: 'misleading neighbours', text: 'the U.S.Army and the u.s.a at 5 p.m.Monday.\n\na\u200d\u2122 Bob, \u00e1\u200d\u2122 Bob and a\u200d\u25B6 Bob.\n\n\uD800Bob and \uD800xsmithers met.' },
    // Capitals after every kind of mark: some end a word ("U.S.", an accent, a digit), most never do.
    {
      name: 'marks before capitals',
      text: 'the U.S. Army met. a.b. Navy | Home “Quote” —Dash (Paren) said. Then x,Comma y, Space Caf\u00e9 Menu Jos\u0065\u0301 Ortiz 1999 Budget co-Chair O\u2019Brien ¶ Pilcrow… Ellipsis «Guillemet» \u{1F600} Smile\n  Indented after. Full\tTab\u00A0Nbsp',
    },
  ];

  it('answers as one pass over every word does, for the first few words asked and for all asked after them', () => {
    for (const { name, text } of [...seedArticles(), ...shifting, ...mixed]) {
      const { capitals, lowerCase } = caseSets(text);
      const lt = new LineTokens(text, splitLines(text));
      // Every word of the article, and some it never writes, in order: the first few are looked for, the rest read from one set.
      // More than the words looked for one by one (16): a short text's own words are followed by
      // words it never writes, so that the set is read too.
      const unwritten = ['Zyzzyva', 'qwertyuiop', ...Array.from({ length: 16 }, (_, i) => `Nowhere${i}`)];
      const words = [...new Set(tokenize(text, 0, text.length).filter((t) => t.type === 'word').map((t) => t.text)), ...unwritten];
      for (const w of words) {
        const l = w.toLowerCase();
        assert.equal(lt.ordinary(w), lowerCase.has(l) && !capitals.has(l), `${name}: ${w}`);
        assert.equal(lt.capitalisedMidSentence(w), capitals.has(l), `${name}: ${w}`);
      }
      // Each fact asked alone, of every word, on an article of its own.
      const onlyOrdinary = new LineTokens(text, splitLines(text));
      for (const w of words) assert.equal(onlyOrdinary.ordinary(w), lowerCase.has(w.toLowerCase()) && !capitals.has(w.toLowerCase()), `${name}, ordinary alone: ${w}`);
      const onlyCapitalised = new LineTokens(text, splitLines(text));
      for (const w of words) assert.equal(onlyCapitalised.capitalisedMidSentence(w), capitals.has(w.toLowerCase()), `${name}, capitalised alone: ${w}`);
      // Each word asked first, of an article of its own: always looked for where it occurs (the
      // hostile texts; the seeds' words are too many for a search each).
      if (!seedArticles().some((a) => a.text === text)) {
        for (const w of words) {
          const l = w.toLowerCase();
          assert.equal(new LineTokens(text, splitLines(text)).ordinary(w), lowerCase.has(l) && !capitals.has(l), `${name}, ordinary asked first: ${w}`);
          assert.equal(new LineTokens(text, splitLines(text)).capitalisedMidSentence(w), capitals.has(l), `${name}, capitalised asked first: ${w}`);
        }
      }
      // The same where the analysis reads no line's tokens, or every other line's: the pass over all
      // words reads those lines without tokens, and answers alike.
      for (const readLater of [() => false, (i: number) => i % 2 === 0]) {
        const lines = splitLines(text);
        const partly = new LineTokens(text, lines, readLater);
        for (const w of words) {
          const l = w.toLowerCase();
          assert.equal(partly.ordinary(w), lowerCase.has(l) && !capitals.has(l), `${name}, lines read later ${readLater.toString()}: ${w}`);
          assert.equal(partly.capitalisedMidSentence(w), capitals.has(l), `${name}, lines read later ${readLater.toString()}: ${w}`);
        }
        // Only the lines read later were tokenized for the pass over every word.
        const later = lines.filter((line) => !line.blank && readLater(line.index)).length;
        assert.ok(partly.linesTokenized <= later + 16 * 9, `${name}: ${partly.linesTokenized} lines tokenized, ${later} read later`);
      }
    }
  });

  it('tokenizes no line for a word that occurs only inside longer words', () => {
    // "an" inside "Canada", "banana" and "Annual" on every line, never a word of its own.
    const text = Array.from({ length: 2000 }, (_, i) => `Canada sold ${i} bananas at the Annual fair.`).join('\n');
    const lt = new LineTokens(text, splitLines(text));
    assert.equal(lt.ordinary('An'), false);
    assert.equal(lt.capitalisedMidSentence('An'), false);
    assert.equal(lt.linesTokenized, 0);
    // A word of its own is still found, its line tokenized.
    const found = `${text}\nThey said an apple a day.`;
    const lt2 = new LineTokens(found, splitLines(found));
    assert.equal(lt2.ordinary('An'), true);
    assert.equal(lt2.linesTokenized, 1);
  });

  it('reads the lines no stage tokenizes without keeping their tokens, once many words are asked', () => {
    // A long page of site chrome (no line of it read for attributions) and one article line.
    const chrome = Array.from({ length: 3000 }, (_, i) => `Home | World | Sign in to comment ${i} | Subscribe`);
    const text = [...chrome, 'Officials said the vote was close.'].join('\n');
    const lines = splitLines(text);
    const articleLine = lines.length - 1;
    const lt = new LineTokens(text, lines, (i) => i === articleLine);
    // More words than are looked for one by one: the article's sets are made, in one pass over every line.
    const asked = Array.from({ length: 40 }, (_, i) => `Word${i}`);
    for (const w of asked) assert.equal(lt.ordinary(w), false);
    assert.equal(lt.ordinary('Officials'), false);
    assert.equal(lt.ordinary('Home'), false);
    assert.equal(lt.ordinary('Comment'), true);
    assert.equal(lt.capitalisedMidSentence('World'), false);
    assert.equal(lt.capitalisedMidSentence('Subscribe'), false);
    assert.ok(lt.linesTokenized <= 1, `${lt.linesTokenized} lines tokenized`);
  });

  it('searches the text for words as written a bounded number of times, however many words are asked', () => {
    // Interview lines of 400 people, each named once, opening its line: each is asked whether it is
    // an ordinary word. Past the first searches every answer comes from the article's sets.
    const names = Array.from({ length: 400 }, (_, i) => `Zq${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))}`);
    const text = names.map((n) => `${n}: ‘We will win the vote.’`).join('\n\n');
    const lt = new LineTokens(text, splitLines(text));
    const indexOf = Object.getOwnPropertyDescriptor(String.prototype, 'indexOf')?.value as (this: string, search: string, from?: number) => number;
    let searches = 0;
    String.prototype.indexOf = function (this: string, search: string, from?: number): number {
      if (this === text) searches++;
      return indexOf.call(this, search, from);
    };
    let answers: boolean[];
    try {
      answers = names.map((n) => lt.ordinary(n));
    } finally {
      Object.defineProperty(String.prototype, 'indexOf', { value: indexOf, writable: true, configurable: true, enumerable: false });
    }
    assert.deepEqual(answers, names.map(() => false));
    // At most 16 words looked for as written, each at up to 8 occurrences and one search more.
    assert.ok(searches <= 16 * 9, `${searches} searches of the text`);
  });
});

describe('line tokens: the answers equal the tokens on random text of misleading characters', function () {
  this.timeout(60000);
  // Joiners, dots of abbreviations, marks that end or never end a word, accents, zero-width joiners,
  // pictographs, surrogates (paired and lone), letters whose lower case differs in length or form,
  // white space of every kind, line breaks, and words in every case.
  const ATOMS = [
    'Bob', ' Bob', 'bob', 'BOB', 'Said', 'said', 'U.S.', 'u.s.', 'a.b.', 'Jr.', 'an', 'An', 'Canada', 'A', 'a', 'B', 'b', 'x', '1', '9',
    "'", '\u2019', '-', '\u2011', '&', '.', ',', ';', '!', '?', '(', ')', '"', '|', ':',
    ' ', ' ', ' ', '\u00A0', '\u2028', '\uFEFF', '\t', '\n', '\r', '\r\n', '\u3000',
    '\u0301', '\u200D', '\u200C', '\u2122', '\u25B6', '\u25BA', '\u2192', '\u00A9', '\u201C', '\u201D', '\u2018', '\u2014', '\u2026', '\u00AB', '\u00B7',
    '\u0130', '\u03A3', '\u03C2', '\u212A', '\u00E9', '\u00C9', '\u01C5', '\u00DF', '\u2160',
    '\uD835\uDC00', '\uD83D\uDE00', '\uD83C\uDFFB', '\uD800', '\uDC00', '\uFE0F', 'a\u200D\u2122', 'x\u200D\u25B6', '\uD800b',
  ];

  it('for every word and a piece of the text, asked first and after the words before it, with every line or none read later', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 18 }), fc.nat(), (atoms, pick) => {
        const text = atoms.join('');
        const { capitals, lowerCase } = caseSets(text);
        const words = [...new Set(tokenize(text, 0, text.length).filter((t) => t.type === 'word').map((t) => t.text))];
        const at = pick % text.length;
        words.push(text.slice(at, at + 1 + (pick % 5)));
        const lines = splitLines(text);
        const shared = [new LineTokens(text, lines), new LineTokens(text, lines, () => false)];
        for (const w of words) {
          const l = w.toLowerCase();
          const ordinary = lowerCase.has(l) && !capitals.has(l);
          const capitalised = capitals.has(l);
          for (const lt of [new LineTokens(text, lines), new LineTokens(text, lines, () => false), ...shared]) {
            assert.equal(lt.ordinary(w), ordinary, `ordinary ${JSON.stringify(w)} in ${JSON.stringify(text)}`);
            assert.equal(lt.capitalisedMidSentence(w), capitalised, `capitalised ${JSON.stringify(w)} in ${JSON.stringify(text)}`);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('line tokens: a line that ends with a sentence mark (not a headline)', () => {
  /** [line, whether it ends with . ! or ?, closing quotation marks and spaces after it allowed] */
  const lines: [string, boolean][] = [
    ['Trump said it was over.', true],
    ['Was it over?  ', true],
    ['“It is over!”', true],
    ["'It is over.' \t", true],
    ['"It is over."\u00A0\uFEFF', true],
    ['Trump: It is over', false],
    ['It is over.”)', false],
    ['', false],
    ['   ', false],
    ['.', true],
    ['\u201D\u2019', false],
    ['Over…', false],
  ];
  for (const [line, ends] of lines) {
    it(JSON.stringify(line), () => {
      assert.equal(endsWithSentenceMark(line), ends);
      assert.equal(endsWithSentenceMark(line), /[.!?]['"\u2019\u201D]*\s*$/.test(line));
    });
  }

  it('a quote of a text ends with a sentence mark, spaces after it aside, as its trimmed text tells', () => {
    const text = 'He said “It is over.  ” and “Is it?”\u00A0then “no” or “yes! \uFEFF” and “   ”.';
    for (let start = 0; start < text.length; start++) {
      for (let end = start; end <= text.length; end++) {
        assert.equal(endsWithSentenceMarkIn(text, start, end), /[.!?]$/.test(text.slice(start, end).trimEnd()), `${start}-${end}`);
      }
    }
  });
});
