import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyze, analyzeArticle } from '../../../../src/core/analysis/analyze';
import type { TextChange } from '../../../../src/core/analysis/editMap';
import { LiveAnalysis } from '../../../../src/core/analysis/liveAnalysis';
import { seedArticles } from '../../support/fixtureFiles';
import { archiveFixture } from '../archive/archiveFixtures';

const apply = (text: string, c: TextChange): string => text.slice(0, c.start) + c.text + text.slice(c.end);

/** Snippets a person might type or paste: quotes, cues, names, paragraph breaks, quote marks alone. */
const SNIPPETS = ['“We will fight on,” said Jane Doe.', ' he said', '\n\n', '"', '”', 'Officials said ', 'x', '', ' — ', '“Never,” she added.\n\n'];

describe('LiveAnalysis: a document edited while full analyses run elsewhere', () => {
  const texts = [...seedArticles().slice(0, 4).map((s) => s.text), archiveFixture('lexisnexis'), archiveFixture('factiva')];

  it('after any edits and stale full results, the last full result brought forward equals a from-scratch analysis (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 40 }), snippet: fc.nat({ max: SNIPPETS.length - 1 }), fullOf: fc.option(fc.nat({ max: 4 })) }), { minLength: 1, maxLength: 8 }),
        (which, steps) => {
          let text = texts[which] ?? '';
          const versions: string[] = [text];
          const live = new LiveAnalysis(0, analyzeArticle);
          live.full(0, analyze(text), text);
          for (const [i, step] of steps.entries()) {
            const start = Math.floor(step.at * text.length);
            const change = { start, end: Math.min(text.length, start + step.del), text: SNIPPETS[step.snippet] ?? '' };
            text = apply(text, change);
            versions.push(text);
            live.edited(i + 1, [change]);
            // A full analysis of some earlier version arrives late; it is brought forward, never shown as it was.
            if (step.fullOf !== null) {
              const v = Math.max(0, i + 1 - step.fullOf);
              live.full(v, analyze(versions[v] ?? ''), text);
            }
            const now = live.current(text);
            assert.ok(now && now.version === i + 1);
            for (const q of now.analysis.quotes) assert.ok(q.end <= text.length);
          }
          const last = steps.length;
          // Taken unless the loop's last step already delivered this very version.
          assert.equal(live.full(last, analyze(text), text), steps[steps.length - 1]?.fullOf !== 0);
          const final = live.current(text);
          assert.ok(final?.exact);
          assert.deepEqual(final.analysis, analyze(text));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a full result older than one it already took', () => {
    const text = texts[0] ?? '';
    const live = new LiveAnalysis(0, analyzeArticle);
    live.edited(1, [{ start: 0, end: 0, text: 'A' }]);
    const newer = `A${text}`;
    assert.ok(live.full(1, analyze(newer), newer));
    assert.equal(live.full(0, analyze(text), newer), false);
    assert.equal(live.current(newer)?.exact, true);
  });

  it('keeps a partial first answer until a full one arrives, and moves it with the edits', () => {
    const text = texts[1] ?? '';
    const live = new LiveAnalysis(3, analyzeArticle);
    assert.equal(live.current(text), undefined);
    const head = analyzeArticle(text.slice(0, 2000));
    live.partial(3, head);
    live.edited(4, [{ start: 0, end: 0, text: 'Breaking: ' }]);
    const edited = `Breaking: ${text}`;
    const now = live.current(edited);
    assert.ok(now && !now.complete && now.version === 4);
    for (const q of now.analysis.quotes) assert.equal(edited.slice(q.start, q.end), text.slice(q.start - 10, q.end - 10));
    assert.ok(live.full(4, analyze(edited), edited));
    assert.equal(live.current(edited)?.complete, true);
  });
  it('keeps the quick answer of an export when the full analysis equals it, and takes the full one when it differs', () => {
    const text = archiveFixture('lexisnexis');
    const live = new LiveAnalysis(0, analyzeArticle);
    live.full(0, analyze(text), text);
    const second = live.current(text)?.analysis.articles?.[1];
    assert.ok(second);
    const at = text.indexOf(' ', second.bodyStart + 10) + 1;
    const typed = `${text.slice(0, at)}x${text.slice(at)}`;
    live.edited(1, [{ start: at, end: at, text: 'x' }]);
    const quick = live.current(typed);
    assert.ok(quick && !quick.exact);
    assert.ok(live.full(1, analyze(typed), typed));
    const exact = live.current(typed);
    assert.equal(exact?.analysis, quick.analysis, 'the same object: nothing to repaint');
    assert.equal(exact?.exact, true);
    // A separator typed before the second article's marker: only the full analysis sees the new split.
    const marker = typed.lastIndexOf('\n', second.start);
    const split = `${typed.slice(0, marker)}\n\n9 of 9 DOCUMENTS\n${typed.slice(marker)}`;
    live.edited(2, [{ start: marker, end: marker, text: '\n\n9 of 9 DOCUMENTS\n' }]);
    const beforeFull = live.current(split);
    const full = analyze(split);
    assert.ok(live.full(2, full, split));
    assert.equal(live.current(split)?.analysis, full);
    assert.notDeepEqual(beforeFull?.analysis, full);
  });
});
