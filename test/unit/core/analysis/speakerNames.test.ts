// Whom "he", "she" and "it" stand for (the nearest earlier mention that shows the pronoun's gender
// or is the source of a reporting verb, before nearer places, companies and people named in passing),
// and a speaker's name without the party label before it.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { resolvePronoun } from '../../../../src/core/analysis/pronouns';
import type { SpeakerMention } from '../../../../src/core/analysis/types';

/** The speaker's name of each quote of `text`, in order (null for none). */
function speakersOf(text: string): (string | null)[] {
  const a = analyze(text);
  return a.quotes.map((q) => a.speakers.find((s) => s.id === q.speakerId)?.name ?? null);
}

describe('pronoun resolution', () => {
  /** [case, article, the speaker of its last quote] */
  const cases: [string, string, string][] = [
    [
      'a place named after the speaker',
      'Council approves new library\n\nMayor Angela Brooks said the decision came after two years of debate in Fort Collins.\n\n“This is a great day for our kids,” she said.\n',
      'Angela Brooks',
    ],
    [
      'a company named after the speaker',
      'Bank chief steps down\n\nMaria Lopez said she would leave at the end of the year. Lopez once worked for Goldman Sachs.\n\n“It was time for someone new,” she said.\n',
      'Maria Lopez',
    ],
    [
      'a person named in passing after the speaker, of the other gender',
      'Governor praised\n\nState Sen. Laura Diaz said the budget was fair and praised Gov. Gavin Newsom for signing it.\n\n“We got most of what we asked for,” she said.\n',
      'Laura Diaz',
    ],
    [
      '"it" for a company described, not named',
      'Statement issued\n\nThe statement was issued late on Monday after days of silence.\n\n“We take these concerns seriously,” the company said.\n\n“A full review is under way,” it added.\n',
      'company',
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const speakers = speakersOf(text);
      assert.ok((speakers.at(-1) ?? '').includes(expected), `${JSON.stringify(speakers)}`);
    });
  }

  it('still takes the nearest mention when none shows the gender or is a source', () => {
    const text = 'Storm damage\n\nResidents of Oak Street cleaned up on Sunday. Tom Reyes lost part of his roof.\n\n“We were lucky nobody was hurt,” he said.\n';
    assert.deepEqual(speakersOf(text), ['Tom Reyes']);
  });

  it('reads the head of a description before what qualifies it ("a spokeswoman for the ministry" is a she, not an it)', () => {
    const m = (text: string, start: number, kind: SpeakerMention['kind']): SpeakerMention => ({ start, end: start + text.length, text, kind });
    const sorted = [m('Tom Reyes', 0, 'name'), m('a spokeswoman for the ministry', 100, 'description'), m('the ministry', 300, 'description')];
    assert.equal(resolvePronoun(sorted, m('she', 400, 'pronoun'))?.text, 'a spokeswoman for the ministry');
    assert.equal(resolvePronoun(sorted, m('it', 400, 'pronoun'))?.text, 'the ministry');
  });
});

describe('party labels before a name', () => {
  /** [article, the speakers' names] */
  const cases: [string, string[]][] = [
    ['Vote delayed\n\n"We should have voted today," said Republican Tom Hayes.\n\nThe committee adjourned at noon.\n\n"This is not over," Tom Hayes added.\n', ['Tom Hayes']],
    ['Vote\n\n"Not today," said Labour MP Tom Hayes.\n\n"Later," Hayes added.\n', ['Tom Hayes']],
    ['Farm bill\n\n"We lost this round," said Democrat Luis Ortega.\n\n"We will be back," Luis Ortega said.\n', ['Luis Ortega']],
  ];
  for (const [text, names] of cases) {
    it(`are no part of the name: ${JSON.stringify(text.split('\n')[2])}`, () => {
      assert.deepEqual(analyze(text).speakers.map((s) => s.name), names);
    });
  }
});

describe('anonymous sources', () => {
  /** [article, the speaker mention of each quote] */
  const cases: [string, string[]][] = [
    ['Deal talks\n\nA person familiar with the matter said the deal was “close.”\n', ['A person familiar with the matter']],
    ['Deal talks\n\n“The deal is close,” a person familiar with the matter told Reuters.\n', ['a person familiar with the matter']],
    ['Deal talks\n\nMicrosoft declined to comment, but a person familiar with the matter said the deal was “close.”\n', ['a person familiar with the matter']],
    ['Campaign\n\nAnother source close to the campaign said, “He will try to be friendlier with his colleagues.”\n', ['Another source close to the campaign']],
  ];
  for (const [text, mentions] of cases) {
    it(`are the source: ${JSON.stringify(text.split('\n')[2])}`, () => {
      assert.deepEqual(analyze(text).quotes.map((q) => q.mention?.text ?? null), mentions);
    });
  }
});

describe('a clause inside the appositive between a quote and its verb', () => {
  /** [article, the speaker and cue of its quote] */
  const cases: [string, [string, string]][] = [
    ['Bill stalls\n\n"We need more time," Karen Whitfield, a Republican who has served since 2019, told reporters.\n', ['Karen Whitfield', 'told reporters']],
    ['Bill stalls\n\n"We need more time," Karen Whitfield, who became chair after the election, said.\n', ['Karen Whitfield', 'said']],
    ['Bill stalls\n\n"We need more time," Karen Whitfield, a Republican who voted against it when it came up, said.\n', ['Karen Whitfield', 'said']],
  ];
  for (const [text, [speaker, cue]] of cases) {
    it(`does not end the search for the verb: ${JSON.stringify(text.split('\n')[2])}`, () => {
      const a = analyze(text);
      assert.deepEqual(a.quotes.map((q) => [a.speakers.find((s) => s.id === q.speakerId)?.name ?? null, q.cue?.text ?? null]), [[speaker, cue]]);
    });
  }
});

describe('a surname alone after a quote that ends with a comma, with an age or an appositive before the verb', () => {
  /** [article, the speaker and cue of its quote]: the name is the article's only mention of that person. */
  const cases: [string, [string, string]][] = [
    ['Talks stall\n\n"We are not there yet," Lopez, a senior official, said.\n', ['Lopez', 'said']],
    ['Talks stall\n\n"Not yet," Smith, 54, said.\n', ['Smith', 'said']],
    ['Talks stall\n\n"Not yet," Garcia, the mayor, told reporters.\n', ['Garcia', 'told reporters']],
    ["Talks stall\n\n''Some may say it is a bit unkind,'' Xinhua, the official news agency, wrote.\n", ['Xinhua', 'wrote']],
    // Curly marks as well as straight ones.
    ['Talks stall\n\n\u201cNot yet,\u201d Smith, 54, said.\n', ['Smith', 'said']],
  ];
  for (const [text, [speaker, cue]] of cases) {
    it(`is the source: ${JSON.stringify(text.split('\n')[2])}`, () => {
      const a = analyze(text);
      assert.deepEqual(a.quotes.map((q) => [a.speakers.find((s) => s.id === q.speakerId)?.name ?? null, q.cue?.text ?? null]), [[speaker, cue]]);
    });
  }
  it('an ordinary word opening the sentence after a quote that ends with a full stop is still no source', () => {
    const a = analyze('Talks stall\n\n"The talks are over." Early, in the morning, the delegates said nothing.\n');
    assert.ok(!a.speakers.some((s) => s.name === 'Early'), JSON.stringify(a.speakers));
  });
});

describe('a clause after a quote', () => {
  it('a clause after the quote, with no appositive, still reports something else', () => {
    const a = analyze('Budget\n\nHe called the plan "absolutely right" when he said the deficit would shrink.\n');
    assert.ok(!a.quotes.some((q) => q.cue?.text === 'said'), JSON.stringify(a.quotes.map((q) => q.cue)));
  });
});
