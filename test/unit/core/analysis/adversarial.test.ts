// Hostile input is normal input: every class of input that once froze or crashed the analyzer, or
// cut its spans wrongly, at sizes where a rule costing more than linear time would exceed mocha's
// 20-second timeout. No timing is asserted: a super-linear rule makes these tests time out instead.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../../src/core/analysis/analyze';
import type { Analysis, Span } from '../../../../src/core/analysis/types';
import { sentenceAt } from '../../../../src/core/tagging/lookup';
import { cleanText } from '../../../../src/core/text/cleanText';
import { repoRoot } from './helpers';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Whether a grapheme cluster may start at `p` (checked on a window around it, enough for these inputs). */
function isClusterBoundary(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return true;
  const before = text.charCodeAt(p - 1);
  const at = text.charCodeAt(p);
  // Below U+0300 nothing extends a cluster (but LF after CR), unless what stands before is a Prepend
  // character (all above U+0600 outside the general punctuation block): most edges are decided here.
  const plainBefore = before < 0x600 || (before >= 0x2000 && before <= 0x206f);
  if (at < 0x300 && plainBefore && !(before === 13 && at === 10)) return true;
  const from = Math.max(0, p - 64);
  for (const s of segmenter.segment(text.slice(from, Math.min(text.length, p + 64)))) {
    if (from + s.index === p) return true;
    if (from + s.index > p) return false;
  }
  return false;
}

function assertSpan(text: string, s: Span, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
  assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what} [${s.start}, ${s.end}) within the text of ${text.length}`);
  assert.ok(isClusterBoundary(text, s.start), `${what} starts inside a grapheme cluster at ${s.start}`);
  assert.ok(isClusterBoundary(text, s.end), `${what} ends inside a grapheme cluster at ${s.end}`);
}

/** Analyses without throwing and checks every span of the result against the text. */
function analyzeChecked(text: string): Analysis {
  const a = analyze(text);
  let lastEnd = -1;
  for (const q of a.quotes) {
    assertSpan(text, q, 'quote');
    assert.ok(q.start >= lastEnd, 'quotes sorted and not overlapping');
    lastEnd = q.end;
    if (q.cue) assertSpan(text, q.cue, 'cue of a quote');
    if (q.mention) assertSpan(text, q.mention, 'mention of a quote');
  }
  for (const c of a.cues) {
    assertSpan(text, c, 'cue');
    assert.equal(c.text, text.slice(c.start, c.end));
  }
  for (const s of a.speakers) {
    for (const m of s.mentions) {
      assertSpan(text, m, 'mention');
      assert.equal(m.text, text.slice(m.start, m.end));
    }
  }
  for (const n of a.noise) assertSpan(text, n, 'noise line');
  return a;
}

const BODY = [
  'Officials in the capital said on Monday that the new budget would be presented to parliament before the end of the month, after weeks of talks.',
  '“We are confident that the plan will pass,” the finance minister, Jane Roe, told reporters at a news conference in the ministry.',
  'Opposition leaders have criticised the proposal, saying it does not do enough for families who are struggling with the rising cost of living.',
].join('\n\n');

describe('adversarial input: cost stays linear (a super-linear rule times out here)', () => {
  const cases: [string, () => string][] = [
    ['breadcrumb separators: 84 bytes', () => `a ${'> '.repeat(40)}!`],
    ['breadcrumb separators of every kind, 100,000', () => `a ${'> » / | '.repeat(25000)}!`],
    ['breadcrumb-like short lines, 50,000', () => `${BODY}\n\n${'Home > News > a\n'.repeat(50000)}`],
    ['"minutes ago": a 400 KB line of digits', () => `${BODY}\n\n${'1'.repeat(400_000)}\n`],
    ['"minutes ago": digits with a near miss', () => `${BODY}\n\n${'1'.repeat(400_000)} minutes agx\n`],
    ['"privacy policy" 60,000 times and no "terms"', () => `${BODY}\n\n${'privacy policy '.repeat(60_000)}\n`],
    ['"terms of use" 60,000 times and no "privacy"', () => `${BODY}\n\n${'terms of use '.repeat(60_000)}\n`],
    ['a comment-form label with 500,000 tabs', () => `${BODY}\n\nName${'\t'.repeat(500_000)}x\n`],
    ['a read-more line with 500,000 spaces', () => `${BODY}\n\nRead more${' '.repeat(500_000)}x\n`],
    ['a social line with 500,000 separators', () => `${BODY}\n\nShare${' :'.repeat(250_000)}\n`],
    // A line separator (U+2028) is whitespace but no character of `.`: once, the spaces before it were read again from each of them.
    ['a social line with 400,000 spaces before a line separator', () => `${BODY}\n\nShare-${' '.repeat(400_000)}-\u2028x\n`],
    ['a social line with 400,000 spaces before a paragraph separator', () => `${BODY}\n\nX:${' '.repeat(400_000)}:\u2029x\n`],
    ['link-like runs: 300,000 dotted labels', () => `${BODY}\n\n${'y.'.repeat(300_000)}\n`],
    ['month-like words above the body, 100,000', () => `${'jan '.repeat(100_000)}\n\n${BODY}`],
    ['a month name with 400,000 letters above the body', () => `Jan${'a'.repeat(400_000)}. x\n\n${BODY}`],
    ['a comments header of 400,000 digits', () => `${BODY}\n\n${'1'.repeat(400_000)} x\n`],
    ['a social-link prefix with 400,000 spaces', () => `${BODY}\n\nTwitter${' '.repeat(400_000)}x\n`],
    ['250,000 short lines after the body', () => `${BODY}\n\n${'Short line here\n'.repeat(250_000)}`],
    ['100,000 distinct short lines after the body', () => `${BODY}\n\n${Array.from({ length: 100_000 }, (_, i) => `Item ${i}`).join('\n')}`],
    ['1,000,000 dots', () => '.'.repeat(1_000_000)],
    ['500,000 "A. " abbreviations', () => 'A. '.repeat(500_000)],
    ['30,000 naming-verb quotes in one sentence', () => `Ban said what he called “a breach” ${'and what he called “a breach” '.repeat(30_000)}.`],
    ['200,000 cues sharing one open quote', () => `“ ${'x and said '.repeat(200_000)}`],
    ['30,000 short quotes in one paragraph', () => '“a,” he said. '.repeat(30_000)],
    ['one surname of 300,000 letters', () => `“We will win,” said Bob ${'A'.repeat(300_000)}.`],
    ['10,000 officials described differently', () => Array.from({ length: 10_000 }, (_, i) => `“Yes,” a ${'abcdefghij'.slice(i % 10)}${i} official said.`).join('\n\n')],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      analyzeChecked(make());
    });
  }

  it('the sentence finder of tagging on 1,000,000 dots and 500,000 "! " marks', () => {
    const dots = '.'.repeat(1_000_000);
    assert.deepEqual(sentenceAt(dots, 500_000), { start: 0, end: dots.length });
    const marks = `${'! '.repeat(500_000)}End.`;
    assert.ok(sentenceAt(marks, marks.length - 2));
  });
});

describe('adversarial input: nothing overflows the call stack', () => {
  it('a paragraph of 130,000 cues ("Bob said. " × 130,000)', () => {
    const a = analyzeChecked('Bob said. '.repeat(130_000));
    assert.equal(a.quotes.length, 0);
  });
  it('30,000 quoted cues in one paragraph', () => {
    const a = analyzeChecked('“Yes,” Bob said. '.repeat(30_000));
    assert.equal(a.quotes.length, 30_000);
  });
  it('150,000 lines of cues', () => {
    analyzeChecked('Bob said.\n'.repeat(150_000));
  });
});

/** The same text with each line break written as LF, CRLF, CR or a mixture chosen by `pick`. */
function withBreaks(text: string, pick: (i: number) => string): { text: string; toLf: (offset: number) => number } {
  const parts = text.split('\n');
  const starts: number[] = [];
  const lfStarts: number[] = [];
  let out = '';
  let lf = 0;
  parts.forEach((p, i) => {
    starts.push(out.length);
    lfStarts.push(lf);
    out += p;
    lf += p.length;
    if (i < parts.length - 1) {
      out += pick(i);
      lf += 1;
    }
  });
  const toLf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const within = offset - (starts[lo] ?? 0);
    const lineLength = parts[lo]?.length ?? 0;
    // An offset inside a line break (between CR and LF) maps to the break.
    return (lfStarts[lo] ?? 0) + Math.min(within, lineLength + 1);
  };
  return { text: out, toLf };
}

/** An analysis with every offset mapped onto the LF text, for comparing conventions. */
function mapped(a: Analysis, toLf: (o: number) => number): unknown {
  return JSON.parse(
    JSON.stringify(a, (key, value: unknown) => (key === 'start' || key === 'end' ? toLf(value as number) : value)),
  ) as unknown;
}

function articles(): [string, string][] {
  const dirs = [path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds'), path.resolve(repoRoot(), '..', 'shared', 'eval', 'noise-dev')];
  const out: [string, string][] = [];
  for (const d of dirs) {
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d).sort().filter((x) => x.endsWith('.txt')).slice(0, 12)) out.push([f, fs.readFileSync(path.join(d, f), 'utf8').replace(/\r\n?/g, '\n')]);
  }
  return out;
}

describe('adversarial input: LF, CRLF, lone CR and mixtures give the same detections', () => {
  const conventions: [string, (i: number) => string][] = [
    ['CRLF', () => '\r\n'],
    ['lone CR', () => '\r'],
    ['a mixture of all three', (i) => ['\n', '\r\n', '\r'][i % 3] ?? '\n'],
    ['another mixture', (i) => ((i * 7) % 5 < 2 ? '\r' : (i * 7) % 5 < 4 ? '\r\n' : '\n')],
  ];
  const texts = articles();
  it('has articles to compare', () => assert.ok(texts.length >= 5));
  for (const [file, lfText] of texts) {
    it(`${file}: same spans under every convention`, () => {
      const expected = mapped(analyze(lfText), (o) => o);
      for (const [name, pick] of conventions) {
        const variant = withBreaks(lfText, pick);
        assert.deepEqual(mapped(analyzeChecked(variant.text), variant.toLf), expected, name);
      }
    });
  }
  it('a CR-only article keeps its quotes and its clean text', () => {
    const lfText = `Budget talks resume\n\n${BODY}\n\nShare this article\n`;
    const cr = lfText.replace(/\n/g, '\r');
    const a = analyzeChecked(cr);
    assert.equal(a.quotes.length, 1);
    assert.equal(cr.slice(a.quotes[0]?.start, a.quotes[0]?.end), 'We are confident that the plan will pass,');
    assert.ok(a.noise.length < 3, 'not one boilerplate line');
    const clean = cleanText(cr, a.noise);
    assert.ok(clean.includes('We are confident'));
    assert.ok(!clean.includes('Share this article'));
    assert.ok(!clean.includes('\n'), 'keeps the CR convention');
  });
});

describe('adversarial input: spans never cut a grapheme cluster', () => {
  const cases: [string, string, string][] = [
    ['a decomposed accent in a name', '“We will win,” said Jose\u0301 Ortega.', 'Jose\u0301 Ortega'],
    ['a decomposed accent ending a surname', '“We will win,” said Maria Jose\u0301.', 'Maria Jose\u0301'],
    ['stacked combining marks (zalgo)', '“We will win,” said Jo\u0301\u0302\u0303\u0304\u0305se Ortega\u0301\u0300\u0301.', 'Jo\u0301\u0302\u0303\u0304\u0305se Ortega\u0301\u0300\u0301'],
    ['a Devanagari vowel sign', '“We will win,” said Anil Kuma\u093E\u0930.', ''],
  ];
  for (const [name, text, speaker] of cases) {
    it(name, () => {
      const a = analyzeChecked(text);
      if (speaker) assert.equal(a.speakers[0]?.mentions[0]?.text, speaker);
    });
  }
  const shapes: [string, string][] = [
    ['a combining mark right after the opening mark', '“\u0301We will win,” said Jose\u0301 Ortega.'],
    ['an emoji with a skin tone closing a quote', '“We will win 👍🏽,” said Ana Lima.'],
    ['a ZWJ family emoji in a quote', '“We will win 👨‍👩‍👧,” said Ana Lima.'],
    ['flags and variation selectors', '“We will win 🇫🇷🇩🇪 ✌️,” said Ana Lima.'],
    ['a ZWJ right after the opening mark', '“\u200DWe will win,” said Ana Lima.'],
    ['combining marks on the closing mark', '“We will win,”\u0301\u0302 said Ana Lima.'],
    ['a lone surrogate in a name', '“We will win,” said Ana \uD800Lima.'],
  ];
  for (const [name, text] of shapes) {
    it(name, () => {
      analyzeChecked(text);
      analyzeChecked(text.repeat(4_000));
    });
  }
  it('100,000 combining marks in a row stay linear', () => {
    analyzeChecked(`“We will win,” said Jose${'\u0301'.repeat(100_000)} Ortega.`);
  });
});
