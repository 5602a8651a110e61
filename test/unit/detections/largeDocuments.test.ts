import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { lastAtOrBefore } from '../../../src/core/text/sortedSearch';
import type { AnalysisOutcome, BackgroundAnalyzer } from '../../../src/detections/backgroundAnalyzer';
import { AnalysisFailedError, LargeDocuments, viewportEnd, viewportStart } from '../../../src/detections/largeDocuments';

/** A stand-in for a TextDocument of `text` (LF line ends): what LargeDocuments reads of one. */
function fakeDoc(text: string, version = 1): vscode.TextDocument {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineEnd = (l: number): number => (l + 1 < lineStarts.length ? (lineStarts[l + 1] ?? 0) - 1 : text.length);
  const positionAt = (o: number): { line: number; character: number } => {
    const line = lastAtOrBefore(lineStarts, o);
    return { line, character: o - (lineStarts[line] ?? 0) };
  };
  return {
    uri: { toString: () => 'file:///big.txt' },
    version,
    isClosed: false,
    lineCount: lineStarts.length,
    lineAt: (l: number) => ({ range: { end: positionAt(lineEnd(l)) } }),
    offsetAt: (p: { line: number; character: number }) => (lineStarts[p.line] ?? 0) + p.character,
    getText: () => text,
  } as unknown as vscode.TextDocument;
}

/** An analyzer whose every request answers `outcome` (a failure, or never), counting the requests. */
function analyzerAnswering(outcome: () => Promise<AnalysisOutcome>): BackgroundAnalyzer & { asked: number } {
  const analyzer = {
    asked: 0,
    analyze: () => {
      analyzer.asked++;
      return outcome();
    },
    isBusyWith: () => false,
    cancel: () => undefined,
  };
  return analyzer as unknown as BackgroundAnalyzer & { asked: number };
}

const visibleTop = [{ start: { line: 0, character: 0 }, end: { line: 0, character: 200 } }] as unknown as vscode.Range[];

describe('LargeDocuments: the quick first answer of a large document', () => {
  const cases: [string, string, number, number][] = [
    // name, text, offset, the start taken
    ['a start inside a short line moves back to the line', 'ab\ncdef', 5, 3],
    ['a start at a line start stays', 'ab\ncdef', 3, 3],
    ['the text start stays', 'abc', 0, 0],
  ];
  for (const [name, text, at, expected] of cases) it(`viewportStart: ${name}`, () => assert.equal(viewportStart(text, at), expected));

  it('viewportStart and viewportEnd take whole lines when near, and cut a line far longer at a space near the bound', () => {
    const line = 'word '.repeat(40_000); // 200,000 characters, no line break
    const start = viewportStart(line, 100_002);
    assert.ok(start > 100_002 && start <= 100_007 && line[start - 1] === ' ', `start ${start}`);
    const end = viewportEnd(line, 150_002);
    assert.ok(end < 150_002 && end >= 150_002 - 6 && line[end] === ' ', `end ${end}`);
    const lines = 'short line\n'.repeat(20);
    assert.equal(viewportEnd(lines, 25), lines.indexOf('\n', 25));
    assert.equal(viewportEnd(lines, lines.length), lines.length);
    // No space at all within reach: cut at the bound itself.
    const solid = 'x'.repeat(100_000);
    assert.equal(viewportStart(solid, 50_000), 50_000);
    assert.equal(viewportEnd(solid, 60_000), 60_000);
  });

  it('analyses the visible part and a margin only, even when the document is one long line', () => {
    const sentence = 'Lavrov said the “ceasefire” would mean surrender, officials said. ';
    const text = sentence.repeat(Math.ceil(2_000_000 / sentence.length));
    const doc = fakeDoc(text);
    const analyzer = analyzerAnswering(() => new Promise(() => undefined));
    const large = new LargeDocuments({ analyzer, separatorOf: () => undefined, visibleRanges: () => visibleTop, changed: () => undefined });
    const first = large.current(doc);
    assert.equal(analyzer.asked, 1, 'the full analysis is asked of the worker');
    assert.equal(first.complete, false);
    assert.ok(first.analysis.quotes.length > 0, 'the visible part has its quotes at once');
    const last = Math.max(...first.analysis.quotes.map((q) => q.end));
    assert.ok(last <= 70_000, `the first answer reached offset ${last} of ${text.length}`);
  });
});

describe('LargeDocuments: a full analysis that fails', () => {
  const text = 'Officials said on Monday that the budget would be presented to parliament.\n\n'.repeat(3000);

  it('tells whoever waits for the whole document why, instead of leaving them waiting', async () => {
    const doc = fakeDoc(text);
    const analyzer = analyzerAnswering(() => Promise.resolve({ failed: 'Invalid string length' }));
    let changed = 0;
    const large = new LargeDocuments({ analyzer, separatorOf: () => undefined, visibleRanges: () => [], changed: () => changed++ });
    large.current(doc);
    const waited = large.whenComplete(doc);
    await assert.rejects(waited, (e: unknown) => e instanceof AnalysisFailedError && e.message === 'Invalid string length');
    assert.equal(large.failure(doc), 'Invalid string length');
    assert.equal(changed, 1, 'what is shown is told of the failure (the status bar says so)');
    // Asked after the failure: told at once.
    await assert.rejects(large.whenExact(doc), AnalysisFailedError);
  });

  it('tries again after an edit, stops trying on edits after two failures in a row, and tries again on save', async () => {
    let version = 1;
    const docAt = (): vscode.TextDocument => fakeDoc(text, version);
    const analyzer = analyzerAnswering(() => Promise.resolve({ failed: 'out of memory' }));
    const large = new LargeDocuments({ analyzer, separatorOf: () => undefined, visibleRanges: () => [], changed: () => undefined });
    large.current(docAt());
    await assert.rejects(large.whenComplete(docAt()), AnalysisFailedError);
    const edit = (): void => {
      version++;
      large.edited({ document: docAt(), contentChanges: [{ rangeOffset: 0, rangeLength: 0, text: '' }] } as unknown as vscode.TextDocumentChangeEvent);
    };
    edit();
    assert.equal(large.failure(docAt()), undefined, 'an edit clears the failure: a new analysis is on its way');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(analyzer.asked, 2, 'the edit asked again once typing paused');
    assert.equal(large.failure(docAt()), 'out of memory');
    edit();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(analyzer.asked, 2, 'no third try');
    assert.equal(large.retriesOnEdit(docAt()), false);
    await assert.rejects(large.whenComplete(docAt()), AnalysisFailedError);
    large.saved(docAt());
    assert.equal(analyzer.asked, 3, 'saving tries again');
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(large.failure(docAt()), 'out of memory');
    large.clear();
  });
});
