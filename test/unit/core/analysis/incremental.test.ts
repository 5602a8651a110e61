import * as assert from 'node:assert/strict';
import { analyze, analyzeArticle } from '../../../../src/core/analysis/analyze';
import type { TextChange } from '../../../../src/core/analysis/editMap';
import { EditMap } from '../../../../src/core/analysis/editMap';
import { reanalyze } from '../../../../src/core/analysis/incremental';
import type { Analysis } from '../../../../src/core/analysis/types';
import { seedArticles } from '../../support/fixtureFiles';
import type { FixtureName } from '../archive/archiveFixtures';
import { archiveFixture, offsetOf } from '../archive/archiveFixtures';

function edited(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

/** What a person sees of an analysis: each quote's text with its speaker's name, the cues, the boilerplate lines. */
function seen(a: Analysis, text: string): { quotes: string[]; cues: string[]; noise: string[] } {
  const name = (id: string | null): string => a.speakers.find((s) => s.id === id)?.name ?? '-';
  return {
    quotes: a.quotes.map((q) => `${q.start}:${text.slice(q.start, q.end)} <${name(q.speakerId)}>`),
    cues: a.cues.map((c) => `${c.start}:${c.text}`),
    noise: a.noise.map((n) => `${n.start}:${n.kind}`),
  };
}

function assertWellFormed(a: Analysis, text: string): void {
  let last = -1;
  for (const q of a.quotes) {
    assert.ok(q.start >= last && q.start <= q.end && q.end <= text.length, `quote ${q.start}-${q.end} in order and inside the text`);
    last = q.end;
    if (q.speakerId !== null) assert.ok(a.speakers.some((s) => s.id === q.speakerId), `speaker ${q.speakerId} listed`);
  }
  for (const n of a.noise) assert.ok(n.start <= n.end && n.end <= text.length);
  assert.deepEqual([...a.noise].sort((x, y) => x.start - y.start), [...a.noise]);
}

describe('reanalyze: one long article, a window of paragraphs around the edit', () => {
  const seeds = seedArticles().filter((s) => analyze(s.text).quotes.length >= 3);

  it('finds a quote typed in a new paragraph, with its speaker, and keeps everything else as it was', () => {
    for (const seed of seeds.slice(0, 6)) {
      const text = seed.text;
      const before = analyze(text);
      const at = text.indexOf('\n\n', Math.floor(text.length / 2));
      if (at < 0) continue;
      const change = { start: at, end: at, text: '\n\n“We will not give up the harbour,” said Marta Kowalska, the mayor.' };
      const after = edited(text, change);
      const quick = reanalyze(before, EditMap.of([change]), after, analyzeArticle);
      assertWellFormed(quick, after);
      const typed = quick.quotes.find((q) => after.slice(q.start, q.end).includes('We will not give up'));
      assert.ok(typed, `${seed.name}: the typed quote is found`);
      assert.equal(quick.speakers.find((s) => s.id === typed.speakerId)?.name, 'Marta Kowalska');
      // Far from the edit, every quote is where a full analysis puts it.
      const full = analyze(after);
      const far = (q: { start: number }): boolean => Math.abs(q.start - at) > 20_000;
      assert.deepEqual(seen(quick, after).quotes.filter((_, i) => far(quick.quotes[i] ?? { start: at })).map((s) => s.replace(/ <.*>$/, '')), seen(full, after).quotes.filter((_, i) => far(full.quotes[i] ?? { start: at })).map((s) => s.replace(/ <.*>$/, '')));
    }
  });

  it('after a one-character edit inside a quote, agrees with a full analysis on every quote, speaker, cue and boilerplate line of the seeds', () => {
    let compared = 0;
    for (const seed of seeds) {
      const text = seed.text;
      const before = analyze(text);
      const q = before.quotes[Math.floor(before.quotes.length / 2)];
      if (!q) continue;
      const space = text.indexOf(' ', q.start + 1);
      if (space < 0 || space >= q.end) continue;
      const change = { start: space, end: space, text: 'x' };
      const after = edited(text, change);
      const quick = reanalyze(before, EditMap.of([change]), after, analyzeArticle);
      assertWellFormed(quick, after);
      assert.deepEqual(seen(quick, after), seen(analyze(after), after), seed.name);
      compared++;
    }
    assert.ok(compared >= 3, `compared ${compared} seeds`);
  });

  it('drops the quote whose marks were deleted', () => {
    const text = 'The council met on Monday.\n\n“We will rebuild the bridge,” said Anna Berg.\n\nThe work starts in May.\n';
    const before = analyze(text);
    assert.equal(before.quotes.length, 1);
    const open = text.indexOf('“');
    const change = { start: open, end: text.indexOf('”') + 1, text: 'We will rebuild the bridge,' };
    const after = edited(text, change);
    const quick = reanalyze(before, EditMap.of([change]), after, analyzeArticle);
    assert.equal(quick.quotes.length, 0);
    assert.equal(quick.speakers.length, 0);
  });
});

describe('reanalyze: an archive export, article by article', () => {
  const layouts: FixtureName[] = ['lexisnexis', 'nexis-uni', 'factiva'];
  for (const name of layouts) {
    it(`${name}: an edit inside an article re-analyses that article and equals a full analysis`, () => {
      const text = archiveFixture(name);
      const before = analyze(text);
      assert.ok((before.articles?.length ?? 0) >= 2);
      const article = before.articles?.[1];
      assert.ok(article);
      const at = text.indexOf(' the ', article.bodyStart);
      assert.ok(at > 0 && at < article.bodyEnd);
      const edits: TextChange[] = [
        { start: at, end: at + 5, text: ' a ' },
        { start: at + 1, end: at + 1, text: '“Not again,” said Tom Reed. ' },
      ];
      let after = text;
      for (const c of edits) after = edited(after, c);
      const quick = reanalyze(before, EditMap.of(edits), after, analyzeArticle);
      const full = analyze(after);
      assert.deepEqual(seen(quick, after), seen(full, after));
      assert.deepEqual(quick.speakers.map((s) => [s.id, s.name]), full.speakers.filter((s) => full.quotes.some((q) => q.speakerId === s.id)).map((s) => [s.id, s.name]));
      assert.deepEqual(quick.articles?.map((a) => [a.start, a.end, a.bodyStart, a.bodyEnd]), full.articles?.map((a) => [a.start, a.end, a.bodyStart, a.bodyEnd]));
    });
  }

  it('a pronoun typed at the start of article 2 is not resolved to a speaker of article 1', () => {
    const text = archiveFixture('lexisnexis');
    const before = analyze(text);
    const second = before.articles?.[1];
    assert.ok(second);
    const change = { start: second.bodyStart, end: second.bodyStart, text: '“It is too late,” he said.\n\n' };
    const after = edited(text, change);
    const quick = reanalyze(before, EditMap.of([change]), after, analyzeArticle);
    const q = quick.quotes.find((x) => after.slice(x.start, x.end).includes('It is too late'));
    assert.ok(q);
    const firstSpeakers = new Set(quick.quotes.filter((x) => x.end <= (quick.articles?.[0]?.end ?? 0)).map((x) => x.speakerId));
    assert.ok(q.speakerId === null || !firstSpeakers.has(q.speakerId));
    assert.ok(offsetOf(after, 'It is too late') >= (quick.articles?.[1]?.bodyStart ?? Infinity));
  });
});
