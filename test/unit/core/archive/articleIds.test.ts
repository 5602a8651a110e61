import * as assert from 'node:assert/strict';
import { articleId, fileOfArticle, parseArticleId } from '../../../../src/core/archive/articleIds';

describe('article ids', () => {
  const cases: [string, string, number | undefined][] = [
    ['exports/march.txt#2', 'exports/march.txt', 2],
    ['file:///w/ex%20port.txt#12', 'file:///w/ex%20port.txt', 12],
    ['exports/march.txt', 'exports/march.txt', undefined],
    // Not an article number: no .txt before it, a zero, or not digits.
    ['notes#2', 'notes#2', undefined],
    ['march.txt#0', 'march.txt#0', undefined],
    ['march.txt#x', 'march.txt#x', undefined],
    ['C:\\exports\\March.TXT#3', 'C:\\exports\\March.TXT', 3],
  ];
  for (const [id, file, number] of cases) {
    it(`reads ${id}`, () => {
      const parsed = parseArticleId(id);
      assert.equal(parsed.file, file);
      assert.equal(parsed.number, number);
      assert.equal(fileOfArticle(id), file);
    });
  }

  it('names article N from 1 and reads it back', () => {
    for (let i = 0; i < 12; i++) assert.deepEqual(parseArticleId(articleId('a/b c.txt', i)), { file: 'a/b c.txt', number: i + 1 });
  });
});
