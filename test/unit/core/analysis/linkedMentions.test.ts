import * as assert from 'node:assert/strict';
import { LINKS, LinkedMentions, NO_LINK, READ_WORDS, addShapesOfWord, ownShapesOfWord, plainInitialLinks, plainLastWordStart } from '../../../../src/core/analysis/linkedMentions';
import { SpeakerGroups } from '../../../../src/core/analysis/speakers';
import type { MentionKind, SpeakerMention } from '../../../../src/core/analysis/types';

function mentionsOf(list: readonly [string, MentionKind][]): SpeakerMention[] {
  let at = 0;
  return list.map(([text, kind]) => {
    const m = { start: at, end: at + text.length, text, kind };
    at += text.length + 10;
    return m;
  });
}

describe('linked mentions: the last word read without reading the words', () => {
  /** [mention text, the last word found, or null where only reading the words tells] */
  const cases: [string, string | null][] = [
    ['Sergei Lavrov', 'Lavrov'],
    ['Lavrov', 'Lavrov'],
    ['James B. Comey', 'Comey'],
    ['Donald Trump Jr', 'Jr'],
    ["Trump's", null],
    ["Conan O'Brien", null],
    ['Eva-Marie Persson', 'Persson'],
    ['Jean-Luc Mélenchon', null],
    ['Recep Tayyip Erdoğan', null],
    ['Sen.', null],
  ];
  for (const [text, word] of cases) {
    it(text, () => {
      const from = plainLastWordStart(text);
      assert.equal(from < 0 ? null : text.slice(from), word);
    });
  }
});

describe('linked mentions: words one edit apart share a shape key', () => {
  /** Pairs whose keys meet in `sourceKeyPair` (equal, one edit apart, a plural and its singular). */
  const pairs: [string, string][] = [
    ['lavrov', 'lavrov'],
    ['sergei', 'sergey'],
    ['bornstein', 'bornsten'],
    ['lavrov', 'avrov'],
    ['mohammed', 'muhammed'],
    ['officials', 'official'],
    ['abcde', 'bcdef'],
    ['bcdef', 'abcde'],
    ['nguyen', 'ngyuen'],
    ['clinton', 'clintons'],
    ['xclinton', 'clinton'],
  ];
  /** Pairs two edits apart or more share none: the cheap test tells them apart. */
  const apart: [string, string][] = [
    ['clinton', 'sanders'],
    ['trump', 'biden'],
    ['lavrov', 'lopez'],
  ];
  for (const [a, b] of apart) {
    it(`${a} ≁ ${b}`, () => {
      const taken = new Set<number>();
      addShapesOfWord(a, taken);
      assert.ok(!ownShapesOfWord(b).some((s) => taken.has(s)));
    });
  }
  for (const [a, b] of pairs) {
    it(`${a} ~ ${b}`, () => {
      const taken = new Set<number>();
      addShapesOfWord(a, taken);
      assert.ok(ownShapesOfWord(b).some((s) => taken.has(s)));
    });
  }
});

describe('linked mentions: the parts of an article', () => {
  /** [case, mentions in reading order, seeds, the mentions taken with them] */
  const cases: [string, [string, MentionKind][], number[], string[]][] = [
    [
      'a speaker and the full names that share its surname',
      [['Bill Clinton', 'name'], ['Joe Biden', 'name'], ['Hillary Clinton', 'name'], ['Sergei Lavrov', 'name'], ['Clinton', 'name']],
      [4],
      ['Bill Clinton', 'Hillary Clinton', 'Clinton'],
    ],
    ['a transliteration one letter apart', [['Sergey Lavrov', 'name'], ['Maria Lopez', 'name'], ['Lavrov', 'name'], ['Sergei Lavrov', 'name']], [2], ['Sergey Lavrov', 'Lavrov', 'Sergei Lavrov']],
    [
      'an organisation and a name that spells its letters',
      [['Frank Bruno Ives', 'name'], ['Jane Roe', 'name'], ['FBI', 'organisation']],
      [2],
      ['Frank Bruno Ives', 'FBI'],
    ],
    [
      'a chain: a name linked through another name',
      [['Anna Petrova', 'name'], ['Boris Petrov', 'name'], ['Petrov', 'name'], ['Carla Smith', 'name']],
      [2],
      ['Anna Petrova', 'Boris Petrov', 'Petrov'],
    ],
    ['a description and its plural', [['the officials', 'description'], ['Jane Roe', 'name'], ['a security official', 'description']], [2], ['the officials', 'a security official']],
  ];
  for (const [name, list, seeds, expected] of cases) {
    it(name, () => {
      const mentions = mentionsOf(list);
      const links = new LinkedMentions(mentions, new SpeakerGroups());
      assert.deepEqual(
        links.take(seeds).map((i) => mentions[i]?.text),
        expected,
      );
    });
  }

  it('groups a part as grouping every mention does', () => {
    const list: [string, MentionKind][] = [
      ['Bill Clinton', 'name'], ['Hillary Clinton', 'name'], ['International Committee of the Red Cross', 'organisation'], ['Sergey Lavrov', 'name'],
      ['Clinton', 'name'], ['ICRC', 'organisation'], ['Lavrov', 'name'], ['the Turkish official', 'description'], ['Mr. Clinton', 'name'], ['Sergei Lavrov', 'name'],
    ];
    const mentions = mentionsOf(list);
    const all = new SpeakerGroups();
    const everyGroup = mentions.map((m) => all.groupOf(m));
    for (let seed = 0; seed < mentions.length; seed++) {
      const groups = new SpeakerGroups();
      const taken = new LinkedMentions(mentions, groups).take([seed]);
      assert.ok(taken.includes(seed));
      const partGroup = new Map(taken.map((i) => [i, groups.groupOf(mentions[i] as SpeakerMention)]));
      for (const i of taken) {
        for (const j of taken) assert.equal(partGroup.get(i) === partGroup.get(j), everyGroup[i] === everyGroup[j], `${list[i]?.[0]} / ${list[j]?.[0]}`);
        assert.equal(partGroup.get(i)?.name, everyGroup[i]?.name);
      }
    }
  });

  it('takes every mention left past a long chain (hostile text stays linear)', () => {
    // Surnames each one letter longer than the next, ending apart: every pass links one more.
    const ends = ['ab', 'cd', 'ef', 'gh', 'ij', 'kl', 'mn', 'op', 'qr', 'st', 'uv', 'wx'];
    const list: [string, MentionKind][] = [['Other Person', 'name']];
    ends.forEach((end, i) => list.push([`Ann Zz${'z'.repeat(i + 1)}${end}`, 'name']));
    const mentions = mentionsOf(list.reverse());
    const links = new LinkedMentions(mentions, new SpeakerGroups());
    assert.equal(links.take([mentions.length - 2]).length, mentions.length);
  });
});

describe('linked mentions: a name against the initials of organisations, read on its characters (plainInitialLinks)', () => {
  const initials = new Set(['N'.charCodeAt(0), 'I'.charCodeAt(0)]);
  /** [name, expected] */
  const cases: [string, number][] = [
    ['Jane Roe', NO_LINK],
    ['Jane Nunes', LINKS],
    ['Ivanka Trump', LINKS],
    ['', NO_LINK],
    ['  Jane  Roe ', NO_LINK],
    ['Recep Tayyip Erdoğan', READ_WORDS],
    ['(Jane) Roe', READ_WORDS],
    ['Jane -Nunes', READ_WORDS],
    ['Jane-Nunes', NO_LINK],
    ['42 Roe', NO_LINK],
  ];
  for (const [name, expected] of cases) {
    it(`“${name}” → ${expected}`, () => assert.equal(plainInitialLinks(name, initials), expected));
  }
});
