import * as assert from 'node:assert/strict';
import { listDisagreements } from '../../../../src/core/interchange/disagreements';
import type { ComparedTag } from '../../../../src/core/interchange/disagreements';

// Article: "Ana Ruiz said the vote is final, officials confirmed."
const tag = (id: string, start: number, end: number, label: string): ComparedTag => ({ id, start, end, label });

interface Case {
  readonly name: string;
  readonly first: ComparedTag[];
  readonly second: ComparedTag[];
  /** kind:firstId:secondId per disagreement, in text order. */
  readonly expect: string[];
}

const cases: Case[] = [
  { name: 'full agreement lists nothing', first: [tag('a1', 0, 8, 'speaker')], second: [tag('b1', 0, 8, 'speaker')], expect: [] },
  { name: 'a span only one tagged', first: [tag('a1', 0, 8, 'speaker')], second: [], expect: ['onlyFirst:a1:'] },
  { name: 'a span only the other tagged', first: [], second: [tag('b1', 14, 31, 'claim')], expect: ['onlySecond::b1'] },
  { name: 'same span, different label', first: [tag('a1', 14, 31, 'claim')], second: [tag('b1', 14, 31, 'quote')], expect: ['differentLabel:a1:b1'] },
  { name: 'overlapping spans, whatever the labels', first: [tag('a1', 14, 31, 'claim')], second: [tag('b1', 18, 40, 'claim')], expect: ['overlap:a1:b1'] },
  {
    name: 'an exact agreement is paired before an overlap is',
    first: [tag('a1', 14, 31, 'claim'), tag('a2', 18, 40, 'claim')],
    second: [tag('b1', 14, 31, 'claim')],
    expect: ['onlyFirst:a2:'],
  },
  {
    name: 'the largest overlap wins, the rest stay single',
    first: [tag('a1', 10, 30, 'claim')],
    second: [tag('b1', 5, 12, 'claim'), tag('b2', 12, 30, 'claim')],
    expect: ['onlySecond::b1', 'overlap:a1:b2'],
  },
  {
    name: 'a mix, in text order',
    first: [tag('a1', 0, 8, 'speaker'), tag('a2', 14, 31, 'claim'), tag('a3', 42, 51, 'cue')],
    second: [tag('b1', 0, 8, 'source'), tag('b2', 14, 31, 'claim'), tag('b3', 33, 44, 'cue')],
    expect: ['differentLabel:a1:b1', 'overlap:a3:b3'],
  },
];

describe('disagreements between two annotators', () => {
  for (const c of cases) {
    it(c.name, () => {
      const found = listDisagreements(c.first, c.second).map((d) => `${d.kind}:${d.first?.id ?? ''}:${d.second?.id ?? ''}`);
      assert.deepEqual(found, c.expect);
    });
  }

  it('lists every tag at most once and covers both tags of a pair', () => {
    const first = Array.from({ length: 200 }, (_, i) => tag(`a${i}`, i * 10, i * 10 + 8, i % 3 === 0 ? 'claim' : 'quote'));
    const second = Array.from({ length: 200 }, (_, i) => tag(`b${i}`, i * 10 + (i % 2), i * 10 + 8, 'claim'));
    const found = listDisagreements(first, second);
    const ids = found.flatMap((d) => [d.first?.id, d.second?.id]).filter((id) => id !== undefined);
    assert.equal(new Set(ids).size, ids.length);
    for (const d of found) for (const t of [d.first, d.second]) if (t) assert.ok(d.start <= t.start && t.end <= d.end);
  });
});
