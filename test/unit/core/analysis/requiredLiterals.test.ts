import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { holdsFoldedAt, LiteralScanner, requiredCharacters, requiredLiterals, requiredPrefixes, requiredSuffixes } from '../../../../src/core/analysis/requiredLiterals';
import { isMark, PhraseIndex } from '../../../../src/core/analysis/phraseIndex';
import { PHRASE_RULES } from '../../../../src/core/analysis/boilerplate-phrases';
import { repoRoot } from './helpers';
import { lineSignals, markOf } from '../../../../src/core/analysis/wordCount';

describe('a literal held at an offset, folded alike', () => {
  // [text, offset, literal (folded), first character compared, held]
  const cases: [string, number, string, number, boolean][] = [
    ['Subscribe now', 0, 'subscribe', 0, true],
    ['SUBSCRIBE NOW', 0, 'subscribe', 0, true],
    ['Please Subscribe', 7, 'subscribe', 0, true],
    ['Please Subscribe', 8, 'subscribe', 0, false],
    // Past the end of the text: no character there equals one of the literal.
    ['Please Subscrib', 7, 'subscribe', 0, false],
    ['Re', 0, 'read more', 0, false],
    // The first characters were compared by the caller: only the rest is read.
    ['XXad more', 0, 'read more', 2, true],
    ['Read mora', 0, 'read more', 2, false],
    ['', 0, '', 0, true],
    ['anything', 3, 'hi', 2, true],
  ];
  for (const [text, at, literal, from, held] of cases) {
    it(`${JSON.stringify(literal)} at ${at} of ${JSON.stringify(text)} from ${from}: ${held}`, () => assert.equal(holdsFoldedAt(text, at, literal, from), held));
  }
});

describe('required literals of a pattern', () => {
  /** [pattern source, the literals one of which every match holds (folded), or null] */
  const cases: [string, string[] | null][] = [
    ['\\bsubscribe\\b', ['subscribe']],
    ['\\bnewsletters?\\b', ['newsletter']],
    ['please enter your', ['please enter your']],
    ['\\b(file photo|photo credit|getty images)\\b', ['file photo', 'photo credit', 'getty images']],
    ['\\d{1,2}:\\d{2}(?: ?[ap]\\.?m\\.?)? (?:said|says|wrote) ?:?$', [' said', ' says', ' wrote']],
    ['\\bsign up (for|to) (our|free)\\b', ['sign up for', 'sign up to']],
    ['~?\\d{1,6} (minutes?|hours?|days?) ago$', [' ago']],
    ['\\(c\\) \\d{4}', ['(c) ']],
    ['©', ['©']],
    ['\\bprivacy policy\\b.{0,200}\\bterms\\b', ['privacy policy']],
    ['Sign Up', ['sign up']],
    ['\\u00a9 \\x41cme', ['© acme']],
    // Nothing is surely there: an optional group, a class, an empty branch, a letter with case outside ASCII.
    ['(?:abc)?\\d+', null],
    ['[abc]+', null],
    ['(abc|)', null],
    ['é', null],
    ['(?:abc|\\d)', null],
    // Unsupported syntax is never guessed at.
    ['a{', null],
    ['\\q', null],
    ['(?<=x)abc', ['abc']],
    ['(?<name>abc)d', ['abc']],
  ];
  for (const [source, expected] of cases) it(`/${source}/`, () => assert.deepEqual(requiredLiterals(source), expected));
});

describe('required prefixes of a pattern', () => {
  /** [pattern source (anchored at the start), the strings one of which every match starts with (folded), or null] */
  const cases: [string, string[] | null][] = [
    ['(share|tweet|pin it)(\\s*:.*)?$', ['share', 'tweet', 'pin it']],
    ['skip to (main )?content', ['skip to ']],
    ['join the (discussion|conversation)', ['join the discussion', 'join the conversation']],
    ['e-?mail\\s*:', ['e']],
    ['\\bBy\\s+\\p{Lu}', ['by']],
    ['x+y', ['x']],
    ['(\\d+ )?thoughts? on\\b', null],
    ['[\\p{L} ]{0,30}:?', null],
    ['(?:a|\\d)b', null],
    // An optional character first: a match starts with what follows it, or with it and what follows.
    ['\\(?(photo|image)s?( by)?\\s*:', ['photo', 'image', '(photo', '(image']],
    ['~?\\d{1,6} (minutes?|hours?) ago$', null],
    ['-?-?x', ['x', '-x', '-']],
  ];
  for (const [source, expected] of cases) it(`/^${source}/`, () => assert.deepEqual(requiredPrefixes(source), expected));
});

describe('required prefixes of a pattern, classes read', () => {
  const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
  /** [pattern source (anchored at the start), flags, the strings one of which every match starts with (folded), or null] */
  const cases: [string, string, string[] | null][] = [
    ['(?:[bB][yY]|[wW]ords [bB][yY])\\s+\\p{Lu}', 'u', ['by', 'words by']],
    ['[kK]elvin', '', ['kelvin']],
    ['[sS]hare', 'iu', ['share']],
    ['\\d+ likes?$', 'i', digits],
    ['\\d{1,2}:\\d{2}$', '', digits],
    ['(\\d+ )?thoughts? on\\b', 'i', ['thought', ...digits]],
    // An optional group or character first: prefixes with it and without it.
    ['(?:mon|tue)?,? ?\\d', 'i', [...digits, ...digits.map((d) => ` ${d}`), ',', 'mon', 'tue']],
    ['(?:a|\\d)b', '', ['a', ...digits]],
    ['x[:;]y', '', ['x:', 'x;']],
    // Classes that are not plain characters, or hold a letter with case outside ASCII, say nothing.
    ['[éÉ]cole', 'i', null],
    ['[a-z]+x', 'i', null],
    ['[^b]y', '', null],
    ['[\\d]x', '', null],
    ['\\D', '', null],
    ['[😀😃]x', 'u', null],
    ['(?:a|[b-c])x', '', null],
  ];
  // Lines in either case, folded, beyond ASCII, hostile: whatever a pattern matches starts with one of its prefixes.
  const lines = ['By Tom Parfitt', 'BY TOM', 'by tom', 'Words By Jane', 'Kelvin', '\u212aelvin', 'KELVIN', 'Share', 'ſhare', 'SHARE', '12 likes', '3 LIKE', '9:30', '12:30', '5 thoughts on', 'Thoughts on', 'mon 3', 'Tue, 4', ', 7', '8', 'ab', '0b', 'x:y', 'x;y', 'École', 'école', 'zzx', 'cy', 'ay', '5x', 'q', '😀x', '😃x', 'bx', '', '\ud800x', '\udc00', '１２ likes', 'x'.repeat(5000)];
  for (const [source, flags, expected] of cases) {
    it(`/^${source}/${flags}`, () => {
      const prefixes = requiredPrefixes(source, true);
      assert.deepEqual(prefixes === null ? null : [...prefixes].sort(), expected === null ? null : [...expected].sort());
      const re = new RegExp(`^(?:${source})`, flags);
      for (const line of lines) if (prefixes !== null && re.test(line)) assert.ok(prefixes.some((p) => holdsFoldedAt(line, 0, p)), `${JSON.stringify(line)} matches but starts with no prefix`);
    });
  }
  it('reads classes only when asked', () => {
    assert.equal(requiredPrefixes('\\d+ likes'), null);
    assert.equal(requiredPrefixes('[bB][yY] '), null);
  });
});

describe('required suffixes of a pattern', () => {
  /** [pattern source (anchored at the end), the strings one of which every match ends with (folded), or null] */
  const cases: [string, string[] | null][] = [
    ['~?\\d{1,6} (minutes?|hours?) ago', ['minute ago', 'minutes ago', 'hour ago', 'hours ago']],
    ['\\d{1,2}:\\d{2} (?:said|wrote) ?:?', ['said', 'wrote', 'said ', 'wrote ', ':']],
    ['(read more|Continue)', ['read more', 'continue']],
    ['\\S+', null],
  ];
  for (const [source, expected] of cases) it(`/${source}$/`, () => assert.deepEqual(requiredSuffixes(source), expected));
});

describe('required characters of a pattern', () => {
  /** [pattern source, the characters (none a letter, digit or space) one of which every match holds, or null] */
  const cases: [string, string | null][] = [
    ['^[^.!?\\s>»/|]+(?:\\s+[^.!?\\s>»/|]+)*(?:\\s+[>»/|]\\s+[^.!?\\s>»/|]+(?:\\s+[^.!?\\s>»/|]+)*){2,}$', '>»/|'],
    ['^(tags?|topics?|filed under)\\s*:', ':'],
    ['\\d{1,2}:\\d{2}|^\\S.{0,40} commented on$', null],
    ['x[!?]|y#', '!?#'],
    ['[:;]{2,}', ':;'],
    ['[:;]?x', null],
    ['[^:]', null],
    ['[!-/]', null],
    ['[\\]:]', null],
    ['a(?=:)b', null],
    ['(?<!:)a', null],
    ['ab', null],
  ];
  const isMark = (c: number): boolean => !/[\p{L}\p{N}\s]/u.test(String.fromCharCode(c));
  for (const [source, expected] of cases) it(`/${source}/`, () => assert.deepEqual(requiredCharacters(source, isMark)?.map((c) => String.fromCharCode(c)).join('') ?? null, expected));
});

describe('marks a pattern may require of a line', () => {
  // [character, whether it has a bit in a line's marks and case-insensitive matching leaves it alone]
  const cases: [string, boolean][] = [
    ['>', true],
    ['»', true],
    [':', true],
    ['|', true],
    ['©', true],
    ['a', false],
    ['Z', false],
    ['7', false],
    ["'", false],
    ['’', false],
    ['\u212a', false], // Kelvin sign, a letter
    ['ſ', false],
    ['é', false],
  ];
  for (const [ch, expected] of cases) it(`${JSON.stringify(ch)}: ${expected}`, () => assert.equal(isMark(ch.charCodeAt(0)), expected));
});

describe('literal scanner', () => {
  const scanner = new LiteralScanner([
    { literal: 'subscribe', set: 0, bits: 1 },
    { literal: 'sign up ', set: 0, bits: 2 },
    { literal: '©', set: 0, bits: 4 },
    { literal: 'ska', set: 0, bits: 8 },
    { literal: 'up', set: 1, bits: 16 },
  ]);
  /** [line, bits of set 0, bits of set 1] */
  const cases: [string, number, number][] = [
    ['Subscribe to our newsletter', 1, 0],
    ['SIGN UP for news', 2, 16],
    ['© 2019 Reuters', 4, 0],
    ['Sign up', 0, 16],
    ['nothing here at all', 0, 0],
    ['', 0, 0],
    // Case folding of a case-insensitive Unicode pattern: "ſ" is "s", the Kelvin sign is "k".
    ['ſubscribe', 1, 0],
    ['\u212Aska s\u212Aa', 8, 0],
    ['subscrib', 0, 0],
    ['Sign up and subscribe ©', 7, 16],
  ];
  const found = new Int32Array(2);
  for (const [line, bits, bits1] of cases)
    it(JSON.stringify(line), () => {
      scanner.scan(line, found);
      assert.deepEqual([found[0], found[1]], [bits, bits1]);
    });
  // Asked for some bits only, the scan finds the same among them, whatever it leaves of the others.
  const wantedCases: [number, string][] = [
    [1, 'Sign up and subscribe ©'],
    [4 | 16, 'Sign up and subscribe ©'],
    [8, '\u212Aska s\u212Aa'],
    [2, 'Subscribe to our newsletter'],
    [16, 'SIGN UP for news'],
  ];
  for (const [wanted, line] of wantedCases)
    it(`${JSON.stringify(line)} for bits ${wanted}`, () => {
      scanner.scan(line, found);
      const all = [(found[0] ?? 0) & wanted, (found[1] ?? 0) & wanted];
      scanner.scan(line, found, wanted);
      assert.deepEqual([(found[0] ?? 0) & wanted, (found[1] ?? 0) & wanted], all);
    });
  it('a scan for other bits verifies none of these literals', () => {
    scanner.scan('subscribe', found, 2);
    assert.deepEqual([found[0], found[1]], [0, 0]);
  });
});

/** Every non-blank line of the seed articles and of the shared noise pages (when present). */
function realLines(): string[] {
  const dirs = [path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds'), path.join(repoRoot(), '..', 'shared', 'eval', 'noise-dev')];
  const out: string[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')))
      for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n|\r/)) if (line.trim() !== '') out.push(line.trim());
  }
  return out;
}

describe('phrase index: the first rule it finds is the first rule whose pattern matches', () => {
  const index = new PhraseIndex(PHRASE_RULES);
  const all = (1 << PHRASE_RULES.length) - 1;
  // Real boilerplate lines, each matched by one rule at least, and lines made to trip the index.
  const known = [
    '12 Comments',
    '(Reporting by Will Dunham; Editing by Tom Brown)',
    'Story continues below advertisement',
    'Acquire Licensing Rights, opens new tab',
    'Alex on September 17, 2018 at 6:34 am said:',
    'Your email address will not be published. Required fields are marked *',
    'More stories from our newsroom',
    'Read more: Senate passes the budget',
    '3 hours ago',
    'Share on Facebook',
    'Facebook | Twitter | Email',
    'Follow us on Twitter',
    'https://twitter.com/reuters/status/12345',
    'Sign up for our daily newsletter',
    'Contact us',
    'Video duration: 2:31',
    'By Jane Roe and John Doe',
    'Wednesday, November 20, 2019',
    'Photo credit: Getty Images',
    'Skip to main content',
    '© 2019 Reuters. All rights reserved.',
    'We use cookies to improve your experience. By continuing you agree to our Privacy Policy and Terms of Use.',
    'Tags: politics, elections',
    'Home > World > Europe',

    'ſubscribe now',
    'SUBSCRIBE',
    'Privacy Policy | About | Terms',
    'posted 3 hours ago',
    'Alex on May 2, 2018 at 6:34 am said:',
    'Home > World > Europe',
    'Photo: Getty Images',
    '(C) 2019 Example',
    'We use cookies',
    '\u2028Subscribe',
    'X',
    'ſhare',
    'Colin Rust commented on',
    '(Photo: AP)',
    '12:30',
    '5 min read',
    // First characters from U+8000 on: the key of a prefix's first two stays a 32-bit integer.
    '中文 Read more',
    'ㄱ Share on Facebook',
    '\uFFFFRead more',
    'Ｓhare on Facebook',
    // Lines the index answers from their first two and last characters alone, in either case or folded.
    '3 HOURS AGO',
    'Alex on May 2, 2018 at 6:34 PM SAID',
    'ſkip to content',
    'E',
    'e-mail: desk@example.org',
    'Watch',
    'ΑΒΓ said:',
    // Breadcrumbs need one of their separators: lines with and without them.
    'Home / World / Europe',
    'Home | World | Europe',
    'Home » World » Europe',
    'Home › World › Europe',
    'Home; World ^ Europe ~ Asia',
    'Tags - politics',
    'Jane Roe is a freelance lifestyle writer and editor whose work has appeared in several magazines.',
    'John Doe writes about national security and legal policy from Washington.',
    'Jamal Simmons is a CNN contributor who said he saw the shift.',
    'We may earn a commission from links on this page.',
    'All products are independently selected by our editors.',
    'Fact checked by Sarah Scott',
    'Learn about our editorial process',
    'Something went wrong. Try again later',
    'Be the first to rate & review!',
    'Support our journalism',
    'View this post on Instagram',
    'Facebook Twitter Pinterest LinkedIn Email',
    'About the Author',
    'Consider supporting our mission by contributing as little as $1.',
    'By submitting your email, you agree to our Terms and Privacy Notice.',
    'We’d like to hear what you think about this or any of our articles.',
    'Join our Space Forums to keep talking space!',
    'Eurogamer welcomes videogamers of all types, so sign in and join our community!',
    'Our content is for informational and educational purposes only.',
    'It is not intended as a substitute for professional medical advice.',
    'This story was originally published in our winter issue.',
    'For the full schedule, click here.',
    // "More", "Latest" … before a capitalised word or alone is a header; before a word in lower case it is not.
    'More Sports',
    'LATEST',
    'Recommended for you',
    'More by Abe Streep',
    'More expensive than rivals',
    'MORE: Brad Keselowski through the years',
    'More Stories From Our Partners',
    // A picture's credit, closing its caption or alone.
    'Turn this setting off as soon as you can. Credit: Microsoft',
    '(AP Photo/Ng Han Guan)',
    'Courtesy of Netflix',
    'Guy Bell/Shutterstock',
    'Photograph: WIRED',
    'Credit...Sam Whitney/The New York Times',
    'Requests for credit card information',
  ];
  const lines = [...realLines(), ...known];
  it('covers every rule with a line', () => {
    for (const rule of PHRASE_RULES) assert.ok(known.some((l) => rule.pattern.test(l)), rule.name);
  });
  it('reads enough lines to mean something', () => assert.ok(lines.length > 300, `${lines.length} lines`));
  it('over all the rules at once', () => {
    for (const line of lines) assert.equal(index.firstMatch(line, all)?.name, PHRASE_RULES.find((r) => r.pattern.test(line))?.name, line);
  });
  it('rule by rule', () => {
    PHRASE_RULES.forEach((rule, k) => {
      const mask = 1 << k;
      for (const line of lines) assert.equal(index.firstMatch(line, mask) !== null, rule.pattern.test(line), `${rule.name}: ${line}`);
    });
  });
  it('rule by rule, given the marks of each line', () => {
    PHRASE_RULES.forEach((rule, k) => {
      const mask = 1 << k;
      for (const line of lines) assert.equal(index.firstMatch(line, mask, lineSignals(line).marks) !== null, rule.pattern.test(line), `${rule.name}: ${line}`);
    });
  });
});

describe('literal scanner: a scan that skips finds what a search of the folded line finds', () => {
  // Literals of long phrases (scanned by skipping a window along the line) and short ones found by indexOf.
  const entries = [
    ...['(c) ', 'all rights reserved', 'we use cookies', 'uses cookies', 'privacy policy', 'terms of use', 'enable javascript'].map((literal) => ({ literal, set: 0 as const, bits: 1 })),
    { literal: '©', set: 0 as const, bits: 2 },
    // A short literal starting with a letter is searched for in every line, marks or none.
    { literal: 'ad', set: 1 as const, bits: 16 },
    ...['photo credit', 'getty images', 'file photo'].map((literal) => ({ literal, set: 1 as const, bits: 4 })),
    ...['sign up for', 'newsletter', 'unsubscribe'].map((literal) => ({ literal, set: 0 as const, bits: 8 })),
  ];
  const scanner = new LiteralScanner(entries);
  // The same literals, a short one not searched for in a line whose marks lack its first character's bit.
  const marked = new LiteralScanner(entries, markOf);
  const fold = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/\u017f/g, 's').replace(/\u212a/g, 'k');
  const made = [
    '© 2019 Reuters. All Rights Reserved.',
    '(C) 2019 Example Media; this site uſes cooKies',
    'Photo Credit: GETTY IMAGES',
    'photo credi',
    'Sign up for our newsletter or unsubscribe at any time. We use cookies.',
    'the terms of usE and the privacy polic',
    'xall rights reserve',
    '(c)2019 and (c) 2020',
    'Reuters ©',
    'don’t (C) 2021',
    'Ad',
    'Advertisement',
    'read',
  ];
  const lines = [...realLines(), ...made];
  for (const wanted of [1, 2, 1 | 2, 4, 1 | 4, 8 | 1 | 2, 16, 2 | 16, -1]) {
    it(`for bits ${wanted}`, () => {
      const found = new Int32Array(2);
      for (const line of lines) {
        scanner.scan(line, found, wanted);
        const expected = [0, 0];
        for (const e of entries) if ((e.bits & wanted) !== 0 && fold(line).includes(e.literal)) expected[e.set] = (expected[e.set] ?? 0) | e.bits;
        assert.deepEqual([(found[0] ?? 0) & wanted, (found[1] ?? 0) & wanted], expected, line);
        marked.scan(line, found, wanted, lineSignals(line).marks);
        assert.deepEqual([(found[0] ?? 0) & wanted, (found[1] ?? 0) & wanted], expected, `with marks: ${line}`);
      }
    });
  }
});
