import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { SpeakerGroups } from '../../../../src/core/analysis/speakers';
import { topLevelAlternatives } from '../../../../src/core/analysis/patternSource';
import type { MentionKind, SpeakerMention } from '../../../../src/core/analysis/types';

function mention(text: string, kind: MentionKind, start: number): SpeakerMention {
  return { start, end: start + text.length, text, kind };
}

describe('speaker groups: the lookup index finds what a full comparison finds', () => {
  /** [case, mentions in reading order, expected group names of each mention] */
  const cases: [string, [string, MentionKind][], string[]][] = [
    ['surname and full name', [['Lavrov', 'name'], ['Sergei Lavrov', 'name'], ['Lavrov', 'name']], ['Sergei Lavrov', 'Sergei Lavrov', 'Sergei Lavrov']],
    ['transliterations one letter apart', [['Sergei Lavrov', 'name'], ['Sergey Lavrov', 'name']], ['Sergei Lavrov', 'Sergei Lavrov']],
    ['a surname one letter apart', [['Harold Bornstein', 'name'], ['Bornsten', 'name']], ['Harold Bornstein', 'Harold Bornstein']],
    ['different first names', [['Bill Clinton', 'name'], ['Hillary Clinton', 'name']], ['Bill Clinton', 'Hillary Clinton']],
    [
      'an acronym of an organisation',
      [['International Committee of the Red Cross', 'organisation'], ['ICRC', 'organisation']],
      ['International Committee of the Red Cross', 'International Committee of the Red Cross'],
    ],
    ['an organisation named by its acronym first', [['ICRC', 'organisation'], ['International Committee of the Red Cross', 'organisation']], ['International Committee of the Red Cross', 'International Committee of the Red Cross']],
    ['descriptions with the same head', [['a Turkish security official', 'description'], ['the Turkish official', 'description']], ['Turkish security official', 'Turkish security official']],
    ['a description never joins a name', [['Jane Roe', 'name'], ['the official', 'description']], ['Jane Roe', 'official']],
    ['the same words of another kind', [['Reuters', 'organisation'], ['Reuters', 'name']], ['Reuters', 'Reuters']],
  ];
  // Other people of the article, none of them the same source as any mention of the cases: past
  // 32 groups a mention is looked up by key rather than compared with every group.
  const syllables = ['bd', 'cf', 'gh', 'jk', 'lm', 'np', 'qr', 'st', 'vw', 'xz'];
  const others: [string, MentionKind][] = [];
  for (let i = 0; i < 40; i++) others.push([`Otto Zu${[...String(i + 10)].map((d) => syllables[Number(d)]).join('')}vic`, 'name']);
  /** The group names of `mentions` alone (`from` null), or with `others` grouped after the first `from` of them. */
  const groupNames = (mentions: readonly [string, MentionKind][], from: number | null): string[] => {
    const list = from === null ? [...mentions] : [...mentions.slice(0, from), ...others, ...mentions.slice(from)];
    const groups = new SpeakerGroups();
    let at = 0;
    const found = list.map(([text, kind]) => {
      const g = groups.groupOf(mention(text, kind, at));
      at += text.length + 10;
      return g;
    });
    const mine = from === null ? found : [...found.slice(0, from), ...found.slice(from + others.length)];
    return mine.map((g) => g.name);
  };
  for (const [name, mentions, expected] of cases) {
    it(name, () => assert.deepEqual(groupNames(mentions, null), expected));
    it(`${name}, among many other people`, () => assert.deepEqual(groupNames(mentions, 0), expected));
    it(`${name}, many other people named after its first mention`, () => assert.deepEqual(groupNames(mentions, 1), expected));
  }

  it('keeps apart two spellings of a surname too long for the keys one edit apart, among few people or many', () => {
    const long = `Zu${'x'.repeat(40)}vic`;
    const short = long.replace('xx', 'x');
    const mentions: [string, MentionKind][] = [[`Ann ${long}`, 'name'], [short, 'name'], [long, 'name']];
    const expected = [`Ann ${long}`, short, `Ann ${long}`];
    assert.deepEqual(groupNames(mentions, null), expected);
    assert.deepEqual(groupNames(mentions, 1), expected);
  });

  it('extends a surname to the full name seen later', () => {
    const groups = new SpeakerGroups();
    const g = groups.groupOf(mention('Carboni', 'name', 0));
    groups.extendName(mention('Fabrizio Carboni', 'name', 100));
    groups.extendName(mention('Maria Lopez', 'name', 200));
    assert.equal(g.name, 'Fabrizio Carboni');
  });

  it('keeps thousands of speakers apart', function () {
    this.timeout(20000);
    const first = ['Anna', 'Boris', 'Carla', 'David', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas'];
    // Surnames two letters apart at least, so that no two are taken for spellings of one name.
    const syllables = ['bd', 'cf', 'gh', 'jk', 'lm', 'np', 'qr', 'st', 'vw', 'xz'];
    const surnameOf = (i: number): string => `Zu${[...String(i)].map((d) => syllables[Number(d)]).join('')}vic`;
    const paragraphs: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const surname = surnameOf(i);
      paragraphs.push(`“We will look at the proposal number ${i} closely,” ${first[i % first.length]} ${surname} said on Monday.`);
      paragraphs.push(`“It is not finished yet,” ${surname} added.`);
    }
    const text = paragraphs.join('\n\n');
    const a = analyze(text);
    assert.equal(a.quotes.length, 6000);
    assert.equal(a.speakers.length, 3000);
    const last = a.quotes[a.quotes.length - 1];
    assert.equal(a.speakers.find((s) => s.id === last?.speakerId)?.name, `${first[2999 % first.length]} ${surnameOf(2999)}`);
  });
});

describe('noise: alternatives of a phrase pattern', () => {
  const cases: [string, string[]][] = [
    ['a|b', ['a', 'b']],
    ['^(a|b)c|d', ['^(a|b)c', 'd']],
    ['[|]x|\\|y|z', ['[|]x', '\\|y', 'z']],
    ['(?:a(b|c))', ['(?:a(b|c))']],
  ];
  for (const [source, expected] of cases) it(`splits /${source}/`, () => assert.deepEqual(topLevelAlternatives(source), expected));
});

describe('noise: repeated lines are read once and classified alike', () => {
  it('gives every copy of a boilerplate line the same kind', () => {
    const article = [
      'Sign up for our newsletter',
      'Russian Foreign Minister Sergei Lavrov rejected calls for a ceasefire between the Syrian government troops and militants in the Idlib region, speaking in Geneva on Tuesday.',
      '“The international community is required to block extremists who have raised their heads,” Lavrov said.',
      'On Monday the state news agency reported that the government forces had advanced further into the Idlib countryside, taking over four new villages.',
      'Sign up for our newsletter',
    ].join('\n\n');
    const text = [article, article, article].join('\n\n');
    const a = analyze(text);
    const kinds = a.noise.filter((n) => text.slice(n.start, n.end) === 'Sign up for our newsletter').map((n) => n.kind);
    assert.equal(kinds.length, 6);
    assert.ok(kinds.every((k) => k === 'subscribe'));
  });
});
