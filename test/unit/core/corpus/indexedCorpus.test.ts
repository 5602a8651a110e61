import * as assert from 'node:assert/strict';
import type { CorpusStorage } from '../../../../src/core/corpus/indexedCorpus';
import { IndexedCorpus } from '../../../../src/core/corpus/indexedCorpus';
import { seedSummaries, summariseText } from './corpusFixtures';

class MemoryStorage implements CorpusStorage {
  writes = 0;
  constructor(public text: string | undefined = undefined) {}
  read(): Promise<string | undefined> {
    return Promise.resolve(this.text);
  }
  write(text: string): Promise<void> {
    this.writes++;
    this.text = text;
    return Promise.resolve();
  }
}

function filled(engine = 'e1'): IndexedCorpus {
  const corpus = new IndexedCorpus(engine);
  seedSummaries().forEach((s, i) => corpus.set(s.path, `hash${i}`, s));
  return corpus;
}

describe('indexed corpus (summaries with their hashes, saved between sessions)', () => {
  it('restores people, quote groups and hashes from what it saved', async () => {
    const storage = new MemoryStorage();
    const before = filled();
    await before.save(storage);
    const after = new IndexedCorpus('e1');
    assert.deepEqual(await after.load(storage), { loaded: 5 });
    assert.equal(after.hashOf('001_fafea784eeeba758.txt'), 'hash1');
    assert.deepEqual(after.index.people(), before.index.people());
    assert.deepEqual(after.index.quoteGroups(), before.index.quoteGroups());
  });

  it('starts empty without a saved index', async () => {
    const corpus = new IndexedCorpus('e1');
    assert.deepEqual(await corpus.load(new MemoryStorage()), { loaded: 0 });
    assert.equal(corpus.size, 0);
  });

  it('discards an index saved by another engine, and a corrupt one, and keeps nothing of it', async () => {
    const storage = new MemoryStorage();
    await filled('old-engine').save(storage);
    const corpus = new IndexedCorpus('e2');
    const outcome = await corpus.load(storage);
    assert.ok('discarded' in outcome);
    assert.equal(corpus.size, 0);
    const good = storage.text ?? '';
    storage.text = good.replace('old-engine', 'e2').slice(0, good.length - 100);
    const again = await corpus.load(storage);
    assert.ok('discarded' in again && /not a valid entry/.test(again.discarded));
    assert.equal(corpus.size, 0);
    assert.equal(corpus.index.people().people.length, 0);
  });

  it('reports a storage that cannot be read as discarded, never throws', async () => {
    const corpus = new IndexedCorpus('e1');
    const outcome = await corpus.load({ read: () => Promise.reject(new Error('EACCES')), write: () => Promise.resolve() });
    assert.ok('discarded' in outcome && /EACCES/.test(outcome.discarded));
  });

  it('updates incrementally: a changed article replaces its summary, a deleted one leaves', () => {
    const corpus = filled();
    const lavrovArticles = (): number => corpus.index.people().people.find((p) => /Lavrov/.test(p.name))?.articles.length ?? 0;
    const before = lavrovArticles();
    assert.ok(before >= 2, `Lavrov in ${before} articles`);
    const key = corpus.index.people().people.find((p) => /Lavrov/.test(p.name))?.articles[0] ?? '';
    corpus.set(key, 'new', summariseText(key, 'Nothing quoted here any more.', 'seeds'));
    assert.equal(lavrovArticles(), before - 1);
    assert.equal(corpus.hashOf(key), 'new');
    assert.equal(corpus.delete(key), true);
    assert.equal(corpus.delete(key), false);
    assert.equal(corpus.size, 4);
  });

  it('forgets the articles that are no longer in the workspace', () => {
    const corpus = filled();
    const keep = new Set(['000_03cb73ca90429b2a.txt', '004_7c365add9fe75bb6.txt', 'not-indexed.txt']);
    assert.equal(corpus.retainOnly(keep), 3);
    assert.deepEqual([...corpus.keys()].sort(), ['000_03cb73ca90429b2a.txt', '004_7c365add9fe75bb6.txt']);
  });

  it('counts lines repeated across a folder as articles come and go', () => {
    const corpus = new IndexedCorpus('e1');
    const furniture = 'Follow us on Telegram for the latest news\n';
    for (let i = 0; i < 3; i++) corpus.set(`a${i}`, 'h', summariseText(`a${i}`, `${furniture}Story number ${i} tells something else entirely.\n`, 'site'));
    assert.equal(corpus.index.repeatedLinesOf('a0').length, 1);
    assert.equal(corpus.index.repeatedLinesOf('a0')[0]?.count, 3);
    corpus.delete('a2');
    assert.deepEqual(corpus.index.repeatedLinesOf('a0'), []);
  });
});
