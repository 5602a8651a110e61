import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { buildReport, REPORT_LIMITS } from '../../../../src/core/report/reportData';
import type { ArticleTagging } from '../../../../src/core/report/tagging';
import { articleTagging } from '../../../../src/core/report/tagging';
import { seedArticles } from '../../support/fixtureFiles';
import { seedSummaries, withSpeakers } from '../corpus/corpusFixtures';
import { ARTICLES, fixtureSummaries, sha256, sidecarFor, tagAt } from './reportFixtures';

describe('report data', () => {
  describe('on a corpus counted by hand', () => {
    const report = buildReport(fixtureSummaries(), []);

    it('counts articles and quotes', () => {
      assert.equal(report.articles, 3);
      assert.equal(report.quotes, 5);
    });

    it('ranks voices by quotes, with the articles quoting them and every quote', () => {
      assert.deepEqual(
        report.voices.map((v) => [v.name, v.kind, v.quotes, v.articles]),
        [
          ['Maria Lopez', 'person', 4, 3],
          ['National Weather Service', 'organisation', 1, 1],
        ],
      );
      const lopez = report.voices[0];
      assert.deepEqual(lopez?.places.map((p) => p.path), ['siteA/a1.txt', 'siteA/a1.txt', 'siteA/a2.txt', 'siteB/b1.txt']);
      for (const p of lopez?.places ?? []) assert.equal(ARTICLES[p.path as keyof typeof ARTICLES].slice(p.start, p.end), p.text);
    });

    it('sums each folder: quotes, the share with a speaker, the boilerplate share', () => {
      // siteA: 7 comparable lines (4 + 3), of which the two "Share this article" lines are boilerplate.
      assert.deepEqual(report.outlets, [
        { name: 'siteA', by: 'folder', articles: 2, quotes: 3, attributedShare: 1, boilerplateShare: 2 / 7 },
        { name: 'siteB', by: 'folder', articles: 1, quotes: 2, attributedShare: 1, boilerplateShare: 0 },
      ]);
    });

    it('lists the statement three articles of two outlets quote, with the reworded version', () => {
      assert.equal(report.statements.length, 1);
      const s = report.statements[0];
      assert.equal(s?.articles, 3);
      assert.equal(s?.outlets, 2);
      assert.deepEqual(s?.versions.map((v) => [v.folder, v.relation]), [
        ['siteA', 'identical'],
        ['siteA', 'identical'],
        ['siteB', 'reworded'],
      ]);
      assert.deepEqual(s?.versions[2]?.changes, [{ removed: '', added: 'the' }]);
    });
  });

  describe('on the seeds', () => {
    const summaries = seedSummaries();
    const report = buildReport(summaries, []);
    const seeds = new Map(seedArticles().map((a) => [a.name, a.text]));

    it('agrees with the analysis of each seed', () => {
      const analyses = seedArticles().map((a) => analyze(a.text));
      assert.equal(report.articles, 5);
      assert.equal(report.quotes, analyses.reduce((n, a) => n + a.quotes.length, 0));
      const outlet = report.outlets[0];
      assert.equal(report.outlets.length, 1);
      assert.equal(outlet?.quotes, report.quotes);
      const attributed = analyses.reduce((n, a) => n + a.quotes.filter((q) => q.speakerId !== null).length, 0);
      assert.equal(outlet?.attributedShare, attributed / report.quotes);
    });

    it('puts Sergei Lavrov first, and every listed quote is his words in the article', () => {
      const top = report.voices[0];
      assert.equal(top?.name, 'Sergei Lavrov');
      assert.equal(top?.articles, 5);
      assert.equal(top?.places.length, top?.quotes);
      for (const p of top?.places ?? []) assert.equal(seeds.get(p.path)?.slice(p.start, p.end).slice(0, REPORT_LIMITS.placeText), p.text);
      assert.ok(report.voices.every((v, i, all) => i === 0 || (all[i - 1]?.quotes ?? 0) >= v.quotes));
    });

    it('finds statements shared by several seeds, most outlets then most articles first', () => {
      assert.ok(report.statements.length >= 1);
      for (const s of report.statements) {
        assert.ok(s.articles >= 2);
        assert.equal(new Set(s.versions.map((v) => v.path)).size <= s.articles, true);
      }
    });
  });

  describe('tagging progress', () => {
    const a1 = ARTICLES['siteA/a1.txt'];
    const a2 = ARTICLES['siteA/a2.txt'];
    const FIVE = 'Officials said on Monday that the fuel tax would rise by 5 percent next year.';
    const budget = `Budget outlook\n${FIVE}\nOpposition members called the plan unfair to rural drivers.\nOfficials said on Monday that the fuel tax would rise by 6 percent next year.\nA vote is expected in March.\n`;

    function tagging(): ArticleTagging[] {
      const first = sidecarFor(a1, [tagAt(a1, 'We will rebuild the old bridge before winter comes,', 'quote', 'alice'), tagAt(a1, 'Council news', 'headline', 'bob'), { ...tagAt(a1, 'Lopez', 'speaker', 'alice'), status: 'rejected' }], [{ kind: 'quote', passage: 'The budget is balanced for the first time in ten years,' }]);
      // Tagged on an older text (with a near-duplicate line, so a reworded passage is not sure to be found): one passage is still there, one was reworded (flagged), one is gone (orphaned).
      const older = `${budget}Old closing line of the article.\n`;
      const second = sidecarFor(older, [tagAt(older, FIVE, 'claim', 'alice'), tagAt(older, 'Old closing line of the article.', 'claim', 'bob'), tagAt(older, 'A vote is expected in March.', 'claim', 'alice')]);
      const current = budget.replace('5 percent', 'five per cent');
      return [articleTagging('siteA/a1.txt', first, a1, sha256(a1), 'x.txt'), articleTagging('siteA/a2.txt', second, current, sha256(current), 'x.txt'), articleTagging('siteB/b1.txt', 'version: 1\nannotations: [\n', a2, sha256(a2))];
    }

    const t = buildReport(fixtureSummaries(), tagging()).tagging;

    it('counts tagged and untagged articles (an unreadable sidecar tags nothing)', () => {
      assert.equal(t.tagged, 2);
      assert.equal(t.untagged, 1);
    });

    it('counts tags per label and per author, leaving out rejected tags', () => {
      assert.deepEqual(t.byLabel, [
        { name: 'claim', count: 3 },
        { name: 'headline', count: 1 },
        { name: 'quote', count: 1 },
      ]);
      assert.deepEqual(t.byAuthor, [
        { name: 'alice', count: 3 },
        { name: 'bob', count: 2 },
      ]);
    });

    it('lists the flagged and the orphaned tag with where they are', () => {
      assert.deepEqual(t.flagged.map((g) => [g.path, g.label, g.author]), [['siteA/a2.txt', 'claim', 'alice']]);
      assert.match(t.flagged[0]?.text ?? '', /^Officials said on Monday that the fuel tax would rise by/);
      assert.deepEqual(t.orphaned.map((g) => [g.path, g.text]), [['siteA/a2.txt', 'Old closing line of the article.']]);
    });

    it('counts accepted detections (tags with a detection label) and rejected ones', () => {
      assert.equal(t.accepted, 1);
      assert.equal(t.rejected, 1);
    });

    it('names an unreadable sidecar with the line of its error', () => {
      assert.equal(t.unreadable.length, 1);
      assert.equal(t.unreadable[0]?.path, 'siteB/b1.txt');
      assert.match(t.unreadable[0]?.error ?? '', /^line \d+: /);
    });
  });

  it('bounds the lists of a huge corpus while the counts stay exact', () => {
    const names = Array.from({ length: REPORT_LIMITS.voices + 50 }, (_, i) => `Person Number${i} Smith${i}`);
    const summaries = Array.from({ length: 3 }, (_, i) => withSpeakers(`a${i}.txt`, names));
    const report = buildReport(summaries, []);
    assert.equal(report.voices.length, REPORT_LIMITS.voices);
    assert.equal(report.quotes, 3 * names.length);
  });
});
