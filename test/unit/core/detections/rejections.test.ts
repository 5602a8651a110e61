import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import type { Analysis } from '../../../../src/core/analysis/types';
import { detectionKey, rejectedKeys, withoutRejected } from '../../../../src/core/detections/rejections';
import { seedText } from '../analysis/helpers';

const text = seedText('000_03cb73ca90429b2a.txt');
const analysis = analyze(text);

function lavrov(a: Analysis): { id: string; mentions: readonly { start: number; end: number }[] } {
  const s = a.speakers.find((x) => x.name === 'Sergei Lavrov');
  assert.ok(s, 'Sergei Lavrov is detected in the seed');
  return s;
}

describe('withoutRejected', () => {
  it('returns the analysis itself when nothing is rejected', () => {
    assert.equal(withoutRejected(analysis, new Set()), analysis);
  });

  const kinds: ['quote' | 'cue' | 'noise', (a: Analysis) => readonly { start: number; end: number }[]][] = [
    ['quote', (a) => a.quotes],
    ['cue', (a) => a.cues],
    ['noise', (a) => a.noise],
  ];
  for (const [kind, of] of kinds) {
    it(`hides exactly the rejected ${kind}`, () => {
      const first = of(analysis)[0];
      assert.ok(first, `the seed has a ${kind}`);
      const shown = withoutRejected(analysis, new Set([detectionKey(kind, first.start, first.end)]));
      assert.equal(of(shown).length, of(analysis).length - 1);
      assert.ok(!of(shown).some((s) => s.start === first.start && s.end === first.end));
    });
  }

  it('a key of another kind or place hides nothing', () => {
    const q = analysis.quotes[0];
    assert.ok(q);
    const shown = withoutRejected(analysis, new Set([detectionKey('cue', q.start, q.end), detectionKey('quote', q.start, q.end + 1)]));
    assert.equal(shown.quotes.length, analysis.quotes.length);
  });

  it('drops a speaker whose every mention is rejected and unattributes their quotes', () => {
    const speaker = lavrov(analysis);
    const keys = new Set(speaker.mentions.map((m) => detectionKey('speaker', m.start, m.end)));
    const shown = withoutRejected(analysis, keys);
    assert.ok(!shown.speakers.some((s) => s.id === speaker.id));
    assert.ok(!shown.quotes.some((q) => q.speakerId === speaker.id));
    const before = analysis.quotes.filter((q) => q.speakerId === speaker.id).length;
    assert.ok(before > 0);
    assert.equal(shown.quotes.filter((q) => q.speakerId === null).length, analysis.quotes.filter((q) => q.speakerId === null).length + before);
  });

  it('a rejection of the name alone still hides the whole mention around it', () => {
    const article = 'Yusef Hamoud, spokesman for the National Army, said: “We will not withdraw.”';
    const a = analyze(article);
    const m = a.speakers[0]?.mentions[0];
    assert.ok(m && m.head === 'Yusef Hamoud', 'the mention spans the appositive');
    const name = article.indexOf('Yusef Hamoud');
    const shown = withoutRejected(a, new Set([detectionKey('speaker', name, name + 'Yusef Hamoud'.length)]));
    assert.equal(shown.speakers.length, 0);
    assert.equal(shown.quotes[0]?.speakerId, null);
  });

  it('keeps a speaker with one mention left', () => {
    const speaker = lavrov(analysis);
    const first = speaker.mentions[0];
    assert.ok(first && speaker.mentions.length > 1);
    const shown = withoutRejected(analysis, new Set([detectionKey('speaker', first.start, first.end)]));
    assert.equal(lavrov(shown).mentions.length, speaker.mentions.length - 1);
  });

  it('counts only active rejections', () => {
    const base = { id: 'r', text: '', prefix: '', suffix: '', author: 'a', created: '' };
    const keys = rejectedKeys([
      { ...base, kind: 'quote', start: 1, end: 5, status: 'active' },
      { ...base, kind: 'quote', start: 9, end: 9, status: 'orphaned' },
    ]);
    assert.deepEqual([...keys], ['quote:1:5']);
  });
});
