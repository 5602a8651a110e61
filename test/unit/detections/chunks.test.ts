import * as assert from 'node:assert/strict';
import { analyze, analyzeArticle } from '../../../src/core/analysis/analyze';
import { EditMap } from '../../../src/core/analysis/editMap';
import { reanalyze } from '../../../src/core/analysis/incremental';
import type { Analysis, Span } from '../../../src/core/analysis/types';
import { CHUNKS, byChunk, changedChunks, evenBounds, mergedRuns, movedBounds } from '../../../src/detections/chunks';
import { syntheticArchive } from '../../bench/syntheticArchive';

/** Quotes, cues, boilerplate and mentions: the styles a large document is painted in. */
const styles = (a: Analysis): Span[][] => [[...a.quotes], [...a.cues], [...a.noise], a.speakers.flatMap((s) => s.mentions)];

describe('chunks: a keystroke in a large export sends again only the stretch it changed', () => {
  const archive = syntheticArchive(120_000);
  const before = analyze(archive.text);
  const bounds = evenBounds(archive.text.length);
  const sent = byChunk(styles(before), bounds);

  it('cuts the text into CHUNKS stretches holding every detection once', () => {
    assert.equal(bounds.length, CHUNKS + 1);
    const count = (lists: Span[][][]): number => lists.reduce((n, c) => n + c.reduce((m, l) => m + l.length, 0), 0);
    assert.equal(count(sent), styles(before).reduce((n, l) => n + l.length, 0));
    assert.ok(sent.every((c) => c.some((l) => l.length > 0)), 'each stretch of the export has detections');
  });

  const cases: { name: string; typed: string; expected: (edited: number) => number[] }[] = [
    { name: 'a letter typed', typed: 'x', expected: (c) => [c] },
    { name: 'a new paragraph with a quote and its speaker', typed: '\n\n“We start again tomorrow,” said Rosalind Quayle.\n\n', expected: (c) => [c] },
  ];
  for (const c of cases) {
    it(`${c.name}: only the chunk of the edit changed, every other one moved with the text`, () => {
      const body = archive.bodies[Math.floor(archive.bodies.length / 2)];
      assert.ok(body);
      const at = archive.text.indexOf(' ', Math.floor((body.start + body.end) / 2)) + 1;
      const change = { start: at, end: at, text: c.typed };
      const edits = EditMap.of([change]);
      const after = archive.text.slice(0, at) + c.typed + archive.text.slice(at);
      const moved = movedBounds(bounds, edits);
      const next = byChunk(styles(reanalyze(before, edits, after, analyzeArticle)), moved);
      const edited = moved.findIndex((b, i) => b <= at && at < (moved[i + 1] ?? Infinity));
      assert.deepEqual(changedChunks(sent, next, moved, edits), c.expected(edited));
    });
  }

  it('files each span in the chunk its start lies in, whatever the order of a list (a tint lists one speaker after another)', () => {
    const b = [0, 10, 20, 30, Infinity];
    const cases: [string, number[], number[]][] = [
      // name, span starts in list order, the chunk of each
      ['sorted, one on each bound', [0, 10, 20, 30, 45], [0, 1, 2, 3, 3]],
      ['back to an earlier chunk (a second speaker of the same tint)', [25, 31, 3, 12, 29], [2, 3, 0, 1, 2]],
      ['just before each bound', [9, 19, 29, 9], [0, 1, 2, 0]],
    ];
    for (const [name, starts, chunks] of cases) {
      const spans = starts.map((start) => ({ start, end: start + 1 }));
      const filed = byChunk([spans], b);
      const found = spans.map((sp) => filed.findIndex((c) => c[0]?.includes(sp)));
      assert.deepEqual(found, chunks, name);
      assert.deepEqual(
        filed.map((c) => c[0]?.map((sp) => sp.start)),
        [0, 1, 2, 3].map((c) => starts.filter((_, i) => chunks[i] === c)),
        `${name}: each chunk keeps the list's order`,
      );
    }
  });

  it('sends every chunk that was never sent, and none when nothing changed', () => {
    assert.equal(changedChunks([], sent, bounds, EditMap.none).length, CHUNKS);
    assert.deepEqual(changedChunks(sent, byChunk(styles(before), bounds), bounds, EditMap.none), []);
  });

  it('a speaker added in an early article changes the tints of the ones after: those chunks are sent again', () => {
    const tinted = (a: Analysis): Span[][] => [0, 1, 2, 3, 4, 5].map((t) => a.speakers.filter((_, i) => i % 6 === t).flatMap((s) => s.mentions));
    const first = archive.bodies[1];
    assert.ok(first);
    const change = { start: first.start, end: first.start, text: '“We start again tomorrow,” said Rosalind Quayle.\n\n' };
    const edits = EditMap.of([change]);
    const after = archive.text.slice(0, first.start) + change.text + archive.text.slice(first.start);
    const moved = movedBounds(bounds, edits);
    const changed = changedChunks(byChunk(tinted(before), bounds), byChunk(tinted(reanalyze(before, edits, after, analyzeArticle)), moved), moved, edits);
    assert.ok(changed.length > CHUNKS / 2, `${changed.length} chunks sent again`);
  });
});

describe('chunks: runs of boilerplate lines painted as one range each', () => {
  const cases: [string, string, [number, number][], [number, number][]][] = [
    // name, text, boilerplate spans, runs
    ['lines one after another', 'Share\nTweet\nEmail\nBody.', [[0, 5], [6, 11], [12, 17]], [[0, 17]]],
    ['blank lines, tabs and CRLF between them', 'Share\r\n\r\n\t \nTweet', [[0, 5], [12, 17]], [[0, 17]]],
    ['a no-break space line between them (white space beyond ASCII)', 'Share\n\u00a0\nTweet', [[0, 5], [8, 13]], [[0, 13]]],
    ['a vertical tab and a form feed between them', 'Share\n\u000b\u000c\nTweet', [[0, 5], [9, 14]], [[0, 14]]],
    ['article text between them: two runs', 'Share\nHe said so.\nTweet', [[0, 5], [18, 23]], [[0, 5], [18, 23]]],
    ['a zero-width space is no white space', 'Share\n\u200b\nTweet', [[0, 5], [8, 13]], [[0, 5], [8, 13]]],
  ];
  for (const [name, text, spans, runs] of cases) {
    it(name, () => {
      const merged = mergedRuns(text, spans.map(([start, end]) => ({ start, end })));
      assert.deepEqual(merged.map((r) => [r.start, r.end]), runs);
    });
  }
});
