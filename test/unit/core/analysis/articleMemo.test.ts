import * as assert from 'node:assert/strict';
import { analyze, analyzeArticle } from '../../../../src/core/analysis/analyze';
import { analyzeArchive } from '../../../../src/core/analysis/archive';
import { ArticleMemo } from '../../../../src/core/analysis/articleMemo';
import type { Analysis } from '../../../../src/core/analysis/types';
import { syntheticArchive } from '../../../bench/syntheticArchive';

describe('ArticleMemo: a full analysis after an edit re-analyses only the articles whose text changed', () => {
  const archive = syntheticArchive(40_000);
  const counted = (): { analyze: (text: string) => Analysis; readonly calls: string[] } => {
    const calls: string[] = [];
    return { analyze: (text) => (calls.push(text), analyzeArticle(text)), calls };
  };

  it('analyses one article after a keystroke in it, and the result equals a full analysis', () => {
    const counter = counted();
    const memo = new ArticleMemo(counter.analyze);
    memo.next();
    assert.deepEqual(analyzeArchive(archive.text, memo.analyze), analyze(archive.text));
    const articles = counter.calls.length;
    assert.ok(articles > 5);
    const body = archive.bodies[3];
    assert.ok(body);
    const at = archive.text.indexOf(' ', body.start + 20) + 1;
    const edited = `${archive.text.slice(0, at)}“We are done,” said Ida Marsh. ${archive.text.slice(at)}`;
    memo.next();
    assert.deepEqual(analyzeArchive(edited, memo.analyze), analyze(edited));
    assert.equal(counter.calls.length - articles, 1, 'only the edited article was analysed again');
    assert.ok(counter.calls[counter.calls.length - 1]?.includes('Ida Marsh'));
  });

  it('forgets the articles the last analysis did not use: an article deleted and typed back two analyses later is analysed again', () => {
    const counter = counted();
    const memo = new ArticleMemo(counter.analyze);
    const body = archive.bodies[2];
    assert.ok(body);
    const without = archive.text.slice(0, body.start) + 'Short.' + archive.text.slice(body.end);
    for (const text of [archive.text, without, without, archive.text]) {
      memo.next();
      assert.deepEqual(analyzeArchive(text, memo.analyze), analyze(text));
    }
    const original = archive.text.slice(body.start, body.end);
    assert.equal(counter.calls.filter((c) => c === original).length, 2);
  });
});
