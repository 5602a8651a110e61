import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { linkCharacters, URL_RE, URL_RE_WITHOUT_ADDRESS } from '../../../../src/core/analysis/links';
import { isSpaceCode } from '../../../../src/core/analysis/text';
import { repoRoot } from './helpers';

/** The plain rule: the lengths of the pattern's matches over the whole line. */
function plainLinkCharacters(s: string, urls: RegExp): number {
  let total = 0;
  for (const m of s.matchAll(urls)) total += m[0].length;
  return total;
}

/** Lines of up to twelve of `pieces` each, drawn by a fixed pseudo-random sequence from `seed`. */
function linesOfPieces(pieces: readonly string[], seed: number, count: number): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const lines: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    for (let j = next(13); j > 0; j--) s += pieces[next(pieces.length)] ?? '';
    lines.push(s);
  }
  return lines;
}

function realLines(): string[] {
  const dirs = [path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds'), path.join(repoRoot(), '..', 'shared', 'eval', 'noise-dev')];
  const out: string[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt'))) for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n|\r/)) out.push(line.trim());
  }
  return out;
}

describe('links: the characters of a line the link pattern matches, read run by run', () => {
  // [line, characters matched]
  const cases: [string, number][] = [
    ['', 0],
    ['No link here.', 0],
    ['Read more at https://example.com/a/b?c=d now', 'https://example.com/a/b?c=d'.length],
    ['www.example.org', 'www.example.org'.length],
    ['Follow us: twitter.com/foo and facebook.com/bar.', 'twitter.com/foo'.length + 'facebook.com/bar'.length],
    ['Mail desk@example.org or tips@news.co.uk', 'desk@example.org'.length + 'tips@news.co'.length],
    ['U.S. officials said on Monday.', 0],
    ['Sentence ends here. Next one:', 0],
    ['\u00a0bbc.co.uk\u2028cnn.com\u3000x', 'bbc.co.uk'.length + 'cnn.com'.length],
    ['httpſ://example.ſ', 'httpſ://example.ſ'.length],
    // Lone surrogates: no word character before ".com", but an address may start with one.
    ['e.g. \ud800.com \udc00@x.io', '\udc00@x.io'.length],
  ];
  for (const [line, expected] of cases) {
    it(JSON.stringify(line), () => {
      assert.equal(plainLinkCharacters(line, URL_RE), expected, 'the table itself');
      assert.equal(linkCharacters(line, URL_RE), expected);
    });
  }

  it('reads white space as the pattern does', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isSpaceCode(c), /\s/u.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  const pieces = ['a', 'Z', 'ſ', '\u212a', '_', '-', '.', ':', '/', '//', '@', '#', ' ', '  ', '\t', '\u00a0', '\u2028', '\ufeff', 'www', 'http', 'https', 'com', 'co', 'uk', 'fr', 'é', '’', '"', '(', ')', '\ud83d\ude00', '\ud800', '\udc00', '1', 'x'.repeat(70), 'example', 'mail'];
  const lines = [
    ...realLines(),
    ...linesOfPieces(pieces, 7, 20000),
    'a'.repeat(100000),
    'a.'.repeat(50000),
    `${'x'.repeat(70)}@${'y'.repeat(70)}.com`,
    'www.' + 'a.'.repeat(5000) + 'com',
  ];
  it('finds what the pattern finds over the whole line, on real and hostile lines', () => {
    assert.ok(lines.length > 20000, `${lines.length} lines`);
    for (const line of lines) {
      assert.equal(linkCharacters(line, URL_RE), plainLinkCharacters(line, URL_RE), JSON.stringify(line.slice(0, 200)));
      if (!line.includes('@')) assert.equal(linkCharacters(line, URL_RE_WITHOUT_ADDRESS), plainLinkCharacters(line, URL_RE_WITHOUT_ADDRESS), JSON.stringify(line.slice(0, 200)));
    }
  });
});
