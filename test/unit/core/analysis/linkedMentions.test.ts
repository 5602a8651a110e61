import * as assert from 'node:assert/strict';
import { LinkedMentions, addShapesOfWord, ownShapesOfWord, plainLastWordStart, plainPartInitials } from '../../../../src/core/analysis/linkedMentions';
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

  it('follows a long chain to its end, and no further', () => {
    // Surnames each one letter longer than the next, ending apart: each links only the next one.
    const ends = ['ab', 'cd', 'ef', 'gh', 'ij', 'kl', 'mn', 'op', 'qr', 'st', 'uv', 'wx'];
    const list: [string, MentionKind][] = [['Other Person', 'name']];
    ends.forEach((end, i) => list.push([`Ann Zz${'z'.repeat(i + 1)}${end}`, 'name']));
    const mentions = mentionsOf(list.reverse());
    const links = new LinkedMentions(mentions, new SpeakerGroups());
    assert.deepEqual(links.take([mentions.length - 2]), ends.map((_, i) => i));
    assert.deepEqual(links.take([mentions.length - 1]), [mentions.length - 1]);
  });

  it('links a name to an organisation taken later by its letters, and an organisation to a name taken before', () => {
    const mentions = mentionsOf([['Frank Bruno Ives', 'name'], ['Jane Roe', 'name'], ['FBI', 'organisation'], ['Fox News', 'organisation'], ['Recep Tayyip Erdoğan', 'name'], ['RTE', 'organisation']]);
    const links = new LinkedMentions(mentions, new SpeakerGroups());
    // A name's initial links every organisation of that initial ("F": "FBI" and "Fox News").
    assert.deepEqual(links.take([0]), [0, 2, 3]);
    // An organisation taken later links the names whose parts may open its letters ("Roe"), or,
    // where only the words tell ("Erdoğan"), whose initial does.
    assert.deepEqual(links.take([5]), [1, 4, 5]);
  });

  it('links a bare name and the person whose name opens with it, both ways', () => {
    const mentions = mentionsOf([['Mao Lin', 'name'], ['Jane Roe', 'name'], ['Mao', 'name'], ['Tomás Delgado', 'name'], ['Tomás', 'name'], ['Chen', 'name']]);
    assert.deepEqual(new LinkedMentions(mentions, new SpeakerGroups()).take([2]), [0, 2]);
    assert.deepEqual(new LinkedMentions(mentions, new SpeakerGroups()).take([0]), [0, 2]);
    // Beyond ASCII the words tell.
    assert.deepEqual(new LinkedMentions(mentions, new SpeakerGroups()).take([4]), [3, 4]);
    assert.deepEqual(new LinkedMentions(mentions, new SpeakerGroups()).take([3]), [3, 4]);
  });

  it('takes nothing more for seeds already taken, and every mention left past its takes', () => {
    const mentions = mentionsOf([['Jane Roe', 'name'], ['Ann Lee', 'name'], ['Bob Fox', 'name'], ['Carl Dunn', 'name'], ['Dan Ek', 'name'], ['Eve Sim', 'name'], ['Fay Orr', 'name'], ['Gus Pym', 'name'], ['Hal Ray', 'name'], ['Ivy Uhl', 'name']]);
    const links = new LinkedMentions(mentions, new SpeakerGroups());
    assert.deepEqual(links.take([0]), [0]);
    assert.deepEqual(links.take([0]), []);
    for (let i = 1; i < 7; i++) assert.deepEqual(links.take([i]), [i]);
    assert.deepEqual(links.take([7]), [7, 8, 9]);
    assert.deepEqual(links.take([8]), []);
  });
});

describe('linked mentions: the first characters of the parts of a name, read on its characters (plainPartInitials)', () => {
  /** [name, the characters its letters are among, or null where only its words tell] */
  const cases: [string, string | null][] = [
    ['Jane Roe', 'JR'],
    ['Jane Nunes', 'JN'],
    ['Ivanka Trump', 'IT'],
    ['', ''],
    ['  Jane  Roe ', 'JR'],
    ['Recep Tayyip Erdoğan', null],
    ['(Jane) Roe', null],
    ['Jane -Nunes', null],
    ['Jane-Nunes', 'J'],
    ['42 Roe', '4R'],
    ['the Turkish official', 'tTo'],
  ];
  for (const [name, expected] of cases) {
    it(`“${name}” → ${expected}`, () => {
      const out: number[] = [];
      const plain = plainPartInitials(name, out);
      assert.equal(plain ? String.fromCharCode(...out) : null, expected);
    });
  }
});
