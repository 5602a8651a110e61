import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CapitalCursor, antecedentOf, firstNameEnd, fullNames, isOrganisation, isText, mayHoldFullName, regionAfterPlace, subjectBefore } from '../../../../src/core/analysis/mentions';
import { splitLines, tokenIndexAt, tokenize } from '../../../../src/core/analysis/text';
import { repoRoot } from './helpers';

const namesOf = (line: string): string[] => fullNames(line, tokenize(line, 0, line.length)).map((m) => m.text);

/** Words, openers, connectors and marks that meet at the edges of names: every sequence of four, joined by a space or nothing. */
function nameSequences(): string[] {
  const parts = ['Smith', 'Jo', 'de', 'of', 'the', 'The', 'But', 'Still', 'Sen', '.', ',', "'", '-', 'x', 'B.', '\u0301', '’', '“', 'Mélenchon'];
  const out: string[] = [];
  for (const opening of ['Ann', 'But', 'The', 'of']) {
    for (const a of parts) for (const b of parts) for (const c of parts) for (const gap of [' ', '']) out.push([opening, a, b, c].join(gap));
  }
  return out;
}

describe('mentions: whether a line may hold a full name, read on its characters', () => {
  /** [line, whether it may hold one]: true wherever fullNames finds one, and on lines it cannot tell apart. */
  const cases: [string, boolean][] = [
    ['He said the plan would work.', false],
    ['“We are ready,” she said.', false],
    ['Trump, Clinton and others spoke.', false],
    ['In 2016, the report said, turnout fell.', false],
    ['The senator told Reuters in a call.', false],
    ['The senator told Reuters on Monday.', true],
    ['', false],
    ['Sergei Lavrov told reporters.', true],
    ['the International Committee of the Red Cross said', true],
    ['FBI Director James B. Comey said', true],
    ['U.S. officials said', true],
    ["Conan O'Brien joked", true],
    ['Jean-Luc Mélenchon said', true],
    ['Jose\u0301 Smith said', true],
    ['said Ludwig van Beethoven', true],
    // A sentence opener before a single capitalised word makes no full name.
    ['But Trump said', false],
    ['Then Brafman exposed the tactics.', false],
    ['The Times said Cook wrote it.', false],
    ['In The Hague, talks resumed.', false],
    // An opener kept once a connector stops the dropping: "Still Jones" stays a name.
    ['But de Still Jones', true],
    ['But Hillary Clinton said', true],
    // Capitalised words side by side that make no person's name still pass: only fullNames tells.
    ['The New York Times reported', true],
  ];
  for (const [line, may] of cases) {
    it(JSON.stringify(line), () => {
      assert.equal(mayHoldFullName(line, 0, line.length), may);
      if (!may) assert.deepEqual(namesOf(line), []);
    });
  }

  it('reads only the range asked for', () => {
    const text = 'Sergei Lavrov said\nhe agreed';
    const lines = splitLines(text);
    assert.deepEqual(lines.map((l) => mayHoldFullName(text, l.start, l.end)), [true, false]);
  });

  it('never says no where fullNames finds a name (seed articles)', () => {
    const dir = path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds');
    let found = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const line of splitLines(text)) {
        const names = fullNames(text, tokenize(text, line.start, line.end));
        found += names.length;
        if (names.length > 0) assert.ok(mayHoldFullName(text, line.start, line.end), `${file}: ${text.slice(line.start, line.end)}`);
      }
    }
    assert.ok(found > 0);
  });

  it('never says no where fullNames finds a name (every short sequence of name parts and marks)', () => {
    let checked = 0;
    for (const line of nameSequences()) {
      if (namesOf(line).length > 0) assert.ok(mayHoldFullName(line, 0, line.length), JSON.stringify(line));
      checked++;
    }
    assert.ok(checked > 0);
  });

  it('stays linear on a long line of capitals and connectors', () => {
    const line = `${'A of '.repeat(20000)}x`;
    assert.equal(mayHoldFullName(line, 0, line.length), true);
    // Past the bound a capital is taken to follow a name: yes, without reading further back.
    const lower = `${'of the '.repeat(20000)}Smith`;
    assert.equal(mayHoldFullName(lower, 0, lower.length), true);
  });
});

/** The full names of `text[from, to)` read from the first capital that may end one (none where there is none). */
function namesFromFirstEnd(text: string, from: number, to: number): string[] {
  const end = firstNameEnd(text, from, to, new CapitalCursor(text));
  assert.equal(end >= 0, mayHoldFullName(text, from, to));
  if (end < 0) return [];
  const tokens = tokenize(text, from, to);
  return fullNames(text, tokens, [], tokenIndexAt(tokens, end)).map((m) => `${m.start}:${m.text}`);
}

/** Every full name of the tokens of `text[from, to)`, each token read. */
function everyName(text: string, from: number, to: number): string[] {
  return fullNames(text, tokenize(text, from, to)).map((m) => `${m.start}:${m.text}`);
}

describe('mentions: full names read from the first capital that may end one (firstNameEnd)', () => {
  /** [line, the first capital that may end a name (-1: none), the names found] */
  const cases: [string, number, string[]][] = [
    ['He told reporters that Sergei Lavrov and Recep Tayyip Erdoğan agreed.', 30, ['23:Sergei Lavrov', '41:Recep Tayyip Erdoğan']],
    // A run goes on past a middle initial's dot: the whole name only, never "James B".
    ['FBI Director James B. Comey said', 4, ['13:James B. Comey']],
    ['But Hillary Clinton said', 12, ['4:Hillary Clinton']],
    ['said Ludwig van Beethoven and Sen. Bernie Sanders', 16, ['5:Ludwig van Beethoven', '35:Bernie Sanders']],
    ["Conan O'Brien joked", 6, ["0:Conan O'Brien"]],
    ['The New York Times reported', 8, []],
    ['But Trump said', -1, []],
  ];
  for (const [line, end, names] of cases) {
    it(JSON.stringify(line), () => {
      assert.equal(firstNameEnd(line, 0, line.length, new CapitalCursor(line)), end);
      assert.deepEqual(namesFromFirstEnd(line, 0, line.length), names);
      assert.deepEqual(everyName(line, 0, line.length), names);
    });
  }

  it('finds what reading every token finds (seed articles)', () => {
    const dir = path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds');
    let found = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const line of splitLines(text)) {
        const names = everyName(text, line.start, line.end);
        found += names.length;
        assert.deepEqual(namesFromFirstEnd(text, line.start, line.end), names, `${file}: ${text.slice(line.start, line.end)}`);
      }
    }
    assert.ok(found > 0);
  });

  it('finds what reading every token finds (every short sequence of name parts and marks, after other words)', () => {
    let found = 0;
    for (const sequence of nameSequences()) {
      const line = `Then, ${sequence} said`;
      const names = everyName(line, 0, line.length);
      found += names.length;
      assert.deepEqual(namesFromFirstEnd(line, 0, line.length), names, JSON.stringify(line));
    }
    assert.ok(found > 0);
  });

  it('reads the lines of a text in order with one cursor, as each alone', () => {
    const text = 'he said\nSergei Lavrov and Jane Roe\nno capital here\nthen Recep Tayyip Erdoğan\n\u00e9t\u00e9 Ann \u00c9mile Zola';
    const capitals = new CapitalCursor(text);
    const ends = splitLines(text).map((l) => firstNameEnd(text, l.start, l.end, capitals));
    assert.deepEqual(ends, splitLines(text).map((l) => firstNameEnd(text, l.start, l.end, new CapitalCursor(text))));
    assert.deepEqual(ends, [-1, 15, -1, 62, 85]);
  });
});

describe('mentions: the name words of a line and where their runs start (fullNames)', () => {
  /** [line, the full names found]: contractions, possessives, lone name words, dots and connectors around names. */
  const cases: [string, string[]][] = [
    // "It's" and "I’m" are no name words; a possessive ends a run only at its last word.
    ["It's Hillary Clinton’s plan, I’m told by Mr. Roe", ['5:Hillary Clinton’s']],
    ['He’d told They’re Ann Lee That’s it', ['18:Ann Lee']],
    // The apostrophe of the longest contraction stands sixth: "There’ll", "THERE'D".
    ["There’ll Ann Lee, THERE'D Bob Roe", ['9:Ann Lee', '26:Bob Roe']],
    // A possessive inside a run ends the name before it, straight or curly, with a capital S too.
    ["Hillary Clinton's John Podesta and Clinton’S Huma Abedin wrote", ['18:John Podesta', '45:Huma Abedin']],
    ["Trump’s aide and Sanders' manager Jeff Weaver, SANDERS'S friend, spoke", ['34:Jeff Weaver']],
    // Connectors inside a run; a title at its front is stripped; a known given name stays past three words.
    ['Secretary of State Mike Pompeo met Ludwig van Beethoven and Maria de la Cruz', ['19:Mike Pompeo', '35:Ludwig van Beethoven', '60:Maria de la Cruz']],
    ['The International Committee of the Red Cross said Robert Mardini', ['50:Robert Mardini']],
    ['Monday Night Football, Emmanuel Macron of France', ['7:Night Football', '23:Emmanuel Macron', '32:Macron of France']],
    // Weekdays and months are no name words; a run of titles and nationalities names no one.
    ['On Monday January Jones met the Russian Foreign Minister.', []],
    // The dot of a title or of a middle initial stays inside a run.
    ['Sen. Bernie Sanders and James B. Comey, then Vladimir Putin alone.', ['5:Bernie Sanders', '24:James B. Comey', '45:Vladimir Putin']],
    // Name words alone, after marks and lower-case words.
    ['Trump said. Biden agreed, Harris too; Obama, Pelosi.', []],
  ];
  for (const [line, names] of cases) {
    it(JSON.stringify(line), () => {
      assert.deepEqual(everyName(line, 0, line.length), names);
      assert.deepEqual(namesFromFirstEnd(line, 0, line.length), names);
    });
  }
});

describe('mentions: a token is a text (isText), whatever kind of string either is', () => {
  const line = 'Said Lavrov, “plainly” — Internationalisation (pictured).';
  const tokens = tokenize(line, 0, line.length);
  /** [token index (out of range included), text, whether it is] */
  const cases: [number, string, boolean][] = [
    [0, 'Said', true],
    [0, 'said', false],
    [2, ',', true],
    [3, '“', true],
    [4, 'plainly', true],
    [6, '—', true],
    [7, 'Internationalisation', true],
    [7, 'International', false],
    [-1, ',', false],
    [tokens.length, '.', false],
    [tokens.length - 1, '.', true],
  ];
  for (const [i, text, expected] of cases) {
    it(`token ${i} is “${text}”: ${expected}`, () => assert.equal(isText(tokens[i], text), expected));
  }
});

describe('mentions: the subject before a parenthesis at the start of a line', () => {
  /** [line with its verb last, expected subject or null]: the search for "(" never reads before the first token. */
  const cases: [string, string | null][] = [
    ['Sergei Lavrov (pictured) said', 'Sergei Lavrov'],
    ['(pictured) said', null],
    ['pictured) said', null],
    ['Roe pictured) said', null],
    [') said', null],
  ];
  for (const [line, expected] of cases) {
    it(`${line} → ${expected ?? 'none'}`, () => {
      const tokens = tokenize(line, 0, line.length);
      assert.equal(subjectBefore(line, tokens, tokens.length - 1, 0)?.text ?? null, expected);
    });
  }
});

describe('mentions: the subject before a verb, a word with an apostrophe right before it', () => {
  /** [line with its verb last, expected subject or null]: a contraction's pronoun is the subject, a possessive is none. */
  const cases: [string, string | null][] = [
    ['his running mate Donald Trump’s plan said', null],
    ["his running mate Donald Trump's said", null],
    ['the Joneses’ said', null],
    ["the Joneses' said", null],
    ['He’s said', 'He'],
    ["they're said", 'they'],
    ["O'Brien said", "O'Brien"],
    ['Donald Trump said', 'Donald Trump'],
    ['Davis said', 'Davis'],
  ];
  for (const [line, expected] of cases) {
    it(`${line} → ${expected ?? 'none'}`, () => {
      const tokens = tokenize(line, 0, line.length);
      assert.equal(subjectBefore(line, tokens, tokens.length - 1, 0)?.text ?? null, expected);
    });
  }
});

describe('mentions: a region after a place closes an opening phrase (regionAfterPlace)', () => {
  /** [line, first and last token of the capitalised run, expected comma index or -1] */
  const cases: [string, number, number, number][] = [
    ['At a rally in Salem, New Hampshire, Trump said', 6, 7, 8],
    ['In Salem, New Hampshire, Trump said', 3, 4, 5],
    ['Salem, New Hampshire, Trump said', 2, 3, -1],
    [', New Hampshire, Trump said', 1, 2, -1],
    ['New Hampshire, Trump said', 0, 1, -1],
    ['At a rally in Portsmouth, N.H.', 6, 6, -1],
  ];
  for (const [line, start, end, expected] of cases) {
    it(`${line} [${start}, ${end}] → ${expected}`, () => {
      assert.equal(regionAfterPlace(tokenize(line, 0, line.length), start, end), expected);
    });
  }
});

describe('mentions: words naming an organisation (isOrganisation)', () => {
  /** [words, whether they name an organisation] */
  const cases: [string[], boolean][] = [
    [['NATO'], true],
    [['Lavrov'], false],
    [['Pentagon'], true],
    [['Internationalisation'], false],
    [['ÉLYSÉE'], true],
    [['A'], false],
    [['42'], false],
    [['Red', 'Cross', 'Committee'], true],
    [['Jane', 'Roe'], false],
  ];
  for (const [words, expected] of cases) {
    it(`${words.join(' ')} → ${expected}`, () => assert.equal(isOrganisation(words), expected));
  }
});

describe('mentions: a relative pronoun and the name it stands for (antecedentOf)', () => {
  /** [line with its verb last, the pronoun found, the name it stands for or null]. */
  const cases: [string, string | null, string | null][] = [
    ['Stevie Wonder, who joked', 'who', 'Stevie Wonder'],
    ['the Mexican president, who said', 'who', 'the Mexican president'],
    ['The commission, which ruled', 'which', 'The commission'],
    ['Sergei Lavrov said', 'Sergei Lavrov', null],
    ['He said', 'He', null],
  ];
  for (const [line, mention, antecedent] of cases) {
    it(`${line} → ${mention ?? 'none'} (${antecedent ?? 'no antecedent'})`, () => {
      const tokens = tokenize(line, 0, line.length);
      const m = subjectBefore(line, tokens, tokens.length - 1, 0);
      assert.equal(m?.text ?? null, mention);
      assert.equal(m ? (antecedentOf(m)?.text ?? null) : null, antecedent);
      // The antecedent is kept beside the mention: a relative pronoun has the fields of every mention.
      if (m) assert.deepEqual(Object.keys(m), ['start', 'end', 'text', 'kind']);
    });
  }
});
