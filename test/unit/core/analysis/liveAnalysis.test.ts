import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyze, analyzeArticle } from '../../../../src/core/analysis/analyze';
import type { TextChange } from '../../../../src/core/analysis/editMap';
import { LiveAnalysis, type ArrivedAnalysis } from '../../../../src/core/analysis/liveAnalysis';
import type { Analysis, ArticleScope } from '../../../../src/core/analysis/types';
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
  /** An export fully analysed at version 0, and where typing "x" in its second article's body puts it (not yet told to `live`). */
  function typedInSecondBody(): { live: LiveAnalysis; second: ArticleScope; at: number; typed: string } {
    const text = archiveFixture('lexisnexis');
    const live = new LiveAnalysis(0, analyzeArticle);
    live.full(0, analyze(text), text);
    const second = live.current(text)?.analysis.articles?.[1];
    assert.ok(second);
    const at = text.indexOf(' ', second.bodyStart + 10) + 1;
    return { live, second, at, typed: `${text.slice(0, at)}x${text.slice(at)}` };
  }

  it('keeps the quick answer of an export when the full analysis equals it, and takes the full one when it differs', () => {
    const { live, second, at, typed } = typedInSecondBody();
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

  /** A full analysis as the worker delivers it, counting how often its detections are read. */
  function arrivedOf(analysis: Analysis, reads: { count: number }): ArrivedAnalysis {
    return {
      articles: analysis.articles,
      analysis: () => {
        reads.count++;
        return analysis;
      },
    };
  }

  it('does not read the detections of a full analysis whose articles are those of the quick answer of its version', () => {
    const { live, at, typed } = typedInSecondBody();
    live.edited(1, [{ start: at, end: at, text: 'x' }]);
    const quick = live.current(typed);
    const reads = { count: 0 };
    assert.ok(live.arrived(1, arrivedOf(analyze(typed), reads), typed));
    assert.equal(reads.count, 0);
    const now = live.current(typed);
    assert.equal(now?.analysis, quick?.analysis, 'the same object: nothing to repaint');
    assert.ok(now?.exact && now.complete);
    assert.deepEqual(now.analysis, analyze(typed));
    // Typed on while that analysis ran: the answer shown stays, not yet exact, and the next full one makes it so.
    live.edited(2, [{ start: at, end: at, text: 'y' }]);
    const later = `${typed.slice(0, at)}y${typed.slice(at)}`;
    const shown = live.current(later);
    live.edited(3, [{ start: at, end: at, text: 'z' }]);
    const latest = `${later.slice(0, at)}z${later.slice(at)}`;
    assert.ok(live.arrived(2, arrivedOf(analyze(later), reads), () => latest));
    assert.equal(reads.count, 0);
    assert.equal(live.current(latest)?.exact, false);
    assert.notEqual(live.current(latest)?.analysis, shown?.analysis);
    assert.ok(live.arrived(3, arrivedOf(analyze(latest), reads), latest));
    assert.equal(reads.count, 0);
    assert.ok(live.current(latest)?.exact);
    assert.deepEqual(live.current(latest)?.analysis, analyze(latest));
  });

  it('does not read the detections either when no quick answer was asked for the version analysed (the editor hidden, typing paused before a repaint)', () => {
    const { live, at, typed } = typedInSecondBody();
    const again = `${typed.slice(0, at + 1)}y${typed.slice(at + 1)}`;
    live.edited(1, [{ start: at, end: at, text: 'x' }]);
    live.edited(2, [{ start: at + 1, end: at + 1, text: 'y' }]);
    const reads = { count: 0 };
    assert.ok(live.arrived(2, arrivedOf(analyze(again), reads), () => again));
    assert.equal(reads.count, 0);
    const now = live.current(again);
    assert.ok(now?.exact && now.complete && now.version === 2);
    assert.deepEqual(now.analysis, analyze(again));
  });

  it('reads the detections when an edit touched text outside the articles\' bodies (a metadata line)', () => {
    const text = archiveFixture('lexisnexis');
    const live = new LiveAnalysis(0, analyzeArticle);
    live.full(0, analyze(text), text);
    const at = text.indexOf('LENGTH:') + 'LENGTH:'.length;
    assert.ok(at > 'LENGTH:'.length);
    const typed = `${text.slice(0, at)} 1${text.slice(at)}`;
    live.edited(1, [{ start: at, end: at, text: ' 1' }]);
    live.current(typed);
    const reads = { count: 0 };
    assert.ok(live.arrived(1, arrivedOf(analyze(typed), reads), typed));
    assert.equal(reads.count, 1);
    assert.deepEqual(live.current(typed)?.analysis, analyze(typed));
  });

  it('names the articles to expect only while its quick answer vouches for them, and takes a full analysis without detections only where it vouches', () => {
    const { live, at, typed } = typedInSecondBody();
    live.edited(1, [{ start: at, end: at, text: 'x' }]);
    assert.equal(live.soundArticles(1), undefined, 'no quick answer for version 1 yet');
    const articlesNow = live.soundArticles(1, typed);
    const quick = live.current(typed);
    // The worker compares the two as JSON: the same text, not only the same data.
    assert.equal(JSON.stringify(articlesNow), JSON.stringify(analyze(typed).articles));
    assert.equal(JSON.stringify(live.soundArticles(1)), JSON.stringify(analyze(typed).articles));
    // The worker found those articles and left the detections out: taken, nothing read, exact.
    const left = { articles: analyze(typed).articles, analysis: () => undefined };
    assert.ok(live.arrived(1, left, typed));
    assert.equal(live.current(typed)?.analysis, quick?.analysis);
    assert.ok(live.current(typed)?.exact);
  });

  it('refuses a full analysis without detections where its articles differ from the quick answer, and takes the same version again with them', () => {
    const { live, at, typed } = typedInSecondBody();
    live.edited(1, [{ start: at, end: at, text: 'x' }]);
    live.current(typed);
    // A separator typed meanwhile cut the text otherwise: the articles the worker found are not those expected.
    const marker = typed.lastIndexOf('\n', at);
    const split = `${typed.slice(0, marker)}\n\n9 of 9 DOCUMENTS\n${typed.slice(marker)}`;
    live.edited(2, [{ start: marker, end: marker, text: '\n\n9 of 9 DOCUMENTS\n' }]);
    assert.equal(live.soundArticles(2, split), undefined, 'a separator typed inside a body: the splice vouches for nothing');
    const found = analyze(split);
    assert.equal(live.arrived(2, { articles: found.articles, analysis: () => undefined }, split), false);
    assert.equal(live.current(split)?.exact, false, 'nothing taken');
    const reads = { count: 0 };
    assert.ok(live.arrived(2, arrivedOf(found, reads), split), 'the same version, detections included, is still taken');
    assert.equal(reads.count, 1);
    assert.deepEqual(live.current(split)?.analysis, found);
    assert.ok(live.current(split)?.exact);
  });

  it('typing anywhere in an export, with full analyses arriving late: what is shown ends equal to a full analysis, read or not (property)', () => {
    const exports = [archiveFixture('lexisnexis'), archiveFixture('factiva'), archiveFixture('nexis-uni')];
    let skipped = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: exports.length - 1 }),
        // Places spread evenly over the text (a generated double clusters at its bounds, outside any body).
        fc.array(fc.record({ at: fc.nat({ max: 9_999 }), del: fc.nat({ max: 6 }), snippet: fc.nat({ max: SNIPPETS.length - 1 }), fullOf: fc.option(fc.nat({ max: 3 })) }), { minLength: 1, maxLength: 10 }),
        (which, steps) => {
          let text = exports[which] ?? '';
          const versions: string[] = [text];
          const live = new LiveAnalysis(0, analyzeArticle);
          live.full(0, analyze(text), text);
          const reads = { count: 0 };
          let arrivals = 0;
          for (const [i, step] of steps.entries()) {
            const start = Math.floor((step.at / 10_000) * text.length);
            const change = { start, end: Math.min(text.length, start + step.del), text: SNIPPETS[step.snippet] ?? '' };
            text = apply(text, change);
            versions.push(text);
            live.edited(i + 1, [change]);
            live.current(text);
            if (step.fullOf !== null) {
              const v = Math.max(0, i + 1 - step.fullOf);
              if (live.arrived(v, arrivedOf(analyze(versions[v] ?? ''), reads), text)) arrivals++;
            }
          }
          live.current(text);
          if (live.arrived(steps.length, arrivedOf(analyze(text), reads), text)) arrivals++;
          skipped += arrivals - reads.count;
          const final = live.current(text);
          assert.ok(final?.exact);
          assert.deepEqual(final.analysis, analyze(text));
        },
      ),
      { numRuns: 60 },
    );
    assert.ok(skipped > 0, 'some full analyses were taken without reading their detections');
  });
});
