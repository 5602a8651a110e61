import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { allArticleViews, articleViewAt, articleViews, speakerInView } from '../../../../src/core/corpus/articleViews';
import { parseCorpusCache, serialiseCorpusCache } from '../../../../src/core/corpus/cacheFile';
import { CorpusIndex } from '../../../../src/core/corpus/corpusIndex';
import { corpusReport } from '../../../../src/core/corpus/report';
import { findRepeatedLines } from '../../../../src/core/corpus/repeatedLines';
import type { ArticleSummary } from '../../../../src/core/corpus/summary';
import { summariseArticle } from '../../../../src/core/corpus/summary';
import type { FixtureName } from '../archive/archiveFixtures';
import { archiveFixture, offsetOf } from '../archive/archiveFixtures';
import { COUNCIL_EXPORT, lexisNexisExport } from '../archive/lexisNexisExport';
import { summariseText } from './corpusFixtures';

const summaryOf = (path: string, text: string, folder = 'exports'): ArticleSummary => summariseArticle(text, analyze(text), { path, folder });

describe('articles of an archive export in the corpus', () => {
  const layouts: [FixtureName, string[]][] = [
    ['lexisnexis', ['Council approves new sea wall after two-year dispute', 'Rail operator fined over winter cancellations', 'Fishing fleet returns early as storm approaches']],
    ['nexis-uni', ['Wind farm plan clears final hurdle', 'Hospital waiting lists fall for third month']],
    ['factiva', ['Central bank holds rates steady amid slowing inflation', 'Port strike ends after pay deal', 'Heatwave warning issued for southern regions']],
  ];
  for (const [name, headlines] of layouts) {
    describe(name, () => {
      const text = archiveFixture(name);
      const file = summaryOf(`exports/${name}.txt`, text);
      const views = articleViews(file);

      it('gives one summary per article, named file#N, with its headline and fields', () => {
        assert.deepEqual(views.map((v) => v.path), headlines.map((_, i) => `exports/${name}.txt#${i + 1}`));
        assert.deepEqual(views.map((v) => v.origin?.headline), headlines);
        for (const v of views) {
          assert.equal(v.origin?.file, `exports/${name}.txt`);
          assert.ok(v.origin?.fields.source && v.origin.fields.date, `${v.path} has a source and a date`);
          assert.ok(text.slice(v.origin.start, v.origin.end).includes(v.origin.headline ?? '?'));
        }
      });

      it('shares out the quotes and speakers: each in its own article, none lost, offsets those of the file', () => {
        assert.equal(views.reduce((n, v) => n + v.quotes.length, 0), file.quotes.length);
        assert.equal(views.reduce((n, v) => n + v.speakers.length, 0), file.speakers.filter((s) => s.article !== undefined).length);
        for (const v of views) {
          for (const q of v.quotes) {
            assert.ok(v.origin && q.start >= v.origin.start && q.end <= v.origin.end, `${v.path}: quote at ${q.start}`);
            assert.equal(text.slice(q.start, q.end), q.text);
            if (q.speaker !== null) assert.ok(v.speakers[q.speaker], `${v.path}: the quote's speaker is one of its own`);
          }
        }
      });

      it('finds the article at an offset, and the article view of a speaker of the file', () => {
        const last = views.at(-1);
        assert.equal(articleViewAt(file, last?.origin?.start ?? -1)?.path, last?.path);
        file.speakers.forEach((s, i) => {
          const view = speakerInView(file, i);
          const article = views.find((v) => v.path === view?.path);
          assert.equal(article?.speakers[view?.index ?? -1]?.name, s.name);
        });
      });
    });
  }

  it('keeps an ordinary article one summary under its own path', () => {
    const plain = summaryOf('plain.txt', archiveFixture('ordinary-end-of-document'));
    assert.equal(plain.articles, undefined);
    assert.deepEqual(articleViews(plain), [plain]);
    assert.deepEqual(speakerInView(plain, 0), { path: 'plain.txt', index: 0 });
  });

  describe('counted as articles across the corpus', () => {
    const exportText = lexisNexisExport(COUNCIL_EXPORT);
    const summaries = [summaryOf('exports/council.txt', exportText), summariseText('web/abernethy.txt', 'Sea wall\n\n“Nobody on the eastern shore should fear the next winter storm,” said Ruth Abernethy.\n')];

    it('counts people in the articles that quote them, not the files', () => {
      const report = corpusReport(summaries);
      assert.equal(report.articles, 4);
      const abernethy = report.people.find((p) => /Abernethy/.test(p.name));
      assert.deepEqual(abernethy?.articles, ['exports/council.txt#1', 'exports/council.txt#3', 'web/abernethy.txt']);
    });

    it('finds one statement quoted in three articles, two of them in one export', () => {
      const group = corpusReport(summaries).quoteGroups.find((g) => g.versions.some((v) => v.text.includes('fear the next winter storm')));
      assert.equal(group?.articles, 3);
      assert.deepEqual(group?.versions.map((v) => v.path).sort(), ['exports/council.txt#1', 'exports/council.txt#3', 'web/abernethy.txt']);
    });

    it('answers for articles and files alike in the index, and searches name the article', () => {
      const index = new CorpusIndex();
      for (const s of summaries) index.set(s);
      assert.equal(index.articleCount, 4);
      assert.equal(index.size, 2);
      assert.equal(index.get('exports/council.txt#3')?.origin?.headline, 'Sea wall works begin on the eastern shore');
      assert.equal(index.get('exports/council.txt')?.articles?.length, 3);
      assert.equal(index.get('exports/council.txt#4'), undefined);
      const hits = index.quoteSearch().search({ words: 'boardroom' });
      assert.deepEqual(hits.map((h) => h.path), ['exports/council.txt#2']);
      index.delete('exports/council.txt');
      assert.equal(index.articleCount, 1);
      assert.equal(index.get('exports/council.txt#3'), undefined);
    });

    it('survives the saved index, articles and all', () => {
      const saved = serialiseCorpusCache(summaries.map((s) => ({ key: s.path, hash: 'h', summary: s })), 'engine');
      const parsed = parseCorpusCache(saved, 'engine');
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.articles.map((a) => a.summary), JSON.parse(JSON.stringify(summaries)));
      const broken = saved.replace('"article":2', '"article":9');
      assert.notEqual(broken, saved);
      assert.equal(parseCorpusCache(broken, 'engine').ok, false, 'a speaker of an article the export does not have');
    });
  });

  describe('repeated lines', () => {
    it('never learns site furniture from exports: their sentences are syndicated copy, their metadata already boilerplate', () => {
      const shared = 'The regional authority confirmed the figures in a statement on its website.';
      const documents = COUNCIL_EXPORT.map((d) => ({ ...d, body: [...d.body, shared] }));
      const exports = [0, 1, 2].map((i) => summaryOf(`exports/e${i}.txt`, lexisNexisExport(documents), 'exports'));
      assert.deepEqual(findRepeatedLines(exports), []);
      const index = new CorpusIndex();
      for (const s of exports) index.set(s);
      assert.deepEqual(index.repeatedLinesOf('exports/e0.txt'), []);
    });

    it('still learns them from the ordinary articles of a folder', () => {
      const footer = 'Follow the Harbour Gazette on every channel';
      const pages = [0, 1, 2].map((i) => summariseText(`site/p${i}.txt`, `Story ${i}\n\nSomething happened on day ${i}.\n\n${footer}\n`, 'site'));
      const text = lexisNexisExport(COUNCIL_EXPORT.map((d) => ({ ...d, body: [...d.body, footer] })));
      const index = new CorpusIndex();
      for (const s of [...pages, summaryOf('site/export.txt', text, 'site')]) index.set(s);
      const marks = index.repeatedLinesOf('site/p0.txt');
      assert.equal(marks.length, 1);
      assert.equal(marks[0]?.count, 3, 'the export does not add to the count');
      assert.deepEqual(index.repeatedLinesOf('site/export.txt'), []);
      assert.ok(offsetOf(text, footer) > 0);
    });
  });

  it('cuts many articles linearly (one pass per list)', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ ...COUNCIL_EXPORT[i % 3]!, headline: `Story number ${i} of the export` }));
    const file = summaryOf('big.txt', lexisNexisExport(many));
    const views = allArticleViews([file]);
    assert.equal(views.length, 300);
    assert.equal(views.reduce((n, v) => n + v.quotes.length, 0), file.quotes.length);
  });
});
